/**
 * Progressive search (src/browser/search/main.ts, index-worker.ts): with the index in several bundles, the
 * first bundle's results are drawn while the others are still searched, with a status that says so, and the
 * complete answer replaces them once every bundle has answered — the same answer as the site's one bundle
 * gives. The built site is copied and its index written again as two bundles (as the benchmark writes its
 * large corpus); the second bundle is held back (`route`) until the test lets it through.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { BUNDLE_DIR, searchBundles, writeBundles } from '../../src/integrations/pagefind';
import { finishSearchPage } from '../../src/integrations/search-page-files';
import { loadSearchNames } from '../../src/lib/search/build/names';
import { filterValues } from '../../src/lib/search/build/records';
import { readSearchSetup, withSearchSetup } from '../../src/lib/search/build/search-page';
import { paths } from '../../src/lib/urls';
import { builtPlans, E2E_BASE, OUT_DIR, pageUrl } from './harness';
import { expect, test } from './fixtures';
import { serveStatic, type StaticSite } from './static-server';

// One worker runs the file's tests in order: the two-bundle copy is written once.
test.describe.configure({ mode: 'default' });

const QUERY = '能耗';
let work = '';
let site: StaticSite | null = null;
/** The permalink prefixes (`…/plans/<id>/`) of the plans in the first bundle. */
let firstPlans: string[] = [];

test.beforeAll(async () => {
  // Indexing the seeds again takes a while on a loaded machine.
  test.setTimeout(180_000);
  work = mkdtempSync(join(tmpdir(), 'plan-atlas-progressive-'));
  cpSync(OUT_DIR, work, { recursive: true });
  rmSync(join(work, BUNDLE_DIR), { recursive: true });
  const plans = builtPlans();
  const bundles = searchBundles(plans, E2E_BASE, 2);
  await writeBundles(bundles, work, filterValues(plans, loadSearchNames()));
  firstPlans = plans
    .map((p) => `${E2E_BASE}plans/${p.id}/`)
    .filter((prefix) => bundles[0]!.records.some((r) => r.url.startsWith(prefix)));
  const searchPage = join(work, 'search', 'index.html');
  const html = readFileSync(searchPage, 'utf8');
  const setup = readSearchSetup(html);
  writeFileSync(
    searchPage,
    withSearchSetup(html, { ...setup, bundles: bundles.map((b) => `${E2E_BASE}${b.dir}/`), first: [] }),
  );
  finishSearchPage(work, E2E_BASE);
  site = await serveStatic(work, E2E_BASE);
});

test.afterAll(async () => {
  await site?.close();
  rmSync(work, { recursive: true, force: true });
});

/** The search page of the two-bundle copy, opened with `q`. */
function searchUrl(q: string): string {
  return `${site!.url}${paths.search().replace(/^\//, '')}?q=${encodeURIComponent(q)}`;
}

