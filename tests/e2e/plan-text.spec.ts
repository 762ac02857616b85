/**
 * Conservation on the page: each seed's text (export leftovers removed, whitespace ignored) is the text of its
 * plan page's document, in order, as shown with JavaScript disabled. UI additions (¶, copy buttons, role
 * labels) are marked `data-ui` and left out.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeSeed } from '../../src/lib/read/decode';
import { stripExportLeftovers } from '../../src/lib/read/normalize';
import { paths } from '../../src/lib/urls';
import { builtPlans, pageUrl, SEEDS_DIR, seedFiles } from './harness';
import { expect, test } from './fixtures';

test.use({ javaScriptEnabled: false });

const plans = builtPlans();
const withoutSpace = (s: string) => s.replace(/\s+/g, '');

/** A readable account of the first difference between two long strings. */
function firstDifference(expected: string, actual: string): string | null {
  if (expected === actual) return null;
  let i = 0;
  while (i < expected.length && expected[i] === actual[i]) i++;
  const around = (s: string) => JSON.stringify(s.slice(Math.max(0, i - 30), i + 30));
  return `first difference at character ${i}: seed ${around(expected)} vs page ${around(actual)}`;
}

test('every seed has a plan', () => {
  expect(seedFiles().filter((file) => !plans.some((p) => p.source === file))).toEqual([]);
});

for (const file of seedFiles()) {
  test(`${file}: the whole text is on its plan page, in order, without JavaScript`, async ({ page }) => {
    const plan = plans.find((p) => p.source === file);
    test.skip(!plan, 'no plan for this seed (reported by the test above)');
    await page.goto(pageUrl(paths.plan(plan!.id)));
    const doc = page.locator('[data-seed-text]');
    await expect(doc).toBeVisible();
    const shown = await doc.evaluate((element) => {
      for (const ui of element.querySelectorAll('[data-ui]')) ui.remove();
      return (element as HTMLElement).innerText;
    });
    const seed = decodeSeed(readFileSync(join(SEEDS_DIR, file)), file).text;
    expect(firstDifference(withoutSpace(stripExportLeftovers(seed)), withoutSpace(shown))).toBeNull();
  });
}
