/** Lookups for the MDX components: the plan being rendered (set by the plan page in `Astro.locals`). */
import type { Annex, AnnexTable, Clause, Department, Plan, Target } from '../lib/model/plan';

/** The plan being rendered; a component used outside a plan page is a programming error. */
export function currentPlan(locals: App.Locals): Plan {
  if (!locals.plan)
    throw new Error('An MDX plan component was rendered outside a plan page (Astro.locals.plan is unset)');
  return locals.plan;
}

function find<T extends { id: string }>(list: readonly T[], id: string, what: string, plan: Plan): T {
  const found = list.find((item) => item.id === id);
  if (!found)
    throw new Error(
      `${plan.source}: plan ${plan.id}: the MDX refers to ${what} "${id}", which the plan does not have`,
    );
  return found;
}

export const clauseOf = (plan: Plan, id: string): Clause => find(plan.clauses, id, 'clause', plan);
export const departmentOf = (plan: Plan, id: string): Department =>
  find(plan.departments, id, 'department', plan);
export const targetOf = (plan: Plan, id: string): Target => find(plan.targets, id, 'target', plan);
export const annexOf = (plan: Plan, id: string): Annex => find(plan.annexes, id, 'annex', plan);
export function tableOf(plan: Plan, id: string): { annex: Annex; table: AnnexTable } {
  for (const annex of plan.annexes) {
    for (const block of annex.blocks)
      if (block.type === 'table' && block.id === id) return { annex, table: block };
  }
  throw new Error(
    `${plan.source}: plan ${plan.id}: the MDX refers to table "${id}", which the plan does not have`,
  );
}
