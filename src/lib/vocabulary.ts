/**
 * The one vocabulary of the site: the Chinese words for the model's enums and the one way numbers and values
 * are written. Pages, charts, tables, search records and CSV downloads all take their words from here, so a
 * value cannot read 12,100吨 in a chart and 12100 吨 in the table under it, nor a level 省 in one place and 省级
 * in another. Pure: no Astro, no Node.
 */
import { UNKNOWN_LEVEL } from './model/label';
import type { DraftSide, NotComparableReason, Verdict } from './lineage/schema';
import type {
  Ambition,
  Comparator,
  DivisionRef,
  Level,
  ParentSource,
  Role,
  Status,
  Target,
  TargetOrigin,
} from './model/plan';

export const LEVEL: Record<Level, string> = {
  national: '国家',
  province: '省级',
  city: '市级',
  county: '区县',
};

/** The level's label, or that it could not be told. */
export function levelLabel(level: Level | null): string {
  return level === null ? UNKNOWN_LEVEL : LEVEL[level];
}

/** What a national plan is filed under where plans are grouped by province: it covers the whole country. */
export const COUNTRY = '全国';

/** provinceLabel of a plan whose region is read but whose province is not, and of one whose region is not. */
export const NO_PROVINCE = { regionRead: '省份未识别', noRegion: '地区未识别' } as const;

/**
 * A plan's province where plans are grouped by province (the search page's filters): its province-level unit,
 * 全国 for a national plan, else why it has none — no region read from the text (the same words as its status
 * mark), or a region the division list cannot place in a province.
 */
export function provinceLabel(plan: {
  province: string | null;
  level: Level | null;
  region: string | null;
}): string {
  if (plan.province) return plan.province;
  if (plan.level === 'national') return COUNTRY;
  return plan.region?.trim() ? NO_PROVINCE.regionRead : NO_PROVINCE.noRegion;
}

/** `draft` is what the plan calls itself (征求意见稿); everything else is a published 正式文件. */
/**
 * What became of a division abolished before the official list's edition (莱芜市已于2019年撤销，辖区划归济南市);
 * null for a current division.
 */
export function formerDivisionNote(division: Pick<DivisionRef, 'name' | 'former'>): string | null {
  if (!division.former) return null;
  return `${division.name}已于${division.former.abolished}年撤销，辖区划归${division.former.successors.join('、')}`;
}

export const STATUS: Record<Status, string> = { draft: '征求意见稿', final: '正式文件' };

export const ROLE: Record<Role, string> = { lead: '牵头', responsible: '负责', supporting: '配合' };
export const ROLE_LONG: Record<Role, string> = {
  lead: '牵头单位',
  responsible: '按职责分工负责',
  supporting: '配合单位',
};

/** As the plans name them: 约束性目标, 激励目标 (…力争完成14.5%的激励目标), 力争目标. */
export const AMBITION: Record<Ambition, string> = {
  binding: '约束性目标',
  incentive: '激励目标',
  aspiration: '力争目标',
};

/** The short mark printed after a value in a chart: binding targets carry none. */
export const AMBITION_SUFFIX: Record<Ambition, string> = {
  binding: '',
  incentive: '激励',
  aspiration: '力争',
};

/** The comparator as a glyph before the number; `=` prints nothing. */
export const COMPARATOR: Record<Comparator, string> = {
  '>=': '≥',
  '>': '>',
  '<=': '≤',
  '<': '<',
  '~': '≈',
  '=': '',
};

/** The comparator in words, as the plans write it: before (超过30%) or after the value (14.5%以上, 12%左右). */
export const COMPARATOR_WORD: Record<Comparator, { before: string; after: string }> = {
  '>=': { before: '', after: '以上' },
  '>': { before: '超过', after: '' },
  '<=': { before: '', after: '以内' },
  '<': { before: '低于', after: '' },
  '~': { before: '', after: '左右' },
  '=': { before: '', after: '' },
};

/** The comparator in words for a table cell explaining it. */
export const COMPARATOR_LONG: Record<Comparator, string> = {
  '>=': '不低于',
  '>': '超过',
  '<=': '不高于',
  '<': '低于',
  '~': '左右',
  '=': '等于',
};

