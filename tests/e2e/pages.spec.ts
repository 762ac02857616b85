/**
 * Every page type: accessible (axe, light and dark), one h1, Chinese language, a canonical URL, no console
 * errors, and no horizontal scrolling on a 320 px phone. Pages are picked from the built data so the list follows the corpus.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { planLabel } from '../../src/lib/model/label';
import { paths } from '../../src/lib/urls';
import { builtPlans, E2E_BASE, E2E_SITE, pageUrl } from './harness';
import { expect, test } from './fixtures';

const plans = builtPlans();
const withDepartments = plans.find((p) => p.departments.length > 0);
const withTargets = plans.flatMap((p) => p.targets)[0];

const PAGES: [string, string][] = [
  ['home', paths.home()],
  ['plans', paths.plans()],
  ['regions', paths.regions()],
  ['region province', paths.region('shandong-sheng')],
  ['region prefecture without a plan', paths.region('jinan-shi')],
  ['region county', paths.region('laiwu-qu')],
  ['go to clause', paths.goTo()],
  ...plans.map((p): [string, string] => [`plan ${p.id}`, paths.plan(p.id)]),
  ['departments', paths.departments()],
  ...(withDepartments
    ? ([
        ['plan departments', paths.planDepartments(withDepartments.id)],
        ['department category', paths.departmentCategory(withDepartments.departments[0]!.category)],
      ] as [string, string][])
    : []),
  ['indicators', paths.indicators()],
  ['indicator', paths.indicator(withTargets?.indicatorId ?? 'energy-intensity')],
  ['compare', paths.compare()],
  ['compare topic', paths.compareTopic('industry-green-upgrade')],
  ['about', paths.about()],
  ['data', paths.data('')],
  ['search', paths.search()],
];

/** Axe's violations as readable lines; `rules` limits the run (the dark theme only changes colours). */
async function axeViolations(page: Page, rules?: string[]): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  const results = await (rules ? builder.withRules(rules) : builder).analyze();
  return results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(' | ')}`,
  );
}

for (const [name, path] of PAGES) {
  test(`${name} page is accessible and well-formed`, async ({ page }) => {
    // Axe walks every node of the page twice (light, dark): on the longest plans that is most of a minute on a
    // loaded two-core machine. More time, never a timed assertion.
    test.slow();
    const response = await page.goto(pageUrl(path));
    expect(response?.status()).toBe(200);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
      'href',
      `${E2E_SITE}${E2E_BASE}${path.slice(1)}`,
    );
    expect(await axeViolations(page), 'axe, light theme').toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await axeViolations(page, ['color-contrast', 'link-in-text-block']);
    expect(dark, 'axe, dark theme').toEqual([]);
    // A 320 px phone: nothing wider than the screen (wide tables scroll inside their own region).
    await page.setViewportSize({ width: 320, height: 640 });
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
  });
}

test.describe('former one-department pages', () => {
  test('send the reader on to the department on its plan’s departments page', async ({ page }) => {
    expect(withDepartments, 'a seed with departments').toBeDefined();
    const plan = withDepartments!;
    const department = plan.departments[plan.departments.length - 1]!;
    const response = await page.goto(pageUrl(paths.legacyDepartment(plan.id, department.id)));
    expect(response?.status()).toBe(200);
    await page.waitForURL(pageUrl(paths.department(plan.id, department.id)));
    await expect(page.locator('h1')).toContainText(planLabel(plan));
    const heading = page.locator(`[id="${department.id}"]`);
    await expect(heading).toHaveText(department.name);
    await expect(heading).toBeInViewport();
  });
});

test.describe('404 page', () => {
  test.use({ expectedConsole: [/status of 404/] });

  test('answers unknown URLs with status 404, a way back and no axe violations', async ({ page }) => {
    const response = await page.goto(pageUrl('/plans/no-such-plan/'));
    expect(response?.status()).toBe(404);
    await expect(page.locator('h1')).toHaveText('找不到这个页面');
    await expect(page.locator('main a[href$="/plans/' + plans[0]!.id + '/"]')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
});
