/**
 * The data of an indicator page's chart, from the plans: each plan's own targets as rows (in the order the chart
 * draws them, so the data table below can list the same rows one to one), a higher level's value where the plan
 * states it or the corpus has the parent plan, the national reference when it is in the indicator's unit, and
 * the plans that set no number. `chartRowsFromPlans` knows parents only from the corpus; here a value a plan
 * states for its parent (黔江's annex columns for 重庆市, scope 重庆市) becomes that parent's value too,
 * never a target of the plan itself.
 */
import { figuresOf } from '../model/figures';
import type { PlanSummary, Target } from '../model/plan';
import { paths } from '../urls';
import { targetComparisonData, type ChartDataRow } from './csv';
import { AMBITION_ORDER } from './format';
import { asPrinted } from '../vocabulary';
import { chartStatus, parentValue, statusField, targetRow } from './from-plans';
import { sortedByValue } from './shared';
import type {
  BarMark,
  ChartIndicator,
  ParentValue,
  ReferenceValue,
  SmallMultiplesInput,
  TargetComparisonInput,
  TargetRow,
  UnsetPlan,
} from './types';
import { planLabel } from '../model/label';

/** What a chart needs to know about an indicator (the site's catalogue entry fits). */
export interface IndicatorForChart {
  id: string;
  name: string;
  /** Null for indicators without one unit (the unclassified page): such an indicator has no chart. */
  unit: string | null;
  national: {
    value: number;
    unit: string;
    /** e.g. 国发〔2021〕33号 二、主要目标; the label keeps the document number. */
    document: string;
  } | null;
  /** A short panel name for small multiples, e.g. 化学需氧量 COD. */
  shortName?: string | undefined;
}

/** One mark of the chart with the target behind it. */
export interface ChartEntry {
  plan: PlanSummary;
  target: Target;
  row: TargetRow;
  /**
   * Where the parent's value (`row.parent`) is stated: the plan itself (`stated`, e.g. 黔江's annex column for
   * 重庆市) or the parent plan in the corpus. Null without a parent value.
   */
  parent: ParentSource | null;
}

/** The target giving a parent value, and the plan whose document states it. */
export interface ParentSource {
  plan: PlanSummary;
  target: Target;
  /** True when the plan states its parent's value itself; false when it is the parent plan's own target. */
  stated: boolean;
}

/** A parent value a plan states for a plan that sets no number of its own. */
export interface UnsetEntry {
  plan: PlanSummary;
  parentTarget: Target | null;
}

export interface IndicatorChartData {
  input: TargetComparisonInput;
  /** One per mark, in the chart's order. */
  entries: ChartEntry[];
  /** Plans listed as 未设定量目标, in corpus order. */
  unset: UnsetEntry[];
  /** Targets left out because their unit is not the indicator's (a shared scale needs one unit). */
  otherUnit: { plan: PlanSummary; target: Target }[];
}

export interface IndicatorChartOptions {
  /** Turns a root-relative public path into the URL written into the chart (base, or origin + base). */
  link: (path: string) => string;
}

/**
 * The national reference drawn as a line: only in the indicator's own unit (the national pollutant targets
 * are % of total emissions, the plans' tonnes of reductions). Labelled 全国（国发〔2021〕33号）.
 */
export function referenceFor(indicator: IndicatorForChart): ReferenceValue | null {
  const national = indicator.national;
  if (!national || indicator.unit === null || national.unit !== indicator.unit) return null;
  const documentNumber = national.document.split(/\s+/)[0] ?? national.document;
  return { value: national.value, label: `全国（${documentNumber}）` };
}

/**
 * The jurisdiction a target belongs to when it is not the plan's own (黔江's annex lists 重庆市's values), or
 * null for the plan's own targets. Such a value is drawn as the parent's, never as the plan's.
 */
export function parentScopeOf(plan: PlanSummary, target: Target): string | null {
  const jurisdiction = target.jurisdiction;
  return jurisdiction === null || jurisdiction === plan.region ? null : jurisdiction;
}

/** Binding before incentive before aspiration; the first stated among equals. */
function headline(targets: readonly Target[]): Target | undefined {
  return [...targets].sort((a, b) => AMBITION_ORDER[a.ambition] - AMBITION_ORDER[b.ambition])[0];
}

/** The permalink of the place stating a target: its first source (a clause, or an annex table). */
export function sourcePath(plan: PlanSummary, target: Target): string {
  const source = target.sources[0];
  return source ? paths.clause(plan.id, source.clauseId) : paths.plan(plan.id);
}

function chartIndicator(indicator: IndicatorForChart, unit: string): ChartIndicator {
  return { id: indicator.id, name: indicator.name, unit, shortName: indicator.shortName };
}

/**
 * Everything the target comparison of one indicator shows, from `plans` (in the order the page lists plans).
 * Returns null for an indicator without a unit. Rows come in chart order: `entries[i]` is the i-th mark.
 */
