/**
 * A bundle's index cut again into chunks of a size chosen for what a search fetches.
 *
 * Pagefind cuts its index into chunks of ~20,000 postings (~60 KB of CBOR) whatever the bundle's size, and a
 * search fetches, per bundle, the whole chunk of each word it looks up: on the seeds (distinct text) 26.5 KB
 * gzipped per word, two for 公转铁, before any result. Smaller chunks cost fewer bytes per word looked up, and
 * more entries in the chunk list of the metadata every search loads first. Per search, about
 *   LIST_BYTES_PER_CHUNK · raw / t  +  WORDS_PER_QUERY · ratio · t
 * bytes (raw: the bundle's postings before compression; ratio: what they compress to; t: bytes per chunk before
 * compression), least at t = √(LIST_BYTES_PER_CHUNK · raw / (WORDS_PER_QUERY · ratio)). The ratio is measured
 * on the bundle's own chunks as Pagefind wrote them: repeated text (the benchmark's copies of the seeds)
 * compresses ~12× better than distinct text, so it is cut into larger chunks.
 *
 * The words, their postings and their order are Pagefind's own; only where one chunk ends and the next begins
 * changes, and the metadata's bounds are cut to prefixes as Pagefind cuts its own (`chunk_meta`).
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { arrayHead, arrayItems, textAt } from './cbor-items';
import { signed, unsigned } from './fragments';

/** An index chunk in Pagefind's metadata: the first and last words it holds (as prefixes), its file's name. */
export type MetaChunk = [from: string, to: string, name: string];

/** Gzipped bytes one more chunk adds to the metadata's chunk list (bounds and short name; measured ~7–9). */
export const LIST_BYTES_PER_CHUNK = 8;
/** Words a search looks up, on average (the benchmark's queries: 2.5). */
export const WORDS_PER_QUERY = 2.5;
/** About what Pagefind 1.6 puts in one chunk, in bytes of CBOR: never cut larger than it does. */
export const PAGEFIND_CHUNK_BYTES = 60_000;
/** A chunk is never cut smaller than this (a word's postings are never split: a chunk holds whole words). */
export const MIN_CHUNK_BYTES = 1_000;

/**
 * Bytes of postings (CBOR) per chunk for a bundle of `rawBytes` of postings that compress to `ratio` of their
 * size (see above), within [MIN_CHUNK_BYTES, PAGEFIND_CHUNK_BYTES].
 */
export function chunkTarget(rawBytes: number, ratio: number): number {
  const best = Math.sqrt((LIST_BYTES_PER_CHUNK * rawBytes) / (WORDS_PER_QUERY * Math.max(ratio, 1e-3)));
  return Math.round(Math.min(PAGEFIND_CHUNK_BYTES, Math.max(MIN_CHUNK_BYTES, best)));
}

/** The shortest prefixes telling the last word of one chunk from the first of the next (Pagefind's get_prefixes). */
export function boundary(last: string, first: string): [string, string] {
  const a = [...last];
  const b = [...first];
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return [a.slice(0, common + 1).join(''), b.slice(0, common + 1).join('')];
}

/** A word of a chunk: its text and its entry (`[word, pages, …]`) as the bytes Pagefind wrote. */
interface Entry {
  word: string;
  bytes: Uint8Array;
}

/** The entries of a chunk (`[[entry, …]]`), in Pagefind's order. */
function entriesOf(raw: Uint8Array, name: string): Entry[] {
  // One array (head 0x81) holding the array of entries, and nothing after it.
  const items = raw[0] === 0x81 ? arrayItems(raw, 1) : null;
  if (!items || (items[items.length - 1]?.[1] ?? 2) !== raw.length)
    throw new Error(`${name}: not a Pagefind 1.6 index chunk ([[[word, pages, …], …]])`);
  return items.map(([start, end]) => {
    const entry = raw.subarray(start, end);
    // The word is the entry's first field: right after the array's head (one byte up to 23 fields).
    if (entry[0] === undefined || entry[0] >> 5 !== 4 || (entry[0] & 31) === 0 || (entry[0] & 31) >= 24)
      throw new Error(`${name}: an index entry that is not [word, pages, …]`);
    return { word: textAt(entry, 1), bytes: entry };
  });
}

/** A chunk of `entries` as Pagefind encodes one: `[[entry, …]]`. */
function chunkOf(entries: readonly Entry[]): Buffer {
  return Buffer.concat([arrayHead(1), arrayHead(entries.length), ...entries.map((e) => e.bytes)]);
}

/**
 * Cuts the index chunks of the bundle in `dir` (listed by `chunks`) again into chunks of about `chunkTarget`
 * bytes, each holding whole words, in Pagefind's order, every word's entry the bytes Pagefind wrote. Writes
 * the new chunk files (named `rechunk-<k>`, for compact.ts to rename) and removes Pagefind's, and returns the
 * new chunk list; returns `chunks` itself, nothing written, when Pagefind's own chunks are already no larger
 * than the target.
 */
export function rechunk(dir: string, chunks: readonly MetaChunk[]): MetaChunk[] {
  const files = chunks.map(([, , name]) => {
    const path = join(dir, 'index', `${name}.pf_index`);
    const gz = readFileSync(path);
    return { path, gz, raw: unsigned(gz, path) };
  });
  const rawBytes = files.reduce((n, f) => n + f.raw.length, 0);
  const gzBytes = files.reduce((n, f) => n + f.gz.length, 0);
  const target = chunkTarget(rawBytes, gzBytes / Math.max(1, rawBytes));
  if (rawBytes / Math.max(1, files.length) <= target) return [...chunks];
  const pieces: Entry[][] = [];
  let piece: Entry[] = [];
  let size = 0;
  for (const { path, raw } of files) {
    for (const entry of entriesOf(raw, path)) {
      piece.push(entry);
      size += entry.bytes.length;
      if (size >= target) {
        pieces.push(piece);
        piece = [];
        size = 0;
      }
    }
  }
  if (piece.length > 0) pieces.push(piece);
  for (const { path } of files) rmSync(path);
  const out = pieces.map((entries, k): MetaChunk => {
    const name = `rechunk-${k}`;
    writeFileSync(join(dir, 'index', `${name}.pf_index`), signed(chunkOf(entries)));
    return [entries[0]!.word, entries[entries.length - 1]!.word, name];
  });
  for (let k = 0; k + 1 < out.length; k++) {
    const [to, from] = boundary(out[k]![1], out[k + 1]![0]);
    out[k]![1] = to;
    out[k + 1]![0] = from;
  }
  return out;
}
