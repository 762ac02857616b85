/**
 * The compare pages' view of the atlas: the national template and every plan's alignment with it, computed
 * once per build.
 */
import { compareMatrix, loadNationalTemplate, unmatchedClauses, type NationalTemplate } from '../lib/compare';
import { KIND_PART, type TopicKind } from '../lib/compare/template';
import type { TopicMatch } from '../lib/compare';
import { loadPlanParts, partNames } from '../lib/curated/plan-knowledge';
import type { Clause, Plan } from '../lib/model/plan';
import { atlas } from './corpus';

export interface PlanAlignment {
  plan: Plan;
  /** One per topic, in national order. */
  matches: TopicMatch[];
  /** Topic-level clauses of 重点工程/政策机制 that match no national topic: what the plan adds. */
  extra: Clause[];
}

export interface Alignment {
  template: NationalTemplate;
  plans: PlanAlignment[];
  /** A plan's match for a topic. */
  match(planId: string, topicId: string): TopicMatch;
}

let loaded: Alignment | undefined;

/** The alignment of this build's plans with 国发〔2021〕33号 (memoised). */
export function alignment(): Alignment {
  if (loaded) return loaded;
  const template = loadNationalTemplate();
  const plans = atlas().plans;
  const rows = compareMatrix(plans, template).map(({ planId, matches }, i) => {
    const plan = plans[i] as Plan;
    if (plan.id !== planId) throw new Error(`compare matrix out of order at ${planId}`);
    return { plan, matches, extra: unmatchedClauses(plan, matches) };
  });
  const index = new Map(rows.flatMap((row) => row.matches.map((m) => [`${row.plan.id} ${m.topicId}`, m])));
  loaded = {
    template,
    plans: rows,
    match(planId, topicId) {
      const found = index.get(`${planId} ${topicId}`);
      if (!found) throw new Error(`no match for plan ${planId}, topic ${topicId}`);
      return found;
    },
  };
  return loaded;
}

/**
 * Chinese names of the two kinds of topics: the names of the plan parts they are expected in
 * (content/plan-parts.yaml), so 重点工程 reads the same in the search filter and on the compare pages.
 */
export const KIND_NAME: Record<TopicKind, string> = (() => {
  const parts = partNames(loadPlanParts());
  return { project: parts[KIND_PART.project], mechanism: parts[KIND_PART.mechanism] };
})();
