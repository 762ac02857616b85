/**
 * The figures of a target that say what it asks — value, unit, comparator, ambition, years and scope — as one
 * shape, so chart rows and marks, chart CSV rows and lineage comparisons carry them without listing them again.
 */
import type { Target } from './plan';

export type TargetFigures = Pick<
  Target,
  'value' | 'unit' | 'comparator' | 'ambition' | 'baselineYear' | 'targetYear' | 'scope'
>;

/** Just the figures of a target (or of anything carrying them), in the model's order. */
export function figuresOf(from: TargetFigures): TargetFigures {
  const { value, unit, comparator, ambition, baselineYear, targetYear, scope } = from;
  return { value, unit, comparator, ambition, baselineYear, targetYear, scope };
}
