/**
 * The compare pages: the plans × national template matrix (every cell a link to the covering clause, or
 * 合并于… / 未涉及; every link resolves; usable at 320 px) and the topic pages (every plan's clauses side by
 * side, stacked on a phone, with target values and departments highlighted and each clause's permalink).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { loadNationalTemplate } from '../../src/lib/compare';
import { paths } from '../../src/lib/urls';
import { builtPlans, E2E_BASE, pageUrl } from './harness';
import { expect, test } from './fixtures';
import { planLabel } from '../../src/lib/model/label';

const plans = builtPlans();
const template = loadNationalTemplate();
const hostile = plans.find((p) => p.source === '900_hostile.txt');

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

async function resolves(page: Page, href: string): Promise<string | null> {
  const url = new URL(href, page.url());
  const response = await page.request.get(url.href);
  if (response.status() !== 200) return `${href}: status ${response.status()}`;
  const id = decodeURIComponent(url.hash.slice(1));
  if (id === '') return null;
  return (await response.text()).includes(` id="${id}"`) ? null : `${href}: no #${id}`;
}

test('the matrix has every national topic against every plan, each cell linked or saying why not', async ({
  page,
}) => {
  await page.goto(pageUrl(paths.compare()));
  const matrix = page.locator('table.compare-matrix');
  await expect(matrix.locator('thead th[scope="col"]')).toHaveCount(plans.length + 1);
  const topicRows = matrix.locator('tbody tr').filter({ has: page.locator('th[scope="row"] a') });
  await expect(topicRows).toHaveCount(template.topics.length);
  await expect(topicRows.locator('th[scope="row"] a')).toHaveText(template.topics.map((t) => t.title));
  for (let i = 0; i < template.topics.length; i++) {
    const cells = topicRows.nth(i).locator('td');
    await expect(cells).toHaveCount(plans.length);
    for (let j = 0; j < plans.length; j++) {
      const cell = cells.nth(j);
      const status = await cell.locator('[data-status]').getAttribute('data-status');
      const links = await cell.locator('a').count();
      if (status === 'missing') {
        await expect(cell).toHaveText('未涉及');
        expect(links).toBe(0);
      } else {
        expect(links, `${template.topics[i]!.id} × ${plans[j]!.id}`).toBeGreaterThan(0);
        if (status === 'merged') await expect(cell).toContainText('合并于');
      }
    }
  }
  // Titles differ from the national ones and still match: 莱芜 强化重点行业节能减排.
  const laiwu = plans.findIndex((p) => p.region === '莱芜区');
  if (laiwu !== -1)
    await expect(topicRows.nth(0).locator('td').nth(laiwu)).toContainText('强化重点行业节能减排');
  // The hostile test plan has none of the national topics.
  const h = plans.findIndex((p) => p === hostile);
  if (h !== -1)
    await expect(
      topicRows
        .nth(template.topics.length - 1)
        .locator('td')
        .nth(h),
    ).toHaveText('未涉及');
});

test('every link of the matrix resolves, clause links to an existing clause', async ({ page }) => {
  await page.goto(pageUrl(paths.compare()));
  const hrefs = await page
    .locator('table.compare-matrix a')
    .evaluateAll((links) => [...new Set(links.map((a) => a.getAttribute('href') ?? ''))]);
  expect(hrefs.filter((h) => h.includes('#')).length).toBeGreaterThan(template.topics.length);
  const broken: string[] = [];
  for (const href of hrefs) {
    expect(href.startsWith(E2E_BASE), href).toBe(true);
    const problem = await resolves(page, href);
    if (problem) broken.push(problem);
  }
  expect(broken).toEqual([]);
});

test('the matrix scrolls inside its own frame on a 320 px phone, topic names in view', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto(pageUrl(paths.compare()));
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(0);
  const frame = page.locator('.compare-wrap');
  expect(await frame.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  await frame.evaluate((el) => el.scrollBy({ left: 400 }));
  const topic = page.locator('table.compare-matrix tbody th[scope="row"]').first();
  const box = await topic.boundingBox();
  expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
  expect(await violations(page)).toEqual([]);
});

test('the nav marks 对比 as the current section', async ({ page }) => {
  await page.goto(pageUrl(paths.compareTopic(template.topics[0]!.id)));
  await expect(page.locator('.site-nav a[aria-current="page"]')).toHaveText('对比');
});

for (const topic of [template.topics[5]!, template.topics.find((t) => t.id === 'economic-policies')!]) {
  test(`topic page ${topic.id}: every plan’s clauses with permalinks, highlights, side by side then stacked`, async ({
    page,
  }) => {
    await page.goto(pageUrl(paths.compareTopic(topic.id)));
    await expect(page.locator('h1')).toHaveText(topic.title);
    await expect(page.locator('.breadcrumbs a').last()).toHaveAttribute('href', `${E2E_BASE}compare/`);
    const sections = page.locator('section.topic-plan');
    await expect(sections).toHaveCount(plans.length);
    for (const plan of plans) {
      const section = page.locator(`section.topic-plan:has(h2#plan-${plan.id})`);
      await expect(section.locator('h2')).toContainText(planLabel(plan));
      const clauses = section.locator('.quoted-clause');
      if ((await clauses.count()) === 0) {
        await expect(section).toContainText('未涉及');
        continue;
      }
      const cite = clauses.first().locator('a.quoted-clause__cite');
      await expect(cite).toHaveAttribute('href', new RegExp(`^${E2E_BASE}plans/${plan.id}/#[a-z0-9-]+$`));
      expect(await resolves(page, (await cite.getAttribute('href'))!)).toBeNull();
    }
    // Departments and target values are highlighted and linked.
    const depts = page.locator('.quoted-clause a.dept');
    expect(await depts.count()).toBeGreaterThan(0);
    await expect(depts.first()).toHaveAttribute('href', /\/departments\/[a-z0-9-]+\/#[a-z0-9-]+$/);
    const targets = page.locator('.quoted-clause a.target');
    if ((await targets.count()) > 0)
      await expect(targets.first()).toHaveAttribute('href', /\/indicators\/[a-z0-9-]+\/$/);

    // Side by side on a wide screen, stacked on a phone.
    await page.setViewportSize({ width: 1280, height: 900 });
    const wide = await sections.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().top));
    expect(wide[0]).toBe(wide[1]);
    await page.setViewportSize({ width: 320, height: 640 });
    const narrow = await sections.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().left));
    expect(new Set(narrow).size).toBe(1);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await violations(page)).toEqual([]);
  });
}

test('a topic merged into another clause says so on its page and links that clause', async ({ page }) => {
  await page.goto(pageUrl(paths.compare()));
  const merged = page.locator('table.compare-matrix [data-status="merged"]').first();
  test.skip((await merged.count()) === 0, 'no merged topic in the corpus');
  const row = page
    .locator('table.compare-matrix tbody tr')
    .filter({ has: page.locator('[data-status="merged"]') })
    .first();
  const topicHref = (await row.locator('th[scope="row"] a').getAttribute('href'))!;
  const clauseHref = (await merged.locator('a').first().getAttribute('href'))!;
  await page.goto(new URL(topicHref, page.url()).href);
  const note = page.locator('.topic-plan__merged');
  await expect(note).toContainText('合并于');
  await expect(note.locator('a')).toHaveAttribute('href', clauseHref);
});
