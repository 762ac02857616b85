/**
 * `npx tsx scripts/bench-search.ts [--copies 100] [--runs 3] [--bundles n] [--first-clauses n] [--keep] [--index-from dir] [--large-only]`:
 * what search costs, for the five seeds and for a corpus `--copies` times larger (`--copies 600` is the 3,000
 * plans of issue 13: ~119,000 records, whose indexing alone takes minutes on two cores). Prints figures;
 * asserts nothing (timings vary by machine). `--index-from` takes the large corpus's index from a directory an
 * earlier `--keep` run printed instead of indexing again (the site, its scripts included, is still built from
 * the work tree: only the index is reused; give the earlier run's `--copies`, which the relevance set's counts
 * and the page's corpus size are taken from);
 * `--large-only` measures the large corpus alone.
 *
 * The seeds' site is built once (`npm run build`'s script into a temporary directory, with the search integration). The
 * large corpus is the seeds' plans cloned in memory under distinct slugs and regions, indexed by the same record
 * builder and writer as the integration (src/integrations/pagefind.ts), and served with the seeds' site in place
 * of its index — no 500-page Astro build, and nothing in the work tree changes.
 *
 * Reported per corpus, in Debian's Chromium (static server without compression, so bytes on the wire are file
 * sizes; Pagefind's index files are gzipped already, and `gz` estimates the JavaScript compressed):
 * - index: records, bytes of the bundle by kind;
 * - page load: what the search page fetches for Pagefind before the first keystroke (it warms up on load);
 * - first query: bytes fetched from typing to the first results (index chunks and the shown results'
 *   fragments), then to the filter counts (Pagefind's filter index, loaded once after the first results);
 * - latency on the warm page: typing (an input event) to the results on screen, debounce included, per query;
 *   and again once the reader has turned to the filters, when every search also counts filter values;
 * - cold open of a search URL (new browser context, nothing cached): time from navigation to the first
 *   results, bytes fetched, and the layout shift (CLS) until the results are in; and when the page's
 *   performance marks were set (boot script running, page script running, index answering, results drawn) —
 *   driven by Playwright, which holds the page's index worker and reports its requests to this process; then
 *   the same open as a reader's browser runs it (scripts/bench/plain-cold-open.ts): its time and marks;
 * - quality on the relevance set of tests/e2e/relevance.ts: top-1 (the first result is a right answer),
 *   precision@5 (right answers among the first five, out of min(5, right answers in the corpus)), and false
 *   claims (results labelled 包含 whose text does not print every term; must be 0), plus the queries no
 *   clause answers (must show no 包含).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { BUNDLE_DIR, searchBundles, searchClauses, writeBundles } from '../src/integrations/pagefind';
import { filterValues } from '../src/lib/search/build/records';
import { loadSearchNames } from '../src/lib/search/build/names';
import type { Plan } from '../src/lib/model/plan';
import { readPublishedPlans } from './bench/published';
import { foldQuery } from '../src/lib/search/browser/fold';
import { parseQuery } from '../src/lib/search/browser/query';
import { chunkTarget, LIST_BYTES_PER_CHUNK } from '../src/lib/search/build/rechunk';
import { compileSynonyms } from '../src/lib/search/browser/synonyms';
import { loadSearchGroups } from '../src/lib/search/build/groups';
import { loadQueryWords } from '../src/lib/search/build/synonyms-file';
import { NOWHERE, PROPOSALS, RELEVANCE_SET } from '../tests/e2e/relevance';
import { serveStatic } from '../tests/e2e/static-server';
import { buildNodeArgs } from './build/command';
import { readSearchSetup, withSearchSetup } from '../src/lib/search/build/search-page';
import { finishSearchPage } from '../src/integrations/search-page-files';
import { FILTER_TABLE_FILE } from '../src/lib/search/browser/layout';
import { RECORD_VALUES_FILE } from '../src/lib/search/browser/record-values';
import { PlainChromium, serveInOwnProcess, type PlainCold } from './bench/plain-cold-open';
import { BENCH_QUERIES } from './bench/queries';
import { typeAndTime } from './bench/type-and-time';

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
};
const COPIES = arg('copies', 100);
const RUNS = arg('runs', 3);
/** Bundles of the large corpus; by default what the build would choose (src/lib/search/build/shards.ts). */
const BUNDLES = process.argv.includes('--bundles') ? arg('bundles', 1) : undefined;
/** Clauses of the large corpus's first bundle (the one searched before the first results); by default the build's. */
const FIRST_CLAUSES = process.argv.includes('--first-clauses') ? arg('first-clauses', 1) : undefined;
/** Keep the built sites (their directory is printed) for a closer look. */
const KEEP = process.argv.includes('--keep');
/** A directory an earlier `--keep` run left: its large corpus's index is reused, not written again. */
const INDEX_FROM = process.argv.includes('--index-from')
  ? process.argv[process.argv.indexOf('--index-from') + 1]
  : undefined;
