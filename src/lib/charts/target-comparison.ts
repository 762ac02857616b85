/**
 * One indicator across plans: sorted bars on one zero-based scale, the national reference as a labelled line,
 * plans without a number listed as 未设定量目标. Data → geometry only; `renderTargetComparisonSvg` draws it.
 */
import { GAP, layoutBands, markTrailingText } from './layout';
import { rowLabel, textWidth, wrapText } from './format';
import {
  assertRows,
  commonYears,
  legendBottom,
  legendItems,
  statusesOf,
  markEntries,
  referenceInWords,
  rowInWords,
  sortedByValue,
  unsetEntries,
  unsetInWords,
  unsetPlans,
  yearsCaption,
} from './shared';
import { idFrom, round } from './svg';
import type { ChartVariant, TargetComparisonGeometry, TargetComparisonInput, TargetRow } from './types';

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
 * The narrow variant: 320 units, drawn at about its own size on a 320–414 px phone (so 13 units stay about
 * 13 px), each row a label line over a full-width bar.
 */
export const TARGET_COMPARISON_NARROW = {
  ...TARGET_COMPARISON,
  width: 320,
  rowHeight: 40,
  barHeight: 14,
  tickCount: 4,
} as const;

/** Width a stacked row needs: its label, a gap and its value text on one line. */
function stackedRowWidth(row: TargetRow, fontSize: number): number {
  return (
    textWidth(rowLabel(row.plan, row.scope, row.status), fontSize) +
    GAP +
    textWidth(markTrailingText(row), fontSize)
  );
}

/**
 * Lays out the comparison of one indicator's targets across plans. Rows are grouped by plan, plans ordered
 * by their binding value (largest first), binding before incentive/aspiration within a plan; unset plans
 * follow. Throws when a row's unit differs from the indicator's (units must be normalised first).
 */
export function targetComparison(
  input: TargetComparisonInput,
  variant: ChartVariant = 'wide',
): TargetComparisonGeometry {
  const { indicator } = input;
  const C = variant === 'narrow' ? TARGET_COMPARISON_NARROW : TARGET_COMPARISON;
  const stacked = variant === 'narrow';
  assertRows(input.rows, indicator.unit, `chart ${indicator.id}`);
  const rows = sortedByValue(input.rows);
  const unset = unsetPlans(rows, input.unset);
  const reference = input.reference ?? null;
  const baseId = input.id ?? idFrom('chart', indicator.id);
  const id = variant === 'narrow' ? `${baseId}-narrow` : baseId;
  const title = input.title ?? `「${indicator.name}」各方案目标对比`;
  // A narrow chart widens (and so draws smaller) rather than let a long label and value run off its edge.
  const width = stacked
    ? Math.max(C.width, ...rows.map((row) => stackedRowWidth(row, C.fontSize) + 2 * C.margin))
    : C.width;
  const inner = width - 2 * C.margin;

  const legendY = C.margin + C.fontSize / 2 + 2;
  const legend = legendItems(
    new Set(rows.map((row) => row.ambition)),
    reference !== null,
    C.margin,
    legendY,
    C.fontSize,
    statusesOf(rows),
    inner,
  );
  // Room above the plot for the reference label.
  const plotTop = legendBottom(legend, legendY) + C.fontSize + (reference ? C.fontSize + 16 : 8);

  const layout = layoutBands({
    entries: [...markEntries(rows), ...unsetEntries(unset)],
    unit: indicator.unit,
    reference,
    x: C.margin,
    y: plotTop,
    width: inner,
    fontSize: C.fontSize,
    rowHeight: C.rowHeight,
    barHeight: C.barHeight,
    tickCount: C.tickCount,
    stacked,
  });

  const years = commonYears(rows);
  const axisTitleText = `${indicator.name}（${indicator.unit}${years ? `，${years}` : ''}）`;
  // Centred under a wide plot; in a narrow one it wraps to the plot's width.
  const axisTitle = stacked ? wrapText(axisTitleText, inner, C.fontSize) : [axisTitleText];
  const axisTitleLineHeight = C.captionLineHeight;
  const axisTitleY = round(layout.bottom + C.fontSize + 4);
  const axisTitleEnd = axisTitleY + (axisTitle.length - 1) * axisTitleLineHeight;
  const caption = yearsCaption(rows).flatMap((line) => wrapText(line, inner, C.fontSize));
  const captionY = round(axisTitleEnd + C.captionLineHeight + 4);
  const height = round(
    caption.length > 0
      ? captionY + (caption.length - 1) * C.captionLineHeight + C.margin + 4
      : axisTitleEnd + C.margin + 4,
  );

  const parts = [`${title}，按目标值从高到低排列`];
  for (const status of statusesOf(rows)) parts.push(`标注“${status.label}”的数值以斜线条纹绘制`);
  if (years) parts.push(`各方案年份相同：${years}`);
  if (rows.length > 0) parts.push(rows.map((row) => rowInWords(row, years === null)).join('；'));
  if (reference) parts.push(referenceInWords(reference, indicator.unit));
  if (unset.length > 0) parts.push(`未设定量目标：${unsetInWords(unset)}`);

  return {
    id,
    width: round(width),
    height,
    fontSize: C.fontSize,
    title,
    description: `${parts.join('。')}。`,
    indicator,
    axisTitle,
    axisTitleY,
    axisTitleLineHeight,
    legend,
    layout,
    caption,
    captionY,
  };
}
