/**
 * A chart's data as CSV, with the provenance of every number: which plan, which clause (source_url), which
 * years and scope. Made for Excel: UTF-8 with a BOM, CRLF, one header row, formula-like text defused.
 */
import { figuresOf } from '../model/figures';
import { writeCsv } from '../export/write-csv';
import type { Ambition, Comparator } from '../model/plan';
import type { ChartStatus, SmallMultiplesInput, TargetComparisonInput, TargetRow, UnsetPlan } from './types';

/** One CSV row. A plan without a number for the indicator has a row with empty value columns. */
export interface ChartDataRow {
  planId: string;
  plan: string;
  /** The plan's full title; null where the chart input does not carry it. */
  planTitle: string | null;
  /** The plan's status marks: a draft's row says `draft` in the `status` column. */
  status: readonly ChartStatus[];
  /** Indicator id (as in `/data/indicators.csv`). */
  indicator: string;
  value: number | null;
  unit: string;
  comparator: Comparator | null;
  ambition: Ambition | null;
  baselineYear: number | null;
  targetYear: number | null;
  scope: string | null;
  /** Whose value it is: the plan's own region, or the parent jurisdiction a plan lists a value for. */
  jurisdiction: string | null;
  /** The stating clause's permalink; for an unset plan, where to read it. */
  sourceUrl: string | null;
}

export const CHART_CSV_COLUMNS = [
  'plan_id',
  'plan',
  'plan_title',
  'status',
  'indicator',
  'value',
  'unit',
  'comparator',
  'ambition',
  'baseline_year',
  'target_year',
  'scope',
  'jurisdiction',
  'source_url',
] as const;

function fromTarget(indicator: string, row: TargetRow): ChartDataRow {
  return {
    planId: row.planId,
    plan: row.plan,
    planTitle: row.planTitle ?? null,
    status: row.status ?? [],
    indicator,
    ...figuresOf(row),
    jurisdiction: row.plan,
    sourceUrl: row.href,
  };
}

function fromUnset(indicator: string, unit: string, plan: UnsetPlan): ChartDataRow {
  return {
    planId: plan.planId,
    plan: plan.plan,
    planTitle: plan.planTitle ?? null,
    status: plan.status ?? [],
    indicator,
    value: null,
    unit,
    comparator: null,
    ambition: null,
    baselineYear: null,
    targetYear: null,
    scope: null,
    jurisdiction: plan.plan,
    sourceUrl: plan.href ?? null,
  };
}

/** The rows of a target comparison, in input order, then its unset plans. */
export function targetComparisonData(input: TargetComparisonInput): ChartDataRow[] {
  const { id, unit } = input.indicator;
  const withValue = new Set(input.rows.map((row) => row.planId));
  return [
    ...input.rows.map((row) => fromTarget(id, row)),
    ...(input.unset ?? [])
      .filter((plan) => !withValue.has(plan.planId))
      .map((plan) => fromUnset(id, unit, plan)),
  ];
}

/** The rows of every panel of a small-multiples chart, panel by panel. */
export function smallMultiplesData(input: SmallMultiplesInput): ChartDataRow[] {
  return input.panels.flatMap((panel) =>
    targetComparisonData({ indicator: panel.indicator, rows: panel.rows, unset: panel.unset }),
  );
}

/**
 * The `status` cell, as in `/data/indicators.csv`: `draft` for a 征求意见稿, else `final` — so a draft's value
 * copied out of the file still says it is one.
 */
function statusCell(status: readonly ChartStatus[]): string {
  return status.some((mark) => mark.id === 'draft') ? 'draft' : 'final';
}

/**
 * Serialises chart rows as CSV: UTF-8 with BOM, CRLF, header `plan_id,plan,plan_title,status,indicator,value,
 * unit,comparator,ambition,baseline_year,target_year,scope,jurisdiction,source_url`. Empty cells for unknown
 * values.
 */
export function chartCsv(rows: readonly ChartDataRow[]): string {
  const records = rows.map((row) => ({
    plan_id: row.planId,
    plan: row.plan,
    plan_title: row.planTitle,
    status: statusCell(row.status),
    indicator: row.indicator,
    value: row.value,
    unit: row.unit,
    comparator: row.comparator,
    ambition: row.ambition,
    baseline_year: row.baselineYear,
    target_year: row.targetYear,
    scope: row.scope,
    jurisdiction: row.jurisdiction,
    source_url: row.sourceUrl,
  }));
  return writeCsv(CHART_CSV_COLUMNS, records);
}