/** Measure the large corpus only, not the seeds' site. */
const LARGE_ONLY = process.argv.includes('--large-only');
const QUERIES = BENCH_QUERIES;
const FIRST_QUERY = '公转铁';
/** Chromium's switches, for Playwright's browser and the plain one alike. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const ROOT = resolve(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'plan-atlas-bench-search-'));

function dirBytes(
  dir: string,
  filter: (file: string) => boolean = () => true,
): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if (!filter(path)) continue;
    files++;
    bytes += statSync(path).size;
  }
  return { files, bytes };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** A result's clause file (src/lib/search/browser/clause-file.ts), in a bundle's `clause/`. */
const CLAUSE_FILE = /\/clause\/[^/]+\.json$/;

/** Bytes of every bundle (`pagefind/`, `pagefind-1/`…) by kind. */
function indexSize(site: string) {
  const bundles = readdirSync(site).filter((d) => /^pagefind(-\d+)?$/.test(d));
  const part = (f: (p: string) => boolean) =>
    bundles
      .map((b) => dirBytes(join(site, b), f))
      .reduce((a, b) => ({ files: a.files + b.files, bytes: a.bytes + b.bytes }), { files: 0, bytes: 0 });
  return {
    meta: part((p) => p.endsWith('.pf_meta')),
    index: part((p) => p.endsWith('.pf_index')),
    fragments: part((p) => p.endsWith('.pf_fragment')),
    clauses: part((p) => CLAUSE_FILE.test(p)),
    filters: part((p) => p.endsWith('.pf_filter')),
    wasm: part((p) => /wasm\.[a-z-]+\.pagefind$/.test(p)),
    js: part((p) => p.endsWith('.js')),
    total: part(() => true),
  };
}

/** The seeds' plans cloned `copies` times: copy 0 is the original, copy k gets slug `<id>-c<k>`, region `<region>·k`. */
function cloned(plans: readonly Plan[], copies: number): Plan[] {
  const out: Plan[] = [];
  for (let k = 0; k < copies; k++) {
    for (const plan of plans) {
      if (k === 0) out.push(plan);
      else
        out.push({
          ...plan,
          id: `${plan.id}-c${k}`,
          region: `${plan.region}·${k}`,
        });
    }
  }
  return out;
}

interface Traffic {
  raw: number;
  gz: number;
  files: string[];
  /**
   * Bytes as a host serves them (gzipped; Pagefind's own files are already) by kind: pf_index, pf_fragment,
   * pf_filter, pf_meta, clause (a result's clause file), other.
   */
  byKind: Record<string, number>;
}

/** Counts the bytes of every response while `during` runs. */
async function traffic(page: Page, during: () => Promise<void>): Promise<Traffic> {
  const seen: Promise<void>[] = [];
  const total: Traffic = { raw: 0, gz: 0, files: [], byKind: {} };
  const onResponse = (response: { url(): string; body(): Promise<Buffer> }) => {
    seen.push(
      response
        .body()
        .then((body) => {
          const gz = Math.min(body.length, gzipSync(body).length);
          total.raw += body.length;
          total.gz += gz;
          const path = new URL(response.url()).pathname;
          const file = path.split('/').pop() ?? '';
          total.files.push(file);
          const kind = CLAUSE_FILE.test(path) ? 'clause' : (/\.(pf_[a-z]+)$/.exec(file)?.[1] ?? 'other');
          total.byKind[kind] = (total.byKind[kind] ?? 0) + gz;
        })
        .catch(() => undefined),
    );
  };
  page.on('response', onResponse);
  await during();
  await page.waitForLoadState('networkidle');
  await Promise.all(seen);
  page.off('response', onResponse);
  return total;
}

