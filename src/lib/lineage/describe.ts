/**
 * A comparison in words and cells, for tables and downloads: the verdict or reason code, the reference value
 * as printed, where it is stated, and a Chinese note that names a 征求意见稿 on either side. Every word comes
 * from the one vocabulary (`../vocabulary.ts`).
 */
import type { Target } from '../model/plan';
import {
  AMBITION,
  NOT_COMPARABLE,
  NOT_STATED,
  VERDICT_MARK,
  draftNote,
  valueLabel,
  verdictText,
} from '../vocabulary';
import type { ComparableValue } from './compare';
import type { NotComparableReason } from './schema';
import type { Comparison, Reference } from './verdicts';

/** `source` of a reference the plan's own text states (黔江's annex column for 重庆市). */
export const OWN_TEXT_SOURCE = 'own text';

/** How a comparison reads in one row: each null where there is nothing to say. */
export interface ComparisonCells {
  /** `stricter` | `equal` | `weaker`, or the reason code (`unit-differs`…); null without a reference. */
  code: string | null;
  /** The reference value as the site prints values: 13.5%, ≥10%. */
  value: string | null;
  /** 国发〔2021〕33号 二、主要目标, `<plan id> <title>` (with （征求意见稿） for a draft), or `own text`. */
  source: string | null;
  /** The verdict or reason in Chinese, with what differs and any 征求意见稿 named. */
  note: string | null;
}

const EMPTY: ComparisonCells = { code: null, value: null, source: null, note: null };

export function referenceValueText(value: Pick<ComparableValue, 'value' | 'unit' | 'comparator'>): string {
  return valueLabel(value.value, value.unit, value.comparator);
}

export function referenceSourceText(reference: Reference): string {
  const source = reference.source;
  if (source.kind === 'national') return source.document;
  if (source.kind === 'own-text') return OWN_TEXT_SOURCE;
  return `${source.plan.id} ${source.plan.title}${source.plan.status === 'draft' ? '（征求意见稿）' : ''}`;
}

const year = (y: number | null) => (y === null ? NOT_STATED : `${y}年`);

/** What differs, side by side: （本方案：2019年；全国：2020年）. Empty where the reason says it all. */
function difference(reason: NotComparableReason, own: Target, reference: Reference): string {
  const ref = reference.value;
  const pair = (a: string, b: string) => `（本方案：${a}；${reference.name}：${b}）`;
  switch (reason) {
    case 'unit-differs':
      return pair(own.unit || NOT_STATED, ref.unit || NOT_STATED);
    case 'baseline-year-unstated':
    case 'baseline-year-differs':
      return pair(year(own.baselineYear), year(ref.baselineYear));
    case 'target-year-unstated':
    case 'target-year-differs':
      return pair(year(own.targetYear), year(ref.targetYear));
    case 'scope-differs':
      return pair(own.scope ?? '全域', ref.scope ?? '全域');
    case 'ambition-differs':
      return pair(AMBITION[own.ambition], AMBITION[ref.ambition]);
    case 'approximate':
    case 'comparator-differs':
      return pair(referenceValueText(own), referenceValueText(ref));
    default:
      return '';
  }
}

/**
 * A comparison in words: `main` is the verdict (严于全国) or the reason with what differs
 * (目标年不同（本方案：未注明；全国：2025年）), `drafts` names each side that is a 征求意见稿. Null without a reference.
 */
export function comparisonWords(
  target: Target,
  comparison: Comparison,
): { main: string; drafts: string[] } | null {
  if (comparison.kind === 'none') return null;
  const reference = comparison.reference;
  const whom = reference?.name ?? '上级';
  const main =
    comparison.kind === 'verdict'
      ? verdictText(comparison.verdict, whom)
      : `${NOT_COMPARABLE[comparison.reason]}${reference ? difference(comparison.reason, target, reference) : ''}`;
  return { main, drafts: comparison.drafts.map((side) => draftNote(side, whom)) };
}

/** The note of a comparison: 严于全国, or 目标年不同（本方案：…；全国：…）, then any 征求意见稿. */
export function comparisonNote(target: Target, comparison: Comparison): string | null {
  const words = comparisonWords(target, comparison);
  return words === null ? null : [words.main, ...words.drafts].join('；');
}

/** The mark before a verdict (▲ ＝ ▼), or — for a pair that is not like for like. */
export function comparisonMark(comparison: Comparison): string | null {
  if (comparison.kind === 'none') return null;
  return comparison.kind === 'verdict' ? VERDICT_MARK[comparison.verdict] : VERDICT_MARK['not-comparable'];
}

export function comparisonCells(target: Target, comparison: Comparison): ComparisonCells {
  if (comparison.kind === 'none') return EMPTY;
  const reference = comparison.reference;
  return {
    code: comparison.kind === 'verdict' ? comparison.verdict : comparison.reason,
    value: reference ? referenceValueText(reference.value) : null,
    source: reference ? referenceSourceText(reference) : null,
    note: comparisonNote(target, comparison),
  };
}
