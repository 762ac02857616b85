/**
 * `npx tsx scripts/bench/warm-ab.ts <site A> <site B> [--runs 5] [query…]`: warm first results and complete
 * results of two built sites (say, a `--keep` run of bench-search.ts on an older commit and one on this), in
 * one run, alternated: for each run and query, a fresh page of A and one of B (which goes first alternates),
 * the index warmed up, the query typed as one input event, as bench-search.ts types it. Prints medians and
 * worsts per query, and the paired median difference, so that two versions compare under the same load.
 */
import { chromium, type Browser } from 'playwright-core';
import { serveStatic } from '../../tests/e2e/static-server';
import { BENCH_QUERIES } from './queries';
import { typeAndTime } from './type-and-time';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const RUNS = runsAt === -1 ? 5 : Number(args[runsAt + 1]);
const rest = args.filter((_, i) => runsAt === -1 || (i !== runsAt && i !== runsAt + 1));
const [siteA, siteB, ...given] = rest;
if (!siteA || !siteB) throw new Error('usage: warm-ab.ts <site A> <site B> [--runs n] [query…]');
const QUERIES = given.length > 0 ? given : BENCH_QUERIES;

async function once(
  browser: Browser,
  url: string,
  query: string,
): Promise<{ first: number; complete: number }> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector('form[data-search-ready]', { state: 'attached' });
    await page.waitForLoadState('networkidle');
    const typed = await typeAndTime(page, query, 'complete');
    return { first: typed.results, complete: typed.complete };
  } finally {
    await context.close();
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const a = await serveStatic(siteA);
const b = await serveStatic(siteB);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  const rows = QUERIES.map((query) => ({
    query,
    a: [] as { first: number; complete: number }[],
    b: [] as { first: number; complete: number }[],
  }));
  for (let run = 0; run < RUNS; run++)
    for (const row of rows) {
      const order = (run + rows.indexOf(row)) % 2 === 0 ? (['a', 'b'] as const) : (['b', 'a'] as const);
      for (const which of order)
        row[which].push(await once(browser, `${(which === 'a' ? a : b).url}search/`, row.query));
    }
  console.log(
    `A ${siteA}\nB ${siteB}\n${RUNS} runs each, alternated\nquery | first A median / worst | first B median / worst | paired B−A median | B faster in | complete A | complete B | paired B−A`,
  );
  const all = { a: [] as number[], b: [] as number[] };
  let pairs = 0;
  let faster = 0;
  for (const row of rows) {
    const fa = row.a.map((t) => t.first);
    const fb = row.b.map((t) => t.first);
    const ca = row.a.map((t) => t.complete);
    const cb = row.b.map((t) => t.complete);
    all.a.push(median(fa));
    all.b.push(median(fb));
    pairs += fb.length;
    faster += fb.filter((x, i) => x < fa[i]!).length;
    console.log(
      [
        row.query,
        `${median(fa).toFixed(0)} / ${Math.max(...fa).toFixed(0)}`,
        `${median(fb).toFixed(0)} / ${Math.max(...fb).toFixed(0)}`,
        median(fb.map((x, i) => x - fa[i]!)).toFixed(0),
        `${fb.filter((x, i) => x < fa[i]!).length} of ${fb.length}`,
        median(ca).toFixed(0),
        median(cb).toFixed(0),
        median(cb.map((x, i) => x - ca[i]!)).toFixed(0),
      ].join(' | '),
    );
  }
  console.log(
    `first results over the queries' medians: A median ${median(all.a).toFixed(0)} / worst ${Math.max(...all.a).toFixed(0)}; B median ${median(all.b).toFixed(0)} / worst ${Math.max(...all.b).toFixed(0)}; within 200 ms: A ${all.a.filter((x) => x <= 200).length}/${all.a.length}, B ${all.b.filter((x) => x <= 200).length}/${all.b.length}; B's first results faster in ${faster} of ${pairs} pairs`,
  );
} finally {
  await browser.close();
  await a.close();
  await b.close();
}
