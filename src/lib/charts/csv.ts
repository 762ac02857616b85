/**
 * A chart's data as CSV, with the provenance of every number: which plan, which clause (source_url), which
 * years and scope. Made for Excel: UTF-8 with a BOM, CRLF, one header row, formula-like text defused. Like the
 * `/data/` tables it comes in two headings (`../export/table.ts`): English headers with machine values, and
 * 中文列名 with the site's words for them (征求意见稿, 不低于, 约束性目标), same columns, same rows.
 */
import { writeTable, type Column, type CsvLanguage } from '../export/table';
import { figuresOf } from '../model/figures';
import type { Ambition, Comparator } from '../model/plan';
import { AMBITION, COMPARATOR_LONG, STATUS } from '../vocabulary';
import { rowPrinted } from './format';
import type {
  ChartIndicator,
  ChartStatus,
  SmallMultiplesInput,
  TargetComparisonInput,
  TargetRow,
  UnsetPlan,
} from './types';

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
  /** The indicator's catalogue name, e.g. 单位地区生产总值能耗降低. */
  indicatorName: string;
  value: number | null;
  /** The value and unit as the plan prints them (44.7万立方米/日), the form every chart label shows. */
  valueAsPrinted: string | null;
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

/** `draft` for a 征求意见稿, else `final`, as in `/data/indicators.csv`: a draft's copied row still says so. */
function statusOf(row: ChartDataRow): 'draft' | 'final' {
  return row.status.some((mark) => mark.id === 'draft') ? 'draft' : 'final';
}

/** The columns of a chart's CSV, each with its English and Chinese header. */
const COLUMNS: readonly Column<ChartDataRow>[] = [
  { key: 'plan_id', zh: '方案标识', cell: (row) => row.planId },
  { key: 'plan', zh: '方案简称', cell: (row) => row.plan },
  { key: 'plan_title', zh: '方案名称', cell: (row) => row.planTitle },
  { key: 'status', zh: '文件状态', cell: statusOf, zhCell: (row) => STATUS[statusOf(row)] },
  { key: 'indicator', zh: '指标标识', cell: (row) => row.indicator },
  { key: 'indicator_name', zh: '指标名称', cell: (row) => row.indicatorName },
  { key: 'value', zh: '目标值', cell: (row) => row.value },
  { key: 'value_as_printed', zh: '原文数值', cell: (row) => row.valueAsPrinted },
  { key: 'unit', zh: '单位', cell: (row) => row.unit },
  {
    key: 'comparator',
    zh: '比较方式',
    cell: (row) => row.comparator,
    zhCell: (row) => (row.comparator ? COMPARATOR_LONG[row.comparator] : null),
  },
  {
    key: 'ambition',
    zh: '目标性质',
    cell: (row) => row.ambition,
    zhCell: (row) => (row.ambition ? AMBITION[row.ambition] : null),
  },
  { key: 'baseline_year', zh: '基准年', cell: (row) => row.baselineYear },
  { key: 'target_year', zh: '目标年', cell: (row) => row.targetYear },
  { key: 'scope', zh: '范围', cell: (row) => row.scope },
  { key: 'jurisdiction', zh: '目标所属地区', cell: (row) => row.jurisdiction },
  { key: 'source_url', zh: '链接', cell: (row) => row.sourceUrl },
];

/** The English headers, in order. */
export const CHART_CSV_COLUMNS: readonly string[] = COLUMNS.map((column) => column.key);

function fromTarget(indicator: ChartIndicator, row: TargetRow): ChartDataRow {
  return {
    planId: row.planId,
    plan: row.plan,
    planTitle: row.planTitle ?? null,
    status: row.status ?? [],
    indicator: indicator.id,
    indicatorName: indicator.name,
    ...figuresOf(row),
    valueAsPrinted: rowPrinted(row),
    jurisdiction: row.plan,
    sourceUrl: row.href,
  };
}

function fromUnset(indicator: ChartIndicator, plan: UnsetPlan): ChartDataRow {
  return {
    planId: plan.planId,
    plan: plan.plan,
    planTitle: plan.planTitle ?? null,
    status: plan.status ?? [],
    indicator: indicator.id,
    indicatorName: indicator.name,
    value: null,
    valueAsPrinted: null,
    unit: indicator.unit,
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
  const { indicator } = input;
  const withValue = new Set(input.rows.map((row) => row.planId));
  return [
    ...input.rows.map((row) => fromTarget(indicator, row)),
    ...(input.unset ?? [])
      .filter((plan) => !withValue.has(plan.planId))
      .map((plan) => fromUnset(indicator, plan)),
  ];
}

/** The rows of every panel of a small-multiples chart, panel by panel. */
export function smallMultiplesData(input: SmallMultiplesInput): ChartDataRow[] {
  return input.panels.flatMap((panel) =>
    targetComparisonData({ indicator: panel.indicator, rows: panel.rows, unset: panel.unset }),
  );
}

/**
 * Serialises chart rows as CSV: UTF-8 with BOM, CRLF, one header row, empty cells for unknown values. `en`:
 * header `plan_id,plan,plan_title,status,indicator,indicator_name,value,value_as_printed,unit,comparator,ambition,baseline_year,
 * target_year,scope,jurisdiction,source_url` with machine values (`draft`, `>=`, `binding`); `zh`: 方案标识,
 * 方案简称… with the same values in words (征求意见稿, 不低于, 约束性目标).
 */
export function chartCsv(rows: readonly ChartDataRow[], language: CsvLanguage = 'en'): string {
  return writeTable(COLUMNS, rows, language);
}
