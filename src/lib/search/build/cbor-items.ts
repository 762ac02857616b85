/**
 * Where CBOR items begin and end, without decoding them: rechunk.ts moves Pagefind's index entries between
 * chunks as the bytes Pagefind wrote. Decoding every entry with cborg and encoding it again cost 3.2 s of CPU
 * for the 9.2 MB of postings of 20 copies of the seeds (~100 s at 3,000 plans); walking the bytes costs a
 * small fraction of that. Definite lengths only (what Pagefind writes); anything else is refused.
 */

/** The item's argument (length, count or value) and where its content starts. */
function head(bytes: Uint8Array, at: number): { major: number; arg: number; next: number } {
  const first = bytes[at];
  if (first === undefined) throw new Error(`CBOR: no item at byte ${at}`);
  const major = first >> 5;
  const info = first & 31;
  if (info < 24) return { major, arg: info, next: at + 1 };
  const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0;
  if (size === 0) throw new Error(`CBOR: indefinite or reserved length at byte ${at}`);
  if (at + size >= bytes.length) throw new Error(`CBOR: item at byte ${at} runs past the end`);
  let arg = 0;
  for (let i = 1; i <= size; i++) arg = arg * 256 + (bytes[at + i] as number);
  return { major, arg, next: at + 1 + size };
}

/** The byte just past the CBOR item that starts at `at`. */
export function itemEnd(bytes: Uint8Array, at: number): number {
  const { major, arg, next } = head(bytes, at);
  switch (major) {
    case 0:
    case 1:
    case 7:
      // Integers, and simple values and floats, whose bytes the argument was.
      return next;
    case 2:
    case 3:
      return next + arg;
    case 4:
    case 5: {
      let end = next;
      for (let i = 0; i < arg * (major === 5 ? 2 : 1); i++) end = itemEnd(bytes, end);
      return end;
    }
    default:
      // A tag: its one item follows.
      return itemEnd(bytes, next);
  }
}

/** The items of the CBOR array that starts at `at`, as [start, end) byte ranges. */
export function arrayItems(bytes: Uint8Array, at: number): [number, number][] {
  const { major, arg, next } = head(bytes, at);
  if (major !== 4) throw new Error(`CBOR: no array at byte ${at}`);
  const items: [number, number][] = [];
  let start = next;
  for (let i = 0; i < arg; i++) {
    const end = itemEnd(bytes, start);
    items.push([start, end]);
    start = end;
  }
  return items;
}

/** The text of the CBOR text string that starts at `at`. */
export function textAt(bytes: Uint8Array, at: number): string {
  const { major, arg, next } = head(bytes, at);
  if (major !== 3) throw new Error(`CBOR: no text string at byte ${at}`);
  return Buffer.from(bytes.buffer, bytes.byteOffset + next, arg).toString('utf8');
}

/** The head of a CBOR array of `count` items, in its shortest form. */
export function arrayHead(count: number): Uint8Array {
  if (count < 24) return Uint8Array.of(0x80 | count);
  if (count < 0x100) return Uint8Array.of(0x98, count);
  if (count < 0x10000) return Uint8Array.of(0x99, count >> 8, count & 0xff);
  return Uint8Array.of(0x9a, (count >>> 24) & 0xff, (count >> 16) & 0xff, (count >> 8) & 0xff, count & 0xff);
}
