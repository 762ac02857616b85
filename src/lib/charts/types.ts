/**
 * Inputs and outputs of the chart layouts. A chart is computed in two steps, as in owid-grapher's
 * State/Chart split: `data → geometry` (pure, unit-tested, every coordinate decided) and
 * `geometry → SVG string` (no decisions left, only markup). Nothing here knows Astro or a DOM.
 */
import type { TargetFigures } from '../model/figures';
import type { StatusMark } from '../status';

/** A caveat on a plan's values (征求意见稿…): printed after its name and drawn distinctly. */
export type ChartStatus = Pick<StatusMark, 'id' | 'label'>;

/** The indicator a chart shows, as the catalogue names it. */
export interface ChartIndicator {
  /** Catalogue id, e.g. `energy-intensity`; used for element ids and the CSV `indicator` column. */
  id: string;
  /** Chinese name, e.g. 单位地区生产总值能耗降低. */
  name: string;
  /** Normalised unit every row must share, e.g. `%` or `吨`. */
  unit: string;
  /** A short name for a small panel, e.g. `COD`; defaults to `name`. */
  shortName?: string | undefined;
}

/** A higher level's value for the same indicator, drawn as a tick in the plan's row. */
export interface ParentValue {
  value: number;
  /** The value as the parent's plan prints it (`asPrinted`); the normalised value when absent. */
  printed?: string | undefined;
  /** Who set it, e.g. 重庆市. */
  label: string;
}

/** One quantified target of one plan for the charted indicator. */
export interface TargetRow extends TargetFigures {
  planId: string;
  /** Display name of the plan in the chart, usually its region, e.g. 黔江区. */
  plan: string;
  /** The plan's full title, for the accessible label and the CSV; optional. */
  planTitle?: string | undefined;
  // `scope`, a narrower scope than the whole jurisdiction (市本级, 县城), is shown next to the plan name.
  /**
   * The value as the plan prints it (`asPrinted` in src/lib/vocabulary.ts: 44.7万立方米/日, 全面（100%）), which
   * every label shows; `value` places and sorts the mark. The normalised value when absent.
   */
  printed?: string | undefined;
  /** Permalink of the clause that states the value (`/plans/<plan>/#<clause>`). */
  href: string;
  parent?: ParentValue | null | undefined;
  /** The plan's status marks (`statusMarks`): a draft's value is labelled and drawn apart from adopted ones. */
  status?: readonly ChartStatus[] | undefined;
}

/** A plan that sets no number for the indicator: listed as 未设定量目标, never silently left out. */
export interface UnsetPlan {
  planId: string;
  plan: string;
  /** The plan's full title, for the CSV; optional. */
  planTitle?: string | undefined;
  /** Where to read what the plan says instead (its page or clause); optional. */
  href?: string | undefined;
  /** What the plan says instead, e.g. 达到国家要求. */
  note?: string | undefined;
  status?: readonly ChartStatus[] | undefined;
}

/** A reference value drawn as a labelled line across the plot, e.g. the national 13.5%. */
export interface ReferenceValue {
  value: number;
  /** Who set it, e.g. 全国（国发〔2021〕33号）. */
  label: string;
}

export interface TargetComparisonInput {
  indicator: ChartIndicator;
  rows: readonly TargetRow[];
  unset?: readonly UnsetPlan[] | undefined;
  reference?: ReferenceValue | null | undefined;
  /** Accessible name; defaults to 「<indicator>」各方案目标对比. */
  title?: string | undefined;
  /** Element id prefix; defaults to `chart-<indicator id>`. Give one when a page shows a chart twice. */
  id?: string | undefined;
}

/**
 * `wide` (default): row labels left of the bars, 640 units across, for a desktop column or a download.
 * `narrow`: each row's label and value on a line above its bar and everything inside 320 units, for a phone,
 * where the wide drawing would shrink its text below legibility.
 */
export type ChartVariant = 'wide' | 'narrow';

export interface SmallMultiplesPanelInput {
  indicator: ChartIndicator;
  rows: readonly TargetRow[];
  unset?: readonly UnsetPlan[] | undefined;
  reference?: ReferenceValue | null | undefined;
}

export interface SmallMultiplesInput {
  /** Element id prefix, e.g. `chart-pollutant-reductions`. */
  id: string;
  /** Accessible name, e.g. 主要污染物重点工程减排量. */
  title: string;
  panels: readonly SmallMultiplesPanelInput[];
  /**
   * Plan ids in display order, the same in every panel so that a plan is found at one place. Defaults to
   * the first panel's values, largest first, then plans without a value there.
   */
  planOrder?: readonly string[] | undefined;
  /**
   * `independent` (default): each panel's own zero-based scale, labelled, because COD and NH₃-N differ by two
   * orders of magnitude. `shared`: one scale for all panels, to compare tonnages across pollutants.
   */
  scale?: 'independent' | 'shared' | undefined;
}

