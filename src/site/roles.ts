/**
 * A department's clauses grouped by its role as the plan words it: 牵头, 负责, 按职责分工负责, 配合, 协助… as
 * printed, in the order of the machine roles (lead, responsible, supporting). Pages show these words, never a
 * word the plan does not use (a department listed with 按职责分工负责 after a lead is not shown as 配合).
 */
import type { Clause, Role } from '../lib/model/plan';
import type { Mention } from './atlas';
import { ROLE_LONG } from '../lib/vocabulary';

export interface RoleGroup {
  role: Role;
  /** The role word as printed; our word for the role only where the note prints none. */
  wording: string;
  clauses: Clause[];
}

const ROLE_ORDER: readonly Role[] = ['lead', 'responsible', 'supporting'];

export function roleGroups(mentions: readonly Mention[]): RoleGroup[] {
  const groups: RoleGroup[] = [];
  for (const role of ROLE_ORDER) {
    for (const mention of mentions) {
      if (mention.role !== role) continue;
      const wording = mention.roleWording ?? ROLE_LONG[role];
      let group = groups.find((g) => g.role === role && g.wording === wording);
      if (!group) {
        group = { role, wording, clauses: [] };
        groups.push(group);
      }
      if (!group.clauses.includes(mention.clause)) group.clauses.push(mention.clause);
    }
  }
  return groups;
}
