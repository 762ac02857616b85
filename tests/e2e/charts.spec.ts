/**
 * The charts as readers get them: on every indicator page with targets a build-time SVG whose marks match the
 * data table's rows one to one and link to the clauses that state the values, a parent's value shown as the
 * parent's, the chart styled under the CSP (no console errors), downloads that work, and the home page's
 * headline charts.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import type { Plan } from '../../src/lib/model/plan';
import { paths } from '../../src/lib/urls';
import { builtPlans, E2E_BASE, E2E_SITE, pageUrl } from './harness';
import { expect, test } from './fixtures';

const plans = builtPlans();

/**
 * Indicator ids that some plan sets a number for (the unclassified page has no chart: no shared unit; nor has
 * a class such as the water-quality class, which is no quantity).
 */
const charted = [
  ...new Set(plans.flatMap((p) => p.targets.filter((t) => t.unit !== '类').map((t) => t.indicatorId))),
]
  .filter((id) => id !== 'unclassified')
  .sort();

/** A plan stating its parent's value in a column of its own (黔江's annex: jurisdiction 重庆市). */
const withParentColumn = plans.flatMap((plan) =>
  plan.targets
    .filter((t) => t.jurisdiction !== null && t.jurisdiction !== plan.region)
    .map((target) => ({ plan, target })),
)[0];

/**
 * The wide layout of a chart figure (each figure also holds the phone layout, shown instead below 36rem; at
 * the default 1280 px the wide one is the one shown).
 */
function wideSvg(page: Page, chart: string): Locator {
  return page.locator(`figure[data-chart="${chart}"] .chart__variant--wide svg`);
}

/** The marks of a chart figure, and the rows of the table that lists them. */
function chartParts(page: Page, chart: string): { marks: Locator; rows: Locator } {
  return {
    marks: wideSvg(page, chart).locator('a.mark'),
    rows: page.locator(`table[data-chart-table="${chart}"] tbody tr`),
  };
}

/** Whether `href` (relative to `page`) answers 200 and, for a fragment, has an element with that id. */
async function resolves(page: Page, href: string): Promise<string | null> {
  const url = new URL(href, page.url());
  const response = await page.request.get(url.href);
  if (response.status() !== 200) return `${href}: status ${response.status()}`;
  const id = decodeURIComponent(url.hash.slice(1));
  if (id === '') return null;
  const html = await response.text();
  return html.includes(` id="${id.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`)
    ? null
    : `${href}: no #${id}`;
}

test('there are charted indicators to test', () => {
  expect(charted.length).toBeGreaterThan(5);
  expect(charted).toContain('energy-intensity');
});

test('every indicator page with targets has a chart whose marks are the table’s rows, one to one', async ({
  page,
}) => {
  for (const id of charted) {
    await page.goto(pageUrl(paths.indicator(id)));
    const { marks, rows } = chartParts(page, id);
    const count = await marks.count();
    expect(count, `${id}: marks`).toBeGreaterThan(0);
    await expect(rows, `${id}: one table row per mark`).toHaveCount(count);
    // Same order, same plan, same value, same source: the mark links where the row's first source links.
    for (let i = 0; i < count; i++) {
      const mark = marks.nth(i);
      const row = rows.nth(i);
      expect(await mark.getAttribute('data-plan'), `${id} row ${i}: plan`).toBe(
        await row.getAttribute('data-plan'),
      );
      expect(await mark.getAttribute('href'), `${id} row ${i}: source`).toBe(
        await row.locator('ul.sources a').first().getAttribute('href'),
      );
      // The mark prints the value as the plan does: the table's 原文数值 where the plan printed another form
      // (44.7万立方米/日 beside 447000立方米/日), the words of a value stated in words (100%（原文：全面）).
      const cell = ((await row.locator('td.num').textContent()) ?? '')
        .replace(/\s+/g, '')
        .replace(/[≥≤≈]/g, '');
      const inWords = /（原文：([^）]*)）$/.exec(cell)?.[1];
      const column = row.locator('td[data-label="原文数值"]');
      const printed = (await column.count()) > 0 ? ((await column.textContent()) ?? '').trim() : '同左';
      const value = inWords ?? (printed === '同左' ? cell : printed);
      const label = (await mark.locator('text.value-label').textContent()) ?? '';
      expect(label, `${id} row ${i}: value as printed`).toContain(value);
    }
  }
});

