/**
 * How one indicator's values spread across a region's plans: one value per plan (its own headline target in
 * the indicator's unit, for the whole jurisdiction), with quartiles, and the plans left out said apart. A
 * value a plan lists for its parent (黔江's annex column for 重庆市) is the parent's, never the plan's.
 */
import { quantileSorted } from 'd3';
import type { Ambition, PlanSummary, Target } from '../model/plan';

/** Binding before incentive before aspiration: the value a plan is held to. */
const AMBITION_ORDER: Record<Ambition, number> = { binding: 0, incentive: 1, aspiration: 2 };

export interface IndicatorRef {
  id: string;
  /** The catalogue's unit; values in another unit are not on the same axis. */
  unit: string;
}

export interface DistributionPoint {
  plan: PlanSummary;
  target: Target;
}

export interface DistributionStats {
  count: number;
  min: number;
  lowerQuartile: number;
  median: number;
  upperQuartile: number;
  max: number;
}

export interface Distribution {
  indicator: IndicatorRef;
  /** One per plan, smallest value first (ties by plan id), drafts included and marked by their plan. */
  points: DistributionPoint[];
  /** Over every point; null without points. */
  stats: DistributionStats | null;
  /** Over adopted plans only, when some points are drafts (a draft's value may change); else null. */
  finalStats: DistributionStats | null;
  /** Plans that state the indicator only in another unit or for part of their area (市本级): not counted. */
  notComparable: PlanSummary[];
}

/** The targets a plan sets for itself (not the values it lists for its parent). */
export function ownTargets(plan: PlanSummary, indicatorId: string): Target[] {
  return plan.targets.filter(
    (t) => t.indicatorId === indicatorId && (t.jurisdiction === null || t.jurisdiction === plan.region),
  );
}

/** The value a plan is held to among several for one indicator: binding first, then the first stated. */
export function headlineTarget(targets: readonly Target[]): Target | undefined {
  return [...targets].sort((a, b) => AMBITION_ORDER[a.ambition] - AMBITION_ORDER[b.ambition])[0];
}

function statsOf(values: readonly number[]): DistributionStats | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const q = (p: number) => quantileSorted(sorted, p) as number;
  return {
    count: sorted.length,
    min: sorted[0] as number,
    lowerQuartile: q(0.25),
    median: q(0.5),
    upperQuartile: q(0.75),
    max: sorted[sorted.length - 1] as number,
  };
}

/** The distribution of one indicator over `plans`. */
export function distributionOf(plans: readonly PlanSummary[], indicator: IndicatorRef): Distribution {
  const points: DistributionPoint[] = [];
  const notComparable: PlanSummary[] = [];
  for (const plan of plans) {
    const own = ownTargets(plan, indicator.id);
    if (own.length === 0) continue;
    const target = headlineTarget(own.filter((t) => t.unit === indicator.unit && t.scope === null));
    if (target) points.push({ plan, target });
    else notComparable.push(plan);
  }
  points.sort((a, b) => a.target.value - b.target.value || a.plan.id.localeCompare(b.plan.id));
  const hasDrafts = points.some((p) => p.plan.status === 'draft');
  return {
    indicator,
    points,
    stats: statsOf(points.map((p) => p.target.value)),
    finalStats: hasDrafts
      ? statsOf(points.filter((p) => p.plan.status !== 'draft').map((p) => p.target.value))
      : null,
    notComparable,
  };
}
