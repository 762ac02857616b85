/**
 * Annex tables on the page: every value read from a table sits, as drawn, under the headers the source prints
 * it under (issue 8: 黔江 附件1's two-row header put 黔江's own targets under 责任单位). The page's grid is
 * worked out as the browser lays it out (colspan and rowspan), then each target's cell is looked up and the
 * header cells over its column are compared with the header recorded with the target.
 */
import { paths } from '../../src/lib/urls';
import { builtPlans, pageUrl } from './harness';
import { expect, test } from './fixtures';

test.use({ javaScriptEnabled: false });

const plans = builtPlans().filter((plan) =>
  plan.targets.some((target) => target.sources.some((source) => source.cell !== null)),
);

test('some plan has values read from annex tables', () => {
  expect(plans.length).toBeGreaterThan(0);
});

for (const plan of plans) {
  test(`${plan.id}: every table value is drawn under the headers it is printed under`, async ({ page }) => {
    await page.goto(pageUrl(paths.plan(plan.id)));
    const cells = plan.targets.flatMap((target) =>
      target.sources.flatMap((source) =>
        source.cell
          ? [
              {
                table: source.clauseId,
                ...source.cell,
                header: source.text.split('｜')[1] ?? '',
                text: source.text,
              },
            ]
          : [],
      ),
    );
    expect(cells.length).toBeGreaterThan(0);
    for (const cell of cells) {
      const found = await page.locator(`[id="${cell.table}"] table`).evaluate(
        (table: HTMLTableElement, { row, column, start, end }) => {
          // The HTML table model: each cell's first grid column, skipping columns held by rowspans above.
          const taken: boolean[][] = [];
          const at: { element: HTMLTableCellElement; r: number; c: number }[] = [];
          Array.from(table.rows).forEach((tr, r) => {
            let c = 0;
            for (const element of Array.from(tr.cells)) {
              while (taken[r]?.[c]) c++;
              at.push({ element, r, c });
              for (let dr = 0; dr < element.rowSpan; dr++)
                for (let dc = 0; dc < element.colSpan; dc++) (taken[r + dr] ??= [])[c + dc] = true;
              c += element.colSpan;
            }
          });
          const target = table.rows[row]?.cells[column];
          const placed = at.find((p) => p.element === target);
          if (!target || !placed) return null;
          const headers = at
            .filter(
              (p) =>
                p.element.tagName === 'TH' &&
                p.c <= placed.c &&
                placed.c < p.c + p.element.colSpan &&
                p.r < placed.r,
            )
            .map((p) => (p.element.textContent ?? '').trim());
          return { headers, value: (target.textContent ?? '').slice(start, end) };
        },
        { row: cell.row, column: cell.column, start: cell.start, end: cell.end },
      );
      expect(found, `${cell.table} row ${cell.row} cell ${cell.column} (${cell.text})`).not.toBeNull();
      expect(found!.headers.join(' '), cell.text).toBe(cell.header);
      expect(found!.value.length, cell.text).toBeGreaterThan(0);
      expect(cell.text.endsWith(found!.value) || cell.text.includes(found!.value), cell.text).toBe(true);
    }
  });
}

test('黔江 附件1: the 2025 columns span their two sub-headers and 责任单位 spans two rows, not three columns', async ({
  page,
}) => {
  const plan = builtPlans().find((p) => p.id === 'qianjiang-qu');
  test.skip(!plan, 'the 黔江 seed is not in this build');
  await page.goto(pageUrl(paths.plan('qianjiang-qu')));
  const table = page.locator('[id="annex-1-table-1"] table');
  for (const place of ['重庆市2025年', '黔江区2025年']) {
    const th = table.locator('th', { hasText: place });
    await expect(th).toHaveAttribute('colspan', '2');
  }
  const duty = table.locator('th', { hasText: '责任单位' });
  await expect(duty).toHaveAttribute('rowspan', '2');
  await expect(duty).not.toHaveAttribute('colspan', /.*/);
});
