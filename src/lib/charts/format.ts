/**
 * What only charts say: mark shapes, row labels, the unset-plan wording and label widths. Numbers, comparators,
 * ambitions and years come from the site's one vocabulary (src/lib/vocabulary.ts), so a chart and the table
 * under it say the same thing.
 */
import type { Ambition } from '../model/plan';
import { statusSuffix } from '../status';
import { COMPARATOR, COMPARATOR_WORD, withUnit } from '../vocabulary';
import type { MarkShape, ParentValue, TargetRow } from './types';

/** Filled for binding, hollow for incentive, hollow and dashed for aspiration. */
export const AMBITION_SHAPE: Record<Ambition, MarkShape> = {
  binding: 'filled',
  incentive: 'hollow',
  aspiration: 'hollow-dashed',
};

/** Binding first: within one plan its commitment comes before its hope. */
export const AMBITION_ORDER: Record<Ambition, number> = { binding: 0, incentive: 1, aspiration: 2 };

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

/** A row's value as the plan prints it (44.7万立方米/日), or the normalised value for a row built without it. */
export function rowPrinted(row: Pick<TargetRow, 'printed' | 'value' | 'unit'>): string {
  return row.printed ?? withUnit(row.value, row.unit);
}

/** What a chart prints after a bar: the comparator glyph and the printed value, ≥44.7万立方米/日. */
export function rowValueLabel(row: Pick<TargetRow, 'printed' | 'value' | 'unit' | 'comparator'>): string {
  return `${COMPARATOR[row.comparator]}${rowPrinted(row)}`;
}

/** The printed value with the comparator in the plans' words, 44.7万立方米/日以上, for descriptions. */
export function rowPrintedInWords(row: Pick<TargetRow, 'printed' | 'value' | 'unit' | 'comparator'>): string {
  const words = COMPARATOR_WORD[row.comparator];
  return `${words.before}${rowPrinted(row)}${words.after}`;
}

/** A parent's value as its plan prints it, in the row's unit when the chart input carries no printed form. */
export function parentPrinted(parent: ParentValue, unit: string): string {
  return parent.printed ?? withUnit(parent.value, unit);
}
