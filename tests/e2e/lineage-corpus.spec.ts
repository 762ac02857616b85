/**
 * Lineage with parent plans in the corpus, as `npm run build` publishes it: the real 莱芜区 seed beside a
 * synthetic 济南市 plan (a 征求意见稿) and a synthetic 山东省 plan, both written for this test, built into a
 * temporary directory and served as a static host would. The plan pages link parent and children and say how
 * the link was found; the verdicts against the parent plan's own targets say that plan is a draft.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { paths } from '../../src/lib/urls';
import { expect, test } from './fixtures';
import { serveStatic, type StaticSite } from './static-server';
import { syntheticPlanText as planText } from '../helpers/synthetic-plan';
import { buildNodeArgs } from '../../scripts/build/command';

test.describe.configure({ mode: 'serial', timeout: 600_000 });

const ROOT = resolve(import.meta.dirname, '../..');
// Made in beforeAll, not when the file loads: Playwright also loads spec files in its runner process, where
// afterAll never runs, and a directory made there was left behind on every run.
let WORK = '';
let SEEDS = '';
let OUT = '';
const LAIWU = '003_a39c52263945813a';

let site: StaticSite;

test.beforeAll(async () => {
  WORK = mkdtempSync(join(tmpdir(), 'plan-atlas-lineage-spec-'));
  SEEDS = join(WORK, 'seeds');
  OUT = join(WORK, 'site');
  // A whole site build, as `npm run build` does it: minutes on a busy machine, not the 60 s a page test gets.
  test.setTimeout(600_000);
  mkdirSync(SEEDS, { recursive: true });
  for (const ext of ['txt', 'yaml'])
    copyFileSync(join(ROOT, 'seeds', `${LAIWU}.${ext}`), join(SEEDS, `${LAIWU}.${ext}`));
  writeFileSync(
    join(SEEDS, '900_jinan.txt'),
    planText(
      '济南市“十四五”节能减排工作实施方案',
      '到2025年，全市单位地区生产总值能源消耗比2020年下降15%，公共机构单位建筑面积能耗比2020年下降6%。',
      '（征求意见稿）',
    ),
  );
  writeFileSync(
    join(SEEDS, '901_shandong.txt'),
    planText('山东省“十四五”节能减排实施方案', '到2025年，全省单位地区生产总值能源消耗比2020年下降14.5%。'),
  );
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
  site = await serveStatic(OUT, '/');
});

test.afterAll(async () => {
  await site?.close();
  if (WORK) rmSync(WORK, { recursive: true, force: true });
});

const url = (path: string) => new URL(path.replace(/^\//, ''), site.url).href;

test('莱芜区: its parent 济南市 (a draft, found through the division list) and the verdicts against it', async ({
  page,
}) => {
  await page.goto(url(paths.plan('laiwu-qu')));
  const section = page.locator('[data-lineage]');
  const parent = section.locator('[data-parent]');
  await expect(parent.getByRole('link')).toHaveAttribute('href', paths.plan('jinan-shi'));
  await expect(parent).toContainText('征求意见稿');
  await expect(parent).toContainText('（据行政区划）');
  await expect(section.locator('[data-summary]').nth(1)).toHaveText(
    '1 项目标严于济南市，1 项弱于济南市（济南市方案为征求意见稿）',
  );
  await section.locator('summary').click();
  const energy = section.locator('tbody tr', { hasText: '单位地区生产总值能耗降低率' });
  await expect(energy.locator('td').nth(2)).toHaveText(/^▲\s*严于济南市（15%）；济南市方案为征求意见稿$/);
  expect((await new AxeBuilder({ page }).include('[data-lineage]').analyze()).violations).toEqual([]);
});

test('the plans table names 莱芜区’s parent 济南市 as a draft', async ({ page }) => {
  await page.goto(url(paths.plans()));
  const row = page.locator('tbody tr', { has: page.locator(`a[href="${paths.plan('laiwu-qu')}"]`) });
  const parent = row.locator('td[data-label="上级方案"]');
  await expect(parent.getByRole('link')).toHaveAttribute('href', paths.plan('jinan-shi'));
  await expect(parent).toContainText('征求意见稿');
});

test('济南市 lists 莱芜区 below it and 山东省 above it', async ({ page }) => {
  await page.goto(url(paths.plan('jinan-shi')));
  const section = page.locator('[data-lineage]');
  await expect(section.locator('[data-children]').getByRole('link', { name: '莱芜区' })).toHaveAttribute(
    'href',
    paths.plan('laiwu-qu'),
  );
  await expect(section.locator('[data-parent]').getByRole('link')).toHaveAttribute(
    'href',
    paths.plan('shandong-sheng'),
  );
  // 15% against 山东省's 14.5%; the draft is the plan itself here.
  await expect(section.locator('[data-summary]').nth(1)).toHaveText(
    '1 项目标严于山东省（本方案为征求意见稿）',
  );
});

test('the indicator page and indicators.csv hold 莱芜区 against the parent plan’s own target', async ({
  page,
  request,
}) => {
  await page.goto(url(paths.indicator('energy-intensity')));
  await expect(page.locator('tr[data-plan="laiwu-qu"] td[data-comparison]')).toContainText(
    '严于济南市（15%）；济南市方案为征求意见稿',
  );
  const csv = await (await request.get(url(paths.data('indicators.csv')))).text();
  const row = csv.split('\r\n').find((r) => r.startsWith('laiwu-qu,') && r.includes(',energy-intensity,'));
  expect(row).toMatch(
    /,stricter,15%,jinan-shi 济南市“十四五”节能减排工作实施方案（征求意见稿）,严于济南市；济南市方案为征求意见稿$/,
  );
});
