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
