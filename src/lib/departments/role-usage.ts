/**
 * How a plan assigns roles in its responsibility parentheticals: how many department mentions say 牵头, how
 * many 按职责分工负责 or just list the department, how many 配合. Plans differ in habit — 廊坊 writes
 * 按职责分工负责 almost everywhere and 牵头 twice — so a count of "clauses led" compares habits of wording as
 * much as duties. Pages use this to say so next to the counts instead of letting them mislead.
 */
import type { Clause, DepartmentMention, Plan, Role } from '../model/plan';

export interface RoleUsage {
  /** Department mentions per role (a department named twice in one clause in one role counts once). */
  counts: Record<Role, number>;
  total: number;
  /**
   * True when the plan names departments but rarely says 牵头 (under `RARE_LEAD_SHARE` of its mentions):
   * a department of this plan leading few clauses says little about its duties.
   */
  leadRare: boolean;
}

/** Below this share of mentions, 牵头 is the exception in a plan's wording rather than its habit. */
export const RARE_LEAD_SHARE = 0.1;

/**
 * The department mentions of a clause's responsibility note, each department once per role: a note that
 * repeats a name (alias and full name) still counts the clause once for it. Every count of clauses per role
 * goes through here.
 */
export function distinctMentions(clause: Pick<Clause, 'responsibility'>): DepartmentMention[] {
  const seen = new Set<string>();
  return (clause.responsibility?.departments ?? []).filter((mention) => {
    const key = `${mention.departmentId}\u0000${mention.role}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function roleUsage(plan: Pick<Plan, 'clauses'>): RoleUsage {
  const counts: Record<Role, number> = { lead: 0, responsible: 0, supporting: 0 };
  for (const clause of plan.clauses) {
    for (const mention of distinctMentions(clause)) counts[mention.role]++;
  }
  const total = counts.lead + counts.responsible + counts.supporting;
  return { counts, total, leadRare: total > 0 && counts.lead < total * RARE_LEAD_SHARE };
}
