/**
 * The region picker on an indicator page (issue 14 item 4a), at a phone's and a desktop's width: picking a
 * province, then a prefecture, then a county, marks its plans in the chart and lists their values; the choice is
 * kept in the URL (`?region=<slug>`), so reload, Back and Forward show the same region, and a shared link
 * opens on it. The controls have names and work from the keyboard; without JavaScript they do not appear.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { Plan } from '../../src/lib/model/plan';
import { paths } from '../../src/lib/urls';
import { builtPlans, pageUrl } from './harness';
import { expect, test } from './fixtures';

const plans = builtPlans();
const INDICATOR = 'energy-intensity';
const byRegion = (region: string) => plans.find((p) => p.region === region) as Plan;
const laiwu = byRegion('莱芜区');
const qianjiang = byRegion('黔江区');
const others = plans.filter(
  (p) =>
    p.id !== laiwu.id && p.targets.some((t) => t.indicatorId === INDICATOR && t.jurisdiction === p.region),
);

const picker = (page: Page) => page.locator('[data-region-picker]');
const province = (page: Page) => picker(page).getByLabel('省份');
const second = (page: Page) => picker(page).getByLabel('地市');
const third = (page: Page) => picker(page).getByLabel(/^区县/);
const regionParam = (page: Page) => new URL(page.url()).searchParams.get('region');
/** The chart's bars of one plan, in the layout shown. */
const marksOf = (page: Page, plan: Plan) =>
  page.locator(`figure[data-chart="${INDICATOR}"] .chart__variant:visible a.mark[data-plan="${plan.id}"]`);

