/**
 * The words of a comparison between a target and a reference value, as closed vocabularies: the verdict, and
 * the reason a pair is not like for like. Their Chinese wording is in `../vocabulary.ts`.
 */
import { z } from 'zod';

/**
 * How a target compares with a like-for-like reference, the indicator's direction taken into account:
 * `stricter` asks more (a larger cut, a higher share; a lower ceiling where lower is better), `weaker` less.
 */
export const Verdict = z.enum(['stricter', 'equal', 'weaker']);
export type Verdict = z.infer<typeof Verdict>;

/**
 * Why a target and a reference are not compared (checked in this order, the first that applies is given):
 * - `not-own-target`: the row is a value the plan lists for another government (黔江's 重庆市 column);
 * - `categorical`: a class (water quality of a named water body), not a quantity;
 * - `unit-differs`: e.g. the national pollutant targets are % of total emissions, the plans' tonnes;
 * - `baseline-year-unstated` / `baseline-year-differs`, `target-year-unstated` / `target-year-differs`;
 * - `scope-differs`: 市本级 or 县城 against the whole region;
 * - `ambition-differs`: 约束性 against 激励 or 力争;
 * - `approximate`: one value is 左右 and the other is not;
 * - `comparator-differs`: a ceiling where the other is a floor (以内 against 以上);
 * - `several-references`: the reference states several like-for-like values that differ.
 */
export const NotComparableReason = z.enum([
  'not-own-target',
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
  'several-references',
]);
export type NotComparableReason = z.infer<typeof NotComparableReason>;

/** Which side of a comparison is a 征求意见稿: the plan itself, or the plan stating the reference. */
export const DraftSide = z.enum(['plan', 'reference']);
export type DraftSide = z.infer<typeof DraftSide>;
