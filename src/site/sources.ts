/** How a target's source is named on the page: a clause's citation, or an annex's label for a table value. */
import type { PlanSummary, TargetSource } from '../lib/model/plan';
import { ORIGIN, PREAMBLE } from '../lib/vocabulary';

export function sourceLabel(plan: PlanSummary, source: TargetSource): string {
  // A news lead reports the plan; it is not the plan's own text.
  if (source.origin === 'lead') return ORIGIN.lead;
  const clause = plan.clauses.find((c) => c.id === source.clauseId);
  if (clause) return clause.citation || PREAMBLE;
  const annex = plan.annexes.find(
    (a) => a.id === source.clauseId || a.blocks.some((b) => b.type === 'table' && b.id === source.clauseId),
  );
  return annex ? `${annex.label}表格` : source.clauseId;
}
