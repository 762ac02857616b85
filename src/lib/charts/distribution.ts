/**
 * One indicator across thousands of plans: how many targets state each value, as columns over the value axis
 * (a histogram of the exact values while they are few enough to tell apart, else of equal-width bins), with
 * the national reference as a labelled line. A bar per plan stops being legible past a few dozen plans and
 * its markup grows with the corpus; this chart's markup grows only with the number of distinct values.
 *
 * Every column is split by how its targets are drawn elsewhere — filled for binding, hollow for incentive,
 * dashed for aspiration — and a draft's (征求意见稿) targets are hatched, so a draft is never counted as
 * adopted. Under the axis a strip is left empty for the page's script to place the reader's chosen plans
 * (`data-*` attributes give it the scale). Data → geometry only; `renderDistributionSvg` draws it.
 */
import { bin, max, scaleLinear } from 'd3';
import { AMBITION_SHAPE, textWidth, wrapText } from './format';
import { AMBITION, formatNumber, withUnit, yearsInWords } from '../vocabulary';
import { legendBottom, legendItems, referenceInWords, statusesOf } from './shared';
import { assertRows } from './shared';
import { idFrom, round } from './svg';
import type {
  ChartFrame,
  ChartIndicator,
  ChartVariant,
  LegendItem,
  MarkShape,
  ReferenceGeometry,
  ReferenceValue,
  Tick,
  TargetRow,
} from './types';
import type { Ambition } from '../model/plan';

export interface DistributionInput {
  indicator: ChartIndicator;
  /** Every target drawn (one plan may give a binding and an incentive value). */
  rows: readonly TargetRow[];
  /** Plans that set no number: said in the description, not drawn. */
  unsetCount: number;
  reference?: ReferenceValue | null | undefined;
  title?: string | undefined;
  id?: string | undefined;
}

/** Part of a column: the targets of one ambition, adopted or draft. */
export interface DistributionSegment {
  ambition: Ambition;
  shape: MarkShape;
  /** Targets of plans with a status mark (征求意见稿): hatched. */
  marked: boolean;
  count: number;
  y: number;
  height: number;
}

export interface DistributionColumn {
  /** The values the column counts: one exact value (`x0 === x1`), or the bin [x0, x1). */
  x0: number;
  x1: number;
  /** e.g. `14.5%`, or `14%–15%` for a bin. */
  label: string;
  count: number;
  plans: number;
  segments: DistributionSegment[];
  x: number;
  width: number;
  /** Top of the column, for its count label. */
  top: number;
  /** Whether the count fits above the column without running into a neighbour's. */
  countLabel: boolean;
  /** Everything the column shows, in words. */
  ariaLabel: string;
}

export interface DistributionGeometry extends ChartFrame {
  indicator: ChartIndicator;
  legend: LegendItem[];
  /** Value axis (x), with its scale for the script that places chosen plans. */
  axis: { domain: [number, number]; x0: number; x1: number; y: number; ticks: Tick[] };
  /** Count axis (y): its top, baseline and ticks (`x` is the tick's y position here). */
  countAxis: { top: number; y: number; x: number; ticks: { value: number; y: number; label: string }[] };
  columns: DistributionColumn[];
  /** Whether the columns are equal-width bins rather than exact values. */
  binned: boolean;
  reference: ReferenceGeometry | null;
  /** The empty band under the axis where the page marks the reader's chosen plans. */
  strip: { y: number; height: number };
  axisTitle: string[];
  axisTitleY: number;
  axisTitleLineHeight: number;
  caption: string[];
  captionY: number;
}

export const DISTRIBUTION = {
  width: 640,
  fontSize: 13,
  plotHeight: 180,
  margin: 8,
  tickCount: 6,
  countTicks: 4,
  /** Widest an exact-value column is drawn. */
  maxColumnWidth: 14,
  /** Narrowest: below this, adjacent exact values would merge, so the chart bins instead. */
  minColumnWidth: 3,
  /** More exact values than this are binned. */
  maxExactColumns: 60,
  binCount: 30,
  stripHeight: 28,
  captionLineHeight: 18,
} as const;

export const DISTRIBUTION_NARROW = {
  ...DISTRIBUTION,
  width: 320,
  plotHeight: 160,
  tickCount: 4,
  binCount: 20,
} as const;

const AMBITIONS: readonly Ambition[] = ['binding', 'incentive', 'aspiration'];

function rangeLabel(x0: number, x1: number, unit: string): string {
  return x0 === x1 ? withUnit(x0, unit) : `${withUnit(x0, unit)}–${withUnit(x1, unit)}`;
}

interface Group {
  x0: number;
  x1: number;
  rows: TargetRow[];
}