test('every mark links to a clause permalink that resolves', async ({ page }) => {
  const broken: string[] = [];
  for (const id of charted) {
    await page.goto(pageUrl(paths.indicator(id)));
    // The phone layout links the same places (unit-tested); each distinct link is checked once.
    const hrefs = await wideSvg(page, id)
      .locator('a')
      .evaluateAll((links) => [...new Set(links.map((a) => a.getAttribute('href') ?? ''))]);
    for (const href of hrefs) {
      expect(href, `${id}: mark link under the base`).toMatch(
        new RegExp(`^${E2E_BASE}plans/[a-z0-9-]+/(#[a-z0-9-]+)?$`),
      );
      const problem = await resolves(page, href);
      if (problem) broken.push(`${id}: ${problem}`);
    }
  }
  expect(broken).toEqual([]);
});

test('the energy-intensity chart: shared scale, binding vs incentive, comparators, national line, accessible', async ({
  page,
}) => {
  await page.goto(pageUrl(paths.indicator('energy-intensity')));
  const svg = wideSvg(page, 'energy-intensity');
  await expect(svg).toHaveAttribute('role', 'group');
  await expect(svg).toHaveAccessibleName('「单位地区生产总值能耗降低率」各方案目标对比');
  // Years follow each value when the plans' years differ (the hostile test plan's 力争 value names no baseline).
  await expect(svg).toHaveAccessibleDescription(/贵州省14.5%（激励目标）[^；]*；贵州省13%（约束性目标）/);
  // 贵州: 14.5% incentive (hollow, labelled 激励) and 13% binding (filled), told apart by shape and word;
  // sorted by value, so the incentive's larger value comes first.
  const guizhou = svg.locator('a.mark[data-plan="guizhou-sheng"]');
  await expect(guizhou).toHaveCount(2);
  await expect(guizhou.nth(1).locator('rect')).toHaveClass('bar-filled');
  await expect(guizhou.nth(0).locator('rect')).toHaveClass('bar-hollow');
  await expect(guizhou.nth(0).locator('.suffix')).toHaveText('激励');
  await expect(guizhou.nth(0)).toHaveAccessibleName(/^贵州省：14.5% 激励（激励目标，/);
  // The national reference as a labelled line in the same unit.
  await expect(svg.locator('.reference-label')).toHaveText('全国（国发〔2021〕33号）：13.5%');
  // One scale: bar widths are proportional to the values.
  const widths = await svg
    .locator('a.mark rect:not(.bar-status)')
    .evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('width'))));
  const values = await svg
    .locator('a.mark text.value-label')
    .evaluateAll((texts) => texts.map((t) => Number(/[\d.]+/.exec(t.textContent ?? '')?.[0])));
  const ratios = widths.map((w, i) => w / (values[i] as number));
  for (const ratio of ratios) expect(ratio).toBeCloseTo(ratios[0] as number, 0);
  // The chart's own style sheet applies (allowed by its CSP hash): bars are not the default black.
  const fill = await svg
    .locator('rect.bar-filled')
    .first()
    .evaluate((r) => getComputedStyle(r).fill);
  expect(fill).not.toBe('rgb(0, 0, 0)');
  // Plans without a number are listed, not left out.
  const missing = plans.filter((p) => !p.targets.some((t) => t.indicatorId === 'energy-intensity'));
  await expect(svg.locator('.unset-label')).toHaveCount(missing.length);
});

test('comparators show as glyphs: ≥ on a “以上” target', async ({ page }) => {
  const geq = plans.flatMap((p) => p.targets.filter((t) => t.comparator === '>=' && t.scope === null))[0];
  test.skip(!geq, 'no ≥ target in the corpus');
  await page.goto(pageUrl(paths.indicator(geq!.indicatorId)));
  await expect(
    wideSvg(page, geq!.indicatorId).locator('text.value-label').filter({ hasText: '≥' }),
  ).not.toHaveCount(0);
});

test('years differing between plans are named in the chart’s caption', async ({ page }) => {
  await page.goto(pageUrl(paths.indicator('public-institution-energy-per-area')));
  const caption = wideSvg(page, 'public-institution-energy-per-area').locator('.caption');
  await expect(caption).toContainText('各方案基准年、目标年不同');
  await expect(caption).toContainText('廊坊市：比2019年，到2025年');
});

