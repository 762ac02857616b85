/**
 * Pagefind's files as it writes them (gzipped, behind its signature), and what the build reads of its
 * fragments. Pagefind writes, for every record, a fragment a result would load: its URL, meta, filters and the
 * indexed content. Our records are chapters and a result is one clause, so the build reads only each
 * fragment's URL (which record it is), writes each clause's shown data into a file of its own
 * (compact.ts, browser/clause-file.ts) and deletes the fragment: a result costs its clause, not its chapter.
 *
 * The meta is never given to Pagefind with the record: Pagefind 1.6 indexes every meta field as words of its
 * own (cut by its Chinese segmenter), so the clause text, plan title, heading and citation of every record were
 * indexed a second time — words no query of ours can match (queries are search-alphabet tokens), which only
 * cost indexing time and index bytes.
 */
import { gunzipSync, gzipSync } from 'node:zlib';

/** The signature Pagefind puts before every decompressed file. */
export const SIGNATURE = 'pagefind_dcd';

/** Pagefind's decompressed bytes of one of its files, checked for its signature (`name` is for errors). */
export function unsigned(file: Uint8Array, name: string): Buffer {
  const bytes = gunzipSync(file);
  if (bytes.subarray(0, SIGNATURE.length).toString('latin1') !== SIGNATURE)
    throw new Error(`${name}: not a Pagefind file (no ${SIGNATURE} signature)`);
  return bytes.subarray(SIGNATURE.length);
}

/** Bytes signed and compressed as Pagefind writes its files. */
export function signed(bytes: Uint8Array | string): Buffer {
  return gzipSync(Buffer.concat([Buffer.from(SIGNATURE, 'latin1'), Buffer.from(bytes)]), { level: 9 });
}

/** The URL of a fragment file Pagefind wrote (gzipped, signed JSON); `name` is for errors. */
export function fragmentUrl(file: Uint8Array, name = 'fragment'): string {
  const fragment = JSON.parse(unsigned(file, name).toString('utf8')) as Record<string, unknown>;
  const url = fragment['url'];
  if (typeof url !== 'string') throw new Error(`${name}: a Pagefind fragment without a url`);
  return url;
}
