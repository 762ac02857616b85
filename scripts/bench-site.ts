/**
 * `npm run bench:site [-- --copies N]`: the site's budgets.
 *
 * 1. Page weight: HTML + CSS + JS, each gzipped, of every plan page of a build of the real seeds; prints the
 *    largest and exits non-zero above 150 KB.
 * 2. Build time per plan: a build of the seeds, then of a corpus with N copies of every seed (default 4, each
 *    under its own slug); the difference divided by the extra plans is the marginal cost of one plan (its
 *    ingest and its pages), apart from the fixed cost of a build.
 * 3. Peak memory of the build (the build process; Pagefind's indexer runs as its own process): the seeds
 *    alone, and the seeds with one more seed that is a single 1 MB line of `节能减排{x}<y>&`.
 *
 * Every build is `npm run build`'s script into a temporary directory (PLAN_ATLAS_OUT_DIR): nothing is written
 * into the checkout.
 */
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { readPlansIndex } from './bench/published';
import { buildNodeArgs } from './build/command';

const BUDGET_BYTES = 150 * 1024;
const ROOT = resolve(import.meta.dirname, '..');
const WORK = join(tmpdir(), 'plan-atlas-bench-site');
const copiesArg = process.argv.indexOf('--copies');
const COPIES = copiesArg > 0 ? Number(process.argv[copiesArg + 1]) : 4;

interface BuildRun {
  seconds: number;
  /** Peak resident memory of the build process, as its summary reports it. */
  peakMb: number;
}

/** One build of `seeds` (default: the real seeds) into `outDir`. */
function build(outDir: string, seeds?: string): BuildRun {
  const started = performance.now();
  const stdout = execFileSync(process.execPath, buildNodeArgs(ROOT), {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, PLAN_ATLAS_OUT_DIR: outDir, ...(seeds ? { PLAN_ATLAS_SEEDS: seeds } : {}) },
    maxBuffer: 64 * 1024 * 1024,
  }).toString('utf8');
  const peak = /peak memory (\d+) MB/.exec(stdout);
  return { seconds: (performance.now() - started) / 1000, peakMb: peak ? Number(peak[1]) : NaN };
}

/** A seed directory with the real seeds and one seed that is a single 1 MB line of markup characters. */
function longLineSeeds(dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const file of readdirSync(join(ROOT, 'seeds'))) cpSync(join(ROOT, 'seeds', file), join(dir, file));
  const unit = '节能减排{x}<y>&';
  const line = unit.repeat(Math.ceil((1024 * 1024) / Buffer.byteLength(unit)));
  writeFileSync(
    join(dir, '999_long-line.txt'),
    `长行市“十四五”节能减排综合工作方案\n一、总体要求\n${line}\n`,
  );
}

const gzipped = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** HTML + linked CSS + scripts of one built page, gzipped. */
function pageWeight(outDir: string, file: string): { html: number; css: number; js: number } {
  const html = readFileSync(file);
  const text = html.toString('utf8');
  const asset = (href: string) => {
    const path = join(outDir, href.replace(/^\/+/, '').replace(/^(?:[^/]+\/)*?_astro\//, '_astro/'));
    return existsSync(path) ? gzipped(readFileSync(path)) : 0;
  };
  const css = [...text.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].reduce(
    (n, m) => n + asset(m[1] as string),
    0,
  );
  const js = [...text.matchAll(/<script[^>]* src="([^"]+)"/g)].reduce((n, m) => n + asset(m[1] as string), 0);
  return { html: gzipped(html), css, js };
}

/** A seed directory with the real seeds and `copies` renamed copies of each (sidecar slug `<slug>-copy<k>`). */
function scaledSeeds(dir: string, copies: number, slugs: Map<string, string>): void {
  mkdirSync(dir, { recursive: true });
  const seeds = readdirSync(join(ROOT, 'seeds'));
  for (const file of seeds) cpSync(join(ROOT, 'seeds', file), join(dir, file));
  for (const file of seeds.filter((f) => f.endsWith('.txt'))) {
    const name = basename(file, '.txt');
    const sidecar = join(ROOT, 'seeds', `${name}.yaml`);
    const base = existsSync(sidecar)
      ? ((parseYaml(readFileSync(sidecar, 'utf8')) as Record<string, unknown>) ?? {})
      : {};
    for (let k = 1; k <= copies; k++) {
      cpSync(join(ROOT, 'seeds', file), join(dir, `${name}-copy${k}.txt`));
      const slug = `${slugs.get(file) ?? name}-copy${k}`;
      writeFileSync(join(dir, `${name}-copy${k}.yaml`), stringifyYaml({ ...base, slug }));
    }
  }
}

function planPages(outDir: string): string[] {
  const dir = join(outDir, 'plans');
  return readdirSync(dir)
    .map((id) => join(dir, id, 'index.html'))
    .filter((f) => existsSync(f) && statSync(f).isFile());
}

rmSync(WORK, { recursive: true, force: true });
try {
  const smallOut = join(WORK, 'dist');
  const smallRun = build(smallOut);
  const small = smallRun.seconds;
  const plans = readPlansIndex(smallOut);
  const slugs = new Map(plans.map((p) => [p.source, p.id]));

  console.log('Plan pages (gzipped: HTML + CSS + JS):');
  const weights = planPages(smallOut)
    .map((file) => ({ file, ...pageWeight(smallOut, file) }))
    .map((w) => ({ ...w, total: w.html + w.css + w.js }))
    .sort((a, b) => b.total - a.total);
  for (const w of weights) {
    console.log(
      `  ${basename(resolve(w.file, '..')).padEnd(20)} ${kb(w.total).padStart(9)}  (HTML ${kb(w.html)}, CSS ${kb(w.css)}, JS ${kb(w.js)})`,
    );
  }
  const largest = weights[0];
  console.log(`  largest: ${largest ? kb(largest.total) : '—'} (budget ${kb(BUDGET_BYTES)})`);

  const seedsDir = join(WORK, 'seeds');
  scaledSeeds(seedsDir, COPIES, slugs);
  const scaledPlans = plans.length * (COPIES + 1);
  const large = build(join(WORK, 'dist-scaled'), seedsDir).seconds;

  const longDir = join(WORK, 'seeds-long-line');
  longLineSeeds(longDir);
  const longRun = build(join(WORK, 'dist-long-line'), longDir);

  console.log('Build time (astro build, after ingest):');
  console.log(`  ${String(plans.length).padStart(4)} plans: ${small.toFixed(1)} s`);
  console.log(`  ${String(scaledPlans).padStart(4)} plans: ${large.toFixed(1)} s`);
  console.log(
    `  per plan (marginal): ${(((large - small) / (scaledPlans - plans.length)) * 1000).toFixed(0)} ms`,
  );
  console.log(`  per plan (whole build / plans): ${((small / plans.length) * 1000).toFixed(0)} ms`);
  console.log('Peak memory of the build process (goal: roughly linear in input, far below 1 GB extra):');
  console.log(`  the seeds alone:                   ${smallRun.peakMb} MB`);
  console.log(
    `  the seeds + one 1 MB line of 节能减排{x}<y>&: ${longRun.peakMb} MB (${longRun.seconds.toFixed(1)} s)`,
  );

  if (largest && largest.total > BUDGET_BYTES) {
    console.error(`The largest plan page weighs ${kb(largest.total)}, over the ${kb(BUDGET_BYTES)} budget.`);
    process.exitCode = 1;
  }
} finally {
  rmSync(WORK, { recursive: true, force: true });
}