test('a value a plan states for its parent is drawn as the parent’s, not as the plan’s own target', async ({
  page,
}) => {
  // The seeds include 黔江, whose annex lists 重庆市's values: this must never be skipped silently.
  expect(withParentColumn, 'no plan states a parent value').toBeDefined();
  const { plan, target } = withParentColumn as { plan: Plan; target: Plan['targets'][number] };
  await page.goto(pageUrl(paths.indicator(target.indicatorId)));
  const { marks, rows } = chartParts(page, target.indicatorId);
  const own = plan.targets.filter(
    (t) => t.indicatorId === target.indicatorId && t.jurisdiction === plan.region,
  );
  await expect(marks.and(page.locator(`[data-plan="${plan.id}"]`))).toHaveCount(own.length);
  const mark = marks.and(page.locator(`[data-plan="${plan.id}"]`)).first();
  await expect(mark.locator('line.parent-tick')).toHaveCount(1);
  await expect(mark).toHaveAccessibleName(new RegExp(`上级${target.jurisdiction} ${target.value}%`));
  await expect(rows.and(page.locator(`[data-plan="${plan.id}"]`)).first()).toContainText(
    `${target.jurisdiction} ${target.value}%`,
  );
  expect(await new AxeBuilder({ page }).analyze().then((r) => r.violations.map((v) => v.id))).toEqual([]);
});

test('the chart’s CSV and SVG download, with provenance and absolute links', async ({ page }) => {
  await page.goto(pageUrl(paths.indicator('energy-intensity')));
  const figure = page.locator('figure[data-chart="energy-intensity"]');
  const csvHref = await figure.getByRole('link', { name: '英文列名版（CSV）' }).getAttribute('href');
  const svgHref = await figure.locator('a[href$=".svg"]').getAttribute('href');
  expect(csvHref).toBe(`${E2E_BASE}data/charts/energy-intensity.csv`);
  const csv = await page.request.get(new URL(csvHref!, page.url()).href);
  expect(csv.status()).toBe(200);
  const text = await csv.text();
  const [header, ...lines] = text
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  expect(header).toBe(
    'plan_id,plan,plan_title,status,indicator,indicator_name,value,value_as_printed,unit,comparator,ambition,baseline_year,target_year,scope,jurisdiction,source_url',
  );
  const marks = await figure.locator('.chart__variant--wide svg a.mark').count();
  const withValue = lines.filter((l) => /,energy-intensity,[^,]+,\d/.test(l));
  expect(withValue).toHaveLength(marks);
  for (const line of withValue)
    expect(line).toMatch(new RegExp(`,${E2E_SITE}${E2E_BASE}plans/[a-z0-9-]+/#[a-z0-9-]+$`));

  // The SVG opened on its own, as a downloaded file would be: parsed, titled, styled, links absolute. (A
  // document without a favicon link makes the browser ask for /favicon.ico, which this site does not have.)
  await page.route('**/favicon.ico', (route) => route.fulfill({ status: 204 }));
  const svg = await page.goto(new URL(svgHref!, page.url()).href);
  expect(svg?.status()).toBe(200);
  expect(svg?.headers()['content-type']).toContain('image/svg+xml');
  await expect(page.locator('svg > title')).toHaveText('「单位地区生产总值能耗降低率」各方案目标对比');
  expect(await page.locator('parsererror').count()).toBe(0);
  // Printed, not only in <title>: the title over the chart, its sources and the credit with the page's URL.
  await expect(page.locator('text.download-title')).toHaveText(
    '「单位地区生产总值能耗降低率」各方案目标对比',
  );
  const notes = (await page.locator('text.download-note').allTextContents()).join('');
  expect(notes).toContain('国发〔2021〕33号');
  expect(notes).toContain(`制图：节能减排方案图谱 ${E2E_SITE}${E2E_BASE}indicators/energy-intensity/`);
  const links = await page.locator('a.mark').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(links).toHaveLength(marks);
  for (const link of links) expect(link).toMatch(new RegExp(`^${E2E_SITE}${E2E_BASE}plans/`));
  const fill = await page
    .locator('rect.bar-filled')
    .first()
    .evaluate((r) => getComputedStyle(r).fill);
  expect(fill).toBe('rgb(37, 99, 235)');
});

