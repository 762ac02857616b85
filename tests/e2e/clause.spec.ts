/**
 * Clause permalinks and citations, the hostile seed, CSP, the table of contents and print: the behaviours a
 * reader relies on.
 */
import type { Clause, Plan } from '../../src/lib/model/plan';
import { paths } from '../../src/lib/urls';
import { builtPlans, E2E_BASE, E2E_SITE, pageUrl } from './harness';
import { expect, test } from './fixtures';

const plans = builtPlans();
const qianjiang = plans.find((p) => p.source === '000_5b537b9a7be6a6a5.txt') as Plan;
const hostile = plans.find((p) => p.source === '900_hostile.txt') as Plan;
const CLAUSE = '3-4-3';

test('a permalink lands on its clause and highlights it', async ({ page }) => {
  await page.goto(pageUrl(paths.clause(qianjiang.id, CLAUSE)));
  const clause = page.locator(`[id="${CLAUSE}"]`);
  await expect(clause).toBeInViewport();
  expect(await clause.evaluate((el) => el.matches(':target'))).toBe(true);
  const background = await clause.evaluate((el) => getComputedStyle(el).backgroundColor);
  const other = await page.locator('[id="3-4-2"]').evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(background).not.toBe(other);
});

test.describe('copy citation', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('the copy button is reachable by keyboard from the permalink', async ({ page }) => {
    await page.goto(pageUrl(paths.plan(qianjiang.id)));
    const clause = page.locator(`[id="${CLAUSE}"]`);
    await clause.locator('a.permalink').focus();
    await page.keyboard.press('Tab');
    await expect(clause.locator('button[data-copy="citation"]')).toBeFocused();
    await expect(clause.locator('button[data-copy="citation"]')).toBeVisible();
  });
});

test('department names link to their pages with the role shown, target values to their indicators', async ({
  page,
}) => {
  await page.goto(pageUrl(paths.plan(qianjiang.id)));
  const clause = page.locator(`[id="${CLAUSE}"]`);
  const lead = clause.locator('a.dept--lead').first();
  await expect(lead).toContainText('区交通局');
  await expect(lead.locator('.role')).toHaveText('牵头');
  // The role as the note prints it (区发展改革委…等按职责分工负责), not a word of ours such as 配合 (issue 8).
  await expect(clause.locator('a.dept--supporting .role').first()).toHaveText('按职责分工负责');
  const href = await lead.getAttribute('href');
  expect(href).toMatch(new RegExp(`^${E2E_BASE}departments/${qianjiang.id}/#[a-z0-9-]+$`));
  const targets = page.locator('[data-seed-text] a.target');
  if (qianjiang.targets.length > 0)
    await expect(targets.first()).toHaveAttribute('href', /\/indicators\/[a-z0-9-]+\/$/);
});

test.describe('a hostile seed', () => {
  // The only console error allowed is the browser refusing the script this test injects.
  test.use({ expectedConsole: [/Content Security Policy/] });

  test('shows its markup as text and runs no script', async ({ page }) => {
    await page.goto(pageUrl(paths.plan(hostile.id)));
    const doc = page.locator('[data-seed-text]');
    await expect(doc).toContainText('<script>alert(2)</script>');
    await expect(doc).toContainText('{alert(1)}');
    await expect(doc).toContainText("import x from 'y'");
    await expect(doc.locator('script, img, svg, b, iframe')).toHaveCount(0);
    const scripts = await page.evaluate(() =>
      Array.from(document.scripts, (s) => ({
        src: s.src,
        type: s.type,
        inline: s.textContent?.trim() ?? '',
      })),
    );
    expect(scripts.every((s) => s.src !== '' && s.inline === '')).toBe(true);
  });

  test('reads a note printed as labels without brackets, with the labels as the roles', async ({ page }) => {
    // 牵头单位：…；配合单位：… as the clause's last sentence, as many county plans print it.
    const clause = hostile.clauses.find((c) => c.paragraphs.some((p) => p.includes('牵头单位：'))) as Clause;
    await page.goto(pageUrl(paths.clause(hostile.id, clause.id)));
    const note = page.locator(`[id="${clause.id}"] .resp`);
    await expect(note).toContainText('牵头单位：区住房城乡建委');
    await expect(note.locator('a.dept--lead')).toHaveCount(1);
    await expect(note.locator('a.dept--lead')).toContainText('区住房城乡建委');
    await expect(note.locator('a.dept--lead .role')).toHaveText('牵头单位');
    await expect(note.locator('a.dept--supporting')).toHaveCount(2);
    await expect(note.locator('a.dept--supporting .role').first()).toHaveText('配合单位');
  });

  test('is served with a CSP that refuses inline script', async ({ page }) => {
    await page.goto(pageUrl(paths.plan(hostile.id)));
    const csp = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__planAtlasInjected = true';
      document.body.append(script);
      await new Promise((resolve) => setTimeout(resolve, 50));
      return (window as unknown as { __planAtlasInjected?: boolean }).__planAtlasInjected === true;
    });
    expect(ran).toBe(false);
  });
});

test.describe('table of contents', () => {
  test('is open beside the text on wide screens and stays in view while reading', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(pageUrl(paths.clause(qianjiang.id, CLAUSE)));
    const toc = page.locator('nav.toc');
    await expect(toc.locator('a').first()).toBeVisible();
    await expect(toc).toBeInViewport();
  });

  test('is collapsed on a 320 px phone and opens on demand', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(pageUrl(paths.plan(qianjiang.id)));
    const toc = page.locator('nav.toc');
    await expect(toc.locator('ol a').first()).toBeHidden();
    await toc.locator('summary').click();
    const entry = toc.locator('ol a').nth(2);
    await expect(entry).toBeVisible();
    // Following an entry closes the bar and shows the clause.
    await entry.click();
    await expect(entry).toBeHidden();
    const id = decodeURIComponent(new URL(page.url()).hash.slice(1));
    await expect(page.locator(`[id="${id}"]`)).toBeInViewport();
    // Nothing is wider than the phone.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

test('print hides navigation and prints permalinks', async ({ page }) => {
  await page.goto(pageUrl(paths.plan(qianjiang.id)));
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('nav.toc')).toBeHidden();
  const printed = await page
    .locator(`[id="${CLAUSE}"] a.permalink`)
    .evaluate((el) => getComputedStyle(el, '::after').content);
  expect(printed).toContain(`${E2E_SITE}${E2E_BASE}plans/${qianjiang.id}/#${CLAUSE}`);
});

test('skip link moves focus to the main content', async ({ page }) => {
  await page.goto(pageUrl(paths.plan(qianjiang.id)));
  await page.keyboard.press('Tab');
  const skip = page.locator('a.skip-link');
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});
