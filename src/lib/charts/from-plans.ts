/**
 * From the plan model to chart rows: every target of one indicator, with the permalink of the clause that
 * states it, and the plans that state none. The bridge pages use; the layouts stay independent of the model.
 */
import { figuresOf } from '../model/figures';
import type { PlanSummary, Target } from '../model/plan';
import { paths, withBase } from '../urls';
import { statusMarks, targetMarks, type StatusMarkId } from '../status';
import { AMBITION_ORDER } from './format';
import type { ParentValue, TargetRow, UnsetPlan } from './types';
import { planLabel } from '../model/label';
import { asPrinted } from '../vocabulary';

export interface ChartRowsOptions {
  /** Deployment base (Astro `base`), `/` by default. */
  base?: string | undefined;
  /** What an unset plan says instead, by plan id, e.g. { guizhou: '达到国家要求' }. */
  unsetNotes?: Readonly<Record<string, string>> | undefined;
}

function headline(targets: readonly Target[]): Target | undefined {
  return [...targets].sort((a, b) => AMBITION_ORDER[a.ambition] - AMBITION_ORDER[b.ambition])[0];
}

/**
 * Rows for one indicator across `plans`. A parent value is taken from the parent plan's binding (else first)
 * target for the same indicator when that plan is among `plans`.
 */
export function chartRowsFromPlans(
  plans: readonly PlanSummary[],
  indicatorId: string,
  options: ChartRowsOptions = {},
): { rows: TargetRow[]; unset: UnsetPlan[] } {
  const base = options.base ?? '/';
  const byId = new Map(plans.map((plan) => [plan.id, plan]));
  const targetsOf = (plan: PlanSummary) => plan.targets.filter((t) => t.indicatorId === indicatorId);
  const rows: TargetRow[] = [];
  const unset: UnsetPlan[] = [];
  for (const plan of plans) {
    const targets = targetsOf(plan);
    if (targets.length === 0) {
      const note = options.unsetNotes?.[plan.id];
      unset.push({
        planId: plan.id,
        plan: planLabel(plan),
        planTitle: plan.title,
        href: withBase(base, paths.plan(plan.id)),
        ...statusField(plan),
        ...(note ? { note } : {}),
      });
      continue;
    }
    const parentPlan = plan.parent ? byId.get(plan.parent) : undefined;
    const parentTarget = parentPlan ? headline(targetsOf(parentPlan)) : undefined;
    const parent: ParentValue | null =
      parentPlan && parentTarget ? parentValue(parentTarget, planLabel(parentPlan)) : null;
    for (const target of targets) {
      const source = target.sources[0];
      const href = withBase(base, source ? paths.clause(plan.id, source.clauseId) : paths.plan(plan.id));
      rows.push(targetRow(plan, target, href, parent));
    }
  }
  return { rows, unset };
}

/** One plan's target as a chart row: the fields every chart of targets shows, linked to `href`. */
export function targetRow(
  plan: PlanSummary,
  target: Target,
  href: string,
  parent: ParentValue | null,
): TargetRow {
  return {
    planId: plan.id,
    plan: planLabel(plan),
    planTitle: plan.title,
    ...figuresOf(target),
    printed: asPrinted(target),
    href,
    parent,
    status: targetMarks(plan, target).map(({ id, label }) => ({ id, label })),
  };
}

/** A parent's target as the tick in a plan's row: its value for the scale, its printed form for the label. */
export function parentValue(target: Target, label: string): ParentValue {
  return { value: target.value, printed: asPrinted(target), label };
}

/** `{ status }` for a plan with status marks, else nothing: an adopted plan's unset row stays as it was. */
export function statusField(plan: PlanSummary): { status?: { id: StatusMarkId; label: string }[] } {
  const status = chartStatus(plan);
  return status.length > 0 ? { status } : {};
}

/** A plan's status marks as a chart draws them (id and label): a draft's value is never drawn as adopted. */
export function chartStatus(plan: PlanSummary): { id: StatusMarkId; label: string }[] {
  return statusMarks(plan).map(({ id, label }) => ({ id, label }));
}
