/**
 * `npm run bench:scale [-- --sizes 50,300,3000] [--keep]`: the build at national scale (issue 13). Prints each
 * figure against its goal; asserts nothing (the machine is shared, timings vary).
 *
 * For each size N it writes a synthetic corpus of N plans with distinct regions (scripts/bench/corpus.ts) and
 * builds it with `npm run build`'s own script (scripts/build.ts: the plans loader ingests the seeds once, then
 * pages, data and the Pagefind index) in a temporary copy of the project, so the checkout is never written.
 * The ingest's share is the time the plans loader logs. Default sizes are 50 and 300; 3,000 takes well over
 * 15 minutes on a 2-core machine, so it is opt-in: `--sizes 50,300,3000` or PLAN_ATLAS_BENCH_SIZES=50,300,3000.
 *
 * Figures per size: ingest and build wall time, the Pagefind share of the build, the marginal seconds per plan
 * between sizes, the peak memory of all build processes together (Astro and Pagefind's indexer) and of the
 * largest, ingest throughput, page generation by route (Astro's logged render times), `dist/` size and file
 * count, and page weight (gzipped) and element count of the
 * pages that list every plan and of the heaviest page of each type.
 *
 * `--log <dir>` keeps each build's whole output (`build-<N>.log`, lines stamped with seconds since its start)
 * and its memory, sampled every 250 ms (`memory-<N>.tsv`: seconds, the tree's RSS in MB, each process's).
 *
 * `--project <dir>` builds another checkout (say a worktree at an older commit) with the same corpora, for
 * before/after figures; the corpus generator is always this checkout's.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { seedTemplates, writeCorpus } from './bench/corpus';
import { measureSite, type SiteFigures } from './bench/pages';
import { projectCopy } from './bench/project';
import { runMeasured, type RunFigures } from './bench/process-tree';
import { RENDERED, routeLiterals, routeTimes, type RouteTime } from './bench/route-times';
import { buildNodeArgs } from './build/command';

const GOALS = {
  marginalSecondsPerPlan: 0.1,
  buildSecondsAt3000: 6 * 60,
  peakTreeBytesAt3000: 2 * 1024 ** 3,
  pageGzipBytes: 150 * 1024,
  pageElements: 3000,
  parseMBPerSecond: 10,
};

const ROOT = resolve(import.meta.dirname, '..');
const sizesArg = process.argv.indexOf('--sizes');
const SIZES = (
  sizesArg > 0 ? (process.argv[sizesArg + 1] as string) : (process.env['PLAN_ATLAS_BENCH_SIZES'] ?? '50,300')
)
  .split(',')
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0)
  .sort((a, b) => a - b);
const KEEP = process.argv.includes('--keep');
/** `--log <dir>`: each build's whole output, lines stamped with seconds since its start, as `<dir>/build-<N>.log`. */
const logArg = process.argv.indexOf('--log');
const LOG_DIR = logArg > 0 ? resolve(process.argv[logArg + 1] as string) : null;
/** Build another checkout of the project (e.g. a worktree at an older commit) with the same corpora: before/after. */
const projectArg = process.argv.indexOf('--project');
const PROJECT = projectArg > 0 ? resolve(process.argv[projectArg + 1] as string) : ROOT;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const gb = (bytes: number | null) => (bytes === null ? 'unknown' : `${(bytes / 1024 ** 3).toFixed(2)} GB`);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const verdict = (ok: boolean) => (ok ? 'meets goal' : 'OVER GOAL');

interface SizeFigures {
  plans: number;
  textBytes: number;
  /** Seconds the plans loader took to ingest the seeds, as it logs them; null when the line is missing. */
  ingestSeconds: number | null;
  build: RunFigures;
  /** Astro's logged render time of each file, summed by route, slowest first. */
  routes: RouteTime[];
  site: SiteFigures;
}

/** The plans loader's line (src/loaders/plans.ts): `300 plans from …, ingested in 4.2 s`. */
const INGEST_LINE = /\d+ plans from .*, ingested in ([\d.]+) s/;

