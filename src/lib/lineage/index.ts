/**
 * The plans as one system: parents and children (`lineageOf`), and every target held against the national
 * reference and its parent's value (`verdictsFor`), with the words and cells pages and downloads show.
 */
export { lineageOf, type Lineage, type ParentLink } from './tree';
export {
  verdictsFor,
  otherJurisdiction,
  type Comparison,
  type IndicatorRule,
  type NationalValue,
  type Reference,
  type ReferenceSource,
  type TargetVerdicts,
  type VerdictContext,
} from './verdicts';
export { compareValues, notComparableReason, type ComparableValue, type ComparisonRule } from './compare';
export {
  comparisonCells,
  comparisonMark,
  comparisonNote,
  comparisonWords,
  referenceSourceText,
  referenceValueText,
  OWN_TEXT_SOURCE,
  type ComparisonCells,
} from './describe';
export { countVerdicts, summaryLines, verdictSummary, type SummaryLine, type VerdictCounts } from './summary';
export { Verdict, NotComparableReason, DraftSide } from './schema';
export { publishedComparisons } from './publish';
export { indicatorRule, verdictContext, type RuleSource } from './rules';
