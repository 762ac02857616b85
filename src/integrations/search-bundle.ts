/**
 * One Pagefind bundle written into the site: its records fed to a Pagefind index, the bundle written, the
 * files the site does not use removed, its fragments replaced by a file per clause, and its metadata made
 * smaller (src/lib/search/build/compact.ts). Shared by the in-process path
 * (./pagefind.ts) and the indexing workers (./search-worker.ts), so both write the same bytes.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type * as Pagefind from 'pagefind';
import { foldForRecognition } from '../lib/read/normalize';
import { loadSearchGroups } from '../lib/search/build/groups';
import { loadSearchNames } from '../lib/search/build/names';
import type { BuildOptions, SearchRecord } from '../lib/search/build/records';
import type { FilterTable } from '../lib/search/browser/layout';
import type { FragmentRecord } from '../lib/search/build/compact';
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
export function buildOptions(base: string, table?: FilterTable): BuildOptions {
  const { groups, departmentGroup } = loadSearchGroups();
  return {
    base,
    fold: buildFold,
    names: loadSearchNames(),
    synonyms: compileSynonyms(groups, buildFold),
    departmentGroup,
    ...(table ? { table } : {}),
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

/**
 * Leave to write a bundle's files, shared by the indexers of one build (./search-index.ts): Pagefind's memory
 * peaks while it writes a bundle, not while it is fed. Measured at 300 plans (`bench:scale --log`, each
 * process's RSS every 250 ms): a Pagefind process held ~0.1 GB while fed a bundle's ~4,000 records and
 * ~0.55 GB for the seconds it wrote them; two indexers started together wrote at the same moment, so their
 * peaks added up. Only one writes at a time now (`PLAN_ATLAS_SEARCH_WRITERS` allows more); the other goes on
 * being fed.
 */
export interface WriteSlot {
  /** Resolves when this indexer may write. */
  acquire(): Promise<void>;
  /** The files are written and the Pagefind process that wrote them has been stopped. */
  release(): void;
}

/** Throws when a Pagefind response reports errors, naming the step. */
function check<T extends { errors: string[] }>(step: string, response: T): T {
  if (response.errors.length > 0) {
    throw new Error(`Pagefind ${step} failed: ${response.errors.join('; ')}`, { cause: response.errors });
  }
  return response;
}

/**
 * Writes `bundle` into `outDir/<bundle.dir>` with the Pagefind service of `pagefind`, and stops that service
 * once the files are written (the next `createIndex` starts another): its process keeps most of what it grew
 * to while writing (~0.25–0.4 GB at 300 plans), and the bundle's compaction below needs it no more.
 * `merged` for every bundle but the first, which keeps the script and WebAssembly all bundles are searched by;
 * `slot`, where several indexers run at once, lets one write at a time. Every response's `errors` are
 * checked. Returns the number of records written.
 */
export async function writeBundle(
  pagefind: typeof Pagefind,
  bundle: Bundle,
  outDir: string,
  merged: boolean,
  slot?: WriteSlot,
): Promise<number> {
  const { index } = check('createIndex', await pagefind.createIndex({ writePlayground: false }));
  if (!index) throw new Error('Pagefind createIndex returned no index');
  // Records go out RECORDS_IN_FLIGHT at a time rather than one answer after another: the service
  // takes them in order (the index is byte-identical) and the build no longer waits a round trip
  // per record (−20% wall for the index of 300 plans, measured twice on the shared machine).
  // Pagefind is given what it indexes and filters by, not the meta: it would index every meta field as
  // words of its own (fragments.ts); each clause's meta goes into a file of its own once the bundle is written.
  const metaByUrl = new Map<string, FragmentRecord>();
  for await (const batch of batches(bundle.records, RECORDS_IN_FLIGHT)) {
    await Promise.all(
      batch.map(async ({ meta, layout, values, ...indexed }) => {
        if (metaByUrl.has(indexed.url)) throw new Error(`two search records at ${indexed.url}`);
        metaByUrl.set(indexed.url, { clauses: meta.clauses, layout, values });
        try {
          check(`addCustomRecord ${indexed.url}`, await index.addCustomRecord(indexed));
        } catch (error) {
          throw new Error(`cannot index ${indexed.url}`, { cause: error });
        }
      }),
    );
  }
  const dir = join(outDir, bundle.dir);
  await slot?.acquire();
  try {
    check('writeFiles', await index.writeFiles({ outputPath: dir }));
  } finally {
    await pagefind.close();
    slot?.release();
  }
  for (const file of readdirSync(dir)) {
    if (UNUSED.test(file) || (merged && UNUSED_MERGED.test(file))) rmSync(join(dir, file));
  }
  compactBundle(dir, bundleKey(bundle.dir), (url) => metaByUrl.get(url));
  return metaByUrl.size;
}
