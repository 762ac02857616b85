/**
 * A department's clauses grouped by its role as the plan words it: 牵头, 负责, 按职责分工负责, 配合, 协助… as
 * printed, in the order of the machine roles (lead, responsible, supporting). Pages show these words, never a
 * word the plan does not use (a department listed with 按职责分工负责 after a lead is not shown as 配合).
 */
import type { Clause, Role } from '../lib/model/plan';
import type { Mention } from './atlas';
import { ROLE_LONG } from '../lib/vocabulary';

export interface RoleGroup {
  /** The first machine role, in ROLE_ORDER, that the word stands for here. */
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
      // One group per word: 按职责分工负责 after a lead (supporting) and without one (responsible) is one word
      // in the plan, and two groups under the same heading split what the plan does not.
      let group = groups.find((g) => g.wording === wording);
      if (!group) {
        group = { role, wording, clauses: [] };
        groups.push(group);
      }
      if (!group.clauses.includes(mention.clause)) group.clauses.push(mention.clause);
    }
  }
  for (const group of groups) group.clauses.sort((a, b) => a.position - b.position);
  return groups;
}
