/**
 * Region pages and breadcrumbs (issue 14 item 1 and 4b), at a phone's 375 px and a desktop's 1280 px: /regions/
 * lists every province with the seeds' plans in place, a level without a plan says so, a plan's breadcrumbs
 * follow the administrative tree, and a region page shows how its plans' headline values spread — drafts
 * marked — with a table beside each drawing. Axe on each page at each width.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { paths } from '../../src/lib/urls';
import { expect, test } from './fixtures';
import { builtPlans, pageUrl } from './harness';

const plans = builtPlans();
const bySource = (file: string) => {
  const plan = plans.find((p) => p.source === file);
  if (!plan) throw new Error(`no plan built from ${file}`);
  return plan;
};
const laiwu = bySource('003_a39c52263945813a.txt');
const dazhou = plans.find((p) => p.region === '达州市')!;
const unknownRegion = plans.find((p) => p.region === null);

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

async function noSidewaysScroll(page: Page): Promise<void> {
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    'page wider than the screen',
  ).toBeLessThanOrEqual(0);
}

/** The trail's texts, each level's own name only (its 本级方案 link is read apart). */
async function trail(page: Page): Promise<string[]> {
  return page
    .locator('nav.breadcrumbs li')
    .evaluateAll((items) =>
      items.map((li) => (li.getAttribute('data-crumb') ?? li.textContent ?? '').trim()),
    );
}

for (const width of [375, 1280]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 900 } });

    test('/regions/ lists every province, the seeds’ plans in place under theirs', async ({ page }) => {
      await page.goto(pageUrl(paths.regions()));
      await expect(page.locator('h1')).toHaveText('按地区浏览');
      const provinces = page.locator('ul.region-tree[aria-label] > li');
      await expect(provinces).toHaveCount(34);
      for (const [province, plan] of [
        ['山东省', laiwu],
        ['四川省', dazhou],
        ['河北省', bySource('004_5c114cb50a3ad106.txt')],
        ['重庆市', bySource('000_5b537b9a7be6a6a5.txt')],
        ['贵州省', bySource('002_9e3084a1a31ff5d6.txt')],
      ] as const) {
        const item = provinces.filter({ has: page.locator(`> p a`, { hasText: province }) });
        await expect(item, province).toHaveCount(1);
        await expect(item.locator(`.region-plan[data-plan="${plan.id}"] > a`)).toHaveText(plan.title);
      }
      // 济南市 is between 莱芜区 and 山东省 and has no plan in the corpus: it is there, and says so.
      const jinan = page.locator('li[data-region="jinan-shi"]');
      await expect(jinan.locator('> .region-tree__none')).toHaveText('本图谱暂无该地区方案');
      await expect(
        jinan.locator(`li[data-region="laiwu-qu"] .region-plan[data-plan="${laiwu.id}"]`),
      ).toHaveCount(1);
      // A province with no plan at all is listed too.
      await expect(page.locator('li[data-region="beijing-shi"]')).toContainText('本图谱暂无该地区方案');
      // 香港, 澳门 and 台湾 are not provinces whose plan the atlas lacks: the national plan does not reach them.
      for (const slug of ['xianggang-tebiexingzhengqu', 'aomen-tebiexingzhengqu', 'taiwan-sheng']) {
        const outside = page.locator(`li[data-region="${slug}"] [data-outside]`);
        await expect(outside, slug).toContainText('国发〔2021〕33号印发至各省、自治区、直辖市人民政府');
        await expect(page.locator(`li[data-region="${slug}"]`)).not.toContainText('本图谱暂无该地区方案');
      }
      // The draft is marked where it is listed.
      await expect(page.locator(`.region-plan[data-plan="${dazhou.id}"] [data-status="draft"]`)).toHaveText(
        '征求意见稿',
      );
      if (unknownRegion) {
        await expect(page.locator('#unknown')).toHaveText('地区未识别的方案');
        await expect(page.locator(`.region-plan[data-plan="${unknownRegion.id}"]`)).toHaveCount(1);
      }
      await noSidewaysScroll(page);
      expect(await axeViolations(page)).toEqual([]);
    });

    test('莱芜区’s plan page: breadcrumbs read 全国 › 山东省 › 济南市 › 莱芜区', async ({ page }) => {
      await page.goto(pageUrl(paths.plan(laiwu.id)));
      expect(await trail(page)).toEqual(['全国', '山东省', '济南市', '莱芜区', laiwu.title]);
      const crumbs = page.locator('nav.breadcrumbs');
      for (const [name, path] of [
        ['全国', paths.regions()],
        ['山东省', paths.region('shandong-sheng')],
        ['济南市', paths.region('jinan-shi')],
        ['莱芜区', paths.region('laiwu-qu')],
      ] as const) {
        await expect(crumbs.getByRole('link', { name, exact: true })).toHaveAttribute(
          'href',
          new URL(pageUrl(path)).pathname,
        );
      }
      // No level above 莱芜区 has its own plan in the corpus: no 本级方案 link claims one.
      await expect(crumbs.locator('.breadcrumbs__plan')).toHaveCount(0);
      await crumbs.getByRole('link', { name: '济南市', exact: true }).click();
      await expect(page.locator('h1')).toHaveText('济南市');
      await expect(page.locator('#own + .region-tree__none')).toHaveText('本图谱暂无该地区方案');
      await noSidewaysScroll(page);
      expect(await axeViolations(page)).toEqual([]);
    });

    test('a province page: its plans in the tree, and the spread of its headline values', async ({
      page,
    }) => {
      await page.goto(pageUrl(paths.region('sichuan-sheng')));
      await expect(page.locator('h1')).toHaveText('四川省');
      expect(await trail(page)).toEqual(['全国', '四川省']);
      // Every prefecture of 四川省 is listed; the one with a plan links to it.
      const below = page.locator('ul.region-tree[aria-label="四川省下辖地区"] > li');
      expect(await below.count()).toBeGreaterThan(15);
      await expect(below.filter({ hasText: '成都市' })).toContainText('本图谱暂无该地区方案');
      const dazhouItem = page.locator('li[data-region="dazhou-shi"]');
      await expect(
        dazhouItem.locator(`.region-plan[data-plan="${dazhou.id}"] [data-status="draft"]`),
      ).toBeVisible();
      await expect(dazhouItem.locator('[data-indicator="energy-intensity"] dd')).toHaveText('14.5%');
      // The distribution: a drawing whose draft is a hollow ring, and a table with the value and its mark.
      const energy = page.locator('section[data-distribution="energy-intensity"]');
      await expect(energy.locator('svg.strip-chart')).toBeVisible();
      await expect(energy.locator('svg .strip-mark--draft')).toHaveCount(1);
      await expect(energy.locator('figcaption')).toContainText('空心虚线圈为征求意见稿');
      const row = energy.locator(`table tr[data-plan="${dazhou.id}"]`);
      await expect(row).toContainText('14.5%');
      await expect(row.locator('[data-status="draft"]')).toHaveText('征求意见稿');
      await noSidewaysScroll(page);
      expect(await axeViolations(page)).toEqual([]);
    });
  });
}

