/**
 * How a plan is named wherever plans are listed (tables, charts, filters, search records): by its region, or by
 * its title when the text names no region — never by a region the text does not state.
 */
import type { PlanSummary } from './plan';

export function planLabel(plan: Pick<PlanSummary, 'region' | 'title'>): string {
  return plan.region ?? plan.title;
}

/** Shown for a plan whose level could not be told (its region is unknown or not in the division list). */
export const UNKNOWN_LEVEL = '级别未识别';
