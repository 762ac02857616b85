/**
 * Lineage as readers get it (issue 14 items 2–3): on a plan page, its parent (or that the site has none), a
 * line per reference (1 项目标与重庆市持平，4 项弱于重庆市) and target by target the reference values beside
 * the plan's own; on an indicator page, a column holding each target against the nation and its parent; and
 * the same verdicts in indicators.csv. Every verdict is a mark and words, never colour alone.
 */
import AxeBuilder from '@axe-core/playwright';
import { paths } from '../../src/lib/urls';
import { pageUrl } from './harness';
import { expect, test } from './fixtures';

test.describe('a plan page', () => {
  test('黔江: no 重庆市 plan in the corpus, so 重庆市’s values come from 黔江’s own annex', async ({
    page,
  }) => {
    await page.goto(pageUrl(paths.plan('qianjiang-qu')));
    const section = page.locator('[data-lineage]');
    await expect(section.getByRole('heading', { name: '上下级方案与目标对比' })).toBeVisible();
    await expect(section.locator('[data-parent]')).toHaveText(
      '本站尚未收录重庆市的方案；下表重庆市的目标值取自本方案原文',
    );
    await expect(section.locator('[data-summary]')).toHaveText([
      '1 项目标严于全国；另有 4 项口径不同，未作比较',
      '1 项目标与重庆市持平，4 项弱于重庆市',
    ]);
    // The target-by-target table is folded away so the plan's text stays near the top; open it.
    await section.locator('summary').click();
    const row = section.locator('tbody tr', { hasText: '规模以上工业单位增加值能耗降低率' });
    await expect(row.locator('td').nth(0)).toHaveText('13.5%');
    const verdict = row.locator('td').nth(2).locator('[data-verdict]');
    await expect(verdict).toHaveAttribute('data-verdict', 'weaker');
    // Mark and words, so the verdict reads without colour; the mark is hidden from screen readers.
    await expect(verdict).toHaveText(/^▼\s*弱于重庆市（14\.5%）$/);
    await expect(verdict.locator('.verdict__mark')).toHaveAttribute('aria-hidden', 'true');
    await expect(
      section.locator('tbody tr', { hasText: '单位地区生产总值能耗降低率' }).first(),
    ).toContainText('严于全国（13.5%）');
    // 重庆市's own values are the reference, never rows of 黔江's promises.
    await expect(section.locator('tbody tr')).toHaveCount(10);
  });

  test('a draft says so beside its summary and in each verdict', async ({ page }) => {
    await page.goto(pageUrl(paths.plan('dazhou-shi')));
    const section = page.locator('[data-lineage]');
    await expect(section.locator('[data-summary]').first()).toHaveText(
      '1 项目标严于全国；另有 4 项口径不同，未作比较（本方案为征求意见稿）',
    );
    await section.locator('summary').click();
    await expect(section.locator('[data-verdict="stricter"]')).toContainText('本方案为征求意见稿');
  });

  test('is accessible with the comparison open, on a phone and on a desktop', async ({ page }) => {
    for (const width of [375, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(pageUrl(paths.plan('qianjiang-qu')));
      await page.locator('[data-lineage] summary').click();
      const results = await new AxeBuilder({ page }).include('[data-lineage]').analyze();
      expect(results.violations.map((v) => v.id)).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `page wider than ${width} px`).toBeLessThanOrEqual(0);
    }
  });
});

test.describe('an indicator page', () => {
  test('the comparison column: 莱芜区 stricter, 贵州省 weaker than the national 13.5%', async ({ page }) => {
    await page.goto(pageUrl(paths.indicator('energy-intensity')));
    await expect(page.locator('[data-verdict-legend]')).toContainText('▲ 严于，＝ 持平，▼ 弱于');
    const cell = (plan: string) => page.locator(`tr[data-plan="${plan}"] td[data-comparison]`);
    await expect(cell('laiwu-qu')).toHaveText(/▲\s*严于全国（13\.5%）/);
    const guizhou = cell('guizhou-sheng');
    await expect(guizhou).toHaveCount(2);
    // 13% binding is weaker; 14.5% is an 激励目标 and not held against a binding one.
    await expect(guizhou.filter({ hasText: '弱于全国' })).toHaveText(/▼\s*弱于全国（13\.5%）/);
    await expect(guizhou.filter({ hasText: '目标性质不同' })).toContainText('—');
  });
});

test('indicators.csv carries the verdicts', async ({ request }) => {
  const csv = await (await request.get(pageUrl(paths.data('indicators.csv')))).text();
  const [header, ...rows] = csv.replace(/^\ufeff/, '').split('\r\n');
  expect(header).toContain(
    'vs_national,vs_national_value,vs_national_source,vs_national_note,vs_parent,vs_parent_value,vs_parent_source,vs_parent_note',
  );
  // Rows start with the plan's columns (id, title…); the indicator id follows them.
  const row = (plan: string, value: string) =>
    rows.find(
      (r) => r.startsWith(`${plan},`) && r.includes(`,energy-intensity,`) && r.includes(`,${value},`),
    );
  expect(row('laiwu-qu', '20.8')).toContain(',stricter,13.5%,国发〔2021〕33号 二、主要目标,严于全国,');
  expect(row('guizhou-sheng', '13')).toContain(',weaker,13.5%,');
});
