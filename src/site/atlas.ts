/**
 * Everything the pages know about the corpus — the plans and the catalogues — with the lookups the pages
 * need. Building it checks every cross-reference and fails the build on a dangling one, naming the clause.
 * The atlas of a build comes from the content collection (./corpus.ts).
 *
 * The atlas holds every plan's summary (`PlanSummary`: no text), never every whole plan: at 3,000 plans the
 * whole models are ~0.5 GB of JSON (README "Build memory"). A page that shows a plan's text asks for that
 * plan's model (`model(id)`), read from the build's cache one plan at a time.
 */
import { assertReferences, UNCLASSIFIED } from '../lib/document/references';
import {
  type Clause,
  type Department,
  type Level,
  type Plan,
  type PlanSummary,
  type Role,
  type Target,
} from '../lib/model/plan';
import type { CategoryInfo, IndicatorInfo } from './catalogues';
import { planLabel } from '../lib/model/label';
import {
  verdictContext,
  verdictsFor,
  type Lineage,
  type TargetVerdicts,
  type VerdictContext,
} from '../lib/lineage/index';

/** One clause naming a department, with the department's role there. */
export interface Mention {
  clause: Clause;
  role: Role;
  /** The role word as the note prints it (按职责分工负责, 协助…); null where it prints none. */
  roleWording: string | null;
}

export interface Atlas {
  /** Plans from the national level down, then by region: their summaries (no text). */
  plans: PlanSummary[];
  plan(id: string): PlanSummary;
  /** The whole plan, its text included: read from the build's models, a few kept at a time. */
  model(id: string): Plan;
  categories: CategoryInfo[];
  category(id: string): CategoryInfo;
  indicators: IndicatorInfo[];
  indicator(id: string): IndicatorInfo;
  /**
   * Clauses of a whole plan (`model`) naming the department, in reading order; a clause naming it twice in
   * one role counts once.
   */
  mentions(plan: Plan, departmentId: string): Mention[];
  /** Targets of every plan for an indicator, plan by plan in `plans` order. */
  targets(indicatorId: string): { plan: PlanSummary; target: Target }[];
  /** Parents and children of the plans. */
  lineage: Lineage;
  /** What comparisons of targets need: the lineage and each indicator's rule. */
  comparisons: VerdictContext;
  /** Each target of a plan against the national reference and the parent's value (computed once per plan). */
  verdicts(plan: PlanSummary): TargetVerdicts[];
}

const LEVEL_ORDER: Record<Level, number> = { national: 0, province: 1, city: 2, county: 3 };

/** Plans of an unknown level come last. */
const levelOrder = (plan: PlanSummary) => (plan.level === null ? 4 : LEVEL_ORDER[plan.level]);

function byLevel(a: PlanSummary, b: PlanSummary): number {
  return (
    levelOrder(a) - levelOrder(b) ||
    planLabel(a).localeCompare(planLabel(b), 'zh-CN') ||
    a.id.localeCompare(b.id)
  );
}

function mentionIndex(plan: Plan): Map<string, Mention[]> {
  const index = new Map<string, Mention[]>();
  for (const clause of plan.clauses) {
    const seen = new Set<string>();
    for (const mention of clause.responsibility?.departments ?? []) {
      const key = `${mention.departmentId}\u0000${mention.role}\u0000${mention.roleWording}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const list = index.get(mention.departmentId) ?? [];
      list.push({ clause, role: mention.role, roleWording: mention.roleWording });
      index.set(mention.departmentId, list);
    }
  }
  return index;
}

const noModels = (id: string): Plan => {
  throw new Error(`no model of plan "${id}": this atlas was built without the plans' models`);
};

/**
 * What the plans' targets are held against (the lineage of `plans` and each charted indicator's rule): the
 * atlas's `comparisons`, also made on their own by the data downloads' worker
 * (src/integrations/data-downloads-worker.ts) from the same summaries.
 */
export function atlasComparisons(
  plans: readonly PlanSummary[],
  indicators: readonly IndicatorInfo[],
): VerdictContext {
  return verdictContext(
    plans,
    indicators.flatMap(({ id, catalogued, direction, categorical, national }) =>
      catalogued && direction !== null ? [{ id, direction, categorical, national }] : [],
    ),
  );
}

/**
 * Builds the atlas from plan summaries (whole plans are summaries too) and catalogues; `model` reads a whole
 * plan. Throws on any dangling cross-reference.
 */
export function buildAtlas(
  plans: PlanSummary[],
  categories: CategoryInfo[],
  indicators: IndicatorInfo[],
  model: (id: string) => Plan = noModels,
): Atlas {
  assertReferences(plans, {
    categoryIds: new Set(categories.map((c) => c.id)),
    indicatorIds: new Set(indicators.filter((i) => i.catalogued).map((i) => i.id)),
  });
  const sorted = [...plans].sort(byLevel);
  const planById = new Map(sorted.map((p) => [p.id, p]));
  const categoryById = new Map(categories.map((c) => [c.id, c]));
  const indicatorById = new Map(indicators.map((i) => [i.id, i]));
  // Per whole plan object: a model read again (after leaving the cache) is indexed again, never held.
  const mentions = new WeakMap<Plan, Map<string, Mention[]>>();
  const mentionsOf = (plan: Plan) => {
    let found = mentions.get(plan);
    if (!found) mentions.set(plan, (found = mentionIndex(plan)));
    return found;
  };
  const comparisons = atlasComparisons(sorted, indicators);
  const lineage = comparisons.lineage;
  const verdicts = new Map<string, TargetVerdicts[]>();

  const get = <T>(map: Map<string, T>, id: string, what: string): T => {
    const found = map.get(id);
    if (found === undefined) throw new Error(`Unknown ${what} "${id}"`);
    return found;
  };
  return {
    plans: sorted,
    plan: (id) => get(planById, id, 'plan'),
    model: (id) => {
      get(planById, id, 'plan');
      return model(id);
    },
    categories,
    category: (id) => get(categoryById, id, 'department category'),
    indicators,
    indicator: (id) => get(indicatorById, id, 'indicator'),
    mentions: (plan, departmentId) => mentionsOf(plan).get(departmentId) ?? [],
    targets: (indicatorId) =>
      sorted.flatMap((plan) =>
        plan.targets.filter((t) => t.indicatorId === indicatorId).map((target) => ({ plan, target })),
      ),
    lineage,
    comparisons,
    verdicts: (plan) => {
      let found = verdicts.get(plan.id);
      if (!found) verdicts.set(plan.id, (found = verdictsFor(plan, comparisons)));
      return found;
    },
  };
}

/** Departments of a plan grouped by category, in catalogue order; empty categories left out. */
export function departmentsByCategory(
  a: Atlas,
  plan: PlanSummary,
): { category: CategoryInfo; departments: Department[] }[] {
  return a.categories
    .map((category) => ({
      category,
      departments: plan.departments
        .filter((d) => d.category === category.id)
        .sort((x, y) => x.name.localeCompare(y.name, 'zh-CN')),
    }))
    .filter((g) => g.departments.length > 0);
}

/** Counts of clauses per role for one department. */
export function roleCounts(mentions: readonly Mention[]): Record<Role, number> {
  const counts: Record<Role, number> = { lead: 0, responsible: 0, supporting: 0 };
  for (const m of mentions) counts[m.role]++;
  return counts;
}

export { UNCLASSIFIED };
