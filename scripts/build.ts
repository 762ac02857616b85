/**
 * `npm run build [-- --strict]`: the whole site — plans from the seeds (the plans loader), pages, data
 * downloads and the search index — into `PLAN_ATLAS_OUT_DIR` (default `dist/`).
 *
 * Two steps, each a process of its own: the pages (./build/pages.ts: Astro — ingest, pages, data downloads),
 * then, once that process has ended and its memory is free, the search index (./build/search.ts: Pagefind's
 * indexers; src/integrations/search-handoff.ts says why). This process only runs them and stays small.
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
// Imports name their `.ts` files: Node runs this script itself, stripping the types, without tsx (the comment on
// the search step below says why), so it and what it imports must be erasable TypeScript.
import { SEARCH_HANDOFF_ENV } from '../src/integrations/search-handoff.ts';
import { withoutTsxLoader, withTsxLoader } from './build/command.ts';
import { readStepResult, RESULT_ENV, type StepResult } from './build/result.ts';

/**
 * The build's JavaScript heap, in MB (`PLAN_ATLAS_BUILD_HEAP_MB`), for each step's process. Why a cap: left
 * alone, V8 lets a process's heap grow towards a quarter of the machine's memory (4 GB here) before it
 * collects in earnest, so the build's resident memory followed the machine, not the work: at 3,000 plans the
 * Astro process held 3.1 GB while the live heap, measured after full collections, stayed a few hundred MB
 * (~220 MB at 1,000 plans). Capped, V8 collects sooner; a corpus far beyond 3,000 plans may need more (the
 * build then fails with "heap out of memory", naming this variable).
 */
const HEAP_MB = process.env['PLAN_ATLAS_BUILD_HEAP_MB'] || '1280';
const HEAP_FLAG = '--max-old-space-size';
if (!/^\d+$/.test(HEAP_MB)) {
  console.error(`PLAN_ATLAS_BUILD_HEAP_MB must be a whole number of MB, not “${HEAP_MB}”`);
  process.exit(1);
}
// The flag must be given when Node starts, so each step gets it on its command line (with this process's
// loader flags), unless Node was started with a heap size already.
const heapGiven = [...process.execArgv, process.env['NODE_OPTIONS'] ?? ''].some((arg) =>
  arg.includes(HEAP_FLAG),
);

/**
 * The pages' step's young generation, in MB per semi-space (V8's default is 16). Why: rendering makes many
 * short-lived objects, and with the default nursery the step spent ~15% of its samples in the garbage
 * collector (CPU profile of the pages at 1,000 plans). Measured on the pages' step at 300 plans, alternating
 * two runs each on the shared machine: 43.7 and 42.0 s of CPU with the default, 38.8 and 37.4 s with 64 MB
 * (−11%), for ~100 MB more resident (0.72 → 0.82 GB). The search step is left as it is: its own thread
 * mostly waits, and its memory is the build's peak.
 */
const PAGES_SEMI_SPACE_FLAG = '--max-semi-space-size';
const PAGES_SEMI_SPACE_MB = 64;
const semiSpaceGiven = [...process.execArgv, process.env['NODE_OPTIONS'] ?? ''].some((arg) =>
  arg.includes(PAGES_SEMI_SPACE_FLAG),
);

/**
 * How far the pages' step lets each heap grow past what survived its last full collection, in percent (V8's
 * `--heap-growing-percent`; left alone V8 picks the factor itself, from the collector's speed and the cap). Why:
 * the pages' process held ~1.4–1.7 GB through the rendering at 3,000 plans, Astro's thread's heap growing towards
 * its 1,280 MB cap while far less of it was live; with 30% the step's peak at 3,000 plans was ~160 MB lower
 * (README "Build memory" has the figures). The cap above still bounds each heap. A V8 flag, so it applies to the
 * step's worker threads too.
 */
const PAGES_GROWING_FLAG = '--heap-growing-percent';
const PAGES_GROWING_PERCENT = 30;
const growingGiven = [...process.execArgv, process.env['NODE_OPTIONS'] ?? ''].some((arg) =>
  arg.includes(PAGES_GROWING_FLAG),
);

/**
 * The pages' step runs without tsx's loader (`--import tsx`), Node stripping its script's types itself. Why: a
 * loader's hooks run on a thread of their own, and every module import of the process is a round trip to it —
 * including the import of a page's module that Astro's renderer makes for every file it writes (a CPU profile of
 * the pages at 300 plans: 2.7 s of the main thread in the loader's `postMessage`, ~12 s of the hooks thread).
 * Nothing there needs tsx: Astro loads the config, the integrations and the pages through Vite, and the worker
 * threads load their TypeScript through tsx's API (src/integrations/data-downloads-worker.mjs). The search step
 * keeps it: its script's imports name no extensions, and its thread mostly waits for the indexers.
 */
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