/**
 * A fresh page (no HTTP cache) with the index initialised. With `counts`, the reader has turned to the filters
 * first, so Pagefind's filter index is loaded and every search also counts filter values.
 */
async function openWarm(
  browser: Browser,
  url: string,
  counts = false,
): Promise<{ page: Page; load: Traffic }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const load = await traffic(page, async () => {
    await page.goto(url);
    await page.waitForSelector('form[data-search-ready]', { state: 'attached' });
    if (counts) {
      await page.locator('select[data-filter]').first().focus();
      await page.waitForSelector('form[data-search-counts]', { state: 'attached' });
    }
  });
  return { page, load };
}

/** A cold open: ms to the first results, CLS, bytes fetched up to the first results (raw, gz) and in all. */
interface Cold {
  /** To the first results drawn: the first bundle's (data-search-state 'partial'), or the complete ones. */
  ms: number;
  /** To the complete results (state 'results'). */
  complete: number;
  cls: number;
  /** Raw bytes of every response finished before the first results were drawn (the page's and the worker's). */
  toFirst: number;
  /** The same, gzipped as a host would serve them (Pagefind's index files are gzipped already). */
  toFirstGz: number;
  /** Raw bytes of everything until the page is done (help, filter counts, the rest of the first page). */
  bytes: number;
  /** Of `toFirstGz`, gzipped bytes by kind of file (`fileKind`) and how many files of each. */
  toFirstByKind: Record<string, { files: number; gz: number }>;
  /** When the page's performance marks (search:boot, search:index-ready, search:results…) were set, in ms. */
  marks: Record<string, number>;
}

/**
 * What a fetched file is, for the cold open's bytes before the first results: Pagefind's metadata, entry, index
 * chunks, fragments, filter chunks, WebAssembly and script, the page's HTML, its own scripts, anything else.
 */
function fileKind(url: string): string {
  const path = new URL(url).pathname;
  const pf = /\.(pf_[a-z]+)$/.exec(path)?.[1];
  if (pf) return pf;
  if (CLAUSE_FILE.test(path)) return 'clause';
  if (path.endsWith('pagefind-entry.json')) return 'pagefind-entry';
  // The filter table and each bundle's record values, fetched for counts or a filter (record-values.ts).
  if (path.endsWith(`/${FILTER_TABLE_FILE}`) || path.endsWith(`/${RECORD_VALUES_FILE}`))
    return 'filter values';
  if (/\/wasm\.[a-z-]+\.pagefind$/.test(path)) return 'pagefind wasm';
  if (/\/pagefind(-worker)?\.js$/.test(path)) return 'pagefind js';
  if (path.endsWith('/') || path.endsWith('.html')) return 'html';
  if (path.endsWith('.js')) return 'site js';
  if (path.endsWith('.css')) return 'css';
  return 'other';
}

/**
 * The page's marks, in the order a cold open sets them (src/browser/search/boot.ts, main.ts): the boot script
 * runs, the page script runs, the index answers, the query's lookups are searched and ranked, the first
 * results' fragments are in, the first results are drawn.
 */
const MARKS = [
  'search:boot',
  'search:script',
  'search:index-ready',
  'search:first-ranked',
  'search:first-results',
  'search:ranked',
  'search:fragments',
  'search:results',
];