test('the home page shows energy intensity against the national target and the four pollutants in tonnes', async ({
  page,
}) => {
  await page.goto(pageUrl(paths.home()));
  const energy = chartParts(page, 'energy-intensity');
  expect(await energy.marks.count()).toBeGreaterThan(0);
  await expect(energy.rows).toHaveCount(await energy.marks.count());
  await expect(wideSvg(page, 'energy-intensity').locator('.reference-label')).toContainText('13.5%');

  const pollutants = chartParts(page, 'pollutant-reductions');
  const panels = wideSvg(page, 'pollutant-reductions').locator('g.panel');
  await expect(panels).toHaveCount(4);
  await expect(panels.locator('.panel-title')).toHaveText([
    '化学需氧量 COD（吨）',
    '氨氮 NH₃-N（吨）',
    '氮氧化物 NOx（吨）',
    '挥发性有机物 VOCs（吨）',
  ]);
  const expected = plans.reduce(
    (n, p) =>
      n +
      p.targets.filter((t) =>
        ['cod-reduction', 'ammonia-nitrogen-reduction', 'nox-reduction', 'voc-reduction'].includes(
          t.indicatorId,
        ),
      ).length,
    0,
  );
  await expect(pollutants.marks).toHaveCount(expected);
  await expect(pollutants.rows).toHaveCount(expected);
  // 万吨 normalised to tonnes for the scale, printed as the plan prints it: 达州 1.017万吨 is drawn to 10170吨
  // and labelled 1.017万吨, its accessible name giving both.
  const dazhouCod = panels.first().locator('a.mark[data-plan="dazhou-shi"]');
  await expect(dazhouCod.locator('text.value-label')).toHaveText('1.017万吨');
  await expect(dazhouCod).toHaveAccessibleName(/^达州市（征求意见稿）：1\.017万吨（10170吨，约束性目标/);
  const problems: string[] = [];
  for (const href of await page
    .locator('figure svg a')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))) {
    const problem = await resolves(page, href);
    if (problem) problems.push(problem);
  }
  expect(problems).toEqual([]);
});

test('without JavaScript the chart is all there', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(pageUrl(paths.indicator('energy-intensity')));
  const { marks, rows } = chartParts(page, 'energy-intensity');
  expect(await marks.count()).toBeGreaterThan(0);
  await expect(rows).toHaveCount(await marks.count());
  await context.close();
});

test('progressive enhancement: the sort toggle moves marks and table rows together; focus shows a tooltip', async ({
  page,
}) => {
  await page.goto(pageUrl(paths.indicator('energy-intensity')));
  const figure = page.locator('figure[data-chart="energy-intensity"]');
  const { marks, rows } = chartParts(page, 'energy-intensity');
  const order = async () => ({
    marks: await marks.evaluateAll((as) => as.map((a) => a.getAttribute('data-plan'))),
    rows: await rows.evaluateAll((rs) => rs.map((r) => r.getAttribute('data-plan'))),
    // Drawn top to bottom: the marks' rectangles by their position on screen.
    drawn: await marks.evaluateAll((as) =>
      as
        .map((a) => ({
          plan: a.getAttribute('data-plan'),
          y: a.querySelector('rect')!.getBoundingClientRect().y,
        }))
        .sort((x, y) => x.y - y.y)
        .map((m) => m.plan),
    ),
  });
  const byValue = await order();
  expect(byValue.rows).toEqual(byValue.marks);
  expect(byValue.drawn).toEqual(byValue.marks);

  const byPlanButton = figure.getByRole('button', { name: '按方案' });
  await byPlanButton.click();
  await expect(byPlanButton).toHaveAttribute('aria-pressed', 'true');
  const byPlan = await order();
  const planIndex = new Map(plans.map((p, i) => [p.id, i]));
  expect(byPlan.marks).not.toEqual(byValue.marks);
  expect(byPlan.rows).toEqual(byPlan.marks);
  expect(byPlan.drawn).toEqual(byPlan.marks);
  expect([...new Set(byPlan.marks)]).toEqual(
    [...new Set(byPlan.marks)].sort((a, b) => planIndex.get(a!)! - planIndex.get(b!)!),
  );

  await figure.getByRole('button', { name: '按目标值' }).click();
  expect(await order()).toEqual(byValue);

  await marks.first().focus();
  const tooltip = figure.locator('.chart-tooltip');
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toHaveText((await marks.first().getAttribute('aria-label'))!);
  await page.keyboard.press('Escape');
  await expect(tooltip).toBeHidden();
});

