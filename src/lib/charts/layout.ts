/**
 * The band layout shared by every chart: one row per target (or per plan without a number), a bar from zero
 * to the value on a linear scale that starts at zero, value labels after the bars, ticks below. The target
 * comparison is one band layout; the small multiples are four.
 */
import { figuresOf } from '../model/figures';
import { extent, scaleLinear } from 'd3';
import {
  AMBITION_SHAPE,
  parentPrinted,
  rowLabel,
  rowPrinted,
  rowValueLabel,
  textWidth,
  unsetText,
} from './format';
import {
  AMBITION,
  AMBITION_SUFFIX,
  COMPARATOR,
  formatNumber,
  valueInWords,
  withUnit,
  yearsInWords,
} from '../vocabulary';
import { round, safeHref } from './svg';
import type { BandLayout, BarMark, ReferenceValue, TargetRow, UnsetPlan, UnsetRow } from './types';

export type BandEntry = { type: 'mark'; row: TargetRow } | { type: 'unset'; plan: UnsetPlan };

export interface BandOptions {
  entries: readonly BandEntry[];
  unit: string;
  reference: ReferenceValue | null;
  /** Left edge, top of the first row, total width. */
  x: number;
  y: number;
  width: number;
  fontSize: number;
  rowHeight: number;
  barHeight: number;
  /** Approximate number of ticks (d3 picks round values). */
  tickCount: number;
  /** Further values the scale must cover, for a scale shared with other panels. */
  domainValues?: readonly number[] | undefined;
  /** Minimum width of the label column and of the value-label margin, to align panels. */
  labelWidth?: number | undefined;
  valueWidth?: number | undefined;
  /**
   * Each row's label and value on a line of their own above its bar, the bars spanning the whole width: a
   * narrow chart has no room for a label column. `rowHeight` must then hold a text line and the bar.
   */
  stacked?: boolean | undefined;
}

/** Space between the row labels and the plot, and between a bar's end and its value label. */
export const GAP = 8;
export const MIN_PLOT_WIDTH = 60;

/**
 * The printed text after a bar: the value as the plan prints it (≥14.5%, 44.7万立方米/日) with its ambition
 * (激励), and the parent's value where known.
 */
export function markTrailingText(row: TargetRow): string {
  const suffix = AMBITION_SUFFIX[row.ambition];
  const parent = row.parent ? `  ${parentText(row.parent.label, parentPrinted(row.parent, row.unit))}` : '';
  return `${rowValueLabel(row)}${suffix ? ` ${suffix}` : ''}${parent}`;
}

function parentText(label: string, printed: string): string {
  return `上级${label} ${printed}`;
}

/**
 * The accessible label of one mark: the plan, the text printed after the bar word for word — a name must
 * contain what the link shows (WCAG 2.5.3, axe's label-content-name-mismatch) — then in words the normalised
 * value the bar is drawn to, its ambition and years.
 */
export function markAriaLabel(row: TargetRow): string {
  // The normalised value in words where the label does not already say it: a comparator glyph (≥ → 以上) or
  // a printed form in other units (44.7万立方米/日 → 447000立方米/日). Words with the value after them
  // (百分之十五点五（15.5%）, 全面（100%）) already say it.
  const printed = rowPrinted(row);
  const normalised = withUnit(row.value, row.unit);
  const plain = row.comparator === '=' && (printed === normalised || printed.endsWith(`（${normalised}）`));
  const words = [
    ...(plain ? [] : [valueInWords(row.value, row.unit, row.comparator)]),
    AMBITION[row.ambition],
    yearsInWords(row.baselineYear, row.targetYear),
  ];
  return `${rowLabel(row.plan, row.scope, row.status)}：${markTrailingText(row)}（${words.join('，')}）`;
}

function entryLabel(entry: BandEntry): string {
  return entry.type === 'mark'
    ? rowLabel(entry.row.plan, entry.row.scope, entry.row.status)
    : rowLabel(entry.plan.plan, null, entry.plan.status);
}

/** Values the scale must cover: every row, its parent, the reference and anything shared. */
export function domainValuesOf(rows: readonly TargetRow[], reference: ReferenceValue | null): number[] {
  const values: number[] = [];
  for (const row of rows) {
    values.push(row.value);
    if (row.parent) values.push(row.parent.value);
  }
  if (reference) values.push(reference.value);
  return values;
}

/** Width of the widest value label of these rows. */
export function valueColumnWidth(rows: readonly TargetRow[], fontSize: number): number {
  return Math.max(0, ...rows.map((row) => textWidth(markTrailingText(row), fontSize)));
}

export function labelColumnWidth(entries: readonly BandEntry[], fontSize: number): number {
  return Math.max(0, ...entries.map((entry) => textWidth(entryLabel(entry), fontSize)));
}

