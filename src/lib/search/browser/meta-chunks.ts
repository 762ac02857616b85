/**
 * The index chunks a Pagefind bundle's metadata lists, read without Pagefind, and the chunk Pagefind 1.6 fetches
 * for a word. The index worker (src/browser/search/index-worker.ts) has the metadata long before Pagefind's
 * script and WebAssembly are in and answering; with this it starts fetching the chunks of the searches the page
 * sends meanwhile (an opened URL's query), so they are in when Pagefind asks for them instead of one round trip
 * after. A wrong guess costs a chunk fetched for nothing, never a wrong answer: Pagefind still asks for what it
 * needs, and only what it asks for is handed to it.
 *
 * The metadata is CBOR (`[version, pages, [[from, to, name], …], filters, sorts]`, definite lengths only); only
 * its chunk list is read, by walking the bytes: cborg's decoder would add ~7 KB gzipped to the worker's script,
 * which every cold open fetches before its first results.
 */

/** An index chunk as the metadata lists it: the first and last words it holds (cut to prefixes), its name. */
export type IndexChunk = [from: string, to: string, name: string];

/** What Pagefind's gunzipped files start with (pagefind.js `decompress`). */
const SIGNATURE = 'pagefind_dcd';

const utf8 = new TextDecoder();

/** Reads CBOR items one after another from `bytes`. */
class Reader {
  constructor(
    private readonly bytes: Uint8Array,
    public at: number,
  ) {}

  /** The next item's major type and argument (a length, a count or a value), moving past its head. */
  head(): { major: number; arg: number } {
    const first = this.bytes[this.at];
    if (first === undefined) throw new Error('CBOR: the metadata ends too early');
    const info = first & 31;
    this.at++;
    if (info < 24) return { major: first >> 5, arg: info };
    const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0;
    if (size === 0) throw new Error('CBOR: an indefinite length, which Pagefind does not write');
    let arg = 0;
    for (let i = 0; i < size; i++) arg = arg * 256 + (this.bytes[this.at + i] ?? 0);
    this.at += size;
    return { major: first >> 5, arg };
  }

  /** Moves past the next item, whatever it is. */
  skip(): void {
    const { major, arg } = this.head();
    if (major === 2 || major === 3) this.at += arg;
    else if (major === 4) for (let i = 0; i < arg; i++) this.skip();
    else if (major === 5) for (let i = 0; i < 2 * arg; i++) this.skip();
    else if (major === 6) this.skip();
  }

  /** The count of the array that comes next. */
  array(): number {
    const { major, arg } = this.head();
    if (major !== 4) throw new Error('CBOR: an array was expected');
    return arg;
  }

  /** The text string that comes next. */
  text(): string {
    const { major, arg } = this.head();
    if (major !== 3) throw new Error('CBOR: a text string was expected');
    const text = utf8.decode(this.bytes.subarray(this.at, this.at + arg));
    this.at += arg;
    return text;
  }
}

/**
 * The index chunks of a bundle's metadata as Pagefind reads it (gunzipped, starting with its signature), in the
 * metadata's order; null for anything else (still gzipped, another format), so that nothing is guessed.
 */
export function metaChunks(bytes: Uint8Array): IndexChunk[] | null {
  if (utf8.decode(bytes.subarray(0, SIGNATURE.length)) !== SIGNATURE) return null;
  try {
    const reader = new Reader(bytes, SIGNATURE.length);
    if (reader.array() < 3) return null;
    reader.skip(); // version
    reader.skip(); // pages
    const count = reader.array();
    const chunks: IndexChunk[] = [];
    for (let i = 0; i < count; i++) {
      if (reader.array() !== 3) return null;
      chunks.push([reader.text(), reader.text(), reader.text()]);
    }
    return chunks;
  } catch {
    return null;
  }
}

/** Printable ASCII: the search alphabet's words (tokens.ts), which JavaScript and Rust order alike. */
const ASCII_WORD = /^[\x21-\x7e]+$/;

/**
 * The name of the chunk Pagefind 1.6 fetches for a search of the one word `word` (pagefind_web `request_indexes`):
 * the first chunk whose bounds hold it; when none does, the first whose bounds, cut to the word's length, hold
 * the word (a chunk it could be a prefix or an extension of). Null when no chunk would be fetched, or for a word
 * outside the search alphabet (whose order Rust's byte order and JavaScript's could disagree on).
 */
export function chunkFor(chunks: readonly IndexChunk[], word: string): string | null {
  if (!ASCII_WORD.test(word)) return null;
  const strict = chunks.find(([from, to]) => word >= from && word <= to);
  if (strict) return strict[2];
  const loose = chunks.find(
    ([from, to]) =>
      word.slice(0, from.length) >= from.slice(0, word.length) &&
      word.slice(0, to.length) <= to.slice(0, word.length),
  );
  return loose ? loose[2] : null;
}