/** The results' links, without the `hl` parameter. */
function shownLinks(page: Page): Promise<string[]> {
  return page
    .locator('[data-search-results] a[data-search-hit]')
    .evaluateAll((links) => links.map((a) => (a.getAttribute('href') ?? '').replace(/\?hl=[^#]*/, '')));
}

test('first results from the first bundle while the second is held, then the complete answer', async ({
  page,
}) => {
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const held: string[] = [];
  await page.context().route('**/pagefind-1/**', async (route) => {
    held.push(new URL(route.request().url()).pathname);
    await released;
    await route.continue();
  });
  await page.goto(searchUrl(QUERY));
  const list = page.locator('[data-search-results]');
  const status = page.locator('[data-search-status]');
  await expect(list).toHaveAttribute('data-search-state', 'partial');
  await expect(status).toContainText('其余部分仍在搜索中（已搜索 1/2）');
  await expect(status).not.toContainText('没有找到');
  const first = await shownLinks(page);
  expect(first.length).toBeGreaterThan(0);
  for (const link of first) expect(firstPlans.some((prefix) => link.startsWith(prefix))).toBe(true);
  expect(held.length).toBeGreaterThan(0);

  release();
  await expect(list).toHaveAttribute('data-search-state', 'done');
  const complete = (await status.textContent()) ?? '';
  expect(complete).not.toContain('仍在搜索');
  const links = await shownLinks(page);
  expect(links.some((link) => !firstPlans.some((prefix) => link.startsWith(prefix)))).toBe(true);

  // The same counts as the site's one bundle gives (the order may differ: each bundle scores its own records).
  const one = await page.context().newPage();
  await one.goto(`${pageUrl(paths.search())}?q=${encodeURIComponent(QUERY)}`);
  await expect(one.locator('[data-search-results]')).toHaveAttribute('data-search-state', 'done');
  expect(await one.locator('[data-search-status]').textContent()).toBe(complete);
});

test('the WebAssembly is fetched once, from the first bundle, and each bundle file once', async ({
  page,
}) => {
  const fetched: string[] = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  await page.goto(searchUrl(QUERY));
  await expect(page.locator('[data-search-results]')).toHaveAttribute('data-search-state', 'done');
  const wasm = fetched.filter((path) => /\/wasm\.[^/]+\.pagefind$/.test(path));
  expect(wasm).toEqual([`${E2E_BASE}${BUNDLE_DIR}/${wasm[0]?.split('/').pop()}`]);
  const indexFiles = fetched.filter((path) => /\.pf_(meta|index)$/.test(path));
  expect(indexFiles.length).toBeGreaterThan(2);
  expect(new Set(indexFiles).size).toBe(indexFiles.length);
});

test('a query typed on the warm page asks for no other bundle’s index chunks before the first results are drawn', async ({
  page,
}) => {
  // Chunks asked for at the keystroke, or by a complete search started before the first results were drawn, are
  // loaded by the worker and answered to the page in front of the first results: only the first bundle's are
  // preloaded, and the complete search starts once the first bundle's results are drawn. The first results'
  // clause files (all in the first bundle) are held, so nothing is drawn: any other bundle's chunk asked for
  // meanwhile was asked for too early.
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const clauses: string[] = [];
  const other: string[] = [];
  await page.context().route(`**${E2E_BASE}${BUNDLE_DIR}/clause/**`, async (route) => {
    clauses.push(new URL(route.request().url()).pathname);
    await released;
    await route.continue();
  });
  await page.context().route('**/pagefind-1/index/**', async (route) => {
    other.push(new URL(route.request().url()).pathname);
    await route.continue();
  });
  await page.goto(`${site!.url}${paths.search().replace(/^\//, '')}`);
  await expect(page.locator('form[data-search-ready]')).toBeAttached();
  const list = page.locator('[data-search-results]');
  await page.locator('[data-search-input]').fill(QUERY);
  // The first bundle's results are ranked and their clause files asked for (held).
  await expect.poll(() => clauses.length).toBeGreaterThan(0);
  // A request of the second bundle sent before the draw would be on its way by now: give it time to show.
  await page.waitForTimeout(300);
  expect(await list.getAttribute('data-search-state')).toBe('busy');
  expect(other).toEqual([]);
  release();
  await expect(list).toHaveAttribute('data-search-state', 'done');
  // The complete search did ask for the second bundle's chunks.
  expect(other.length).toBeGreaterThan(0);
});

test('the worker ranks: the page is sent ranked clause ids, not results’ word positions, and sends the complete search only after the first results are drawn', async ({
  page,
}) => {
  // Every request the page posts to its index worker, with the results list's state as the page saw it when
  // the state last changed (a MutationObserver runs once the task that drew has finished its synchronous work,
  // before any later task), and every answer's shape.
  await page.addInitScript(() => {
    const log = {
      sent: [] as {
        method: string;
        bundle?: number | undefined;
        bundles?: number | undefined;
        seen: string;
      }[],
      answers: [] as string[],
    };
    (window as unknown as { searchLog: typeof log }).searchLog = log;
    let seen = '';
    const methods = new Map<number, string>();
    const watch = () => {
      const list = document.querySelector('[data-search-results]');
      if (!list) return false;
      new MutationObserver(() => (seen = list.getAttribute('data-search-state') ?? '')).observe(list, {
        attributes: true,
        attributeFilter: ['data-search-state'],
      });
      return true;
    };
    document.addEventListener('DOMContentLoaded', watch);
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: unknown[]) {
      const m = message as { id: number; method: string; bundle?: number; bundles?: number };
      methods.set(m.id, m.method);
      log.sent.push({ method: m.method, bundle: m.bundle, bundles: m.bundles, seen });
      return (post as (...args: unknown[]) => void).call(this, message, ...rest);
    } as typeof Worker.prototype.postMessage;
    const listen = Worker.prototype.addEventListener;
    Worker.prototype.addEventListener = function (this: Worker, type: string, ...rest: unknown[]) {
      if (type === 'message' && !(this as unknown as { logged?: boolean }).logged) {
        (this as unknown as { logged?: boolean }).logged = true;
        listen.call(this, 'message', (event: Event) => {
          const { id, result } = (
            event as MessageEvent<{ id?: number; result?: { results?: { words?: unknown }[] } }>
          ).data;
          const positions = result?.results?.some((r) => r.words !== undefined) ?? false;
          log.answers.push(`${methods.get(id ?? -1) ?? 'none'} ${positions ? 'positions' : 'ids'}`);
        });
      }
      return (listen as (...args: unknown[]) => void).call(this, type, ...rest);
    } as typeof Worker.prototype.addEventListener;
  });
  await page.goto(`${site!.url}${paths.search().replace(/^\//, '')}`);
  await expect(page.locator('form[data-search-ready]')).toBeAttached();
  const list = page.locator('[data-search-results]');
  await page.locator('[data-search-input]').fill(QUERY);
  await expect(list).toHaveAttribute('data-search-state', 'done');
  const log = await page.evaluate(
    () =>
      (
        window as unknown as {
          searchLog: {
            sent: {
              method: string;
              bundle?: number | undefined;
              bundles?: number | undefined;
              seen: string;
            }[];
            answers: string[];
          };
        }
      ).searchLog,
  );
  // The first bundle's ranking, then the complete one, each one request.
  const ranks = log.sent.filter((m) => m.method === 'rank');
  expect(ranks.map((m) => m.bundles)).toEqual([1, undefined]);
  // The rankings' answers carried no results' word positions, and nothing else was searched before the first
  // results were drawn (the filter counts, later, search the counted lookup's records).
  expect(log.answers.filter((a) => a.startsWith('rank'))).toEqual(['rank ids', 'rank ids']);
  expect(
    log.sent.filter(
      (m) => m.method === 'search' && m.seen !== 'partial' && m.seen !== 'results' && m.seen !== 'done',
    ),
  ).toEqual([]);
  // Before the first results were drawn (and that task had ended), only the first bundle was asked; the complete
  // ranking was sent after, while the first bundle's results were shown.
  const before = log.sent.filter((m) => m.seen === '' || m.seen === 'busy');
  expect(before.length).toBeGreaterThan(0);
  for (const m of before)
    expect(m.method === 'rank' ? m.bundles : m.bundle).toBe(m.method === 'rank' ? 1 : 0);
  expect(log.sent.find((m) => m.method === 'rank' && m.bundles === undefined)?.seen).toBe('partial');
});
