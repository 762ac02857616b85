/**
 * The pages that list plans, past their list limits (src/site/budgets.ts): a synthetic corpus of 160 plans with
 * distinct regions (scripts/bench/corpus.ts, the seeds as templates; more than LIST_LIMITS.planRows = 150),
 * built with `npm run build`'s script and served as a static host would. Each page summarises, groups or pages
 * instead of naming every plan, stays accessible and fits a 320 px phone, and what it leaves out is one link
 * away. Page weight itself is a goal reported by `npm run bench:pages`, never asserted here.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { Plan } from '../../src/lib/model/plan';
import { planLabels, plansByProvince } from '../../src/lib/search/build/records';
import { LIST_LIMITS } from '../../src/site/budgets';
import { paths } from '../../src/lib/urls';
import { seedTemplates, writeCorpus } from '../../scripts/bench/corpus';
import { readPublishedPlans } from '../../scripts/bench/published';
import { expect, test } from './fixtures';
import { serveStatic, type StaticSite } from './static-server';
import { buildNodeArgs } from '../../scripts/build/command';

test.describe.configure({ mode: 'serial', timeout: 900_000 });

const ROOT = resolve(import.meta.dirname, '../..');
// Made in beforeAll, not when the file loads: Playwright also loads spec files in its runner process, where
// afterAll never runs, and a directory made there was left behind on every run.
let WORK = '';
let SEEDS = '';
let OUT = '';
const PLANS = LIST_LIMITS.planRows + 10;
const NOT_FOUND = '/no-such-page/';

let site: StaticSite;
let plans: Plan[] = [];

test.beforeAll(async () => {
  WORK = mkdtempSync(join(tmpdir(), 'plan-atlas-lists-spec-'));
  SEEDS = join(WORK, 'seeds');
  OUT = join(WORK, 'site');
  // A whole site build of 160 plans with its search index: minutes on a busy machine.
  test.setTimeout(900_000);
  writeCorpus(SEEDS, PLANS, seedTemplates(join(ROOT, 'seeds')));
  const code = await new Promise<number>((done) =>
    execFile(
      process.execPath,
      buildNodeArgs(ROOT),
      {
        cwd: ROOT,
        env: { ...process.env, PLAN_ATLAS_SEEDS: SEEDS, PLAN_ATLAS_OUT_DIR: OUT, PLAN_ATLAS_BASE: '/' },
        maxBuffer: 256 * 1024 * 1024,
      },
      (error) => done(error ? Number(error.code ?? 1) : 0),
    ),
  );
  expect(code).toBe(0);
  plans = readPublishedPlans(OUT);
  site = await serveStatic(OUT, '/');
});

test.afterAll(async () => {
  await site?.close();
  if (WORK) rmSync(WORK, { recursive: true, force: true });
});

const url = (path: string) => new URL(path.replace(/^\//, ''), site.url).href;

/** Links to a plan's own page (`/plans/<plan>/`), not to the plan list. */
const planPageLinks = (page: Page) => page.locator('main a[href^="/plans/"]:not([href="/plans/"])');

test('the corpus is past the plan-list limit', () => {
  expect(plans).toHaveLength(PLANS);
});

const SUMMARY_PAGES: [string, string][] = [
  ['home', paths.home()],
  ['plans', paths.plans()],
  ['go to clause', paths.goTo()],
  ['departments', paths.departments()],
  ['search', paths.search()],
  ['indicator', paths.indicator('energy-intensity')],
  ['compare', paths.compare()],
  ['compare topic, page 2', `${paths.compareTopic('industry-green-upgrade')}2/`],
];

/** A page is well-formed past the limits: accessible, one h1, nothing wider than a 320 px phone. */
async function checkPage(page: Page, path: string): Promise<void> {
  await page.goto(url(path));
  await expect(page.locator('h1')).toHaveCount(1);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
  await page.setViewportSize({ width: 320, height: 640 });
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(0);
}

for (const [name, path] of SUMMARY_PAGES) {
  test(`${name}: accessible, one h1, fits a 320 px phone`, async ({ page }) => {
    test.slow();
    await checkPage(page, path);
  });
}

test.describe('not found', () => {
  // The browser reports the page's own 404 status as a console error.
  test.use({ expectedConsole: [/status of 404/] });
  test('accessible, one h1, fits a 320 px phone', async ({ page }) => {
    test.slow();
    await checkPage(page, NOT_FOUND);
  });
});

for (const [name, path, expectedConsole] of [
  ['go to clause', paths.goTo(), []],
  ['not found', NOT_FOUND, [/status of 404/]],
] as const) {
  test.describe(name, () => {
    test.use({ expectedConsole: [...expectedConsole] });
    test('names no plan one by one, and leads to the plan list and the regions', async ({ page }) => {
      await page.goto(url(path));
      await expect(planPageLinks(page)).toHaveCount(0);
      const main = page.locator('main');
      await expect(main).toContainText(`${PLANS} 份方案`);
      await expect(main.locator(`a[href="${paths.plans()}"]`)).toHaveCount(1);
      await expect(main.locator(`a[href="${paths.regions()}"]`)).toHaveCount(1);
    });
  });
}