/** A plan whose chart label must read as printed: 贵州's 新增污水处理能力 44.7 万立方米/日 (seed 002, L47). */
const printedInWan = plans
  .flatMap((plan) => plan.targets.map((target) => ({ plan, target })))
  .find(({ target }) => target.originalUnit === '万立方米/日' && target.originalValue === 44.7);

for (const width of [1280, 375]) {
  test(`at ${width} px the chart labels the 44.7万立方米/日 target as printed, drawn to 447000立方米/日`, async ({
    page,
  }) => {
    expect(printedInWan, 'the seed printing 44.7万立方米/日').toBeDefined();
    const { plan, target } = printedInWan!;
    await page.setViewportSize({ width, height: 900 });
    await page.goto(pageUrl(paths.indicator(target.indicatorId)));
    const variant = width < 576 ? 'narrow' : 'wide';
    const svg = page.locator(`figure[data-chart="${target.indicatorId}"] .chart__variant--${variant} svg`);
    await expect(svg).toBeVisible();
    const mark = svg.locator(`a.mark[data-plan="${plan.id}"]`);
    await expect(mark.locator('text.value-label')).toHaveText('44.7万立方米/日');
    await expect(mark).toHaveAccessibleName(
      `${plan.region}：44.7万立方米/日（447000立方米/日，约束性目标，到2025年）`,
    );
    await expect(mark.locator('title')).toHaveText(
      `${plan.region}：44.7万立方米/日（447000立方米/日，约束性目标，到2025年）`,
    );
    // The table under it keeps the normalised value beside the printed one.
    const row = page.locator(`table[data-chart-table="${target.indicatorId}"] tr[data-plan="${plan.id}"]`);
    await expect(row).toContainText('447000立方米/日');
    await expect(row).toContainText('44.7万立方米/日');
  });
}

test('the chart CSV carries the printed form beside the normalised value', async ({ page }) => {
  const { plan, target } = printedInWan!;
  const response = await page.request.get(pageUrl(`/data/charts/${target.indicatorId}.csv`));
  expect(response.status()).toBe(200);
  const [header, ...lines] = (await response.text())
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  const columns = header!.split(',');
  const row = lines.map((l) => l.split(',')).find((cells) => cells[0] === plan.id);
  expect(row?.[columns.indexOf('value')]).toBe('447000');
  expect(row?.[columns.indexOf('value_as_printed')]).toBe('44.7万立方米/日');
  expect(row?.[columns.indexOf('unit')]).toBe('立方米/日');
});

/**
 * WCAG 2.5.3, label in name: a chart mark's accessible name contains the text it shows. axe's rule for it is
 * experimental (off by default), so it is asked for by name; the hand-made link first proves it runs.
 */
test.describe('chart marks: the accessible name contains the visible label', () => {
  const rule = 'label-content-name-mismatch';
  const violations = async (page: Page) =>
    (await new AxeBuilder({ page }).withRules([rule]).analyze()).violations.flatMap((v) =>
      v.nodes.map((n) => `${page.url()}: ${n.target.join(' ')}`),
    );

  test('the rule runs and catches a mismatch', async ({ page }) => {
    await page.goto(pageUrl(paths.home()));
    await page.evaluate(() => {
      const a = document.createElement('a');
      a.href = '#x';
      a.setAttribute('aria-label', '黔江区：约束性目标');
      a.textContent = '≥14.5%';
      document.querySelector('main')?.prepend(a);
    });
    expect(await violations(page)).toHaveLength(1);
  });

  for (const width of [1280, 375]) {
    test(`on the home page, every charted indicator and a region page at ${width} px`, async ({ page }) => {
      test.slow();
      await page.setViewportSize({ width, height: 900 });
      const found: string[] = [];
      for (const path of [
        paths.home(),
        ...charted.map((id) => paths.indicator(id)),
        paths.region('shandong-sheng'),
      ]) {
        await page.goto(pageUrl(path));
        found.push(...(await violations(page)));
      }
      expect(found).toEqual([]);
    });
  }
});
