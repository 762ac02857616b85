/**
 * The search step of `npm run build` (../build.ts runs it as a process of its own, after the pages' process
 * has ended): writes the Pagefind index of the plans the pages' process handed over
 * (src/integrations/search-handoff.ts) into the staging folder. Environment: PLAN_ATLAS_SEARCH_HANDOFF,
 * PLAN_ATLAS_BUILD_STAGING.
 */
import { readPlanModelIn, readPlanModelJsonIn } from '../../src/loaders/plan-models';
import { readSearchHandoff, SEARCH_HANDOFF_ENV } from '../../src/integrations/search-handoff';
import { writeBundles } from '../../src/integrations/search-index';
import { finishSearchPage } from '../../src/integrations/search-page-files';
import { firstLine, writeStepResult } from './result';

const handoffPath = process.env[SEARCH_HANDOFF_ENV];
const outDir = process.env['PLAN_ATLAS_BUILD_STAGING'];
if (!handoffPath || !outDir) throw new Error('run the search step through npm run build');

const started = performance.now();
let failure: string | null = null;
try {
  const { base, modelDir, bundles, table } = readSearchHandoff(handoffPath);
  const { dirs, records, workers } = await writeBundles(
    bundles,
    (id) => readPlanModelIn(modelDir, id),
    outDir,
    // The workers are sent each model file's text, which they parse (search-index.ts `runWorker`).
    { base, table, modelJson: (id) => readPlanModelJsonIn(modelDir, id) },
  );
  // The search page names the index's first files, now that they exist, and preloads its modules (src/lib/search/build/search-page.ts).
  finishSearchPage(outDir, base);
  const plans = bundles.reduce((n, b) => n + b.plans.length, 0);
  // The line the search integration logs when it indexes in Astro's process.
  console.log(
    `${new Date().toTimeString().slice(0, 8)} [plan-atlas-search] indexed ${records} records of ${plans} plans into ${dirs.map((d) => `${d}/`).join(', ')} in ${Math.round(performance.now() - started)} ms (${workers} ${workers === 1 ? 'thread' : 'worker threads'})`,
  );
} catch (error) {
  failure = firstLine(error);
  console.error(error);
}
writeStepResult({ failure });
process.exit(0);
