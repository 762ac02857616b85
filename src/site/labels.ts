/** Chinese display labels for the model's enums, and small formatting helpers shared by the pages. */
import type { Ambition, Comparator, Level, Role, Status, Target } from '../lib/model/plan';
import { printedNumber } from '../lib/indicators/draft';
import { UNKNOWN_LEVEL } from '../lib/model/label';

export const LEVEL: Record<Level, string> = {
  national: '国家',
  province: '省级',
  city: '市级',
  county: '区县',
};
export const STATUS: Record<Status, string> = { draft: '征求意见稿', final: '正式文件' };
export const ROLE: Record<Role, string> = { lead: '牵头', responsible: '负责', supporting: '配合' };
export const ROLE_LONG: Record<Role, string> = {
  lead: '牵头单位',
  responsible: '按职责分工负责',
  supporting: '配合单位',
};
export const AMBITION: Record<Ambition, string> = {
  binding: '约束性',
  incentive: '激励性',
  aspiration: '力争',
};
export const COMPARATOR: Record<Comparator, string> = {
  '>=': '≥',
  '>': '>',
  '<=': '≤',
  '<': '<',
  '~': '≈',
  '=': '',
};
export const COMPARATOR_LONG: Record<Comparator, string> = {
  '>=': '不低于',
  '>': '超过',
  '<=': '不高于',
  '<': '低于',
  '~': '左右',
  '=': '等于',
};
export const DIRECTION: Record<string, string> = { increase: '越高越好', decrease: '越低越好' };

/** `2023年5月4日` from `2023-05-04`. */
export function chineseDate(iso: string | null): string | null {
  if (iso === null) return null;
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** A value with its comparator and unit as readers expect it: `≥ 659.1 吨`, `14.5%`. */
export function formatValue(value: number, unit: string, comparator: Comparator = '='): string {
  const symbol = COMPARATOR[comparator];
  const number = printedNumber(Number(value.toPrecision(12)));
  const spaced = unit === '%' || unit === '' ? `${number}${unit}` : `${number} ${unit}`;
  return symbol ? `${symbol} ${spaced}` : spaced;
}

/** The value as the plan prints it, when normalisation changed it: `1.017万吨`. */
export function originalValue(target: Target): string | null {
  if (target.originalUnit === target.unit && target.originalValue === target.value) return null;
  return `${printedNumber(target.originalValue)}${target.originalUnit}`;
}

/** `2020→2025`, `→2025`, or null without years. */
export function years(baseline: number | null, target: number | null): string | null {
  if (baseline === null && target === null) return null;
  return `${baseline ?? ''}${baseline !== null && target !== null ? '–' : ''}${target ?? ''}`;
}

/** The level's label, or that it could not be told. */
export function levelLabel(level: Level | null): string {
  return level === null ? UNKNOWN_LEVEL : LEVEL[level];
}
