/**
 * All curated knowledge from content/, loaded once, and the recognition stages that use it, in the order
 * they run after the structure is parsed.
 */
import { loadPlanKnowledge, type PlanKnowledge } from './content/plan-knowledge';
import type { Enrichment } from './parse-plan';

export interface Knowledge {
  plan: PlanKnowledge;
}

export function loadKnowledge(): Knowledge {
  return { plan: loadPlanKnowledge() };
}

export function enrichments(_knowledge: Knowledge): Enrichment[] {
  return [];
}
