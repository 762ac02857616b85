/** Checks and wording shared by the chart layouts. */
import {
  AMBITION_ORDER,
  AMBITION_SHAPE,
  parentPrinted,
  rowLabel,
  rowPrinted,
  rowPrintedInWords,
  textWidth,
} from './format';
import { AMBITION, withUnit, yearsInWords } from '../vocabulary';
import type { BandEntry } from './layout';
import type { ChartStatus, LegendItem, ReferenceValue, TargetRow, UnsetPlan } from './types';
import type { Ambition } from '../model/plan';

/**
 * An honest shared scale needs one unit: a row in 万吨 next to rows in 吨 would be off by 10⁴. Units are
 * normalised upstream; a mismatch here is a bug, reported rather than drawn.
 */
export function assertRows(rows: readonly TargetRow[], unit: string, what: string): void {
  for (const row of rows) {
    if (row.unit !== unit) {
      throw new Error(`${what}: ${row.planId} has unit "${row.unit}", the chart's unit is "${unit}"`);
    }
    if (!Number.isFinite(row.value)) throw new Error(`${what}: ${row.planId} has no finite value`);
    if (row.parent && !Number.isFinite(row.parent.value)) {
      throw new Error(`${what}: ${row.planId} has a parent value that is not finite`);
    }
  }
}

/** Plans that set a number are not also listed as unset; each unset plan is listed once, in input order. */
export function unsetPlans(rows: readonly TargetRow[], unset: readonly UnsetPlan[] | undefined): UnsetPlan[] {
  const seen = new Set(rows.map((row) => row.planId));
  const out: UnsetPlan[] = [];
  for (const plan of unset ?? []) {
    if (seen.has(plan.planId)) continue;
    seen.add(plan.planId);
    out.push(plan);
  }
  return out;
}

/** Code-point comparison: deterministic on every machine, unlike locale collation. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A plan's rows: binding before incentive before aspiration, then larger values first. */
export function compareWithinPlan(a: TargetRow, b: TargetRow): number {
  return (
    AMBITION_ORDER[a.ambition] - AMBITION_ORDER[b.ambition] ||
    b.value - a.value ||
    compareText(a.scope ?? '', b.scope ?? '')
  );
}

/**
 * The order a comparison is drawn in (按目标值): every row by its value, largest first, whichever plan it
 * belongs to; among equal values binding before incentive before aspiration, then by plan id and scope, so
 * the order never depends on input order.
 */
export function sortedByValue(rows: readonly TargetRow[]): TargetRow[] {
  return [...rows].sort(
    (a, b) =>
      b.value - a.value ||
      AMBITION_ORDER[a.ambition] - AMBITION_ORDER[b.ambition] ||
      compareText(a.planId, b.planId) ||
      compareText(a.scope ?? '', b.scope ?? ''),
  );
}

/**
 * Groups rows by plan and orders the plans by their headline value, largest first: the first binding value,
 * else the largest. Ties go by plan id so the order never depends on input order.
 */
export function sortedByPlan(rows: readonly TargetRow[]): TargetRow[] {
  const groups = new Map<string, TargetRow[]>();
  for (const row of rows) {
    const group = groups.get(row.planId);
    if (group) group.push(row);
    else groups.set(row.planId, [row]);
  }
  const ordered = [...groups.entries()].map(([planId, group]) => {
    const sorted = [...group].sort(compareWithinPlan);
    return { planId, rows: sorted, key: (sorted[0] as TargetRow).value };
  });
  ordered.sort((a, b) => b.key - a.key || compareText(a.planId, b.planId));
  return ordered.flatMap((g) => g.rows);
}

export function markEntries(rows: readonly TargetRow[]): BandEntry[] {
  return rows.map((row) => ({ type: 'mark', row }));
}

export function unsetEntries(plans: readonly UnsetPlan[]): BandEntry[] {
  return plans.map((plan) => ({ type: 'unset', plan }));
}

