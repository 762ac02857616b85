/**
 * `npm run bench:site [-- --copies N]`: the site's two budgets.
 *
 * 1. Page weight: HTML + CSS + JS, each gzipped, of every plan page of a build of the real seeds; prints the
 *    largest and exits non-zero above 150 KB.
 * 2. Build time per plan: `astro build` of the seeds, then of a corpus with N copies of every seed (default 4,
 *    each under its own slug); the difference divided by the extra plans is the marginal cost of one plan
 *    (its MDX compilation and its pages), apart from the fixed cost of a build.
 *
 * Builds go to a temporary directory. Ingest writes generated/ and src/content/plans/ in place, so the script
 * ends by ingesting the real seeds again.
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

const BUDGET_BYTES = 150 * 1024;
const ROOT = resolve(import.meta.dirname, '..');
const WORK = join(tmpdir(), 'plan-atlas-bench-site');
const copiesArg = process.argv.indexOf('--copies');
const COPIES = copiesArg > 0 ? Number(process.argv[copiesArg + 1]) : 4;

function node(script: string, args: string[], env: Record<string, string> = {}): void {
  execFileSync(process.execPath, [join(ROOT, script), ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ...env },
  });
}

const ingest = (env: Record<string, string> = {}) =>
  node('node_modules/tsx/dist/cli.mjs', ['scripts/ingest.ts'], env);

/** Seconds of one `astro build` into `outDir`. */
function build(outDir: string): number {
  const started = performance.now();
  node('node_modules/astro/bin/astro.mjs', ['build', '--outDir', outDir, '--silent']);
  return (performance.now() - started) / 1000;
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
  ingest();
  const plans = (
    JSON.parse(readFileSync(join(ROOT, 'generated', 'plans.json'), 'utf8')) as {
      plans: { id: string; source: string }[];
    }
  ).plans;
  const slugs = new Map(plans.map((p) => [p.source, p.id]));
  const mdxBytes = plans.map((p) => statSync(join(ROOT, 'src', 'content', 'plans', `${p.id}.mdx`)).size);

  const smallOut = join(WORK, 'dist');
  const small = build(smallOut);

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
  console.log(
    `  generated MDX: ${kb(Math.max(...mdxBytes))} largest, ${kb(mdxBytes.reduce((a, b) => a + b, 0))} total`,
  );

  const seedsDir = join(WORK, 'seeds');
  scaledSeeds(seedsDir, COPIES, slugs);
  ingest({ PLAN_ATLAS_SEEDS: seedsDir });
  const scaledPlans = plans.length * (COPIES + 1);
  const large = build(join(WORK, 'dist-scaled'));

  console.log('Build time (astro build, after ingest):');
  console.log(`  ${String(plans.length).padStart(4)} plans: ${small.toFixed(1)} s`);
  console.log(`  ${String(scaledPlans).padStart(4)} plans: ${large.toFixed(1)} s`);
  console.log(
    `  per plan (marginal): ${(((large - small) / (scaledPlans - plans.length)) * 1000).toFixed(0)} ms`,
  );
  console.log(`  per plan (whole build / plans): ${((small / plans.length) * 1000).toFixed(0)} ms`);

  if (largest && largest.total > BUDGET_BYTES) {
    console.error(`The largest plan page weighs ${kb(largest.total)}, over the ${kb(BUDGET_BYTES)} budget.`);
    process.exitCode = 1;
  }
} finally {
  ingest();
  rmSync(WORK, { recursive: true, force: true });
}