/** A search URL opened in a fresh context: ms from navigation to the first results, CLS, bytes fetched. */
async function coldOpen(browser: Browser, url: string): Promise<Cold> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { cls: number; firstResults: number; complete: number };
    w.cls = 0;
    w.firstResults = -1;
    w.complete = -1;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
      })[])
        if (!entry.hadRecentInput) w.cls += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
    new MutationObserver(() => {
      const state = document.querySelector<HTMLElement>('[data-search-results]')?.dataset['searchState'];
      if (w.firstResults < 0 && (state === 'partial' || state === 'results' || state === 'done'))
        w.firstResults = performance.now();
      if (w.complete < 0 && (state === 'results' || state === 'done')) w.complete = performance.now();
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-search-state'] });
  });
  // When each response finished (wall clock), with its sizes: requests of the page and of Pagefind's worker.
  const finished: Promise<{ at: number; raw: number; gz: number; kind: string } | null>[] = [];
  page.on('requestfinished', (request) => {
    finished.push(
      request
        .response()
        .then(async (response) => {
          const body = response ? await response.body() : Buffer.alloc(0);
          const timing = request.timing();
          return {
            at: timing.startTime + timing.responseEnd,
            raw: body.length,
            gz: Math.min(body.length, gzipSync(body).length),
            kind: fileKind(request.url()),
          };
        })
        .catch(() => null),
    );
  });
  const fetched = await traffic(page, async () => {
    await page.goto(url);
    await page.waitForSelector('[data-search-results][data-search-state="done"]', { state: 'attached' });
  });
  const { ms, complete, cls, firstAt, marks } = await page.evaluate(() => {
    const w = window as unknown as { cls: number; firstResults: number; complete: number };
    const marks = Object.fromEntries(
      performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)]),
    );
    return {
      ms: w.firstResults,
      complete: w.complete,
      cls: w.cls,
      firstAt: performance.timeOrigin + w.firstResults,
      marks,
    };
  });
  const before = (await Promise.all(finished)).filter((f) => f !== null && f.at <= firstAt) as {
    raw: number;
    gz: number;
    kind: string;
  }[];
  await context.close();
  const toFirstByKind: Cold['toFirstByKind'] = {};
  for (const { kind, gz } of before) {
    const entry = (toFirstByKind[kind] ??= { files: 0, gz: 0 });
    entry.files++;
    entry.gz += gz;
  }
  return {
    ms,
    complete,
    cls,
    toFirst: before.reduce((n, f) => n + f.raw, 0),
    toFirstGz: before.reduce((n, f) => n + f.gz, 0),
    bytes: fetched.raw,
    toFirstByKind,
    marks,
  };
}

interface Quality {
  top1: number;
  /** Top-1 of the first results drawn (the first bundle's, when there are several), not the complete ones. */
  top1First: number;
  answerable: number;
  precision5: number;
  falseClaims: string[];
  nowhereClaims: string[];
  /** Slips whose help proposed the known name (did you mean), and the ones that did not. */
  proposed: number;
  missed: string[];
}

