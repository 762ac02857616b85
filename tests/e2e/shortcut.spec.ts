/** The `/` shortcut focuses the header search box on every page type, but not while typing in a field. */
import { paths } from '../../src/lib/urls';
import { builtPlans, pageUrl } from './harness';
import { expect, test } from './fixtures';

const plan = builtPlans()[0]!;

for (const path of [paths.home(), paths.plan(plan.id), paths.indicators(), paths.compare()]) {
  test(`/ focuses the header search box on ${path}`, async ({ page }) => {
    await page.goto(pageUrl(path));
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('/');
    await expect(page.locator('#site-search')).toBeFocused();
    await page.keyboard.type('公转铁');
    await expect(page.locator('#site-search')).toHaveValue('公转铁');
  });
}
