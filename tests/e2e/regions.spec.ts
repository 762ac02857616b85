/**
 * A readable text the parser cannot place is still a plan page: its text whole, and a notice saying what
 * could not be recognised rather than a guess (tests/e2e/seeds/901_news-copy.txt names no government and has
 * no headings).
 */
import type { Plan } from '../../src/lib/model/plan';
import { paths } from '../../src/lib/urls';
import { expect, test } from './fixtures';
import { builtPlans, pageUrl } from './harness';

const plans = builtPlans();
const newsCopy = plans.find((p) => p.source === '901_news-copy.txt') as Plan;

test('a text with no title, region or headings is a plan page that says what is unknown', async ({
  page,
}) => {
  expect(newsCopy.region).toBeNull();
  expect(newsCopy.unrecognised).toEqual(expect.arrayContaining(['title', 'region', 'structure']));
  await page.goto(pageUrl(paths.plan(newsCopy.id)));
  const notice = page.locator('.plan-header__unrecognised');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('正文未写明发文地区');
  await expect(notice).toContainText('未识别出章节标题');
  await expect(page.locator('.plan-header .facts')).toContainText('未识别：正文未写明发文地区');
  await expect(page.locator('main')).toContainText('把各项任务落到实处');
});

test('the home page lists it with its region unknown, never a guessed one', async ({ page }) => {
  await page.goto(pageUrl('/'));
  const row = page.locator('tr', { has: page.locator(`a[href$="${paths.plan(newsCopy.id)}"]`) });
  await expect(row).toContainText('未识别');
});
