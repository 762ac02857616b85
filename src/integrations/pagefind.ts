/**
 * Builds the Pagefind search index after Astro has written the site (`astro:build:done`), through Pagefind's
 * Node API.
 *
 * Why custom records rather than indexing the built HTML (`addDirectory` / `data-pagefind-*`): a result must be
 * a clause. Measured on the seeds, `addDirectory` over the plan pages gives 5 results, one per plan, each with a
 * single sub-result linking to the plan page — sub-results split a page at headings with ids only, and clauses
 * are <div>s — and a 10–13 KB fragment to load per result. One `addCustomRecord` per clause gives each result its
 * permalink, its own excerpt and filters, a 1–2 KB fragment, and lets the indexed content be the search alphabet
 * of src/lib/search/browser/tokens.ts instead of what Pagefind's Chinese segmenter makes of the text (see there for
 * why). The cost: Pagefind's metadata, loaded before the first query, grows by ~7 bytes per record (137 KB at
 * 20,000 clauses; scripts/bench-search.ts).
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import type { Plan } from '../lib/model/plan';
import { builtPlans, type BuiltPlans } from './built-plans';
import { foldForRecognition } from '../lib/read/normalize';
import { loadSearchNames } from '../lib/search/build/names';
import {
  buildRecordsByPlan,
  planLabels,
  recordsOfPlan,
  type BuildOptions,
  type SearchRecord,
} from '../lib/search/build/records';
import { lightenFragments } from '../lib/search/build/fragments';
import { assignShards, bundleDir } from '../lib/search/build/shards';
import { compileSynonyms } from '../lib/search/browser/synonyms';
import { loadSearchGroups } from '../lib/search/build/groups';
import { lowerAscii } from '../lib/width';

/** Where the index goes, under the site's output directory; the search page loads `<base>pagefind/pagefind.js`. */
export const BUNDLE_DIR = bundleDir(0);

/** Pagefind writes its UI bundles too; the site has its own search page, so they are removed. */
const UNUSED = /^pagefind-(component-ui|modular-ui|ui|highlight)\.(js|css)$/;
/** A merged bundle is searched by the first bundle's script and WebAssembly: its own copies go. */
const UNUSED_MERGED = /^(pagefind(-worker)?\.js|wasm\..*\.pagefind)$/;

/** The build's search fold: recognition fold (OpenCC phrases, width) and lowercase ASCII. */
export const buildFold = (s: string): string => lowerAscii(foldForRecognition(s));

function buildOptions(base: string): BuildOptions {
  const { groups, departmentGroup } = loadSearchGroups();
  return {
    base,
    fold: buildFold,
    names: loadSearchNames(),
    synonyms: compileSynonyms(groups, buildFold),
    departmentGroup,
  };
}

/** Every search record of the plans, with the catalogues' names and the synonyms of content/. */
export function searchRecords(plans: readonly Plan[], base: string): SearchRecord[] {
  return [...buildRecordsByPlan(plans, buildOptions(base)).values()].flat();
}

/** One Pagefind bundle: its directory under the output and its records (a list, or made as they are sent). */
export interface Bundle {
  dir: string;
  records: Iterable<SearchRecord>;
}

/**
 * The records split into bundles of whole plans: one unless the corpus is large (see shards.ts); `count`
 * overrides the number (the benchmark compares).
 */
export function searchBundles(
  plans: readonly Plan[],
  base: string,
  count?: number,
): (Bundle & { records: SearchRecord[] })[] {
  const byPlan = buildRecordsByPlan(plans, buildOptions(base));
  const shards = count === undefined ? assignShards(plans) : assignShards(plans, count);
  const used = Math.max(1, ...[...shards.values()].map((k) => k + 1));
  const bundles = Array.from({ length: used }, (_, k) => ({
    dir: bundleDir(k),
    records: [] as SearchRecord[],
  }));
  for (const plan of plans) bundles[shards.get(plan.id) ?? 0]!.records.push(...(byPlan.get(plan.id) ?? []));
  return bundles;
}