for (const width of [375, 1280]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 900 } });

    test('picking a province, a prefecture, then a county marks its plans and keeps the choice in the URL', async ({
      page,
    }) => {
      await page.goto(pageUrl(paths.indicator(INDICATOR)));
      await expect(picker(page)).toBeVisible();
      await expect(second(page)).toBeDisabled();
      await expect(third(page)).toBeDisabled();

      await province(page).selectOption({ label: '山东省' });
      await expect.poll(() => regionParam(page)).toBe('shandong-sheng');
      const status = picker(page).locator('[data-region-status]');
      await expect(status).toContainText('山东省');
      const table = picker(page).locator('table');
      await expect(table.locator('tbody tr')).toHaveCount(
        laiwu.targets.filter((t) => t.indicatorId === INDICATOR && t.jurisdiction === laiwu.region).length,
      );
      await expect(table).toContainText('莱芜区');
      await expect(table).toContainText('20.8%');
      await expect(marksOf(page, laiwu).first()).toHaveClass(/is-picked/);
      for (const other of others) await expect(marksOf(page, other).first()).not.toHaveClass(/is-picked/);
      // No prefecture picked yet: nothing to list at county level.
      await expect(third(page)).toBeDisabled();

      await expect(second(page)).toBeEnabled();
      await second(page).selectOption({ label: '济南市' });
      await expect.poll(() => regionParam(page)).toBe('jinan-shi');
      await expect(status).toContainText('济南市');
      await expect(table).toContainText('莱芜区');

      // The county level: 济南市's districts that hold a plan.
      await expect(third(page)).toBeEnabled();
      await expect(third(page).locator('option')).toHaveText(['全部（济南市）', '莱芜区']);
      await third(page).selectOption({ label: '莱芜区' });
      await expect.poll(() => regionParam(page)).toBe('laiwu-qu');
      await expect(status).toContainText('莱芜区：1 份方案');
      await expect(table).toContainText('20.8%');
      await expect(marksOf(page, laiwu).first()).toHaveClass(/is-picked/);

      // Reload: the same region, each level chosen.
      await page.reload();
      await expect(status).toContainText('莱芜区');
      await expect(province(page)).toHaveValue('shandong-sheng');
      await expect(second(page)).toHaveValue('jinan-shi');
      await expect(third(page)).toHaveValue('laiwu-qu');
      await expect(marksOf(page, laiwu).first()).toHaveClass(/is-picked/);

      // Back: the prefecture; Back: the province; Back: nothing picked; Forward: the province again.
      await page.goBack();
      await expect.poll(() => regionParam(page)).toBe('jinan-shi');
      await expect(third(page)).toHaveValue('');
      await expect(status).toContainText('济南市');
      await page.goBack();
      await expect.poll(() => regionParam(page)).toBe('shandong-sheng');
      await expect(second(page)).toHaveValue('');
      await expect(third(page)).toBeDisabled();
      await expect(status).toContainText('山东省');
      await page.goBack();
      await expect.poll(() => regionParam(page)).toBeNull();
      await expect(province(page)).toHaveValue('');
      await expect(picker(page).locator('table')).toHaveCount(0);
      await expect(marksOf(page, laiwu).first()).not.toHaveClass(/is-picked/);
      await page.goForward();
      await expect.poll(() => regionParam(page)).toBe('shandong-sheng');
      await expect(marksOf(page, laiwu).first()).toHaveClass(/is-picked/);
    });

    test('a county’s 全部 goes back up to its prefecture; a shared county link opens with every level chosen', async ({
      page,
    }) => {
      await page.goto(`${pageUrl(paths.indicator(INDICATOR))}?region=laiwu-qu`);
      await expect(picker(page).locator('[data-region-status]')).toContainText('莱芜区');
      await expect(province(page)).toHaveValue('shandong-sheng');
      await expect(second(page)).toHaveValue('jinan-shi');
      await expect(third(page)).toHaveValue('laiwu-qu');
      await third(page).selectOption({ label: '全部（济南市）' });
      await expect.poll(() => regionParam(page)).toBe('jinan-shi');
      await expect(picker(page).locator('[data-region-status]')).toContainText('济南市');
    });

    test('a shared link opens on its region; a municipality lists its districts', async ({ page }) => {
      await page.goto(`${pageUrl(paths.indicator(INDICATOR))}?region=qianjiang-qu`);
      await expect(picker(page).locator('[data-region-status]')).toContainText('黔江区');
      await expect(province(page)).toHaveValue('chongqing-shi');
      await expect(second(page).locator('option')).toContainText(['全部（重庆市）', '黔江区']);
      await expect(second(page)).toHaveValue('qianjiang-qu');
      // A municipality's district is already at county level: nothing below it to pick.
      await expect(third(page)).toBeDisabled();
      await expect(picker(page).locator('table')).toContainText('黔江区');
      await expect(marksOf(page, qianjiang).first()).toHaveClass(/is-picked/);
      const rowLink = picker(page).locator('table a', { hasText: '原文条款' }).first();
      await expect(rowLink).toHaveAttribute('href', new RegExp(`/plans/${qianjiang.id}/#`));
    });

    test('an unknown region says so and marks nothing', async ({ page }) => {
      await page.goto(`${pageUrl(paths.indicator(INDICATOR))}?region=atlantis`);
      await expect(picker(page).locator('[data-region-status]')).toContainText('没有地区“atlantis”');
      await expect(page.locator('a.mark.is-picked')).toHaveCount(0);
    });

    test('a pick fetches only the picked province’s data; a shared county link asks which province first', async ({
      page,
    }) => {
      const fetched: string[] = [];
      page.on('request', (request) => {
        const path = new URL(request.url()).pathname;
        if (path.includes('/data/')) fetched.push(path.slice(path.indexOf('/data/')));
      });
      await page.goto(pageUrl(paths.indicator(INDICATOR)));
      await expect(picker(page)).toBeVisible();
      expect(fetched).toEqual([]);
      await province(page).selectOption({ label: '山东省' });
      await expect(picker(page).locator('[data-region-status]')).toContainText('山东省');
      await second(page).selectOption({ label: '济南市' });
      await expect(picker(page).locator('[data-region-status]')).toContainText('济南市');
      await province(page).selectOption({ label: '重庆市' });
      await expect(picker(page).locator('[data-region-status]')).toContainText('重庆市');
      await province(page).selectOption({ label: '山东省' });
      await expect(picker(page).locator('[data-region-status]')).toContainText('山东省');
      expect(fetched).toEqual([
        `/data/indicators/${INDICATOR}/shandong-sheng.json`,
        `/data/indicators/${INDICATOR}/chongqing-shi.json`,
      ]);

      fetched.length = 0;
      await page.goto(`${pageUrl(paths.indicator(INDICATOR))}?region=laiwu-qu`);
      await expect(picker(page).locator('[data-region-status]')).toContainText('莱芜区');
      expect(fetched).toEqual(['/data/regions.json', `/data/indicators/${INDICATOR}/shandong-sheng.json`]);
    });

    test('the picker is named and works from the keyboard, and passes axe', async ({ page }) => {
      await page.goto(pageUrl(paths.indicator(INDICATOR)));
      await province(page).focus();
      await expect(province(page)).toBeFocused();
      // A closed select takes the arrow keys: the first province after 全部地区.
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => regionParam(page)).not.toBeNull();
      await expect(picker(page).locator('[data-region-status]')).not.toBeEmpty();
      const results = await new AxeBuilder({ page }).include('[data-region-picker]').analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
      // Nothing wider than the screen.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the picker does not appear; its provinces link to their region pages, and the page lists every value', async ({
    page,
  }) => {
    await page.goto(`${pageUrl(paths.indicator(INDICATOR))}?region=shandong-sheng`);
    await expect(picker(page)).toBeHidden();
    const shandong = page.locator('.region-picker__nojs a', { hasText: '山东省' });
    await expect(shandong).toHaveAttribute('href', new RegExp(`${paths.region('shandong-sheng')}$`));
    await expect(page.locator(`table[data-chart-table="${INDICATOR}"]`)).toContainText('莱芜区');
    await shandong.click();
    await expect(page.locator('h1')).toContainText('山东省');
  });
});
