/** An indicator catalogue entry → what comparisons need of it. */
import type { Ambition, Comparator, PlanSummary } from '../model/plan';
import { lineageOf } from './tree';
import type { IndicatorRule, VerdictContext } from './verdicts';

/** The catalogue fields a rule reads (the catalogue's `Indicator` fits). */
export interface RuleSource {
  direction: 'increase' | 'decrease';
  categorical?: boolean | undefined;
  national: {
    value: number;
    unit: string;
    comparator: Comparator;
    ambition?: Ambition | undefined;
    baselineYear: number | null;
    targetYear: number | null;
    document: string;
  } | null;
}

export function indicatorRule(source: RuleSource): IndicatorRule {
  const national = source.national;
  return {
    direction: source.direction,
    categorical: source.categorical ?? false,
    national:
      national === null
        ? null
        : {
            value: national.value,
            unit: national.unit,
            comparator: national.comparator,
            // 33号's 主要目标 are binding; the catalogue records another ambition where one differs.
            ambition: national.ambition ?? 'binding',
            baselineYear: national.baselineYear,
            targetYear: national.targetYear,
            document: national.document,
          },
  };
}

/**
 * What `verdictsFor` needs for a corpus: its lineage and the rule of every catalogue indicator (`unclassified`
 * has none, so its targets are held against nothing).
 */
export function verdictContext(
  plans: readonly PlanSummary[],
  indicators: Iterable<RuleSource & { id: string }>,
): VerdictContext {
  const rules = new Map<string, IndicatorRule>();
  for (const indicator of indicators) rules.set(indicator.id, indicatorRule(indicator));
  return { lineage: lineageOf(plans), indicator: (id) => rules.get(id) };
}
