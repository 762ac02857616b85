/**
 * `npm run build [-- --strict]`: the whole site — plans from the seeds (the plans loader), pages, data
 * downloads and the search index — into `PLAN_ATLAS_OUT_DIR` (default `dist/`).
 *
 * Atomic: Astro builds into a staging folder beside the output; only a build that fully succeeded (pages and
 * search index) replaces the output, by renaming. An interrupted or failed build leaves the previous output as
 * it was. Astro's cache goes to a temporary folder, so builds never write into the checkout and two builds in
 * one checkout never share state.
 *
 * Ends with a short summary (plans built, plans with warnings, seeds refused and why) as its last lines. Exit
 * code: 0 when the site was built; 1 when the build failed or no plan could be built; with `--strict` or
 * `PLAN_ATLAS_STRICT=1`, also when any seed was refused (CI builds strictly).
 */
import { existsSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { build } from 'astro';
import { lastIngestReport, summaryLines } from '../src/integrations/ingest-report';

const ROOT = resolve(import.meta.dirname, '..');
const strict = process.argv.includes('--strict') || process.env['PLAN_ATLAS_STRICT'] === '1';
const outDir = resolve(process.env['PLAN_ATLAS_OUT_DIR'] || join(ROOT, 'dist'));
const STAGING_PREFIX = `.${basename(outDir)}.building-`;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Staging folders left by builds that were interrupted (their process is gone). */
function removeStaleStaging(): void {
  const parent = dirname(outDir);
  if (!existsSync(parent)) return;
  for (const name of readdirSync(parent)) {
    if (!name.startsWith(STAGING_PREFIX)) continue;
    const pid = Number(name.slice(STAGING_PREFIX.length));
    if (!alive(pid)) rmSync(join(parent, name), { recursive: true, force: true });
  }
}

/** Replaces `outDir` with `staging`: two renames in one folder, so readers see the old or the new site. */
function swapInto(staging: string): void {
  const previous = join(dirname(outDir), `${STAGING_PREFIX}${process.pid}-previous`);
  if (existsSync(outDir)) renameSync(outDir, previous);
  renameSync(staging, outDir);
  rmSync(previous, { recursive: true, force: true });
}

function finish(code: number, lines: string[]): never {
  const peak = process.resourceUsage().maxRSS / 1024;
  console.log('');
  for (const line of lines) console.log(line);
  console.log(`peak memory ${peak.toFixed(0)} MB; exit ${code}`);
  process.exit(code);
}

removeStaleStaging();
const staging = join(dirname(outDir), `${STAGING_PREFIX}${process.pid}`);
const cacheDir = mkdtempSync(join(tmpdir(), 'plan-atlas-cache-'));
let failure: string | null = null;
try {
  await build({ root: ROOT, outDir: staging, cacheDir });
} catch (error) {
  failure = (error as Error).message.split('\n')[0] ?? String(error);
} finally {
  rmSync(cacheDir, { recursive: true, force: true });
}

const report = lastIngestReport();
const summary = report ? summaryLines(report) : ['no plans were loaded'];
if (failure !== null || !report || report.plans.length === 0) {
  rmSync(staging, { recursive: true, force: true });
  finish(1, [...summary, `build failed: ${failure ?? 'no plan could be built'}; ${outDir} left as it was`]);
}
if (strict && report.refused.length > 0) {
  rmSync(staging, { recursive: true, force: true });
  finish(1, [...summary, `strict: seeds were refused; ${outDir} left as it was`]);
}
swapInto(staging);
finish(0, [...summary, `site written to ${outDir}`]);