test('plans: counted by province and level, the counts adding up to every plan', async ({ page }) => {
  await page.goto(url(paths.plans()));
  await expect(planPageLinks(page)).toHaveCount(0);
  const totals = await page.locator('[data-province-counts] tbody td[data-label="合计"]').allTextContents();
  expect(totals.reduce((n, t) => n + Number(t), 0)).toBe(PLANS);
  // Every row leads to a page that lists its plans.
  const rows = page.locator('[data-province-counts] tbody tr');
  await expect(rows.locator('th a')).toHaveCount(await rows.count());
});

test.describe('search: the plan filter', () => {
  test('holds only 全部 until a province is chosen, then that province’s plans', async ({ page }) => {
    await page.goto(url(paths.search()));
    const filter = page.locator('select[data-filter="plan"]');
    await expect(filter.locator('option')).toHaveCount(1);
    const byProvince = plansByProvince(plans);
    const [province, labels] = byProvince.find(([, l]) => l.length > 1) as [string, string[]];
    await page.locator('select[data-filter="province"]').selectOption(province);
    await expect(filter.locator('option')).toHaveCount(labels.length + 1);
    const shown = (await filter.locator('option').allTextContents())
      .slice(1)
      .map((t) => t.replace(/（\d+）$/, ''));
    expect(shown.sort()).toEqual([...labels].sort());
  });

  test('a plan set in the URL is chosen, its results only', async ({ page }) => {
    const plan = plans[PLANS - 1] as Plan;
    const label = planLabels(plans).get(plan.id) as string;
    await page.goto(
      `${url(paths.search())}?q=${encodeURIComponent('节能')}&plan=${encodeURIComponent(label)}`,
    );
    await expect(page.locator('select[data-filter="plan"]')).toHaveValue(label);
    const hits = page.locator('[data-search-results] a[data-search-hit]');
    await expect(hits.first()).toBeVisible();
    for (const href of await hits.evaluateAll((as) => as.map((a) => a.getAttribute('href'))))
      expect(href).toContain(paths.plan(plan.id));
  });

  test('a URL shared before the filter marked drafts (plan=<a draft’s bare region>) filters to that draft', async ({
    page,
  }) => {
    const labels = planLabels(plans);
    const draft = plans.find(
      (p) => p.status === 'draft' && p.region !== null && labels.get(p.id) === `${p.region}（征求意见稿）`,
    ) as Plan;
    const label = labels.get(draft.id) as string;
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await page.goto(
      `${url(paths.search())}?q=${encodeURIComponent('节能')}&plan=${encodeURIComponent(draft.region as string)}`,
    );
    await expect(page.locator('select[data-filter="plan"]')).toHaveValue(label);
    await expect(page).toHaveURL(new RegExp(`plan=${encodeURIComponent(label)}`));
    const hits = page.locator('[data-search-results] a[data-search-hit]');
    await expect(hits.first()).toBeVisible();
    for (const href of await hits.evaluateAll((as) => as.map((a) => a.getAttribute('href'))))
      expect(href).toContain(paths.plan(draft.id));
    expect(fetched.filter((p) => p.endsWith('/search/plans.json'))).toHaveLength(1);
  });
});

test('go to clause: the plan is found in the names index, its clause in that plan’s own citations', async ({
  page,
}) => {
  const plan = plans.find(
    (p) => p.region !== null && p.clauses.some((c) => c.citation.includes('（')),
  ) as Plan;
  const clause = plan.clauses.find((c) => c.citation.includes('（'))!;
  const fetched: string[] = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  await page.goto(`${url(paths.goTo())}?q=${encodeURIComponent(`${plan.region} ${clause.citation}`)}`);
  await expect(page).toHaveURL(new RegExp(`${paths.plan(plan.id)}#${clause.id}$`));
  // The names index and this one plan's citations: never every plan's.
  expect(fetched.filter((p) => p.startsWith('/data/goto'))).toEqual([
    paths.data('goto.json'),
    paths.gotoClauses(plan.id),
  ]);
});

test('unclassified targets summarised by wording: an example from a draft says so', async ({ page }) => {
  await page.goto(url(paths.indicator('unclassified')));
  const examples = page.locator('[data-wording-summary] td[data-label="例"]');
  const cells = await examples.evaluateAll((tds) =>
    tds.map((td) => ({
      href: td.querySelector('a')?.getAttribute('href') ?? '',
      text: (td as HTMLElement).innerText,
    })),
  );
  const drafts = new Set(plans.filter((p) => p.status === 'draft').map((p) => p.id));
  const fromDrafts = cells.filter(({ href }) => drafts.has(href.split('/')[2] ?? ''));
  expect(fromDrafts.length, 'the corpus (dazhou as a template) has draft examples').toBeGreaterThan(0);
  for (const { text } of fromDrafts) expect(text).toContain('征求意见稿');
  for (const { text } of cells.filter((c) => !fromDrafts.includes(c)))
    expect(text).not.toContain('征求意见稿');
});
