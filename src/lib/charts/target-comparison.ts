/**
 * One indicator across plans: sorted bars on one zero-based scale, the national reference as a labelled line,
 * plans without a number listed as 未设定量目标. Data → geometry only; `renderTargetComparisonSvg` draws it.
 */
import { layoutBands } from './layout';
import {
  assertRows,
  commonYears,
  legendItems,
  markEntries,
  referenceInWords,
  rowInWords,
  sortedByPlan,
  unsetEntries,
  unsetInWords,
  unsetPlans,
  yearsCaption,
} from './shared';
import { idFrom, round } from './svg';
import type { TargetComparisonGeometry, TargetComparisonInput } from './types';

/** Layout constants: a 640-unit-wide viewBox scales to any width; rows are tall enough to tap. */
export const TARGET_COMPARISON = {
  width: 640,
  fontSize: 13,
  rowHeight: 30,
  barHeight: 16,
  tickCount: 5,
  margin: 8,
  captionLineHeight: 18,
} as const;

/**
 * Lays out the comparison of one indicator's targets across plans. Rows are grouped by plan, plans ordered
 * by their binding value (largest first), binding before incentive/aspiration within a plan; unset plans
 * follow. Throws when a row's unit differs from the indicator's (units must be normalised first).
 */
export function targetComparison(input: TargetComparisonInput): TargetComparisonGeometry {
  const { indicator } = input;
  const C = TARGET_COMPARISON;
  assertRows(input.rows, indicator.unit, `chart ${indicator.id}`);
  const rows = sortedByPlan(input.rows);
  const unset = unsetPlans(rows, input.unset);
  const reference = input.reference ?? null;
  const id = input.id ?? idFrom('chart', indicator.id);
  const title = input.title ?? `「${indicator.name}」各方案目标对比`;

  const legendY = C.margin + C.fontSize / 2 + 2;
  const legend = legendItems(
    new Set(rows.map((row) => row.ambition)),
    reference !== null,
    C.margin,
    legendY,
    C.fontSize,
  );
  // Room above the plot for the reference label.
  const plotTop = legendY + C.fontSize + (reference ? C.fontSize + 16 : 8);

  const layout = layoutBands({
    entries: [...markEntries(rows), ...unsetEntries(unset)],
    unit: indicator.unit,
    reference,
    x: C.margin,
    y: plotTop,
    width: C.width - 2 * C.margin,
    fontSize: C.fontSize,
    rowHeight: C.rowHeight,
    barHeight: C.barHeight,
    tickCount: C.tickCount,
  });

  const years = commonYears(rows);
  const axisTitle = `${indicator.name}（${indicator.unit}${years ? `，${years}` : ''}）`;
  const axisTitleY = round(layout.bottom + C.fontSize + 4);
  const caption = yearsCaption(rows);
  const captionY = round(axisTitleY + C.captionLineHeight + 4);
  const height = round(
    caption.length > 0
      ? captionY + (caption.length - 1) * C.captionLineHeight + C.margin + 4
      : axisTitleY + C.margin + 4,
  );

  const parts = [`${title}，按目标值从高到低排列`];
  if (years) parts.push(`各方案年份相同：${years}`);
  if (rows.length > 0) parts.push(rows.map((row) => rowInWords(row, years === null)).join('；'));
  if (reference) parts.push(referenceInWords(reference, indicator.unit));
  if (unset.length > 0) parts.push(`未设定量目标：${unsetInWords(unset)}`);

  return {
    id,
    width: C.width,
    height,
    fontSize: C.fontSize,
    title,
    description: `${parts.join('。')}。`,
    indicator,
    axisTitle,
    axisTitleY,
    legend,
    layout,
    caption,
    captionY,
  };
}
