/**
 * `npx tsx scripts/bench/cold-ab.ts [--runs 20] [--query 公转铁] [--trace dir [--categories a,b]] <site dir> …`: plain
 * cold opens of a search URL (scripts/bench/plain-cold-open.ts: a reader's Chromium, nothing attached to the
 * worker) on two or more built sites, alternated in one run — on a shared machine only differences measured so
 * mean anything. Run k opens the sites in turn starting from site k mod n, so no site always comes first. Each
 * site is served by a process of its own, the same way. Prints per site the first results' median and worst,
 * and the median of each page mark; per site after the first, the paired differences with the first (median,
 * and in how many runs it was faster); and the load average before and after. With `--trace`, every open is
 * traced (every process, the categories below and `--categories`) into `<dir>/<site k>-<run>.json`.
 */
import { loadavg } from 'node:os';
import { mkdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { PlainChromium, serveInOwnProcess, type PlainCold } from './plain-cold-open';

const argv = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = argv.indexOf(`--${name}`);
  if (at < 0) return undefined;
  const [value] = argv.splice(at, 2).slice(1);
  return value;
};
const RUNS = Number(option('runs') ?? 20);
const QUERY = option('query') ?? '公转铁';
const TRACE = option('trace');
/** Further trace categories, comma-separated (e.g. disabled-by-default-v8.cpu_profiler for JavaScript samples). */
const MORE_CATEGORIES = option('categories')?.split(',') ?? [];
const sites = argv.map((dir) => resolve(dir));
if (sites.length < 2 || !Number.isInteger(RUNS) || RUNS < 1)
  throw new Error(
    'usage: cold-ab.ts [--runs n] [--query q] [--trace dir [--categories a,b]] <site dir> <site dir> …',
  );

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'loading',
  'v8.execute',
  'blink.user_timing',
  'toplevel',
  'worker.scheduler',
  'netlog',
  ...MORE_CATEGORIES,
];
const MARKS = [
  'search:boot',
  'search:script',
  'search:groups',
  'search:index-ready',
  'search:first-ranked',
  'search:first-results',
  'search:results',
];
const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

if (TRACE) mkdirSync(TRACE, { recursive: true });
console.log(`load average at the start: ${load()}; ${RUNS} runs of ${sites.length} sites, query ${QUERY}`);
const served = await Promise.all(sites.map((dir) => serveInOwnProcess(dir)));
const browser = await PlainChromium.launch([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]);
const opens: PlainCold[][] = sites.map(() => []);
try {
  for (let run = 0; run < RUNS; run++)
    for (let i = 0; i < sites.length; i++) {
      const k = (run + i) % sites.length;
      const url = `${served[k]!.url}search/?q=${encodeURIComponent(QUERY)}`;
      const trace = TRACE ? { path: join(TRACE, `${k}-${run}.json`), categories: CATEGORIES } : undefined;
      opens[k]!.push(await browser.coldOpen(url, 30_000, trace));
    }
} finally {
  await browser.close();
  for (const site of served) site.close();
}

console.log(`load average at the end: ${load()}`);
sites.forEach((dir, k) => {
  const runs = opens[k]!;
  const marks = MARKS.map((name) => {
    const at = runs.map((c) => c.marks[name]).filter((t): t is number => t !== undefined);
    return `${name.replace('search:', '')} ${at.length ? median(at) : '—'}`;
  }).join(', ');
  const ms = runs.map((c) => c.ms);
  let line = `site ${k} (${basename(dir)}): first results median ${median(ms)} ms, worst ${Math.max(...ms)}; ${marks}`;
  if (k > 0) {
    const diffs = ms.map((m, run) => m - opens[0]![run]!.ms);
    line += `; against site 0: paired median ${median(diffs) >= 0 ? '+' : ''}${median(diffs)} ms, faster in ${diffs.filter((d) => d < 0).length} of ${RUNS}`;
  }
  console.log(line);
  console.log(`  first results per run: ${ms.join(' ')}`);
});