/** Exact values while they are few and far enough apart on the axis, else equal-width bins. */
function groupsOf(
  rows: readonly TargetRow[],
  scale: (v: number) => number,
  domain: [number, number],
  binCount: number,
): { groups: Group[]; binned: boolean; columnWidth: number } {
  const byValue = new Map<number, TargetRow[]>();
  for (const row of rows) {
    // In place: thousands of plans may share one value (13.5%), and copying the group per row is quadratic.
    const group = byValue.get(row.value);
    if (group === undefined) byValue.set(row.value, [row]);
    else group.push(row);
  }
  const values = [...byValue.keys()].sort((a, b) => a - b);
  let gap = Infinity;
  for (let i = 1; i < values.length; i++)
    gap = Math.min(gap, scale(values[i] as number) - scale(values[i - 1] as number));
  const columnWidth = Math.min(DISTRIBUTION.maxColumnWidth, gap * 0.8);
  if (values.length <= DISTRIBUTION.maxExactColumns && columnWidth >= DISTRIBUTION.minColumnWidth) {
    return {
      groups: values.map((v) => ({ x0: v, x1: v, rows: byValue.get(v) as TargetRow[] })),
      binned: false,
      columnWidth,
    };
  }
  const bins = bin<TargetRow, number>()
    .value((row) => row.value)
    .domain(domain)
    .thresholds(scaleLinear().domain(domain).ticks(binCount))(rows);
  return {
    groups: bins
      .filter((b) => b.length > 0)
      .map((b) => ({ x0: b.x0 as number, x1: b.x1 as number, rows: [...b] })),
    binned: true,
    columnWidth: 0,
  };
}

/** Distinct (baseline, target) year pairs with how many targets state each, most frequent first. */
function yearCounts(rows: readonly TargetRow[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const key = yearsInWords(row.baselineYear, row.targetYear);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]);
}

