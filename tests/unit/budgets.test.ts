/**
 * Page budgets (issue 13): every page that lists plans stays within PAGE_ELEMENTS at every corpus size, not only
 * at 3,000 plans. A page's worst case is its base plus each of its lists at its limit (src/site/budgets.ts); the
 * chart part of a home chart row is checked against what the chart renderer draws, so the cost the worst case
 * uses cannot be lower than the marks the page really carries.
 */
import { describe, expect, it } from 'vitest';
import {
  renderSmallMultiplesSvg,
  renderTargetComparisonSvg,
  smallMultiples,
  targetComparison,
  type SmallMultiplesInput,
  type TargetComparisonInput,
  type TargetRow,
} from '../../src/lib/charts';
import { ELEMENT_COSTS, LIST_LIMITS, PAGE_ELEMENTS, worstCaseElements } from '../../src/site/budgets';
import { energyIntensity, pollutantReductions } from '../golden/charts/fixtures';

const elements = (markup: string) => markup.match(/<[A-Za-z][^>]*>/g)?.length ?? 0;

/** `count` rows made from `rows`, each copy a distinct plan, as a corpus of that many plans would give. */
function manyRows(rows: readonly TargetRow[], count: number): TargetRow[] {
  return Array.from({ length: count }, (_, i) => {
    const row = rows[i % rows.length] as TargetRow;
    const planId = `${row.planId}-${i}`;
    return { ...row, planId, plan: `${row.plan}${i}`, href: `/plans/${planId}/#2-p1` };
  });
}

/** Elements of a comparison chart of `count` rows, in the wide and the phone drawing together. */
function comparisonElements(count: number): number {
  const input: TargetComparisonInput = { ...energyIntensity, rows: manyRows(energyIntensity.rows, count) };
  return (
    elements(renderTargetComparisonSvg(targetComparison(input))) +
    elements(renderTargetComparisonSvg(targetComparison(input, 'narrow')))
  );
}

/** Elements of the pollutant small multiples with `perPanel` rows in each of the four panels, both drawings. */
function smallMultiplesElements(perPanel: number): number {
  const input: SmallMultiplesInput = {
    ...pollutantReductions,
    panels: pollutantReductions.panels.map((panel) => ({
      ...panel,
      rows: manyRows(panel.rows, perPanel),
    })),
  };
  return (
    elements(renderSmallMultiplesSvg(smallMultiples(input))) +
    elements(renderSmallMultiplesSvg(smallMultiples(input, 'narrow')))
  );
}

describe('page budgets', () => {
  it('keeps every page that lists plans within the element budget at its list limits', () => {
    for (const [page, worst] of Object.entries(worstCaseElements())) {
      expect(worst, page).toBeGreaterThan(0);
      expect(worst, page).toBeLessThanOrEqual(PAGE_ELEMENTS);
    }
  });

  it('never lets the home page draw more bar rows than an indicator page would', () => {
    expect(LIST_LIMITS.homeChartRows).toBeLessThanOrEqual(LIST_LIMITS.barChartRows);
  });

  it('counts at least the marks the renderer draws for a home chart row', () => {
    // The slope between two sizes: what one more row adds, the chart's fixed parts set apart.
    const small = 10;
    const large = LIST_LIMITS.homeChartRows;
    const perComparisonRow = (comparisonElements(large) - comparisonElements(small)) / (large - small);
    const perPanelRow =
      (smallMultiplesElements(large) - smallMultiplesElements(small)) / (4 * (large - small));
    for (const perRow of [perComparisonRow, perPanelRow]) {
      expect(perRow).toBeGreaterThan(0);
      expect(perRow).toBeLessThanOrEqual(ELEMENT_COSTS.homeChartMarks);
    }
  });
});
