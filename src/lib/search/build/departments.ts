/**
 * Department names as search expansions, generated from the department catalogue (content/departments.yaml)
 * rather than kept as a second list: each catalogue rule becomes a group of its canonical name and aliases, so
 * 环保局 finds the clauses of 生态环境局 and 生态环境厅, 发改局 those of 发展改革委, in every plan.
 *
 * A clause carries a department group's token when it names the department among those responsible (the
 * printed name resolved by the same resolver as the plans' departments), or prints one of the group's names
 * of three or more characters; shorter aliases (人行, 农委) are too likely to sit inside other words.
 */
import type { DepartmentCatalogue } from '../../departments/catalogue';
import { DepartmentResolver, jurisdictionOf } from '../../departments/resolve';
import type { Plan } from '../../model/plan';
import type { SynonymGroup } from '../browser/synonyms';

/** One group per catalogue rule, in catalogue order: the canonical name, then the aliases. */
export function departmentGroups(catalogue: DepartmentCatalogue): SynonymGroup[] {
  return catalogue.departments.map((rule) => ({
    kind: 'department',
    forms: [...new Set([rule.name, ...rule.aliases])],
  }));
}

/**
 * For each plan, a function from a printed department name to the index of its group in `groups` (the
 * department groups of `departmentGroups` placed at `offset` among all search groups), or null.
 */
export function departmentGroupResolver(
  catalogue: DepartmentCatalogue,
  offset: number,
): (plan: Pick<Plan, 'region' | 'level'>) => (name: string) => number | null {
  const indexOf = new Map(catalogue.departments.map((rule, i) => [rule.id, offset + i]));
  return (plan) => {
    // As the plan's own departments were resolved (src/lib/knowledge.ts): no region, no level → county.
    const resolver = new DepartmentResolver(
      catalogue,
      jurisdictionOf(plan.region ?? '', plan.level ?? 'county'),
    );
    return (name) => {
      const rule = resolver.resolve(name).rule;
      return rule ? (indexOf.get(rule.id) ?? null) : null;
    };
  };
}
