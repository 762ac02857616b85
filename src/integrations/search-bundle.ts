/**
 * One Pagefind bundle written into the site: its records fed to a Pagefind index, the bundle written, the
 * files the site does not use removed, its fragments lightened and given their meta, and its metadata made
 * smaller (src/lib/search/build/compact.ts). Shared by the in-process path
 * (./pagefind.ts) and the indexing workers (./search-worker.ts), so both write the same bytes.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type * as Pagefind from 'pagefind';
import { foldForRecognition } from '../lib/read/normalize';
import { loadSearchGroups } from '../lib/search/build/groups';
import { loadSearchNames } from '../lib/search/build/names';
import type { BuildOptions, RecordMeta, SearchRecord } from '../lib/search/build/records';
import { compactBundle } from '../lib/search/build/compact';
import { bundleKey } from '../lib/search/build/shards';
import { compileSynonyms } from '../lib/search/browser/synonyms';
import { lowerAscii } from '../lib/width';

/** Pagefind writes its UI bundles too; the site has its own search page, so they are removed. */
const UNUSED = /^pagefind-(component-ui|modular-ui|ui|highlight)\.(js|css)$/;
/** A merged bundle is searched by the first bundle's script and WebAssembly: its own copies go. */
const UNUSED_MERGED = /^(pagefind(-worker)?\.js|wasm\..*\.pagefind)$/;

/** Records sent to Pagefind before waiting for their answers (bounds what is queued in memory). */
const RECORDS_IN_FLIGHT = 256;

/** The build's search fold: recognition fold (OpenCC phrases, width) and lowercase ASCII. */
export const buildFold = (s: string): string => lowerAscii(foldForRecognition(s));

/** What records are built with: the catalogues' names and the synonyms of content/, under `base`. */
export function buildOptions(base: string): BuildOptions {
  const { groups, departmentGroup } = loadSearchGroups();
  return {
    base,
    fold: buildFold,
    names: loadSearchNames(),
    synonyms: compileSynonyms(groups, buildFold),
    departmentGroup,
  };
}

/**
 * One Pagefind bundle: its directory under the output and its records (a list, or made as they are sent —
 * an indexing worker's come plan by plan, each plan asked of the parent when the records before it are sent).
 */
export interface Bundle {
  dir: string;
  records: Iterable<SearchRecord> | AsyncIterable<SearchRecord>;
}

/** Up to `size` items at a time. */
async function* batches<T>(items: Iterable<T> | AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const item of items) {
    batch.push(item);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** Throws when a Pagefind response reports errors, naming the step. */
function check<T extends { errors: string[] }>(step: string, response: T): T {
  if (response.errors.length > 0) {
    throw new Error(`Pagefind ${step} failed: ${response.errors.join('; ')}`, { cause: response.errors });
  }
  return response;
}

/**
 * Writes `bundle` into `outDir/<bundle.dir>` with the Pagefind service of `pagefind` (the caller closes it);
 * `merged` for every bundle but the first, which keeps the script and WebAssembly all bundles are searched by.
 * Every response's `errors` are checked. Returns the number of records written.
 */
export async function writeBundle(
  pagefind: typeof Pagefind,
  bundle: Bundle,
  outDir: string,
  merged: boolean,
): Promise<number> {
  const { index } = check('createIndex', await pagefind.createIndex({ writePlayground: false }));
  if (!index) throw new Error('Pagefind createIndex returned no index');
  // Records go out RECORDS_IN_FLIGHT at a time rather than one answer after another: the service
  // takes them in order (the index is byte-identical) and the build no longer waits a round trip
  // per record (−20% wall for the index of 300 plans, measured twice on the shared machine).
  // Pagefind is given what it indexes and filters by, not the meta: it would index every meta field as
  // words of its own (fragments.ts); the meta goes into the fragments once they are written.
  const metaByUrl = new Map<string, RecordMeta>();
  for await (const batch of batches(bundle.records, RECORDS_IN_FLIGHT)) {
    await Promise.all(
      batch.map(async ({ meta, ...indexed }) => {
        if (metaByUrl.has(indexed.url)) throw new Error(`two search records at ${indexed.url}`);
        metaByUrl.set(indexed.url, meta);
        try {
          check(`addCustomRecord ${indexed.url}`, await index.addCustomRecord(indexed));
        } catch (error) {
          throw new Error(`cannot index ${indexed.url}`, { cause: error });
        }
      }),
    );
  }
  const dir = join(outDir, bundle.dir);
  check('writeFiles', await index.writeFiles({ outputPath: dir }));
  await index.deleteIndex();
  for (const file of readdirSync(dir)) {
    if (UNUSED.test(file) || (merged && UNUSED_MERGED.test(file))) rmSync(join(dir, file));
  }
  compactBundle(dir, bundleKey(bundle.dir), (url) => metaByUrl.get(url));
  return metaByUrl.size;
}