/** The highest peak of the steps' processes, in MB. */
let peakMb = 0;

function finish(code: number, lines: string[]): never {
  console.log('');
  for (const line of lines) console.log(line);
  console.log(`peak memory ${peakMb.toFixed(0)} MB; exit ${code}`);
  process.exit(code);
}

/**
 * Runs a step's script in a process of its own (heap capped, output shared) and returns what it reported, or a
 * failure naming how it ended when it reported nothing.
 */
function runStep(
  script: string,
  env: NodeJS.ProcessEnv,
  resultPath: string,
  {
    flags = [],
    nodeArgs = process.execArgv,
  }: { flags?: readonly string[]; nodeArgs?: readonly string[] } = {},
): StepResult {
  const run = spawnSync(
    process.execPath,
    [
      ...nodeArgs,
      ...(heapGiven ? [] : [`${HEAP_FLAG}=${HEAP_MB}`]),
      ...flags,
      join(ROOT, 'scripts', 'build', script),
    ],
    { stdio: 'inherit', env: { ...process.env, ...env, [RESULT_ENV]: resultPath } },
  );
  const result = readStepResult(resultPath);
  if (result) {
    peakMb = Math.max(peakMb, result.peakMb);
    return result;
  }
  // V8 aborts a process out of heap (SIGABRT, after printing "heap out of memory").
  const how =
    run.signal === 'SIGABRT'
      ? `it was aborted: if it ran out of heap, raise PLAN_ATLAS_BUILD_HEAP_MB (now ${HEAP_MB})`
      : run.signal
        ? `it was stopped by ${run.signal}`
        : `it exited with ${run.status}`;
  return { failure: `the ${script} step ended without a result: ${how}`, peakMb: 0 };
}

removeStaleStaging();
const staging = join(dirname(outDir), `${STAGING_PREFIX}${process.pid}`);
const cacheDir = mkdtempSync(join(tmpdir(), 'plan-atlas-cache-'));
const handoff = join(cacheDir, 'search-handoff.json');
const stepEnv = {
  PLAN_ATLAS_BUILD_STAGING: staging,
  PLAN_ATLAS_BUILD_CACHE: cacheDir,
  [SEARCH_HANDOFF_ENV]: handoff,
};
let pages: StepResult;
let search: StepResult | null = null;
try {
  pages = runStep('pages.ts', stepEnv, join(cacheDir, 'pages-result.json'), {
    flags: [
      ...(semiSpaceGiven ? [] : [`${PAGES_SEMI_SPACE_FLAG}=${PAGES_SEMI_SPACE_MB}`]),
      ...(growingGiven ? [] : [`${PAGES_GROWING_FLAG}=${PAGES_GROWING_PERCENT}`]),
    ],
    nodeArgs: withoutTsxLoader(process.execArgv),
  });
  // No handoff when the site has no search step (a project copy without it, e.g. bench:pages).
  if (
    pages.failure === null &&
    (pages.plans ?? 0) > 0 &&
    !(strict && (pages.refused ?? 0) > 0) &&
    existsSync(handoff)
  )
    // The search step's imports name no extensions: it runs under tsx's loader. This process does not: it only
    // waits for its steps, and with the loader it held ~77 MB resident and tsx's esbuild service ~12 MB through
    // the whole build, counted in every peak of the build's memory; without it 61 MB (Node's own type stripping
    // costs ~15 MB of that; measured on this script's imports alone).
    search = runStep('search.ts', stepEnv, join(cacheDir, 'search-result.json'), {
      nodeArgs: withTsxLoader(process.execArgv),
    });
} finally {
  rmSync(cacheDir, { recursive: true, force: true });
}

const summary = pages.summary ?? ['no plans were loaded'];
const failure = pages.failure ?? search?.failure ?? null;
if (failure !== null || (pages.plans ?? 0) === 0) {
  rmSync(staging, { recursive: true, force: true });
  finish(1, [...summary, `build failed: ${failure ?? 'no plan could be built'}; ${outDir} left as it was`]);
}
if (strict && (pages.refused ?? 0) > 0) {
  rmSync(staging, { recursive: true, force: true });
  finish(1, [...summary, `strict: seeds were refused; ${outDir} left as it was`]);
}
swapInto(staging);
finish(0, [...summary, `site written to ${outDir}`]);