/** Lays out the distribution of one indicator's targets. Pure: the same input gives the same geometry. */
export function distribution(input: DistributionInput, variant: ChartVariant = 'wide'): DistributionGeometry {
  const C = variant === 'narrow' ? DISTRIBUTION_NARROW : DISTRIBUTION;
  const { indicator } = input;
  assertRows(input.rows, indicator.unit, `chart ${indicator.id}`);
  const rows = input.rows;
  const reference = input.reference ?? null;
  const baseId = input.id ?? idFrom('chart', indicator.id);
  const id = variant === 'narrow' ? `${baseId}-narrow` : baseId;
  const title = input.title ?? `「${indicator.name}」各方案目标值分布`;
  const inner = C.width - 2 * C.margin;

  const legendY = C.margin + C.fontSize / 2 + 2;
  const statuses = statusesOf(rows);
  const legend = legendItems(
    new Set(rows.map((row) => row.ambition)),
    reference !== null,
    C.margin,
    legendY,
    C.fontSize,
    statuses,
    inner,
  );
  const plotTop = legendBottom(legend, legendY) + C.fontSize + (reference ? C.fontSize + 16 : 8);
  const baseline = plotTop + C.plotHeight;

  // Value axis: the data and the reference, with room for half a column at either end.
  const values = rows.map((row) => row.value);
  if (reference) values.push(reference.value);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const countLabelWidth = textWidth(String(rows.length), C.fontSize) + 6;
  const x0 = C.margin + countLabelWidth + C.maxColumnWidth / 2;
  const x1 = C.margin + inner - C.maxColumnWidth / 2 - C.fontSize;
  const scale = scaleLinear()
    .domain(lo === hi ? [lo - 1, hi + 1] : [lo, hi])
    .range([x0, x1])
    .nice(C.tickCount);
  const domain = scale.domain() as [number, number];
  const unitSuffix = indicator.unit === '%' ? '%' : '';
  const ticks = scale.ticks(C.tickCount).map((value) => ({
    value,
    x: round(scale(value)),
    label: `${formatNumber(value)}${unitSuffix}`,
  }));

  const { groups, binned, columnWidth } = groupsOf(rows, scale, domain, C.binCount);
  const maxCount = max(groups, (g) => g.rows.length) ?? 0;
  const count = scaleLinear()
    .domain([0, Math.max(1, maxCount)])
    .range([baseline, plotTop])
    .nice(C.countTicks);
  const countTicks = count
    .ticks(C.countTicks)
    .filter((v) => Number.isInteger(v))
    .map((value) => ({ value, y: round(count(value)), label: String(value) }));

  const centre = (g: Group) => (binned ? (scale(g.x0) + scale(g.x1)) / 2 : scale(g.x0));
  const columns: DistributionColumn[] = groups.map((group, i) => {
    const neighbours = [groups[i - 1], groups[i + 1]].filter((g): g is Group => g !== undefined);
    const room = Math.min(Infinity, ...neighbours.map((g) => Math.abs(centre(g) - centre(group))));
    const left = binned ? scale(group.x0) + 0.5 : scale(group.x0) - columnWidth / 2;
    const width = binned ? Math.max(1, scale(group.x1) - scale(group.x0) - 1) : columnWidth;
    const segments: DistributionSegment[] = [];
    let below = 0;
    for (const ambition of AMBITIONS) {
      for (const marked of [false, true]) {
        const n = group.rows.filter(
          (row) => row.ambition === ambition && (row.status ?? []).length > 0 === marked,
        ).length;
        if (n === 0) continue;
        const yTop = count(below + n);
        segments.push({
          ambition,
          shape: AMBITION_SHAPE[ambition],
          marked,
          count: n,
          y: round(yTop),
          height: round(count(below) - yTop),
        });
        below += n;
      }
    }
    const label = rangeLabel(group.x0, group.x1, indicator.unit);
    const plans = new Set(group.rows.map((row) => row.planId)).size;
    const parts = segments.map(
      (s) =>
        `${AMBITION[s.ambition]}${s.marked ? `（${statuses.map((m) => m.label).join('、')}）` : ''} ${s.count}`,
    );
    return {
      x0: group.x0,
      x1: group.x1,
      label,
      count: group.rows.length,
      plans,
      segments,
      x: round(left),
      width: round(width),
      top: round(count(group.rows.length)),
      countLabel: textWidth(String(group.rows.length), C.fontSize * 0.85) + 2 <= room,
      ariaLabel: `${label}${binned ? '（含下限，不含上限）' : ''}：${group.rows.length} 个目标值，${plans} 份方案（${parts.join('，')}）`,
    };
  });

  let referenceGeometry: ReferenceGeometry | null = null;
  if (reference) {
    const x = round(scale(reference.value));
    const text = `${reference.label}：${withUnit(reference.value, indicator.unit)}`;
    const half = textWidth(text, C.fontSize) / 2;
    const textAnchor = x - half < C.margin ? 'start' : x + half > C.margin + inner ? 'end' : 'middle';
    referenceGeometry = {
      value: reference.value,
      label: reference.label,
      text,
      x,
      y1: round(plotTop - 6),
      y2: round(baseline),
      textX: x,
      textY: round(plotTop - 10),
      textAnchor,
    };
  }

  const axisY = round(baseline);
  const stripY = round(axisY + C.fontSize + 10);
  const years = yearCounts(rows);
  const axisTitleText = `${indicator.name}（${indicator.unit}${years.length === 1 ? `，${years[0]?.[0]}` : ''}）`;
  const axisTitle = wrapText(axisTitleText, inner, C.fontSize);
  const axisTitleLineHeight = C.captionLineHeight;
  const axisTitleY = round(stripY + C.stripHeight + C.fontSize);
  const axisTitleEnd = axisTitleY + (axisTitle.length - 1) * axisTitleLineHeight;
  const caption =
    years.length > 1
      ? wrapText(
          `注：基准年、目标年不同——${years.map(([y, n]) => `${y} ${n} 个`).join('；')}`,
          inner,
          C.fontSize,
        )
      : [];
  const captionY = round(axisTitleEnd + C.captionLineHeight + 4);
  const height = round(
    caption.length > 0
      ? captionY + (caption.length - 1) * C.captionLineHeight + C.margin + 4
      : axisTitleEnd + C.margin + 4,
  );

  const plans = new Set(rows.map((row) => row.planId)).size;
  const parts = [
    `${title}：${plans} 份方案共 ${rows.length} 个目标值，每一列为${binned ? '一个取值区间' : '一个目标值'}上的目标个数`,
  ];
  for (const status of statuses) parts.push(`“${status.label}”的目标以斜线条纹绘制`);
  if (years.length === 1) parts.push(`年份均为${years[0]?.[0]}`);
  if (columns.length > 0) parts.push(columns.map((c) => c.ariaLabel).join('；'));
  if (reference) parts.push(referenceInWords(reference, indicator.unit));
  if (input.unsetCount > 0) parts.push(`另有 ${input.unsetCount} 份方案未设定量目标`);

  return {
    id,
    width: C.width,
    height,
    fontSize: C.fontSize,
    title,
    description: `${parts.join('。')}。`,
    indicator,
    legend,
    axis: { domain, x0: round(x0), x1: round(x1), y: axisY, ticks },
    countAxis: { top: round(plotTop), y: axisY, x: round(C.margin + countLabelWidth - 4), ticks: countTicks },
    columns,
    binned,
    reference: referenceGeometry,
    strip: { y: stripY, height: C.stripHeight },
    axisTitle,
    axisTitleY,
    axisTitleLineHeight,
    caption,
    captionY,
  };
}
