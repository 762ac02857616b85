/** What the recognisers produce before drafts stating the same target are merged and given ids. */
import type { Ambition, Comparator, TargetSource } from '../model/plan';
import { cleanNumber } from '../vocabulary';
import type { Change } from './compile';

export interface Draft {
  indicatorId: string;
  label: string;
  value: number;
  unit: string;
  originalValue: number;
  originalUnit: string;
  comparator: Comparator;
  /** True when the comparator came from the wording rather than the default `=`. */
  comparatorStated: boolean;
  ambition: Ambition;
  baselineYear: number | null;
  targetYear: number | null;
  scope: string | null;
  /** True for a value the plan lists for a parent jurisdiction (重庆市 in 黔江's table), not its own. */
  parent: boolean;
  /** The parent jurisdiction a `parent` value belongs to; null for the plan's own values. */
  jurisdiction: string | null;
  /** The words stating a value not printed as a number (全面, 零增长, II 类); null for a printed number. */
  wording: string | null;
  /** Set for a result of an earlier period (十三五), which is an outcome, not a target. */
  outcome: { period: string | null; year: number | null } | null;
  change: Change;
  source: TargetSource;
  /** Document order: text before annexes, then position. */
  order: number;
}

/**
 * A number as printed times a unit factor, without binary noise (0.0691 × 10000 is 691, not 690.999…).
 */
export function scaleValue(printed: string, factor: number): number {
  return cleanNumber(Number(printed) * factor);
}

/** Formats a number as plans print it: no exponent, no trailing zeros (0.0691, 659.1, 1196). */
export function printedNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return value.toFixed(10).replace(/0+$/, '').replace(/\.$/, '');
}

/** Collapses whitespace runs and trims: labels are read by people. */
export function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