/** Which text states a value: the plan's own, or a news lead reporting it (never passed off as the plan's). */
export const ORIGIN: Record<TargetOrigin, string> = { plan: '方案原文', lead: '新闻导语（非方案原文）' };

export const DIRECTION: Record<string, string> = { increase: '越高越好', decrease: '越低越好' };

/** What an indicator id means when the catalogue does not know the target (its own wording is the label). */
export const UNCLASSIFIED = 'unclassified';

/** How the text before a plan's first numbered clause is named where a clause would show its number. */
export const PREAMBLE = '序言';

/** Said wherever the model has no value for a fact the reader may expect (an undated plan). */
export const NOT_STATED = '未注明';

/**
 * Rounds away binary floating-point noise: unit conversion turns 1.017万吨 into 10169.999999999998 吨, which
 * must print as 10170. Twelve significant digits are far more than any plan states, and far fewer than the
 * 15–17 where the noise lives. The one place this rule lives.
 */
export function cleanNumber(value: number): number {
  // An integer of at most twelve digits carries no noise: itself, without the round trip through a string
  // (most numbers of a plan are years and counts). Zero included, as the round trip gives it (-0 → 0).
  if (Number.isInteger(value) && value < 1e12 && value > -1e12) return value === 0 ? 0 : value;
  return Number.isFinite(value) ? Number(value.toPrecision(12)) : value;
}

/** A number without exponent or trailing zeros, as a machine reads it: 12100, 0.0691, 659.1. */
export function plainNumber(value: number): string {
  const clean = cleanNumber(value);
  if (Number.isInteger(clean) || !Number.isFinite(clean)) return String(clean);
  return clean.toFixed(12).replace(/0+$/, '').replace(/\.$/, '');
}

/**
 * A number as people read it on every page and chart: digits as the plans print them (12100, 0.0691, 659.1 —
 * Chinese government texts never group thousands), no exponent, no trailing zeros, no floating-point noise.
 */
export const formatNumber = plainNumber;

/** A value with its unit, no space (Chinese typesetting): 14.5%, 12100吨, 44.7万立方米/日. */
export function withUnit(value: number, unit: string): string {
  return `${formatNumber(value)}${unit}`;
}

/** ≥14.5%, ≈12%, 12100吨. */
export function valueLabel(value: number, unit: string, comparator: Comparator = '='): string {
  return `${COMPARATOR[comparator]}${withUnit(value, unit)}`;
}

/** 14.5%以上 */
export function valueInWords(value: number, unit: string, comparator: Comparator): string {
  const words = COMPARATOR_WORD[comparator];
  return `${words.before}${withUnit(value, unit)}${words.after}`;
}

/** The value as the plan prints it when normalisation changed it (44.7万立方米/日), else null. */
export function printedValue(target: Pick<Target, 'value' | 'unit' | 'originalValue' | 'originalUnit'>) {
  if (target.originalUnit === target.unit && cleanNumber(target.originalValue) === cleanNumber(target.value))
    return null;
  return `${plainNumber(target.originalValue)}${target.originalUnit}`;
}

/**
 * The value as a reader finds it in the plan, for a label with room for one form: its printed number and unit
 * (44.7万立方米/日, 3个百分点, 5千米), else the normalised value where printing changed nothing (14.5%); a value
 * stated in words gives its words and the value read from them (全面（100%）). Digits in the site's one form
 * (a full-width ４４．７ reads 44.7): the number and unit are the printed ones, the typeface is not kept.
 */
export function asPrinted(
  target: Pick<Target, 'value' | 'unit' | 'originalValue' | 'originalUnit'> & { wording?: string | null },
): string {
  const normalised = withUnit(target.value, target.unit);
  const wording = target.wording ?? null;
  if (wording !== null) return `${wording}（${normalised}）`;
  return printedValue(target) ?? normalised;
}

/** The printed form with its comparator glyph, as a chart prints it after a bar: ≥44.7万立方米/日, ≈13.5%. */
export function printedValueLabel(
  target: Pick<Target, 'value' | 'unit' | 'originalValue' | 'originalUnit' | 'comparator'> & {
    wording?: string | null;
  },
): string {
  return `${COMPARATOR[target.comparator]}${asPrinted(target)}`;
}

