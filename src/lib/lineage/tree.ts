/**
 * The plans as one tree: each plan's parent (the model's `parent`, with where the link came from) and its
 * children, the inverse. Built once per corpus from what ingest decided; nothing is looked up again here.
 */
import type { ParentSource, PlanSummary } from '../model/plan';

export interface ParentLink {
  plan: PlanSummary;
  /** sidecar | division | citation, as the model records it. */
  source: ParentSource;
}

export interface Lineage {
  /** Every plan by id. */
  plan(id: string): PlanSummary | undefined;
  /** The plan this one implements, where the corpus holds it. */
  parentOf(plan: PlanSummary): ParentLink | null;
  /** The plans that implement this one, in corpus order. */
  childrenOf(plan: PlanSummary): PlanSummary[];
  /**
   * The government above this plan's: the parent plan's region, else the division above in the official list
   * (黔江区 → 重庆市), else null. A plan's own text may state that government's values (黔江's annex).
   */
  parentName(plan: PlanSummary): string | null;
}

/**
 * Parent and children maps of a corpus. A parent id the corpus does not hold, or one that would close a circle
 * (ingest drops both; this holds for any list of plans handed in), counts as no parent.
 */
export function lineageOf(plans: readonly PlanSummary[]): Lineage {
  const byId = new Map(plans.map((p) => [p.id, p]));
  const parents = new Map<string, ParentLink>();
  for (const plan of plans) {
    const parent = plan.parent === null ? undefined : byId.get(plan.parent);
    if (parent && parent !== plan)
      parents.set(plan.id, { plan: parent, source: plan.parentSource ?? 'division' });
  }
  // No cycles: walking up from any plan must end.
  for (const plan of plans) {
    const seen = new Set<string>([plan.id]);
    for (let link = parents.get(plan.id); link; link = parents.get(link.plan.id)) {
      if (seen.has(link.plan.id)) {
        parents.delete(plan.id);
        break;
      }
      seen.add(link.plan.id);
    }
  }
  const children = new Map<string, PlanSummary[]>();
  for (const plan of plans) {
    const link = parents.get(plan.id);
    if (!link) continue;
    const list = children.get(link.plan.id);
    if (list) list.push(plan);
    else children.set(link.plan.id, [plan]);
  }
  return {
    plan: (id) => byId.get(id),
    parentOf: (plan) => parents.get(plan.id) ?? null,
    childrenOf: (plan) => children.get(plan.id) ?? [],
    parentName: (plan) => {
      const parent = parents.get(plan.id)?.plan;
      if (parent) return parent.region;
      return plan.regionPath.length >= 2 ? (plan.regionPath[plan.regionPath.length - 2]?.name ?? null) : null;
    },
  };
}
