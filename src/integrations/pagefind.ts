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
 * why). The cost: Pagefind's metadata, loaded before the first query, grows with every record: ~7 bytes per record
 * as Pagefind writes it, ~3 once its fragment names are shortened (src/lib/search/build/compact.ts;
 * scripts/bench-search.ts measures it).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FILTER_TABLE_FILE, type FilterTable } from '../lib/search/browser/layout';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import type { Plan } from '../lib/model/plan';
import { builtPlans, type BuiltPlans } from './built-plans';
import {
  buildRecordsByPlan,
  clausesOfPlan,
  filterValues,
  planLabels,
  type SearchClause,
  type SearchRecord,
} from '../lib/search/build/records';
import { loadSearchNames } from '../lib/search/build/names';
import { planLabel } from '../lib/model/label';
import { assignShards, bundleDir, clauseCount, shardLayout } from '../lib/search/build/shards';
import { buildOptions, writeBundle, type Bundle } from './search-bundle';
import { bundlePlans, writeSearchIndex } from './search-index';
import { SEARCH_HANDOFF_ENV, writeSearchHandoff } from './search-handoff';
import { finishSearchPage } from './search-page-files';
import { planModelDir } from '../loaders/plan-models';

export { buildFold, type Bundle } from './search-bundle';

/** Where the index goes, under the site's output directory; the search page loads `<base>pagefind/pagefind.js`. */
export const BUNDLE_DIR = bundleDir(0);

/** Every search record of the plans, with the catalogues' names and the synonyms of content/. */
export function searchRecords(plans: readonly Plan[], base: string): SearchRecord[] {
  return [...buildRecordsByPlan(plans, buildOptions(base)).values()].flat();
}

/** Every clause of the plans as a result shows it (the records hold them grouped by chapter). */
export function searchClauses(plans: readonly Plan[], base: string): SearchClause[] {
  const options = buildOptions(base);
  const labels = planLabels(plans);
  return plans.flatMap((plan) => clausesOfPlan(plan, labels.get(plan.id) ?? planLabel(plan), options));
}

/**
 * The records split into bundles of whole plans: one unless the corpus is large (see shards.ts); `count`
 * overrides the number and `first` the first bundle's clauses (the benchmark compares layouts).
 */
export function searchBundles(
  plans: readonly Plan[],
  base: string,
  count?: number,
  first?: number,
): (Bundle & { records: SearchRecord[] })[] {
  const byPlan = buildRecordsByPlan(plans, buildOptions(base));
  const shards = assignShards(plans, shardLayout(clauseCount(plans), { count, first }));
  const used = Math.max(1, ...[...shards.values()].map((k) => k + 1));
  const bundles = Array.from({ length: used }, (_, k) => ({
    dir: bundleDir(k),
    records: [] as SearchRecord[],
  }));
  for (const plan of plans) bundles[shards.get(plan.id) ?? 0]!.records.push(...(byPlan.get(plan.id) ?? []));
  return bundles;
}

/**
 * Writes each bundle's records as a Pagefind bundle into `outDir/<bundle dir>`, one after another in this
 * thread (the benchmark's path; the build's is ./search-index.ts). The Pagefind service is closed however it
 * ends. Returns the number of records written.
 */
export async function writeBundles(
  bundles: readonly Bundle[],
  outDir: string,
  table: FilterTable,
): Promise<number> {
  let written = 0;
  try {
    for (const [k, bundle] of bundles.entries())
      written += await writeBundle(pagefind, bundle, outDir, k > 0);
  } finally {
    await pagefind.close();
  }
  writeFileSync(join(outDir, bundles[0]?.dir ?? BUNDLE_DIR, FILTER_TABLE_FILE), JSON.stringify(table));
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
        const handoff = process.env[SEARCH_HANDOFF_ENV];
        if (handoff) {
          // `npm run build` indexes in a process of its own once this one has ended (./search-handoff.ts).
          writeSearchHandoff(handoff, {
            base,
            modelDir: planModelDir(),
            bundles: bundlePlans(built.plans),
            table: filterValues(built.plans, loadSearchNames()),
          });
          logger.info(`the index of ${built.plans.length} plans is written next, in a process of its own`);
          return;
        }
        const { dirs, records, workers } = await writeSearchIndex(built, outDir, { base });
        // The search page names the index's first files, now that they exist, and preloads its modules (lib/search/build/search-page.ts).
        finishSearchPage(outDir, base);
        logger.info(
          `indexed ${records} records of ${built.plans.length} plans into ${dirs.map((d) => `${d}/`).join(', ')} in ${Math.round(performance.now() - started)} ms (${workers} ${workers === 1 ? 'thread' : 'worker threads'})`,
        );
      },
    },
  };
}