/** Runs the relevance set on a warm page and scores the results against the records' texts. */
async function quality(
  page: Page,
  textOf: (url: string) => string | undefined,
  rightInCorpus: (wordings: readonly string[]) => number,
): Promise<Quality> {
  const groups = compileSynonyms(loadSearchGroups().groups, foldQuery);
  const queryWords = loadQueryWords();
  const flat = (s: string) => foldQuery(s).replace(/\s+/g, '');
  /** Each query's first result as first drawn (the first bundle's, when there are several). */
  const firstTops = new Map<string, string>();
  const shown = async (query: string) => {
    const timed = await typeAndTime(page, query, 'done');
    firstTops.set(query, timed.firstTop);
    return page.locator('.search-hit').evaluateAll((items) =>
      items.map((item) => ({
        url: (item.querySelector('a[data-search-hit]')?.getAttribute('href') ?? '').replace(/\?hl=[^#]*/, ''),
        match: (item as HTMLElement).dataset['match'] ?? '',
      })),
    );
  };
  const out: Quality = {
    top1: 0,
    top1First: 0,
    answerable: 0,
    precision5: 0,
    falseClaims: [],
    nowhereClaims: [],
    proposed: 0,
    missed: [],
  };
  for (const { query, wordings } of RELEVANCE_SET) {
    const hits = await shown(query);
    const right = (url: string) => {
      const text = flat(textOf(url) ?? '');
      return wordings.some((w) => text.includes(flat(w)));
    };
    const terms = (parseQuery(query, foldQuery, groups, queryWords)?.terms ?? []).map((t) => flat(t.text));
    for (const hit of hits.filter((h) => h.match === 'literal')) {
      const text = flat(textOf(hit.url) ?? '');
      if (!terms.every((t) => text.includes(t))) out.falseClaims.push(`${query} → ${hit.url}`);
    }
    out.answerable++;
    if (hits[0] && right(hits[0].url)) out.top1++;
    const firstTop = firstTops.get(query);
    if (firstTop && right(firstTop)) out.top1First++;
    // Right answers the corpus holds, capped at 5 (a query with 2 right answers can reach 1).
    const top = hits.slice(0, 5);
    const found = top.filter((h) => right(h.url)).length;
    const possible = Math.min(5, rightInCorpus(wordings));
    out.precision5 += possible === 0 ? 1 : found / possible;
  }
  for (const query of NOWHERE) {
    const hits = await shown(query);
    for (const hit of hits.filter((h) => h.match === 'literal'))
      out.nowhereClaims.push(`${query} → ${hit.url}`);
  }
  for (const { typed, known } of PROPOSALS) {
    const hits = await shown(typed);
    for (const hit of hits.filter((h) => h.match === 'literal'))
      out.nowhereClaims.push(`${typed} → ${hit.url}`);
    const offered = await page
      .locator('[data-search-next] a')
      .evaluateAll((links) => links.map((a) => a.textContent ?? ''));
    if (offered.includes(known)) out.proposed++;
    else out.missed.push(`${typed} → ${known}`);
  }
  out.precision5 /= RELEVANCE_SET.length;
  return out;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/**
 * `RUNS` cold opens of the search URL in a plain Chromium (scripts/bench/plain-cold-open.ts says why the
 * Playwright-driven opens above are slower than a reader's), the site served by a process of its own.
 */
async function plainColdOpens(siteDir: string): Promise<PlainCold[]> {
  const site = await serveInOwnProcess(siteDir);
  const browser = await PlainChromium.launch(CHROMIUM_ARGS);
  try {
    const opens: PlainCold[] = [];
    for (let run = 0; run < RUNS; run++)
      opens.push(await browser.coldOpen(`${site.url}search/?q=${encodeURIComponent(FIRST_QUERY)}`));
    return opens;
  } finally {
    await browser.close();
    site.close();
  }
}

/** What `measure` hands back for comparing corpora: the index's chunks and the median cold open's bytes. */
interface Measured {
  chunks: { files: number; bytes: number };
  cold: Cold | undefined;
}

async function measure(
  browser: Browser,
  name: string,
  siteDir: string,
  records: number,
  textOf: (url: string) => string | undefined,
  rightInCorpus: (wordings: readonly string[]) => number,
): Promise<Measured> {
  const size = indexSize(siteDir);
  const site = await serveStatic(siteDir);
  try {
    const url = `${site.url}search/`;
    const { page, load } = await openWarm(browser, url);
    const pagefindFiles = load.files.filter((f) => /pagefind|pf_meta|wasm/.test(f));
    let first: Awaited<ReturnType<typeof typeAndTime>> = {
      results: 0,
      complete: 0,
      counts: 0,
      hits: 0,
      firstTop: '',
    };
    const firstQuery = await traffic(page, async () => {
      first = await typeAndTime(page, FIRST_QUERY, 'done');
    });
    const latencies = async (counts: boolean) => {
      const rows: { query: string; hits: number; results: number[]; complete: number[]; counts: number[] }[] =
        [];
      for (const query of QUERIES) {
        const row = {
          query,
          hits: 0,
          results: [] as number[],
          complete: [] as number[],
          counts: [] as number[],
        };
        for (let run = 0; run < RUNS; run++) {
          // A fresh warm page per run (index initialised, no chunk cached): the query pays its chunk fetches.
          const fresh = (await openWarm(browser, url, counts)).page;
          const t = await typeAndTime(fresh, query, 'done');
          row.hits = t.hits;
          row.results.push(t.results);
          row.complete.push(t.complete);
          row.counts.push(t.counts);
          await fresh.context().close();
        }
        rows.push(row);
      }
      return rows;
    };
    const plain = await latencies(false);
    const counted = await latencies(true);
    const scored = await quality(page, textOf, rightInCorpus);
    await page.context().close();
    const colds: Cold[] = [];
    for (let run = 0; run < RUNS; run++)
      colds.push(await coldOpen(browser, `${url}?q=${encodeURIComponent(FIRST_QUERY)}`));
    const plainColds = await plainColdOpens(siteDir);

    console.log(`\n## ${name}: ${records} records`);
    console.log(
      `index ${kb(size.total.bytes)} in ${size.total.files} files — meta ${kb(size.meta.bytes)}, ` +
        `index chunks ${kb(size.index.bytes)} (${size.index.files}), fragments ${kb(size.fragments.bytes)} (${size.fragments.files}), ` +
        `clause files ${kb(size.clauses.bytes)} (${size.clauses.files}), ` +
        `filters ${kb(size.filters.bytes)}, wasm ${kb(size.wasm.bytes)}, js ${kb(size.js.bytes)}`,
    );
    console.log(
      `page load (before typing): ${kb(load.raw)} raw / ${kb(load.gz)} gz for the whole page; Pagefind files: ${pagefindFiles.join(', ')}`,
    );
    const k = (kind: string) => firstQuery.byKind[kind] ?? 0;
    console.log(
      `first query “${FIRST_QUERY}” on the warm page: ${kb(k('pf_index') + k('pf_fragment') + k('clause'))} gz to results ` +
        `(index chunks ${kb(k('pf_index'))}, ${first.hits} results' fragments ${kb(k('pf_fragment'))}, clause files ${kb(k('clause'))}), ` +
        `then ${kb(k('pf_filter'))} of filter index and ${kb(k('filter values'))} of filter values for the counts; first results in ${first.results.toFixed(0)} ms, complete in ${first.complete.toFixed(0)} ms, counts in ${first.counts.toFixed(0)} ms`,
    );
    console.log(
      `query | hits shown | first results ms (median of ${RUNS}) | worst | complete ms | worst | done ms | with filter counts: first results ms | complete ms | done ms`,
    );
    plain.forEach((row, i) => {
      const c = counted[i]!;
      console.log(
        [
          row.query,
          row.hits,
          median(row.results).toFixed(0),
          Math.max(...row.results).toFixed(0),
          median(row.complete).toFixed(0),
          Math.max(...row.complete).toFixed(0),
          median(row.counts).toFixed(0),
          median(c.results).toFixed(0),
          median(c.complete).toFixed(0),
          median(c.counts).toFixed(0),
        ].join(' | '),
      );
    });
    const summary = (rows: typeof plain, which: 'results' | 'complete' = 'results') => {
      const all = rows.map((r) => median(r[which])).sort((a, b) => a - b);
      return `median ${median(all).toFixed(0)} ms, worst ${all[all.length - 1]?.toFixed(0)} ms`;
    };
    console.log(
      `latency to the first results over ${QUERIES.length} queries (the first bundle's, drawn while the others are ` +
        `searched; the complete ones on one bundle): ${summary(plain)}; to the complete results: ${summary(plain, 'complete')}; ` +
        `with filter counts loaded: first ${summary(counted)}, complete ${summary(counted, 'complete')}`,
    );
    console.log(
      `cold open of search/?q=${FIRST_QUERY} (new context, ${RUNS} runs): first results median ${median(colds.map((c) => c.ms)).toFixed(0)} ms ` +
        `(worst ${Math.max(...colds.map((c) => c.ms)).toFixed(0)} ms), complete results median ${median(colds.map((c) => c.complete)).toFixed(0)} ms ` +
        `(worst ${Math.max(...colds.map((c) => c.complete)).toFixed(0)} ms); fetched before the first results ` +
        `${kb(median(colds.map((c) => c.toFirst)))} raw / ${kb(median(colds.map((c) => c.toFirstGz)))} gz (goal at 3,000 plans: 150 KB), ` +
        `${kb(median(colds.map((c) => c.bytes)))} raw until done; ` +
        `CLS ${Math.max(...colds.map((c) => c.cls)).toFixed(3)} (worst)`,
    );
    // The run whose bytes before the first results are the median, by kind of file, largest first.
    const middle = [...colds].sort((a, b) => a.toFirstGz - b.toFirstGz)[Math.floor(colds.length / 2)];
    if (middle)
      console.log(
        `cold open, bytes before the first results by kind (gz, the median run): ${Object.entries(
          middle.toFirstByKind,
        )
          .sort((a, b) => b[1].gz - a[1].gz)
          .map(([kind, { files, gz }]) => `${kind} ${kb(gz)} (${files})`)
          .join(', ')}`,
      );
    const timeline = (opens: { marks: Record<string, number> }[]) =>
      MARKS.map((name) => {
        const at = opens.map((c) => c.marks[name]).filter((t): t is number => t !== undefined);
        return `${name.replace('search:', '')} ${at.length ? median(at) : '—'}`;
      }).join(', ');
    console.log(`cold open timeline (median ms after navigation): ${timeline(colds)}`);
    console.log(
      `cold open as a reader's browser runs it (plain Chromium, no driver on the page's worker, the site served ` +
        `by its own process; scripts/bench/plain-cold-open.ts): first results median ` +
        `${median(plainColds.map((c) => c.ms)).toFixed(0)} ms (worst ${Math.max(...plainColds.map((c) => c.ms)).toFixed(0)} ms; goal on the seeds 300 ms), ` +
        `complete (mark search:results) median ${median(plainColds.map((c) => c.marks['search:results'] ?? NaN)).toFixed(0)} ms; ` +
        `timeline ${timeline(plainColds)}`,
    );
    console.log(
      `relevance set (${RELEVANCE_SET.length} queries, on the complete results): top-1 ${scored.top1}/${scored.answerable} ` +
        `(first results drawn: ${scored.top1First}/${scored.answerable}), precision@5 ${scored.precision5.toFixed(2)}, ` +
        `false 包含 claims ${scored.falseClaims.length}${scored.falseClaims.length ? ` (${scored.falseClaims.join('; ')})` : ''}; ` +
        `${NOWHERE.length + PROPOSALS.length} words no plan prints: ${scored.nowhereClaims.length} 包含 claims${scored.nowhereClaims.length ? ` (${scored.nowhereClaims.join('; ')})` : ''}; ` +
        `did you mean: ${scored.proposed}/${PROPOSALS.length} slips proposed the known name${scored.missed.length ? ` (missed: ${scored.missed.join('; ')})` : ''}`,
    );
    return { chunks: size.index, cold: middle };
  } finally {
    await site.close();
  }
}

/** Per bundle of a site: its index chunks, their bytes as served (gzipped) and their postings (raw CBOR). */
function chunkBytes(site: string): { chunks: number; gz: number; raw: number }[] {
  return readdirSync(site)
    .filter((d) => /^pagefind(-\d+)?$/.test(d))
    .map((bundle) => {
      const dir = join(site, bundle, 'index');
      const files = readdirSync(dir).map((f) => readFileSync(join(dir, f)));
      return {
        chunks: files.length,
        gz: files.reduce((n, f) => n + f.length, 0),
        raw: files.reduce((n, f) => n + gunzipSync(f).length, 0),
      };
    });
}

/**
 * The copies repeat the seeds' words, so their index chunks compress far better than distinct plans' would, and
 * the build cuts them into larger chunks (src/lib/search/build/rechunk.ts chooses the size by how well the
 * bundle compresses). Prints what the cold open would fetch before its first results for as many distinct
 * plans, other things equal: each bundle cut as the build would cut it were its postings to compress as the
 * seeds' do (more, smaller chunks: a longer chunk list in the metadata of each bundle the cold open fetched
 * before its first results), and each chunk the cold open fetched weighing what such a chunk would.
 */
function distinctTextEstimate(seedsSite: string, copiedSite: string, copied: Measured): void {
  const fetched = copied.cold?.toFirstByKind['pf_index'];
  if (!copied.cold || !fetched) return;
  const seeds = chunkBytes(seedsSite);
  const ratio = seeds.reduce((n, b) => n + b.gz, 0) / seeds.reduce((n, b) => n + b.raw, 0);
  const bundles = chunkBytes(copiedSite).map((b) => {
    const target = chunkTarget(b.raw, ratio);
    return { chunkGz: Math.min(b.raw, target) * ratio, extraChunks: Math.ceil(b.raw / target) - b.chunks };
  });
  const chunkGz = bundles.reduce((n, b) => n + b.chunkGz, 0) / bundles.length;
  // Only the chunk lists of the bundles whose metadata came before the first results count: with progressive
  // search that is the first bundle's (and any other that arrived before the first draw), not every bundle's.
  const metaFetched = copied.cold.toFirstByKind['pf_meta']?.files ?? bundles.length;
  const extraPerBundle =
    (bundles.reduce((n, b) => n + b.extraChunks, 0) / bundles.length) * LIST_BYTES_PER_CHUNK;
  const extraList = extraPerBundle * Math.min(metaFetched, bundles.length);
  const estimate = copied.cold.toFirstGz - fetched.gz + fetched.files * chunkGz + extraList;
  console.log(
    `\nindex chunks average ${kb(copied.chunks.bytes / Math.max(1, copied.chunks.files))} here; distinct text ` +
      `(compressing as the seeds' postings do, ${(ratio * 100).toFixed(0)}%) would be cut into chunks of ~${kb(chunkGz)} gz ` +
      `(${extraList >= 0 ? '+' : ''}${kb(extraList)} of chunk list in the metadata): with the ${fetched.files} chunks the cold open fetched, ` +
      `${kb(estimate)} gz before the first results instead of ${kb(copied.cold.toFirstGz)} (an estimate for distinct plans)`,
  );
}

async function main(): Promise<void> {
  const seedsSite = join(work, 'seeds-site');
  console.log(`building the seeds' site into ${seedsSite} …`);
  execFileSync(process.execPath, buildNodeArgs(ROOT), {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PLAN_ATLAS_OUT_DIR: seedsSite },
  });
  // The plans the site was built from, as it published them.
  const plans: Plan[] = readPublishedPlans(seedsSite);
  console.log(`the seeds' site has ${plans.length} plans: ${plans.map((p) => p.id).join(', ')}`);

  const largeSite = join(work, 'large-site');
  cpSync(seedsSite, largeSite, { recursive: true });
  rmSync(join(largeSite, BUNDLE_DIR), { recursive: true });
  const large = cloned(plans, COPIES);
  // The search page tells its script the corpus size (it decides when to count filter values): the large one's.
  const searchPage = join(largeSite, 'search', 'index.html');
  const clauses = large.reduce((n, p) => n + p.clauses.length, 0);
  let html = readFileSync(searchPage, 'utf8').replace(/data-clauses="\d+"/, `data-clauses="${clauses}"`);
  const started = performance.now();
  let bundleDirs: string[];
  let records: number;
  if (INDEX_FROM) {
    // The earlier run's bundles (pagefind/, pagefind-1/…), in bundle order.
    const from = join(resolve(INDEX_FROM), 'large-site');
    bundleDirs = readdirSync(from)
      .filter((d) => /^pagefind(-\d+)?$/.test(d))
      .sort((a, b) => Number(a.split('-')[1] ?? 0) - Number(b.split('-')[1] ?? 0));
    for (const dir of bundleDirs) cpSync(join(from, dir), join(largeSite, dir), { recursive: true });
    records = bundleDirs.reduce((n, dir) => {
      const entry = JSON.parse(readFileSync(join(largeSite, dir, 'pagefind-entry.json'), 'utf8')) as {
        languages: Record<string, { page_count: number }>;
      };
      return n + Object.values(entry.languages).reduce((m, l) => m + l.page_count, 0);
    }, 0);
    console.log(`took the index of ${from} (${records} records in ${bundleDirs.length} bundles)`);
  } else {
    const bundles = searchBundles(large, '/', BUNDLES, FIRST_CLAUSES);
    await writeBundles(bundles, largeSite, filterValues(large, loadSearchNames()));
    bundleDirs = bundles.map((b) => b.dir);
    records = bundles.reduce((n, b) => n + b.records.length, 0);
    console.log(
      `indexed ${COPIES}× the seeds (${large.length} plans, ${records} records) in ${bundles.length} bundles (the first ${bundles[0]?.records.length ?? 0} records) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  // …and where its bundles are: the meta the page's scripts read them from. A page still searching the seeds'
  // one bundle would measure a quarter of the corpus. Then the first files of those bundles, as the build names
  // them once the index is written.
  const setup = readSearchSetup(html);
  html = withSearchSetup(html, { ...setup, bundles: bundleDirs.map((dir) => `/${dir}/`), first: [] });
  writeFileSync(searchPage, html);
  finishSearchPage(largeSite, '/');

  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const seedRecords = searchClauses(plans, '/');
    const textByUrl = new Map(seedRecords.map((r) => [r.url, r.meta.text]));
    // A copy's URL is its original's with `-c<k>` after the plan slug.
    const textOf = (url: string) => textByUrl.get(url.replace(/(\/plans\/[a-z0-9-]+?)-c\d+\//, '$1/'));
    const flat = (s: string) => foldQuery(s).replace(/\s+/g, '');
    const rightInSeeds = (wordings: readonly string[]) =>
      seedRecords.filter((r) => wordings.some((w) => flat(r.meta.text).includes(flat(w)))).length;
    if (!LARGE_ONLY)
      await measure(browser, 'five seeds', seedsSite, seedRecords.length, textOf, rightInSeeds);
    const copied = await measure(
      browser,
      `${COPIES}× the seeds`,
      largeSite,
      records,
      textOf,
      (w) => rightInSeeds(w) * COPIES,
    );
    distinctTextEstimate(seedsSite, largeSite, copied);
  } finally {
    await browser.close();
    if (KEEP) console.log(`sites kept in ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

await main();