/** How a mark is drawn: the ambition is told by shape and by a text suffix, never by colour alone. */
export type MarkShape = 'filled' | 'hollow' | 'hollow-dashed';

export interface Tick {
  value: number;
  x: number;
  label: string;
}

export interface AxisGeometry {
  /** The scale's domain after `nice()`: starts at zero for magnitudes. */
  domain: [number, number];
  /** Plot extent in x. */
  x0: number;
  x1: number;
  /** Baseline of the axis (below the last row). */
  y: number;
  /** Top of the plot (grid lines run from here to `y`). */
  top: number;
  ticks: Tick[];
}

export interface BarMark extends TargetFigures {
  /** Deterministic key: `<planId>-<n>` within its chart or panel. */
  key: string;
  planId: string;
  plan: string;
  /** Row label: plan name, with the scope where there is one. */
  label: string;
  shape: MarkShape;
  /** ≥, ≤, ≈ or empty. */
  glyph: string;
  /** 激励, 力争 or empty. */
  suffix: string;
  /** Printed next to the bar: glyph and the value as the plan prints it, e.g. ≥14.5%, 44.7万立方米/日. */
  valueLabel: string;
  /**
   * Accessible label of the link: the plan, then the text printed after the bar word for word (WCAG 2.5.3: a
   * name contains the visible label), then in words the normalised value, ambition and years, e.g.
   * 黔江区：≥14.5% 激励（14.5%以上，激励目标，比2020年，到2025年）.
   */
  ariaLabel: string;
  /** The plan's status mark ids (`draft`…): such a bar is hatched, never drawn like an adopted value. */
  status: string[];
  href: string;
  /** Bar rectangle. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Centre line of the row, for text. */
  cy: number;
  /** Where the value label starts, and its baseline's centre line (the row's, or the label line above it). */
  labelX: number;
  labelY: number;
  /** Where the row label is anchored (its end beside the bar, or its start above it). */
  rowLabelX: number;
  rowLabelY: number;
  parent: { value: number; label: string; x: number; text: string } | null;
}

export interface UnsetRow {
  planId: string;
  plan: string;
  label: string;
  href: string | null;
  /** 未设定量目标, with the plan's own wording where given. */
  text: string;
  cy: number;
  /** Where the text starts. */
  textX: number;
  rowLabelX: number;
  rowLabelY: number;
}

export interface ReferenceGeometry {
  value: number;
  label: string;
  /** Printed label, e.g. 全国（国发〔2021〕33号）13.5%. */
  text: string;
  x: number;
  y1: number;
  y2: number;
  textX: number;
  textY: number;
  textAnchor: 'start' | 'middle' | 'end';
}

/** One band chart (a whole comparison, or one panel of the small multiples). */
export interface BandLayout {
  /** Right edge of the row labels (they are end-anchored here), or their left edge when stacked. */
  labelX: number;
  /** `end`: labels left of the bars; `start`: each label on its own line above its bar (narrow charts). */
  labelAnchor: 'start' | 'end';
  axis: AxisGeometry;
  marks: BarMark[];
  unset: UnsetRow[];
  reference: ReferenceGeometry | null;
  /** Bottom of the axis tick labels. */
  bottom: number;
}

export interface LegendItem {
  shape: MarkShape | 'reference' | 'draft';
  label: string;
  x: number;
  y: number;
}

/** What every chart's SVG carries whatever its marks: size, text size and its accessible name and description. */
export interface ChartFrame {
  id: string;
  width: number;
  height: number;
  fontSize: number;
  /** Accessible name (<title>). */
  title: string;
  /** Accessible description (<desc>): every value in words. */
  description: string;
}

export interface TargetComparisonGeometry extends ChartFrame {
  indicator: ChartIndicator;
  /** Axis title, e.g. 单位地区生产总值能耗降低（%）, in lines that fit the width. */
  axisTitle: string[];
  axisTitleY: number;
  axisTitleLineHeight: number;
  legend: LegendItem[];
  layout: BandLayout;
  /** Baseline/target years when they differ across rows, one line per row; empty when they agree. */
  caption: string[];
  captionY: number;
}

export interface SmallMultiplesPanel {
  indicator: ChartIndicator;
  /** Panel title, e.g. 化学需氧量（COD，吨）. */
  title: string;
  x: number;
  y: number;
  width: number;
  titleY: number;
  layout: BandLayout;
}

export interface SmallMultiplesGeometry extends ChartFrame {
  scale: 'independent' | 'shared';
  legend: LegendItem[];
  panels: SmallMultiplesPanel[];
  caption: string[];
  captionY: number;
}