/** The (baseline, target) pairs of the rows, distinct, in first-seen order. */
function yearPairs(rows: readonly TargetRow[]): string[] {
  return [...new Set(rows.map((row) => yearsInWords(row.baselineYear, row.targetYear)))];
}

/** The years every row shares, e.g. 比2020年，到2025年; null when they differ. */
export function commonYears(rows: readonly TargetRow[]): string | null {
  const pairs = yearPairs(rows);
  return pairs.length === 1 ? (pairs[0] as string) : null;
}

/** Caption lines naming each row's years, only when the rows do not share them. */
export function yearsCaption(rows: readonly TargetRow[]): string[] {
  if (rows.length === 0 || commonYears(rows) !== null) return [];
  return [
    '注：各方案基准年、目标年不同——',
    ...rows.map(
      (row) =>
        `${rowLabel(row.plan, row.scope, row.status)}：${yearsInWords(row.baselineYear, row.targetYear)}`,
    ),
  ];
}

/** One row in words for the description. */
export function rowInWords(row: TargetRow, withYears: boolean): string {
  const years = withYears ? `（${yearsInWords(row.baselineYear, row.targetYear)}）` : '';
  const parent = row.parent ? `，上级${row.parent.label}${parentPrinted(row.parent, row.unit)}` : '';
  // The normalised value beside a printed form in other units, so values in one description compare.
  const normalised = withUnit(row.value, row.unit);
  const also = rowPrinted(row) === normalised ? '' : `${normalised}，`;
  return `${rowLabel(row.plan, row.scope, row.status)}${rowPrintedInWords(row)}（${also}${AMBITION[row.ambition]}）${years}${parent}`;
}

export function unsetInWords(plans: readonly UnsetPlan[]): string {
  return plans
    .map((plan) => `${rowLabel(plan.plan, null, plan.status)}${plan.note ? `（${plan.note}）` : ''}`)
    .join('、');
}

export function referenceInWords(reference: ReferenceValue, unit: string): string {
  return `参考线：${reference.label}${withUnit(reference.value, unit)}`;
}

const SWATCH = 12;

/** The status marks of the rows, once each in first-seen order: each gets a legend entry. */
export function statusesOf(rows: readonly TargetRow[]): ChartStatus[] {
  const seen = new Map<string, ChartStatus>();
  for (const row of rows)
    for (const mark of row.status ?? []) if (!seen.has(mark.id)) seen.set(mark.id, mark);
  return [...seen.values()];
}

/** Vertical distance between legend lines when the legend wraps. */
export const LEGEND_LINE_HEIGHT_EM = 1.6;

/**
 * Legend entries for the ambitions present (shape + name), the reference line and the status marks (a hatched
 * swatch: 征求意见稿), laid out left to right and wrapped to a new line past `maxWidth`.
 */
export function legendItems(
  ambitions: ReadonlySet<Ambition>,
  hasReference: boolean,
  x: number,
  y: number,
  fontSize: number,
  statuses: readonly ChartStatus[] = [],
  maxWidth = Number.POSITIVE_INFINITY,
): LegendItem[] {
  const items: LegendItem[] = [];
  let cursor = x;
  let line = y;
  const push = (shape: LegendItem['shape'], label: string) => {
    const width = SWATCH + 6 + textWidth(label, fontSize);
    if (cursor > x && cursor + width > x + maxWidth) {
      cursor = x;
      line += fontSize * LEGEND_LINE_HEIGHT_EM;
    }
    items.push({ shape, label, x: cursor, y: line });
    cursor += width + 18;
  };
  for (const ambition of ['binding', 'incentive', 'aspiration'] as const) {
    if (ambitions.has(ambition)) push(AMBITION_SHAPE[ambition], AMBITION[ambition]);
  }
  if (hasReference) push('reference', '参考值');
  for (const status of statuses) push('draft', status.label);
  return items;
}

/** The baseline of the legend's last line (its first line when it does not wrap). */
export function legendBottom(items: readonly LegendItem[], y: number): number {
  return Math.max(y, ...items.map((item) => item.y));
}

export const LEGEND_SWATCH = SWATCH;
