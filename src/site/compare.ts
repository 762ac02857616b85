/**
 * The compare pages' view of the atlas: the national template and every plan's alignment with it, computed
 * once per build, one whole plan at a time; what is kept of each plan is its matches and the names of the
 * clauses they point to, not its text (README "Build memory").
 */
import { loadNationalTemplate, matchTopics, unmatchedClauses, type NationalTemplate } from '../lib/compare';
import { clauseName } from '../lib/compare/view';
import { KIND_PART, type TopicKind } from '../lib/compare/template';
import type { TopicMatch } from '../lib/compare';
import { loadPlanParts, partNames } from '../lib/curated/plan-knowledge';
import type { PlanSummary } from '../lib/model/plan';
import { atlas } from './corpus';

/** A clause a compare page links to: its id and its name (citation and heading, 三（一）重点行业绿色升级工程). */
export interface ClauseRef {
  id: string;
  name: string;
}

export interface PlanAlignment {
  plan: PlanSummary;
  /** One per topic, in national order. */
  matches: TopicMatch[];
  /** Topic-level clauses of 重点工程/政策机制 that match no national topic: what the plan adds. */
  extra: ClauseRef[];
  /** The name of each clause `matches` points to, by id. */
  names: ReadonlyMap<string, string>;
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
  const a = atlas();
  const rows = a.plans.map((plan): PlanAlignment => {
    const model = a.model(plan.id);
    const matches = matchTopics(model, template);
    const matched = new Set(matches.flatMap((m) => m.clauseIds));
    return {
      plan,
      matches,
      extra: unmatchedClauses(model, matches).map((clause) => ({ id: clause.id, name: clauseName(clause) })),
      names: new Map(model.clauses.filter((c) => matched.has(c.id)).map((c) => [c.id, clauseName(c)])),
    };
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
