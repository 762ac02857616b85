/**
 * A strip plot: one indicator's values across many plans on one axis, legible at one plan or thousands. Equal
 * values (plans often print the same 13.5%) and values closer than a mark's width share one mark whose size
 * grows with its count, so the drawing stays a few dozen elements however many plans there are. A draft's
 * value is a hollow dashed ring, never a filled dot; the region's own plan is pointed at from above; the
 * national reference is a dashed line with its label. Data → geometry (`stripPlot`) → SVG (`renderStripSvg`);
 * the page gives the same data as a table, which is what assistive technology reads.
 */
import { scaleLinear } from 'd3';
import { formatNumber } from '../vocabulary';
import { el, num, textEl } from './svg';

export interface StripPoint {
  value: number;
  /** The plan is a draft (征求意见稿). */
  draft: boolean;
  /** The plan is the region's own (drawn with a pointer above it). */
  own: boolean;
}

export interface StripInput {
  /** The SVG's id, unique in the page. */
  id: string;
  unit: string;
  points: readonly StripPoint[];
  reference: { value: number; label: string } | null;
  median: number | null;
  /** Read out instead of the drawing (the table beside it has the data). */
  label: string;
}

export interface StripMark {
  x: number;
  r: number;
  count: number;
  draft: boolean;
  own: boolean;
}

export interface StripGeometry {
  id: string;
  width: number;
  height: number;
  laneY: number;
  marks: StripMark[];
  ticks: { x: number; label: string; anchor: 'start' | 'middle' | 'end' }[];
  reference: { x: number; label: string; anchor: 'start' | 'end' } | null;
  median: number | null;
  label: string;
}

export const STRIP = {
  width: 360,
  height: 92,
  margin: 14,
  laneY: 46,
  axisY: 66,
  /** Values closer than this (in drawing units) share a mark. */
  binWidth: 5,
  minRadius: 4.5,
  maxRadius: 11,
  /** Width of a tick label's character at the chart's font size (11 units; digits are about 0.6 em). */
  charWidth: 7,
} as const;

function domainOf(values: readonly number[]): [number, number] {
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (lo === hi) {
    const pad = Math.abs(lo) * 0.1 || 1;
    lo -= pad;
    hi += pad;
  }
  return [lo, hi];
}

export function stripPlot(input: StripInput): StripGeometry {
  const values = input.points.map((p) => p.value);
  if (input.reference) values.push(input.reference.value);
  const { width, margin } = STRIP;
  const scale = scaleLinear()
    .domain(values.length > 0 ? domainOf(values) : [0, 1])
    .nice(4)
    .range([margin, width - margin]);

  // One mark per bin and status, so a draft never hides inside an adopted plan's dot.
  const bins = new Map<string, StripMark>();
  for (const point of input.points) {
    const x = Math.round(scale(point.value) / STRIP.binWidth) * STRIP.binWidth;
    const key = `${x}:${point.draft}`;
    const mark = bins.get(key) ?? { x, r: 0, count: 0, draft: point.draft, own: false };
    mark.count++;
    mark.own ||= point.own;
    bins.set(key, mark);
  }
  const marks = [...bins.values()]
    .map((m) => ({
      ...m,
      x: Math.min(width - margin, Math.max(margin, m.x)),
      r: Math.min(STRIP.maxRadius, STRIP.minRadius + Math.sqrt(m.count - 1) * 1.6),
    }))
    .sort((a, b) => a.x - b.x || Number(a.draft) - Number(b.draft));

  // Tick labels never touch: a tick whose label would run into the one before it is left out.
  const tickValues = scale.ticks(4);
  const labelled = tickValues.map((value, i) => ({
    x: scale(value),
    label: `${formatNumber(value)}${i === tickValues.length - 1 ? input.unit : ''}`,
    anchor: (i === 0 ? 'start' : i === tickValues.length - 1 ? 'end' : 'middle') as
      'start' | 'middle' | 'end',
  }));
  const span = (t: (typeof labelled)[number]): [number, number] => {
    const w = t.label.length * STRIP.charWidth;
    if (t.anchor === 'start') return [t.x, t.x + w];
    if (t.anchor === 'end') return [t.x - w, t.x];
    return [t.x - w / 2, t.x + w / 2];
  };
  const ticks: typeof labelled = [];
  for (const tick of labelled) {
    const last = ticks[ticks.length - 1];
    if (last && span(last)[1] + STRIP.charWidth > span(tick)[0]) {
      // The last tick carries the unit: it replaces the one it would collide with.
      if (tick === labelled[labelled.length - 1]) ticks[ticks.length - 1] = tick;
      continue;
    }
    ticks.push(tick);
  }
  const reference = input.reference
    ? {
        x: scale(input.reference.value),
        label: input.reference.label,
        anchor: (scale(input.reference.value) < width / 2 ? 'start' : 'end') as 'start' | 'end',
      }
    : null;
  return {
    id: input.id,
    width,
    height: STRIP.height,
    laneY: STRIP.laneY,
    marks,
    ticks,
    reference,
    median: input.median === null ? null : scale(input.median),
    label: input.label,
  };
}

export function renderStripSvg(g: StripGeometry): string {
  const { laneY } = g;
  const axisY = STRIP.axisY;
  const parts: string[] = [];
  parts.push(
    el('line', { class: 'axis-line', x1: STRIP.margin, x2: g.width - STRIP.margin, y1: axisY, y2: axisY }),
  );
  for (const tick of g.ticks) {
    parts.push(el('line', { class: 'axis-line', x1: tick.x, x2: tick.x, y1: axisY, y2: axisY + 4 }));
    parts.push(textEl({ x: tick.x, y: axisY + 18, 'text-anchor': tick.anchor, class: 'muted' }, tick.label));
  }
  if (g.reference) {
    const { x, label, anchor } = g.reference;
    parts.push(el('line', { class: 'reference', x1: x, x2: x, y1: 20, y2: axisY }));
    parts.push(
      textEl(
        { x: anchor === 'start' ? x + 3 : x - 3, y: 14, 'text-anchor': anchor, class: 'reference-label' },
        label,
      ),
    );
  }
  if (g.median !== null)
    parts.push(el('line', { class: 'median', x1: g.median, x2: g.median, y1: laneY - 14, y2: laneY + 14 }));
  for (const mark of g.marks) {
    parts.push(
      el('circle', {
        class: mark.draft ? 'strip-mark strip-mark--draft' : 'strip-mark',
        cx: mark.x,
        cy: laneY,
        r: mark.r,
      }),
    );
    if (mark.own) {
      const top = laneY - mark.r - 3;
      parts.push(
        el('path', {
          class: 'strip-own',
          d: `M${num(mark.x)} ${num(top)}l-4 -7h8z`,
        }),
      );
    }
  }
  return el(
    'svg',
    {
      id: g.id,
      class: 'plan-atlas-chart strip-chart',
      viewBox: `0 0 ${g.width} ${g.height}`,
      role: 'img',
      'aria-label': g.label,
    },
    parts,
  );
}