/**
 * The bundles of the built plans, each plan's records made from its whole plan only when the bundle is
 * written: one whole plan in memory at a time, never every plan's records (README "Build memory"). The
 * records and their order are those of `searchBundles`.
 */
export function builtBundles(built: BuiltPlans, base: string): Bundle[] {
  const options = buildOptions(base);
  const labels = planLabels(built.plans);
  const shards = assignShards(built.plans);
  const used = Math.max(1, ...[...shards.values()].map((k) => k + 1));
  return Array.from({ length: used }, (_, k) => ({
    dir: bundleDir(k),
    records: (function* () {
      for (const plan of built.plans) {
        if ((shards.get(plan.id) ?? 0) !== k) continue;
        yield* recordsOfPlan(built.model(plan.id), labels.get(plan.id) as string, options);
      }
    })(),
  }));
}

/** Up to `size` items at a time. */
function* batches<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let batch: T[] = [];
  for (const item of items) {
    batch.push(item);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** Records sent to Pagefind before waiting for their answers (bounds what is queued in memory). */
const RECORDS_IN_FLIGHT = 256;

/** Throws when a Pagefind response reports errors, naming the step. */
function check<T extends { errors: string[] }>(step: string, response: T): T {
  if (response.errors.length > 0) {
    throw new Error(`Pagefind ${step} failed: ${response.errors.join('; ')}`, { cause: response.errors });
  }
  return response;
}

/**
 * Writes each bundle's records as a Pagefind bundle into `outDir/<bundle dir>`. Every response's `errors` are
 * checked; the Pagefind service is closed however it ends. Returns the number of records written.
 */
export async function writeBundles(bundles: readonly Bundle[], outDir: string): Promise<number> {
  let written = 0;
  try {
    for (const bundle of bundles) {
      const { index } = check('createIndex', await pagefind.createIndex({ writePlayground: false }));
      if (!index) throw new Error('Pagefind createIndex returned no index');
      // Records go out RECORDS_IN_FLIGHT at a time rather than one answer after another: the service
      // takes them in order (the index is byte-identical) and the build no longer waits a round trip
      // per record (−20% wall for the index of 300 plans, measured twice on the shared machine).
      for (const batch of batches(bundle.records, RECORDS_IN_FLIGHT)) {
        written += batch.length;
        await Promise.all(
          batch.map(async (record) => {
            try {
              check(`addCustomRecord ${record.url}`, await index.addCustomRecord(record));
            } catch (error) {
              throw new Error(`cannot index ${record.url}`, { cause: error });
            }
          }),
        );
      }
      check('writeFiles', await index.writeFiles({ outputPath: join(outDir, bundle.dir) }));
      await index.deleteIndex();
    }
  } finally {
    await pagefind.close();
  }
  bundles.forEach((bundle, k) => {
    const dir = join(outDir, bundle.dir);
    for (const file of readdirSync(dir)) {
      if (UNUSED.test(file) || (k > 0 && UNUSED_MERGED.test(file))) rmSync(join(dir, file));
    }
    lightenFragments(dir);
  });
  return written;
}

/**
 * The plans the pages of this build were made from (./built-plans.ts), in the order the pages list them: the
 * index is built from exactly the model the pages show.
 */
function pagesPlans(): BuiltPlans {
  const built = builtPlans();
  if (built === undefined)
    throw new Error('no plans were handed over by the pages: the search index needs them');
  return built;
}

/** The Astro integration: indexes every clause of the built plans into `<outDir>/pagefind/` (and more bundles for a large corpus). */
export default function planAtlasSearch(): AstroIntegration {
  let base = '/';
  return {
    name: 'plan-atlas-search',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }: { dir: URL; logger: AstroIntegrationLogger }) => {
        const started = performance.now();
        const outDir = fileURLToPath(dir);
        const built = pagesPlans();
        const bundles = builtBundles(built, base);
        const records = await writeBundles(bundles, outDir);
        logger.info(
          `indexed ${records} records of ${built.plans.length} plans into ${bundles.map((b) => `${b.dir}/`).join(', ')} in ${Math.round(performance.now() - started)} ms`,
        );
      },
    },
  };
}