/** Lays out one band chart. Pure: the same options give the same geometry. */
export function layoutBands(options: BandOptions): BandLayout {
  const { entries, unit, reference, fontSize, rowHeight, barHeight } = options;
  const stacked = options.stacked ?? false;
  const rows = entries.flatMap((entry) => (entry.type === 'mark' ? [entry.row] : []));

  const labelX = stacked
    ? options.x
    : options.x + Math.max(labelColumnWidth(entries, fontSize), options.labelWidth ?? 0);
  const valueWidth = Math.max(valueColumnWidth(rows, fontSize), options.valueWidth ?? 0);
  // Stacked, the bars start half a tick label in, so the 0 under their start stays inside the chart.
  const x0 = stacked ? options.x + fontSize * 0.8 : labelX + GAP;
  // Stacked, the value is printed on the label line, so the bars keep the width but half an end tick label.
  const x1 = stacked
    ? options.x + options.width - fontSize * 1.6
    : Math.max(x0 + MIN_PLOT_WIDTH, options.x + options.width - valueWidth - GAP);
  // Stacked rows: the label line in the upper part of the row, the bar in the lower part.
  const lineY = (rowTop: number) => rowTop + fontSize * 0.75;
  const barY = (rowTop: number) =>
    stacked ? rowTop + fontSize * 1.5 + barHeight / 2 : rowTop + rowHeight / 2;

  // Magnitudes are compared by length, so zero is always in the domain; nice() rounds the ends to ticks.
  const values = [0, ...domainValuesOf(rows, reference), ...(options.domainValues ?? [])];
  const [lo = 0, hi = 0] = extent(values);
  const scale = scaleLinear()
    .domain(lo === hi ? [lo, lo + 1] : [lo, hi])
    .range([x0, x1])
    .nice(options.tickCount);
  const [d0, d1] = scale.domain() as [number, number];
  const zero = scale(0);

  const top = options.y;
  const axisY = round(top + entries.length * rowHeight + 4);
  const ticks = scale.ticks(options.tickCount).map((value) => ({
    value,
    x: round(scale(value)),
    label: `${formatNumber(value)}${unit === '%' ? '%' : ''}`,
  }));

  const perPlan = new Map<string, number>();
  const marks: BarMark[] = [];
  const unset: UnsetRow[] = [];
  entries.forEach((entry, index) => {
    const rowTop = top + index * rowHeight;
    const cy = round(barY(rowTop));
    const rowLabelX = round(labelX);
    const rowLabelY = round(stacked ? lineY(rowTop) : cy);
    const label = entryLabel(entry);
    if (entry.type === 'unset') {
      const { plan } = entry;
      unset.push({
        planId: plan.planId,
        plan: plan.plan,
        label,
        href: safeHref(plan.href),
        text: unsetText(plan.note),
        cy,
        textX: round(x0),
        rowLabelX,
        rowLabelY,
      });
      return;
    }
    const { row } = entry;
    const n = (perPlan.get(row.planId) ?? 0) + 1;
    perPlan.set(row.planId, n);
    const end = scale(row.value);
    marks.push({
      key: `${row.planId}-${n}`,
      planId: row.planId,
      plan: row.plan,
      label,
      ...figuresOf(row),
      shape: AMBITION_SHAPE[row.ambition],
      glyph: COMPARATOR[row.comparator],
      suffix: AMBITION_SUFFIX[row.ambition],
      valueLabel: rowValueLabel(row),
      ariaLabel: markAriaLabel(row),
      status: (row.status ?? []).map((mark) => mark.id),
      href: safeHref(row.href) ?? '',
      x: round(Math.min(zero, end)),
      y: round(cy - barHeight / 2),
      width: round(Math.abs(end - zero)),
      height: barHeight,
      cy,
      labelX: round(stacked ? labelX + textWidth(label, fontSize) + GAP : Math.max(zero, end) + GAP * 0.75),
      labelY: rowLabelY,
      rowLabelX,
      rowLabelY,
      parent: row.parent
        ? {
            value: row.parent.value,
            label: row.parent.label,
            x: round(scale(row.parent.value)),
            text: parentText(row.parent.label, parentPrinted(row.parent, row.unit)),
          }
        : null,
    });
  });

  let referenceGeometry: BandLayout['reference'] = null;
  if (reference) {
    const x = round(scale(reference.value));
    const text = `${reference.label}：${withUnit(reference.value, unit)}`;
    const half = textWidth(text, fontSize) / 2;
    const left = options.x;
    const right = options.x + options.width;
    const textAnchor = x - half < left ? 'start' : x + half > right ? 'end' : 'middle';
    referenceGeometry = {
      value: reference.value,
      label: reference.label,
      text,
      x,
      y1: round(top - 6),
      y2: axisY,
      textX: x,
      textY: round(top - 10),
      textAnchor,
    };
  }

  return {
    labelX: round(labelX),
    labelAnchor: stacked ? 'start' : 'end',
    axis: { domain: [d0, d1], x0: round(x0), x1: round(x1), y: axisY, top: round(top - 4), ticks },
    marks,
    unset,
    reference: referenceGeometry,
    bottom: round(axisY + fontSize + 6),
  };
}
