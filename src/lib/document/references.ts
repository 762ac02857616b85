/**
 * Cross-reference checks: every link the site draws from a plan (clause → department page, target →
 * indicator page, indicator page → source clause) must land somewhere. A dangling reference is a parser or
 * catalogue bug; the build fails with the clause named rather than publishing a broken link.
 */
import { LEAD_ID, type PlanSummary } from '../model/plan';

/** The closed vocabularies a plan may point into. Omit one to skip its check (catalogue not available). */
export interface Vocabularies {
  /** Indicator ids of `content/indicators.yaml`; `unclassified` is always allowed. */
  indicatorIds?: ReadonlySet<string>;
  /** Department category ids of `content/departments.yaml`. */
  categoryIds?: ReadonlySet<string>;
}

/** Indicator id for targets no catalogue entry matches; it has its own page. */
import { UNCLASSIFIED } from '../vocabulary';

export { UNCLASSIFIED };

function where(plan: PlanSummary, clauseId: string): string {
  const clause = plan.clauses.find((c) => c.id === clauseId);
  const cited = clause && clause.citation !== '' ? ` (${clause.citation})` : '';
  return `${plan.source}: plan ${plan.id}, clause ${clauseId}${cited}`;
}

/**
 * Lists every dangling reference of `plan` as `source: plan <id>, clause <id> (<citation>): problem`.
 * Returns an empty list when all references resolve.
 */
export function danglingReferences(plan: PlanSummary, vocabularies: Vocabularies = {}): string[] {
  const problems: string[] = [];
  const departments = new Map(plan.departments.map((d) => [d.id, d]));
  // Added one by one rather than spread from mapped arrays: fewer arrays made per plan, and none whose kind
  // changes once the code making it is optimised (see packed.ts).
  const sources = new Set<string>();
  // A value read from a news lead cites the lead (`#lead` on the plan page), when the plan has one.
  if (plan.front.some((block) => block.kind === 'lead')) sources.add(LEAD_ID);
  for (const clause of plan.clauses) sources.add(clause.id);
  for (const annex of plan.annexes) {
    sources.add(annex.id);
    for (const block of annex.blocks) if (block.type === 'table') sources.add(block.id);
  }

  for (const clause of plan.clauses) {
    for (const mention of clause.responsibility?.departments ?? []) {
      if (!departments.has(mention.departmentId)) {
        problems.push(
          `${where(plan, clause.id)}: department "${mention.name}" refers to unknown department id "${mention.departmentId}"`,
        );
      }
    }
  }
  for (const annex of plan.annexes) {
    for (const block of annex.blocks) {
      if (block.type !== 'table') continue;
      for (const mention of block.departments) {
        if (!departments.has(mention.departmentId)) {
          problems.push(
            `${plan.source}: plan ${plan.id}, table ${block.id}: department "${mention.name}" refers to unknown department id "${mention.departmentId}"`,
          );
        }
      }
    }
  }
  for (const target of plan.targets) {
    const first = target.sources[0]?.clauseId ?? '?';
    if (
      vocabularies.indicatorIds &&
      target.indicatorId !== UNCLASSIFIED &&
      !vocabularies.indicatorIds.has(target.indicatorId)
    ) {
      problems.push(
        `${where(plan, first)}: target "${target.id}" refers to indicator "${target.indicatorId}", which is not in content/indicators.yaml`,
      );
    }
    for (const source of target.sources) {
      if (!sources.has(source.clauseId)) {
        problems.push(
          `${plan.source}: plan ${plan.id}: target "${target.id}" cites clause or table "${source.clauseId}", which the plan does not have`,
        );
      }
    }
  }
  if (vocabularies.categoryIds) {
    for (const department of plan.departments) {
      if (!vocabularies.categoryIds.has(department.category)) {
        const clause = plan.clauses.find((c) =>
          c.responsibility?.departments.some((m) => m.departmentId === department.id),
        );
        const at = clause ? where(plan, clause.id) : `${plan.source}: plan ${plan.id}`;
        problems.push(
          `${at}: department "${department.name}" has category "${department.category}", which is not in content/departments.yaml`,
        );
      }
    }
  }
  return problems;
}

/** Throws one error listing every dangling reference of the plans, or returns when there is none. */
export function assertReferences(plans: readonly PlanSummary[], vocabularies: Vocabularies = {}): void {
  const problems = plans.flatMap((plan) => danglingReferences(plan, vocabularies));
  if (problems.length > 0) {
    throw new Error(
      `Dangling cross-references (${problems.length}):\n${problems.map((p) => `  ${p}`).join('\n')}`,
    );
  }
}