test('a plan whose region was not read: its breadcrumbs lead to its group on /regions/', async ({ page }) => {
  // tests/e2e/seeds/901_news-copy.txt names no government.
  expect(unknownRegion).toBeDefined();
  await page.goto(pageUrl(paths.plan(unknownRegion!.id)));
  expect(await trail(page)).toEqual(['全国', '地区未识别的方案', unknownRegion!.title]);
  await page.locator('nav.breadcrumbs').getByRole('link', { name: '地区未识别的方案' }).click();
  await expect(page).toHaveURL(/\/regions\/#unknown$/);
  await expect(page.locator(`.region-plan[data-plan="${unknownRegion!.id}"]`)).toBeVisible();
});

test('a region page’s pollutant value is the plan’s number as printed beside its normalised form', async ({
  page,
}) => {
  await page.goto(pageUrl(paths.region('dazhou-shi')));
  const row = page.locator(`section[data-distribution="cod-reduction"] tr[data-plan="${dazhou.id}"]`);
  await expect(row).toContainText('10170吨（原文：1.017万吨）');
});

test('the site header links to /regions/, and /plans/ points there', async ({ page }) => {
  await page.goto(pageUrl(paths.plans()));
  await expect(page.locator('.site-nav').getByRole('link', { name: '地区' })).toHaveAttribute(
    'href',
    new URL(pageUrl(paths.regions())).pathname,
  );
  await page.locator('main').getByRole('link', { name: '按地区浏览' }).click();
  await expect(page.locator('h1')).toHaveText('按地区浏览');
});

test('region pages hold each value against the national target (src/lib/lineage/), drafts said apart', async ({
  page,
}) => {
  await page.goto(pageUrl(paths.region('shandong-sheng')));
  const laiwuRow = page.locator(`section[data-distribution="energy-intensity"] tr[data-plan="${laiwu.id}"]`);
  await expect(laiwuRow.locator('[data-verdict="stricter"]')).toContainText('严于全国');
  await expect(page.locator('[data-region-verdicts]')).toContainText('正式文件：');
  await expect(page.locator(`.region-plan[data-plan="${laiwu.id}"] .region-plan__verdicts`)).toContainText(
    '严于全国',
  );

  const guizhou = bySource('002_9e3084a1a31ff5d6.txt');
  await page.goto(pageUrl(paths.region('guizhou-sheng')));
  const guizhouRow = page.locator(
    `section[data-distribution="energy-intensity"] tr[data-plan="${guizhou.id}"]`,
  );
  await expect(guizhouRow).toContainText('13%');
  await expect(guizhouRow.locator('[data-verdict="weaker"]')).toContainText('弱于全国');

  // 达州市's plan is a draft: its comparisons are counted apart, under 征求意见稿.
  await page.goto(pageUrl(paths.region('sichuan-sheng')));
  await expect(page.locator('[data-region-verdicts]')).toContainText('征求意见稿：');
  await expect(page.locator('[data-region-verdicts]')).not.toContainText('正式文件：');
});

test('a province page leads to the indicator page with the province picked', async ({ page }) => {
  await page.goto(pageUrl(paths.region('shandong-sheng')));
  await page
    .locator('section[data-distribution="energy-intensity"]')
    .getByRole('link', { name: '在全部方案中突出显示山东省的方案' })
    .click();
  await expect(page).toHaveURL(/\/indicators\/energy-intensity\/\?region=shandong-sheng$/);
  await expect(page.locator('select[data-region-province]')).toHaveValue('shandong-sheng');
});
