/**
 * What the compare pages show of a match: the clauses (with everything under them) a topic points to, their
 * text cut into plain runs and highlighted runs (target values, responsible departments), and the short
 * wording of a matrix cell.
 */
import { clauseSpans, segments, type Segment } from '../links';
import type { Clause, Plan } from '../model/plan';
import type { TopicMatch } from './match';

/** A clause to show, with its depth below the matched clause (0 for the matched clause itself). */
export interface ShownClause {
  clause: Clause;
  level: number;
}

/**
 * The matched clauses and all their descendants, in reading order. A clause listed twice (an id that is
 * also a descendant of another listed one) is shown once.
 */
export function topicClauses(plan: Plan, clauseIds: readonly string[]): ShownClause[] {
  const children = new Map<string, Clause[]>();
  for (const clause of plan.clauses) {
    if (clause.parentId === null) continue;
    children.set(clause.parentId, [...(children.get(clause.parentId) ?? []), clause]);
  }
  const byId = new Map(plan.clauses.map((c) => [c.id, c]));
  const out: ShownClause[] = [];
  const seen = new Set<string>();
  const visit = (clause: Clause, level: number) => {
    if (seen.has(clause.id)) return;
    seen.add(clause.id);
    out.push({ clause, level });
    for (const child of children.get(clause.id) ?? []) visit(child, level + 1);
  };
  const roots = clauseIds
    .map((id) => byId.get(id))
    .filter((c): c is Clause => c !== undefined)
    .sort((a, b) => a.position - b.position);
  for (const root of roots) visit(root, 0);
  return out;
}

/** Every paragraph of a clause as runs, with its target values and departments highlighted. */
export function clauseSegments(plan: Plan, clause: Clause): Segment[][] {
  const spans = clauseSpans(clause, plan.targets);
  return clause.paragraphs.map((text, p) => segments(text, spans[p] ?? []));
}

/** What a matrix cell says before its links: nothing for a covered topic, 合并于 / 未涉及 otherwise. */
export const STATUS_TEXT: Record<TopicMatch['status'], string> = {
  covered: '',
  merged: '合并于',
  missing: '未涉及',
};

/** How a clause is named in a cell: its citation and heading, e.g. 三（一）重点行业绿色升级工程. */
export function clauseName(clause: Pick<Clause, 'citation' | 'heading'>): string {
  return `${clause.citation}${clause.heading ?? ''}`;
}