export function indicatorChartData(
  plans: readonly PlanSummary[],
  indicator: IndicatorForChart,
  options: IndicatorChartOptions,
): IndicatorChartData | null {
  const unit = indicator.unit;
  if (unit === null) return null;
  const byId = new Map(plans.map((plan) => [plan.id, plan]));
  const entryOf = new Map<TargetRow, ChartEntry>();
  const rows: TargetRow[] = [];
  const unset: UnsetEntry[] = [];
  const otherUnit: { plan: PlanSummary; target: Target }[] = [];

  for (const plan of plans) {
    const parentPlan = (plan.parent !== null ? byId.get(plan.parent) : undefined) ?? null;
    const all = plan.targets.filter((t) => t.indicatorId === indicator.id);
    const inUnit = all.filter((t) => t.unit === unit);
    for (const target of all) if (target.unit !== unit) otherUnit.push({ plan, target });
    const own = inUnit.filter((t) => parentScopeOf(plan, t) === null);
    const stated = headline(inUnit.filter((t) => parentScopeOf(plan, t) !== null)) ?? null;
    const fromPlan =
      parentPlan === null
        ? undefined
        : headline(
            parentPlan.targets.filter(
              (t) =>
                t.indicatorId === indicator.id &&
                t.unit === unit &&
                t.scope === null &&
                parentScopeOf(parentPlan, t) === null,
            ),
          );

    if (own.length === 0) {
      unset.push({ plan, parentTarget: stated });
      continue;
    }
    let parent: ParentValue | null = null;
    let parentSource: ParentSource | null = null;
    // The parent plan's own target first, else what the plan states for its parent: the order the
    // comparison column beside it follows (src/lib/lineage/), so a row never shows one value and is held
    // against another.
    if (parentPlan && fromPlan) {
      parent = parentValue(fromPlan, planLabel(parentPlan));
      parentSource = { plan: parentPlan, target: fromPlan, stated: false };
    } else if (stated) {
      parent = parentValue(stated, stated.jurisdiction as string);
      parentSource = { plan, target: stated, stated: true };
    }

    for (const target of own) {
      const row = targetRow(plan, target, options.link(sourcePath(plan, target)), parent);
      rows.push(row);
      entryOf.set(row, { plan, target, row, parent: parentSource });
    }
  }

  const ordered = sortedByValue(rows);
  const unsetPlans: UnsetPlan[] = unset.map(({ plan, parentTarget }) => ({
    planId: plan.id,
    plan: planLabel(plan),
    planTitle: plan.title,
    href: options.link(paths.plan(plan.id)),
    ...statusField(plan),
    ...(parentTarget ? { note: `仅列出${parentTarget.jurisdiction}目标` } : {}),
  }));
  return {
    input: {
      indicator: chartIndicator(indicator, unit),
      rows: ordered,
      unset: unsetPlans,
      reference: referenceFor(indicator),
    },
    entries: ordered.map((row) => entryOf.get(row) as ChartEntry),
    unset,
    otherUnit,
  };
}

/**
 * Several indicators as small multiples (the four pollutant reductions in tonnes), each panel built as its
 * indicator page's chart. Indicators without a unit are left out.
 */
export function smallMultiplesFromPlans(
  plans: readonly PlanSummary[],
  indicators: readonly IndicatorForChart[],
  options: IndicatorChartOptions & { id: string; title: string },
): { input: SmallMultiplesInput; panels: IndicatorChartData[] } {
  const panels = indicators.flatMap((indicator) => {
    const data = indicatorChartData(plans, indicator, options);
    return data ? [data] : [];
  });
  return {
    input: {
      id: options.id,
      title: options.title,
      panels: panels.map(({ input }) => ({
        indicator: input.indicator,
        rows: input.rows,
        unset: input.unset,
        reference: input.reference,
      })),
    },
    panels,
  };
}

/**
 * The entries behind a band layout's marks, in the marks' order. A mark is keyed `<planId>-<n>`: the n-th row
 * of that plan in the layout's within-plan order, which is the entries' order too.
 */
export function entriesInMarkOrder(marks: readonly BarMark[], entries: readonly ChartEntry[]): ChartEntry[] {
  const byPlan = new Map<string, ChartEntry[]>();
  for (const entry of entries) byPlan.set(entry.plan.id, [...(byPlan.get(entry.plan.id) ?? []), entry]);
  return marks.map((mark) => {
    const n = Number(mark.key.slice(mark.planId.length + 1));
    const entry = byPlan.get(mark.planId)?.[n - 1];
    if (!entry || mark.key !== `${mark.planId}-${n}`) throw new Error(`no entry for mark ${mark.key}`);
    return entry;
  });
}

/**
 * The chart's CSV rows: its marks and unset plans (`targetComparisonData`), and after each plan the value it
 * states for its parent, with that parent's name as the scope and the stating place as the source.
 */
export function chartDataRows(data: IndicatorChartData, options: IndicatorChartOptions): ChartDataRow[] {
  const rows = targetComparisonData(data.input);
  const stated = new Map<string, { plan: PlanSummary; target: Target }>();
  for (const entry of data.entries) {
    if (entry.parent?.stated && !stated.has(entry.plan.id))
      stated.set(entry.plan.id, { plan: entry.plan, target: entry.parent.target });
  }
  for (const { plan, parentTarget } of data.unset) {
    if (parentTarget && !stated.has(plan.id)) stated.set(plan.id, { plan, target: parentTarget });
  }
  const out: ChartDataRow[] = [];
  rows.forEach((row, i) => {
    out.push(row);
    const parent = stated.get(row.planId);
    if (!parent || rows[i + 1]?.planId === row.planId) return;
    const { plan, target } = parent;
    out.push({
      planId: plan.id,
      plan: planLabel(plan),
      planTitle: plan.title,
      status: chartStatus(plan),
      indicator: row.indicator,
      indicatorName: row.indicatorName,
      ...figuresOf(target),
      valueAsPrinted: asPrinted(target),
      jurisdiction: target.jurisdiction,
      sourceUrl: options.link(sourcePath(plan, target)),
    });
  });
  return out;
}
