/** Lookups of a plan's parts by id, for the components that render the plan document. */
import type { Annex, AnnexTable, Clause, Department, Plan, Target } from '../lib/model/plan';

function find<T extends { id: string }>(list: readonly T[], id: string, what: string, plan: Plan): T {
  const found = list.find((item) => item.id === id);
  if (!found)
    throw new Error(
      `${plan.source}: plan ${plan.id}: the document refers to ${what} "${id}", which the plan does not have`,
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
    `${plan.source}: plan ${plan.id}: the document refers to table "${id}", which the plan does not have`,
  );
}
