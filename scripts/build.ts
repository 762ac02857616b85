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
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * The build's JavaScript heap, in MB (`PLAN_ATLAS_BUILD_HEAP_MB`). Why a cap: left alone, V8 lets a
 * process's heap grow towards a quarter of the machine's memory (4 GB here) before it collects in earnest,
 * so the build's resident memory followed the machine, not the work: at 3,000 plans the Astro process held
 * 3.1 GB while the live heap, measured after full collections, stayed a few hundred MB (~220 MB at 1,000
 * plans). Capped, V8 collects sooner and the build fits its 2 GB goal with Pagefind beside it; a corpus far
 * beyond 3,000 plans may need more (the build then fails with "heap out of memory", naming this variable).
 */
const HEAP_MB = process.env['PLAN_ATLAS_BUILD_HEAP_MB'] || '1280';
const HEAP_FLAG = '--max-old-space-size';
if (!/^\d+$/.test(HEAP_MB)) {
  console.error(`PLAN_ATLAS_BUILD_HEAP_MB must be a whole number of MB, not “${HEAP_MB}”`);
  process.exit(1);
}
// The flag must be given when Node starts: the build runs itself again with it (same loader flags, same
// arguments), unless Node was started with a heap size already.
const heapGiven = [...process.execArgv, process.env['NODE_OPTIONS'] ?? ''].some((arg) =>
  arg.includes(HEAP_FLAG),
);
if (!heapGiven) {
  const run = spawnSync(
    process.execPath,
    [...process.execArgv, `${HEAP_FLAG}=${HEAP_MB}`, ...process.argv.slice(1)],
    { stdio: 'inherit' },
  );
  // V8 aborts a process out of heap (SIGABRT, after printing "heap out of memory").
  if (run.signal === 'SIGABRT')
    console.error(
      `the build was aborted: if it ran out of heap, raise PLAN_ATLAS_BUILD_HEAP_MB (now ${HEAP_MB})`,
    );
  else if (run.signal) console.error(`the build was stopped by ${run.signal}`);
  process.exit(run.status ?? 1);
}

// Loaded only here, in the process that builds: the one that runs it again stays small.
const { build } = await import('astro');
const { lastIngestReport, summaryLines } = await import('../src/integrations/ingest-report');

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