const work = mkdtempSync(join(tmpdir(), 'plan-atlas-bench-scale-'));
const results: SizeFigures[] = [];
try {
  const site = join(work, 'site');
  projectCopy(PROJECT, site);
  const templates = seedTemplates(join(ROOT, 'seeds'));
  const node = process.execPath;
  for (const plans of SIZES) {
    const seeds = join(work, `seeds-${plans}`);
    const outDir = join(work, `dist-${plans}`);
    const textBytes = writeCorpus(seeds, plans, templates);
    const env = { ...process.env, PLAN_ATLAS_SEEDS: seeds, PLAN_ATLAS_OUT_DIR: outDir };
    console.error(`${plans} plans: npm run build…`);
    const build = await runMeasured(
      node,
      // As `npm run build` runs it (tsx as Node's loader: no process more that only waits).
      buildNodeArgs(site),
      {
        cwd: site,
        env,
        watch: /pagefind/i,
        capture: new RegExp(`${INGEST_LINE.source}|${RENDERED.source}`),
        ...(LOG_DIR
          ? { log: join(LOG_DIR, `build-${plans}.log`), memoryLog: join(LOG_DIR, `memory-${plans}.tsv`) }
          : {}),
      },
    );
    const ingestLine = build.captured.map((line) => INGEST_LINE.exec(line)).find(Boolean);
    const ingestSeconds = ingestLine ? Number(ingestLine[1]) : null;
    const routes = routeTimes(build.captured, routeLiterals(join(PROJECT, 'src/pages')));
    const figures = { plans, textBytes, ingestSeconds, build, routes, site: measureSite(outDir) };
    results.push(figures);
    report(figures);
    if (!KEEP) rmSync(outDir, { recursive: true, force: true });
  }
  summary();
} finally {
  if (KEEP) console.log(`Kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

/**
 * A build's CPU seconds: sampled from /proc where it can be (it counts the Pagefind processes still ending when
 * the search step exits, which bash's `times` never sees), else what `times` reported.
 */
function cpuSecondsOf(build: RunFigures): number {
  return build.sampledCpuSeconds ?? build.cpuSeconds ?? NaN;
}
function cpuOf(build: RunFigures): string {
  return cpuSecondsOf(build).toFixed(1);
}

function report({ plans, textBytes, ingestSeconds, build, routes, site }: SizeFigures): void {
  const peak = build.peakTreeRss ?? 0;
  console.log(`\n== ${plans} plans (${mb(textBytes)} of text) ==`);
  console.log(
    `build wall: ${build.seconds.toFixed(1)} s (npm run build: ingest ${ingestSeconds === null ? '?' : ingestSeconds.toFixed(1)} s` +
      (build.watchedSeconds === null
        ? ''
        : `, Pagefind ≈ ${build.watchedSeconds.toFixed(1)} s, ${((100 * build.watchedSeconds) / build.seconds).toFixed(0)}% of the wall`) +
      ', the rest pages and data)',
  );
  console.log(
    `build CPU (all processes, user + system): ${cpuOf(build)} s sampled from /proc (${build.cpuSeconds === null ? '?' : build.cpuSeconds.toFixed(1)} s reaped, which misses processes still ending when their parent exits); load average now ${loadavg()
      .map((n) => n.toFixed(1))
      .join(' ')} on ${availableParallelism()} cores`,
  );
  if (ingestSeconds !== null)
    console.log(
      `ingest throughput in the build (decode, parse, check; seeds read once): ${(textBytes / 1024 / 1024 / ingestSeconds).toFixed(2)} MB/s wall`,
    );
  console.log(
    `peak memory, all build processes together: ${gb(peak)} (largest one process: ${gb(build.peakProcessRss)}; goal ≤ ${gb(GOALS.peakTreeBytesAt3000)} at 3,000 plans)`,
  );
  console.log(
    `  the same as PSS, pages shared between the build's processes counted once: ${gb(build.peakTreePss)} (RSS, above, counts them in each process and is what the goal is held to)`,
  );
  console.log(`  at the peak: ${build.atPeak.map((p) => `${p.name} ${mb(p.rss)}`).join(', ')}`);
  const rendered = routes.reduce((n, r) => n + r.seconds, 0);
  console.log(
    `page generation (Astro's render time per file, summed; shared work falls to the first page): ${rendered.toFixed(1)} s, slowest routes:`,
  );
  for (const r of routes.slice(0, 8))
    console.log(
      `  ${r.route.padEnd(34)} ${r.seconds.toFixed(1).padStart(7)} s  ${String(r.files).padStart(6)} files  ${((1000 * r.seconds) / r.files).toFixed(1).padStart(7)} ms/file`,
    );
  console.log(`dist/: ${mb(site.bytes)}, ${site.files} files, ${site.htmlPages} HTML pages`);
  console.log(
    `  by folder: ${site.folders.map((f) => `${f.folder} ${mb(f.bytes)} in ${f.files}`).join('; ')}`,
  );
  console.log(
    `  largest files: ${site.largestFiles.map((f) => `${f.file} ${mb(f.bytes)} (${mb(f.gzip)} gz)`).join('; ')}`,
  );
  const line = (label: string, p: { htmlGzip: number; totalGzip: number; elements: number }) => {
    const ok = p.totalGzip <= GOALS.pageGzipBytes && p.elements <= GOALS.pageElements;
    return `  ${label.padEnd(34)} ${kb(p.totalGzip).padStart(10)} gz (HTML ${kb(p.htmlGzip).padStart(9)})  ${String(p.elements).padStart(7)} elements  ${verdict(ok)}`;
  };
  console.log(
    `pages that list every plan (goal ≤ ${kb(GOALS.pageGzipBytes)} gzipped with CSS+JS, ≤ ${GOALS.pageElements} elements):`,
  );
  for (const page of site.listPages) console.log(line(page.page, page));
  console.log('heaviest page of each type:');
  for (const page of site.heaviestByType) {
    const most = page.mostElements;
    console.log(
      line(`${page.type} (${page.pages} pages)`, page) +
        (most.page === page.page ? '' : `; most elements: ${most.elements} (${most.page})`),
    );
  }
}

function summary(): void {
  if (results.length === 0) return;
  console.log('\n== against the goals ==');
  const wall = (r: SizeFigures) => r.build.seconds;
  for (let i = 1; i < results.length; i++) {
    const a = results[i - 1] as SizeFigures;
    const b = results[i] as SizeFigures;
    const marginal = (wall(b) - wall(a)) / (b.plans - a.plans);
    const pagefind =
      a.build.watchedSeconds !== null && b.build.watchedSeconds !== null
        ? ` (Pagefind ${((b.build.watchedSeconds - a.build.watchedSeconds) / (b.plans - a.plans)).toFixed(3)})`
        : '';
    const marginalCpu = (cpuSecondsOf(b.build) - cpuSecondsOf(a.build)) / (b.plans - a.plans);
    console.log(
      `marginal ${a.plans}→${b.plans}: ${marginal.toFixed(3)} s/plan wall${pagefind}, ${marginalCpu.toFixed(3)} CPU s/plan (goal ≤ ${GOALS.marginalSecondsPerPlan} s between 300 and 3,000)`,
    );
  }
  const largest = results[results.length - 1] as SizeFigures;
  if (largest.plans < 3000 && results.length > 1) {
    const previous = results[results.length - 2] as SizeFigures;
    const marginal = (wall(largest) - wall(previous)) / (largest.plans - previous.plans);
    const projected = wall(largest) + marginal * (3000 - largest.plans);
    console.log(
      `3,000 plans projected from the last step: ${(projected / 60).toFixed(1)} min (goal ≤ ${GOALS.buildSecondsAt3000 / 60} min; measure with --sizes …,3000)`,
    );
  } else if (largest.plans >= 3000) {
    console.log(
      `3,000 plans: ${(wall(largest) / 60).toFixed(1)} min, ${verdict(wall(largest) <= GOALS.buildSecondsAt3000)}; peak memory ${gb(largest.build.peakTreeRss)}, ${verdict((largest.build.peakTreeRss ?? Infinity) <= GOALS.peakTreeBytesAt3000)}; dist/ ${mb(largest.site.bytes)} in ${largest.site.files} files`,
    );
  }
  console.log(`parse throughput on the seeds (goal ≥ ${GOALS.parseMBPerSecond} MB/s): see bench:parse`);
}
