/**
 * The search page on a phone (issue 9): an opened search URL shows its first result on the first screen of a
 * 320 × 568 phone, the filters and the help folded behind a summary line each (nothing removed: a tap opens
 * them, and a filter that is set shows), without moving anything as the script starts; from 36rem the page is
 * unfolded as before.
 */
import type { Page } from '@playwright/test';
import { paths } from '../../src/lib/urls';
import { pageUrl } from './harness';
import { countLayoutShifts } from './page-checks';
import { expect, test } from './fixtures';

/** Opens a search URL, counting layout shifts from the first paint (none came from input). */
async function open(page: Page, params: string): Promise<() => Promise<number>> {
  const shift = await countLayoutShifts(page);
  await page.goto(`${pageUrl(paths.search())}?${params}`);
  await expect(page.locator('[data-search-results]')).toHaveAttribute('data-search-state', 'done');
  return shift;
}

const QUERY = `q=${encodeURIComponent('生态环境局')}`;

for (const [width, height] of [
  [320, 568],
  [375, 667],
] as const) {
  test.describe(`at ${width} × ${height}`, () => {
    test.use({ viewport: { width, height } });

    test('the first result of an opened search URL is on the first screen, and nothing shifts', async ({
      page,
    }) => {
      const shift = await open(page, QUERY);
      const first = page.locator('#search-results > li').first();
      const box = await first.boundingBox();
      expect(box, 'a first result').not.toBeNull();
      expect(box!.y, 'its top within the viewport').toBeGreaterThanOrEqual(0);
      expect(box!.y, 'its top within the viewport').toBeLessThan(height);
      // Its title, the link to the clause, can be read without scrolling.
      await expect(first.locator('a[data-search-hit]')).toBeInViewport();
      expect(await shift()).toBeLessThan(0.01);
    });

    test('the folded filters and help open with a tap', async ({ page }) => {
      await open(page, QUERY);
      const filters = page.locator('[data-search-filters]');
      await expect(filters).toBeHidden();
      await page.locator('.search-fold--filters > summary').click();
      await expect(filters).toBeVisible();
      await expect(page.locator('select[data-filter="level"]')).toBeVisible();
      const help = page.locator('#search-help');
      await expect(help).toBeHidden();
      await page.locator('.search-fold--help > summary').click();
      await expect(help).toBeVisible();
    });

    test('a filter set in the URL is shown, not folded away', async ({ page }) => {
      await open(page, `${QUERY}&level=${encodeURIComponent('区县')}`);
      await expect(page.locator('select[data-filter="level"]')).toHaveValue('区县');
      await expect(page.locator('select[data-filter="level"]')).toBeVisible();
    });
  });
}

/**
 * Typing with the on-screen keyboard open: it takes about half of the screen, leaving some 300 px (360 × 640)
 * to 380 px (414 × 896) to the page. The box and the results it finds as the reader types are both in that
 * space: the box does not sit at the bottom edge with every result below the keyboard.
 */
for (const [width, height, keyboardOpen] of [
  [360, 640, 300],
  [414, 896, 380],
] as const) {
  test.describe(`at ${width} × ${height}, typing with the on-screen keyboard open`, () => {
    test.use({ viewport: { width, height }, hasTouch: true, isMobile: true });

    test('the box and the first result are above the keyboard', async ({ page }) => {
      await page.goto(pageUrl(paths.search()));
      await page.locator('#search-q').tap();
      // The keyboard opens: what is left of the screen is the page's viewport.
      await page.setViewportSize({ width, height: keyboardOpen });
      await page.keyboard.type('公转铁');
      await expect(page.locator('[data-search-results]')).toHaveAttribute('data-search-state', 'done');
      await expect(page.locator('#search-q')).toBeInViewport({ ratio: 1 });
      await expect(page.locator('#search-results > li a[data-search-hit]').first()).toBeInViewport();
    });
  });
}

test.describe('at 1280 px', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('nothing is folded: no summary lines, filters and help shown', async ({ page }) => {
    await open(page, QUERY);
    await expect(page.locator('.search-fold > summary')).toHaveCount(2);
    for (const summary of await page.locator('.search-fold > summary').all())
      await expect(summary).toBeHidden();
    await expect(page.locator('[data-search-filters]')).toBeVisible();
    await expect(page.locator('#search-help')).toBeVisible();
    await expect(page.locator('header form[role="search"]')).toBeVisible();
  });
});
