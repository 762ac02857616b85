/**
 * `npm run bench:lighthouse`: Lighthouse scores (performance, accessibility, best practices, SEO) of the
 * page types readers land on — home, a plan, an indicator, compare and search — as a phone (Lighthouse's
 * default: Moto G class device, throttled 4G) and as a desktop, against the goal of 95 in every category.
 *
 * Builds the real seeds into a temporary directory as a deployment would, with `PLAN_ATLAS_SITE` set to the
 * origin it is served from (so canonical URLs are absolute), serves it as a static host would (tests/e2e's
 * server, text gzipped), and runs Lighthouse in Debian's Chromium (/usr/bin/chromium; `CHROME_PATH`
 * overrides). It prints figures and asserts nothing: scores vary with the machine's load, so they are reported, never tested. Each page is
 * measured several times (`PLAN_ATLAS_LIGHTHOUSE_RUNS`, default 3) and the median score of each category is
 * reported, with the range of the performance score where the runs differ, as Lighthouse's own docs advise
 * for a noisy machine; the failing audits named are those of the median performance run.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { paths } from '../src/lib/urls';
import { serveStatic } from '../tests/e2e/static-server';
import { scorePages } from './bench/lighthouse';
import { buildNodeArgs } from './build/command';
import { readPlansIndex } from './bench/published';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(tmpdir(), 'plan-atlas-bench-lighthouse');

/** The plan with the most clauses (the heaviest plan page), from the build's own index /data/plans.json. */
function largestPlanId(): string {
  const plans = readPlansIndex(OUT);
  const largest = [...plans].sort((a, b) => b.counts.clauses - a.counts.clauses)[0];
  if (!largest) throw new Error('no plans were built');
  return largest.id;
}

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
// The server reads files per request, so it can start first and give the build its origin. Text is served
// gzipped, as every static host and CDN serves it: scored uncompressed, the phone runs lost points to
// "enable text compression", a fact of the test server and not of the site.
const site = await serveStatic(OUT, '/', { compress: true });
const origin = new URL(site.url).origin;
// `npm run build`'s script: ingest through the plans loader, pages and search index, into OUT only.
execFileSync(process.execPath, buildNodeArgs(ROOT), {
  cwd: ROOT,
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, PLAN_ATLAS_SITE: origin, PLAN_ATLAS_OUT_DIR: OUT },
});

const pages: [string, string][] = [
  ['home', paths.home()],
  ['plan', paths.plan(largestPlanId())],
  ['indicator', paths.indicator('energy-intensity')],
  ['compare', paths.compare()],
  ['search', `${paths.search()}?q=${encodeURIComponent('能耗')}`],
];

try {
  await scorePages(
    pages.map(([name, path]) => [name, new URL(path.replace(/^\//, ''), site.url).href] as const),
    3,
  );
} finally {
  await site.close();
}
