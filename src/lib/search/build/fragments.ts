/**
 * Our Pagefind fragments. Pagefind writes, for every record, a fragment the search page loads to show a result:
 * its URL, meta, filters — and the indexed `content`, from which Pagefind cuts its own excerpt. Our indexed
 * content is the search alphabet's tokens (tokens.ts), about 80% of a fragment's bytes, and never shown: the
 * page cuts excerpts from `meta.text`. So the content is emptied after Pagefind has written the bundle; the
 * index (word positions, used for ranking and literal checks) is untouched. Pagefind's browser code accepts an
 * empty content (its own excerpt is then empty; ours is unaffected).
 *
 * The meta is put in here too, rather than given to Pagefind with the record: Pagefind 1.6 indexes every meta
 * field as words of its own (cut by its Chinese segmenter), so the clause text, plan title, heading and
 * citation of every record were indexed a second time — words no query of ours can match (queries are
 * search-alphabet tokens), which only cost indexing time and index bytes.
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

/**
 * One fragment file's bytes (gzipped, signed JSON) with its content emptied and, when `metaOf` is given, the
 * meta of its URL put in (a fragment whose URL has none is refused); other fields as they were.
 */
export function finishedFragment(
  file: Uint8Array,
  name = 'fragment',
  metaOf?: (url: string) => unknown,
): Buffer {
  const fragment = JSON.parse(unsigned(file, name).toString('utf8')) as Record<string, unknown>;
  if (typeof fragment['content'] !== 'string')
    throw new Error(`${name}: a Pagefind fragment without content`);
  fragment['content'] = '';
  if (metaOf) {
    const url = fragment['url'];
    const meta = typeof url === 'string' ? metaOf(url) : undefined;
    if (!meta) throw new Error(`${name}: no record meta for the fragment of ${String(url)}`);
    fragment['meta'] = meta;
  }
  return signed(JSON.stringify(fragment));
}

/** The fragment's content emptied, nothing else changed (finishedFragment without meta). */
export function withoutContent(file: Uint8Array, name = 'fragment'): Buffer {
  return finishedFragment(file, name);
}
