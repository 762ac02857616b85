/**
 * Chinese wording of chart values: numbers, comparators, ambitions and years. One place, so that the marks,
 * the accessible labels, the description and the data table all say the same thing.
 */
import { format } from 'd3';
import type { Ambition, Comparator } from '../model/plan';
import { statusSuffix } from '../status';
import type { MarkShape } from './types';

// Up to six decimals, trailing zeros trimmed, thousands grouped: 12100 → 12,100, 659.1 → 659.1, and unit
// conversion noise (0.0691万吨 = 690.9999999999999 吨) → 691.
const formatNumber = format(',~f');

/** A number as printed in a chart: 12,100 · 14.5 · 691. */
export function formatValue(value: number): string {
  return formatNumber(Number(value.toPrecision(12)));
}

/** A value with its unit, e.g. 14.5% or 245吨. */
export function withUnit(value: number, unit: string): string {
  return `${formatValue(value)}${unit}`;
}

/** The comparator as a glyph before the number; `=` prints nothing. */
export const COMPARATOR_GLYPH: Record<Comparator, string> = {
  '>=': '≥',
  '>': '>',
  '<=': '≤',
  '<': '<',
  '~': '≈',
  '=': '',
};

/** The comparator in words, as the plans write it: before (超过30%) or after the value (14.5%以上, 12%左右). */
const COMPARATOR_WORD: Record<Comparator, { before: string; after: string }> = {
  '>=': { before: '', after: '以上' },
  '>': { before: '超过', after: '' },
  '<=': { before: '', after: '以内' },
  '<': { before: '低于', after: '' },
  '~': { before: '', after: '左右' },
  '=': { before: '', after: '' },
};

/** Ambition names for legends and accessible labels. */
export const AMBITION_NAME: Record<Ambition, string> = {
  binding: '约束性目标',
  incentive: '激励目标',
  aspiration: '力争目标',
};

/** The short suffix printed after the value: binding targets carry none. */
export const AMBITION_SUFFIX: Record<Ambition, string> = {
  binding: '',
  incentive: '激励',
  aspiration: '力争',
};

/** Filled for binding, hollow for incentive, hollow and dashed for aspiration. */
export const AMBITION_SHAPE: Record<Ambition, MarkShape> = {
  binding: 'filled',
  incentive: 'hollow',
  aspiration: 'hollow-dashed',
};

/** Binding first: within one plan its commitment comes before its hope. */
export const AMBITION_ORDER: Record<Ambition, number> = { binding: 0, incentive: 1, aspiration: 2 };

/** ≥14.5% */
export function valueLabel(value: number, unit: string, comparator: Comparator): string {
  return `${COMPARATOR_GLYPH[comparator]}${withUnit(value, unit)}`;
}

/** 14.5%以上 */
export function valueInWords(value: number, unit: string, comparator: Comparator): string {
  const words = COMPARATOR_WORD[comparator];
  return `${words.before}${withUnit(value, unit)}${words.after}`;
}

/**
 * 比2020年，到2025年 — the plans' own way of stating the period. A share or rate has no baseline, so a
 * missing baseline is left out; a missing target year is said to be unknown.
 */
export function yearsInWords(baselineYear: number | null, targetYear: number | null): string {
  const target = targetYear === null ? '目标年未注明' : `到${targetYear}年`;
  return baselineYear === null ? target : `比${baselineYear}年，${target}`;
}

/** Plan name with its scope and status marks, e.g. 廊坊市（市本级）, 达州市（征求意见稿）. */
export function rowLabel(
  plan: string,
  scope: string | null,
  status: readonly { label: string }[] = [],
): string {
  return `${scope ? `${plan}（${scope}）` : plan}${statusSuffix(status)}`;
}

/**
 * Splits a label into lines no wider than `maxWidth` (estimated), breaking before an opening bracket where
 * one fits, else between characters: CJK text has no spaces to break at.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number): string[] {
  if (textWidth(text, fontSize) <= maxWidth) return [text];
  const chars = [...text];
  let cut = 0;
  let width = 0;
  while (cut < chars.length && width + textWidth(chars[cut] as string, fontSize) <= maxWidth) {
    width += textWidth(chars[cut] as string, fontSize);
    cut++;
  }
  const head = chars.slice(0, cut).join('');
  const bracket = head.lastIndexOf('（');
  if (bracket > 0) cut = [...head.slice(0, bracket)].length;
  cut = Math.max(1, cut);
  const rest = chars.slice(cut).join('');
  return [chars.slice(0, cut).join(''), ...(rest === '' ? [] : wrapText(rest, maxWidth, fontSize))];
}

/** What an unset plan's row says. */
export const UNSET_TEXT = '未设定量目标';

export function unsetText(note: string | undefined): string {
  return note ? `${UNSET_TEXT}（${note}）` : UNSET_TEXT;
}

/**
 * Estimated advance width of a label: CJK and full-width characters are one em, everything else about
 * 0.6 em. Layout only needs to reserve enough room; the font is the reader's system font.
 */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text)
    em += /[\u2E80-\u303F\u3400-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60]/.test(ch) ? 1 : 0.6;
  return em * fontSize;
}
