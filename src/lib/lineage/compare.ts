/**
 * One target against one reference value: a verdict when the two are like for like, else the reason they are
 * not. Pure and small, so every rule is a row of a table-driven test.
 *
 * How the plans' comparators read: a plan's 下降13.5% (`=`) is the least it promises — governments report
 * having exceeded such targets, never having missed them by overshooting — so for an indicator where higher is
 * better `=`, `>=` (以上) and `>` (超过) are all floors, `>` the only strict one; where lower is better `=`,
 * `<=` (以内) and `<` (低于) are ceilings. A ceiling on a measure where higher is better (or the reverse) says
 * something else and is not compared; neither is a value 左右 against an exact one.
 */
import type { TargetFigures } from '../model/figures';
import type { Comparator } from '../model/plan';
import { cleanNumber } from '../vocabulary';
import type { NotComparableReason, Verdict } from './schema';

/** The facts of a target (or reference) a comparison looks at: its figures. */
export type ComparableValue = TargetFigures;

/** What the indicator says about how values compare. */
export interface ComparisonRule {
  /** `increase`: a higher value asks more (a larger cut, a higher share); `decrease`: a lower one does. */
  direction: 'increase' | 'decrease';
  /** A class (water quality), not a quantity. */
  categorical: boolean;
}

export type ValueComparison = { verdict: Verdict } | { reason: NotComparableReason };

const BOUNDS: Record<ComparisonRule['direction'], { bounds: ReadonlySet<Comparator>; strict: Comparator }> = {
  increase: { bounds: new Set(['=', '>=', '>']), strict: '>' },
  decrease: { bounds: new Set(['=', '<=', '<']), strict: '<' },
};

/** A year both sides must state alike: unstated on one side only, or different. */
function yearReason(
  own: number | null,
  reference: number | null,
  unstated: NotComparableReason,
  differs: NotComparableReason,
): NotComparableReason | null {
  if (own === reference) return null;
  if (own === null || reference === null) return unstated;
  return differs;
}

/**
 * Why `own` and `reference` are not like for like, the first reason in the order of `NotComparableReason`,
 * or null when they are.
 */
export function notComparableReason(
  own: ComparableValue,
  reference: ComparableValue,
  rule: ComparisonRule,
): NotComparableReason | null {
  if (rule.categorical) return 'categorical';
  if (own.unit !== reference.unit) return 'unit-differs';
  const baseline = yearReason(
    own.baselineYear,
    reference.baselineYear,
    'baseline-year-unstated',
    'baseline-year-differs',
  );
  if (baseline) return baseline;
  // A target with no year at all cannot be placed in the period the reference is for.
  if (own.targetYear === null && reference.targetYear === null) return 'target-year-unstated';
  const target = yearReason(
    own.targetYear,
    reference.targetYear,
    'target-year-unstated',
    'target-year-differs',
  );
  if (target) return target;
  if (own.scope !== reference.scope) return 'scope-differs';
  if (own.ambition !== reference.ambition) return 'ambition-differs';
  const approximate = (c: Comparator) => c === '~';
  if (approximate(own.comparator) !== approximate(reference.comparator)) return 'approximate';
  const { bounds } = BOUNDS[rule.direction];
  const bound = (c: Comparator) => c === '~' || bounds.has(c);
  if (!bound(own.comparator) || !bound(reference.comparator)) return 'comparator-differs';
  return null;
}

/** The verdict on `own` against `reference`, or why there is none. */
export function compareValues(
  own: ComparableValue,
  reference: ComparableValue,
  rule: ComparisonRule,
): ValueComparison {
  const reason = notComparableReason(own, reference, rule);
  if (reason !== null) return { reason };
  const a = cleanNumber(own.value);
  const b = cleanNumber(reference.value);
  const sign = rule.direction === 'increase' ? 1 : -1;
  if (a !== b) return { verdict: sign * (a - b) > 0 ? 'stricter' : 'weaker' };
  // Equal numbers: 超过30% asks more than 30%以上.
  const { strict } = BOUNDS[rule.direction];
  const ownStrict = own.comparator === strict;
  const referenceStrict = reference.comparator === strict;
  if (ownStrict === referenceStrict) return { verdict: 'equal' };
  return { verdict: ownStrict ? 'stricter' : 'weaker' };
}

/** How alike a pair is: the later the first mismatch in the order of checks, the more alike (a match is most). */
export function likeness(result: ValueComparison): number {
  if ('verdict' in result) return CHECK_ORDER.length;
  return CHECK_ORDER.indexOf(result.reason);
}

const CHECK_ORDER: readonly NotComparableReason[] = [
  'categorical',
  'unit-differs',
  'baseline-year-unstated',
  'baseline-year-differs',
  'target-year-unstated',
  'target-year-differs',
  'scope-differs',
  'ambition-differs',
  'approximate',
  'comparator-differs',
];
