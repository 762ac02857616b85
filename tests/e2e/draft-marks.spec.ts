/**
 * A draft is never shown as adopted, in the places found unmarked by an audit of the built site (every link to a
 * draft's pages, a corpus with drafts and versions): the draft's own page titles and link previews, the plain
 * lists of plans (404, go to clause, the search page without JavaScript, an indicator's plans without a target)
 * and a chart's rows of plans without a target, whose link a screen reader announces by name. 达州市 is the
 * seeds' draft; it sets no 城市公交出行分担率 target.
 */
import type { Page } from '@playwright/test';
import { paths } from '../../src/lib/urls';
import { pageUrl } from './harness';
import { expect, test } from './fixtures';

const DRAFT = 'dazhou-shi';
const MARK = '征求意见稿';

/** What a browser tab, a bookmark, a search engine and a link preview show of the open page. */
async function headTexts(page: Page): Promise<Record<string, string | null>> {
  const meta = (selector: string) =>
    page
      .locator(`head meta[${selector}]`)
      .getAttribute('content')
      .catch(() => null);
  return {
    title: await page.title(),
    'og:title': await meta('property="og:title"'),
    'twitter:title': await meta('name="twitter:title"'),
    description: await meta('name="description"'),
    'og:description': await meta('property="og:description"'),
  };
}

test.describe('a draft’s own pages say so in their title and link preview', () => {
  for (const path of [paths.plan(DRAFT), paths.planDepartments(DRAFT)]) {
    test(path, async ({ page }) => {
      await page.goto(pageUrl(path));
      const head = await headTexts(page);
      for (const [name, text] of Object.entries(head)) expect(text, `${name}: ${text}`).toContain(MARK);
    });
  }

  test('an adopted plan’s title carries no mark', async ({ page }) => {
    await page.goto(pageUrl(paths.plan('guizhou-sheng')));
    expect(await page.title()).not.toContain(MARK);
  });
});

/** The visible text of each list item linking to the draft's page. */
async function itemsNamingTheDraft(page: Page, list: string): Promise<string[]> {
  const items = page.locator(`${list} li`).filter({
    has: page.locator(`a[href$="/plans/${DRAFT}/"]`),
  });
  await expect(items.first()).toBeVisible();
  return items.allInnerTexts();
}

test.describe('plain lists of plans mark the draft', () => {
  test.describe('404 page', () => {
    test.use({ expectedConsole: [/status of 404/] });
    test('lists the plans', async ({ page }) => {
      await page.goto(pageUrl('/no-such-page/'));
      for (const text of await itemsNamingTheDraft(page, 'main')) expect(text).toContain(MARK);
    });
  });

  test('go to clause', async ({ page }) => {
    await page.goto(pageUrl(paths.goTo()));
    for (const text of await itemsNamingTheDraft(page, 'main')) expect(text).toContain(MARK);
  });

  test('an indicator’s plans without a target', async ({ page }) => {
    await page.goto(pageUrl(paths.indicator('bus-share')));
    for (const text of await itemsNamingTheDraft(page, 'section[aria-labelledby="no-target"]'))
      expect(text).toContain(MARK);
  });

  test.describe('the search page without JavaScript', () => {
    test.use({ javaScriptEnabled: false });
    test('lists the plans to read instead', async ({ page }) => {
      await page.goto(pageUrl(paths.search()));
      for (const text of await itemsNamingTheDraft(page, '[data-search-nojs]')) expect(text).toContain(MARK);
    });
  });
});

test('a chart’s row without a target is announced with its plan, a draft as a draft', async ({ page }) => {
  await page.goto(pageUrl(paths.indicator('bus-share')));
  const unset = page.locator('svg.plan-atlas-chart a.unset');
  expect(await unset.count()).toBeGreaterThan(0);
  // Both drawings (wide and phone) hold the rows; each link's name starts with its row's label.
  for (const link of await unset.all()) {
    const plan = await link.getAttribute('data-plan');
    const name = (await link.getAttribute('aria-label')) ?? '';
    expect(name, `${plan}`).toContain('未设定量目标');
    if (plan === DRAFT) expect(name).toMatch(new RegExp(`^达州市（${MARK}）`));
    else expect(name).not.toContain(MARK);
  }
  const draftRows = page.locator(`svg.plan-atlas-chart a.unset[data-plan="${DRAFT}"]`);
  expect(await draftRows.count()).toBeGreaterThan(0);
  await expect(draftRows.first()).toHaveAccessibleName(`达州市（${MARK}）：未设定量目标`);
});

test('the search page’s plan filter names the draft as a draft', async ({ page }) => {
  await page.goto(pageUrl(paths.search()));
  const options = await page.locator('select[data-filter="plan"] option').allTextContents();
  expect(options).toContain(`达州市（${MARK}）`);
  expect(options).not.toContain('达州市');
});

test('a search URL shared before the filter marked drafts (plan=达州市) still filters to the draft, under its marked name', async ({
  page,
}) => {
  await page.goto(
    `${pageUrl(paths.search())}?q=${encodeURIComponent('节能')}&plan=${encodeURIComponent('达州市')}`,
  );
  const results = page.locator('[data-search-results]');
  await expect(results).toHaveAttribute('data-search-state', 'done');
  await expect(page.locator('select[data-filter="plan"]')).toHaveValue(`达州市（${MARK}）`);
  await expect(page).toHaveURL(new RegExp(`plan=${encodeURIComponent(`达州市（${MARK}）`)}`));
  const hits = await results
    .locator('a[data-search-hit]')
    .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).pathname));
  expect(hits.length).toBeGreaterThan(0);
  for (const hit of hits) expect(hit).toContain(`/plans/${DRAFT}/`);
});

test('a region page’s link preview counts its drafts', async ({ page }) => {
  await page.goto(pageUrl(paths.region('dazhou-shi')));
  const head = await headTexts(page);
  expect(head['description']).toContain(`其中${MARK} 1 份`);
  expect(head['og:description']).toContain(`其中${MARK} 1 份`);
});
