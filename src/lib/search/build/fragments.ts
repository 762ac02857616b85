/**
 * Lighter Pagefind fragments. Pagefind writes, for every record, a fragment the search page loads to show a
 * result: its URL, meta, filters — and the indexed `content`, from which Pagefind cuts its own excerpt. Our
 * indexed content is the search alphabet's tokens (tokens.ts), about 80% of a fragment's bytes, and never
 * shown: the page cuts excerpts from `meta.text`. So the content is emptied after Pagefind has written the
 * bundle; the index (word positions, used for ranking and literal checks) is untouched. Pagefind's browser
 * code accepts an empty content (its own excerpt is then empty; ours is unaffected).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';

/** The signature Pagefind puts before every decompressed file. */
const SIGNATURE = 'pagefind_dcd';

/** One fragment file's bytes (gzipped, signed JSON) with its content emptied; other fields as they were. */
export function withoutContent(file: Uint8Array, name = 'fragment'): Buffer {
  const text = gunzipSync(file).toString('utf8');
  if (!text.startsWith(SIGNATURE))
    throw new Error(`${name}: not a Pagefind fragment (no ${SIGNATURE} signature)`);
  const fragment = JSON.parse(text.slice(SIGNATURE.length)) as Record<string, unknown>;
  if (typeof fragment['content'] !== 'string')
    throw new Error(`${name}: a Pagefind fragment without content`);
  fragment['content'] = '';
  return gzipSync(SIGNATURE + JSON.stringify(fragment), { level: 9 });
}

/** Empties the content of every fragment of a written bundle; returns the bytes before and after. */
export function lightenFragments(bundleDir: string): { before: number; after: number } {
  const dir = join(bundleDir, 'fragment');
  let before = 0;
  let after = 0;
  for (const file of readdirSync(dir)) {
    if (!file.endsWith('.pf_fragment')) continue;
    const path = join(dir, file);
    const bytes = readFileSync(path);
    const lighter = withoutContent(bytes, path);
    before += bytes.length;
    after += lighter.length;
    writeFileSync(path, lighter);
  }
  return { before, after };
}
