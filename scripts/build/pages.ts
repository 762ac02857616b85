/**
 * The pages' step of `npm run build` (../build.ts runs it as a process of its own): Astro builds the site into
 * the staging folder — the plans loader ingests the seeds, then pages, forwards and data downloads — and,
 * asked by `PLAN_ATLAS_SEARCH_HANDOFF`, hands the search index over to the next step instead of writing it
 * (src/integrations/search-handoff.ts says why). Environment: PLAN_ATLAS_BUILD_STAGING, PLAN_ATLAS_BUILD_CACHE.
 */
import { build } from 'astro';
import { resolve } from 'node:path';
// Imports name their `.ts` files: Node runs this step itself, stripping the types, without tsx (../build.ts says
// why), and resolves no path without its extension. So the step's own modules must be erasable TypeScript.
import { lastIngestReport, summaryLines } from '../../src/integrations/ingest-report.ts';
import { firstLine, writeStepResult } from './result.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const outDir = process.env['PLAN_ATLAS_BUILD_STAGING'];
const cacheDir = process.env['PLAN_ATLAS_BUILD_CACHE'];
if (!outDir || !cacheDir) throw new Error('run the pages step through npm run build');

let failure: string | null = null;
try {
  await build({ root: ROOT, outDir, cacheDir });
} catch (error) {
  failure = firstLine(error);
}
const report = lastIngestReport();
writeStepResult({
  failure,
  summary: report ? summaryLines(report) : ['no plans were loaded'],
  plans: report?.plans.length ?? 0,
  refused: report?.refused.length ?? 0,
});
// Astro's build leaves services (esbuild) that would keep the process alive.
process.exit(0);