/** The unit of a class value (water-quality class): its printed wording says it all. */
const CLASS_UNIT = '类';

/**
 * A target's (or outcome's) value with the printed form beside the normalised one where they differ:
 * `447,000立方米/日（原文：44.7万立方米/日）`, `≥14.5%`; a value stated in words with its words
 * (`100%（原文：全面）`); a class as printed (`II 类`).
 */
export function targetValueText(
  target: Pick<Target, 'value' | 'unit' | 'originalValue' | 'originalUnit' | 'comparator'> & {
    wording?: string | null;
  },
): string {
  const wording = target.wording ?? null;
  if (wording !== null && target.unit === CLASS_UNIT) return wording;
  const normalised = valueLabel(target.value, target.unit, target.comparator);
  const printed = wording ?? printedValue(target);
  return printed === null ? normalised : `${normalised}（原文：${printed}）`;
}

/** `2023年5月4日` from `2023-05-04`. */
export function chineseDate(iso: string | null): string | null {
  if (iso === null) return null;
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** `2020–2025`, `2025`, or null without years. */
export function years(baseline: number | null, target: number | null): string | null {
  if (baseline === null && target === null) return null;
  return `${baseline ?? ''}${baseline !== null && target !== null ? '–' : ''}${target ?? ''}`;
}

/**
 * 比2020年，到2025年 — the plans' own way of stating the period. A share or rate has no baseline, so a
 * missing baseline is left out; a missing target year is said to be unknown.
 */
export function yearsInWords(baselineYear: number | null, targetYear: number | null): string {
  const target = targetYear === null ? '目标年未注明' : `到${targetYear}年`;
  return baselineYear === null ? target : `比${baselineYear}年，${target}`;
}

/** The verdict of a target against a reference (src/lib/lineage/), as a word before the reference's name. */
export const VERDICT: Record<Verdict, string> = { stricter: '严于', equal: '持平', weaker: '弱于' };

/**
 * A mark printed before a verdict so it never rests on colour alone: ▲ asks more, ▼ less, ＝ the same; a pair
 * that is not like for like gets —.
 */
export const VERDICT_MARK: Record<Verdict | 'not-comparable', string> = {
  stricter: '▲',
  equal: '＝',
  weaker: '▼',
  'not-comparable': '—',
};

/** Said of targets whose reference is not like for like, in a summary line. */
export const NOT_COMPARED = '口径不同，未作比较';

/** How to read the marks, for a table's legend: ▲ 严于，＝ 持平，▼ 弱于，— 口径不同，未作比较. */
export const VERDICT_LEGEND = [
  ...(['stricter', 'equal', 'weaker'] as const).map((v) => `${VERDICT_MARK[v]} ${VERDICT[v]}`),
  `${VERDICT_MARK['not-comparable']} ${NOT_COMPARED}（注明原因）`,
].join('，');

/** 严于全国, 与重庆市持平, 弱于全国. */
export function verdictText(verdict: Verdict, whom: string): string {
  return verdict === 'equal' ? `与${whom}持平` : `${VERDICT[verdict]}${whom}`;
}

/** Why a target and a reference are not compared, in a few words. */
export const NOT_COMPARABLE: Record<NotComparableReason, string> = {
  'not-own-target': '本方案所列其他地区目标值，不作比较',
  categorical: '类别目标（如水质类别）不作比较',
  'unit-differs': '单位不同',
  'baseline-year-unstated': '基准年未注明',
  'baseline-year-differs': '基准年不同',
  'target-year-unstated': '目标年未注明',
  'target-year-differs': '目标年不同',
  'scope-differs': '范围不同',
  'ambition-differs': '目标性质不同',
  approximate: '一方为约数',
  'comparator-differs': '比较方式不同',
  'several-references': '有多个不同的可比目标值',
};

/** Where a plan's parent link came from, after the parent's name: （据行政区划）. */
export const PARENT_SOURCE: Record<ParentSource, string> = {
  sidecar: '据补充元数据',
  division: '据行政区划',
  citation: '据本方案引用的文件',
};

/** What a caveat on a comparison says: which side is a 征求意见稿. */
export function draftNote(side: DraftSide, whom: string): string {
  return side === 'plan' ? '本方案为征求意见稿' : `${whom}方案为征求意见稿`;
}
