/**
 * Several indicators in one figure, one small band chart per indicator (the four pollutant reductions in
 * tonnes), the plans in the same order in every panel so a plan is found in one place.
 */
import {
  labelColumnWidth,
  layoutBands,
  valueColumnWidth,
  domainValuesOf,
  GAP,
  markTrailingText,
  MIN_PLOT_WIDTH,
} from './layout';
import { rowLabel, textWidth, wrapText } from './format';
import {
  assertRows,
  commonYears,
  compareText,
  compareWithinPlan,
  legendBottom,
  legendItems,
  statusesOf,
  markEntries,
  referenceInWords,
  rowInWords,
  unsetEntries,
  unsetInWords,
  unsetPlans,
  yearsCaption,
} from './shared';
import type { BandEntry } from './layout';
import { idFrom, round } from './svg';
import type {
  ChartVariant,
  SmallMultiplesGeometry,
  SmallMultiplesInput,
  SmallMultiplesPanel,
  SmallMultiplesPanelInput,
  TargetRow,
  UnsetPlan,
} from './types';

export const SMALL_MULTIPLES = {
  width: 640,
  columns: 2,
  gap: 24,
  fontSize: 12,
  rowHeight: 24,
  barHeight: 12,
  tickCount: 3,
  margin: 8,
  captionLineHeight: 16,
} as const;

/** The narrow variant: one column of panels, 320 units, each row a label line over a full-width bar. */
export const SMALL_MULTIPLES_NARROW = {
  ...SMALL_MULTIPLES,
  width: 320,
  columns: 1,
  rowHeight: 36,
} as const;

/** Panel title: short name and unit, e.g. 化学需氧量 COD（吨）. */
function panelTitle(panel: SmallMultiplesPanelInput): string {
  return `${panel.indicator.shortName ?? panel.indicator.name}（${panel.indicator.unit}）`;
}

/**
 * Default plan order: by the first panel's headline value, largest first; plans without a value there
 * after, by id. Deterministic whatever the input order.
 */
function defaultOrder(panels: readonly SmallMultiplesPanelInput[]): string[] {
  const ids = new Set<string>();
  for (const panel of panels) {
    for (const row of panel.rows) ids.add(row.planId);
    for (const plan of panel.unset ?? []) ids.add(plan.planId);
  }
  const first = panels[0]?.rows ?? [];
  const headline = (planId: string): number | null => {
    const rows = first.filter((row) => row.planId === planId).sort(compareWithinPlan);
    return rows[0]?.value ?? null;
  };
  return [...ids].sort((a, b) => {
    const va = headline(a);
    const vb = headline(b);
    if (va !== null && vb !== null && va !== vb) return vb - va;
    if (va === null && vb !== null) return 1;
    if (vb === null && va !== null) return -1;
    return compareText(a, b);
  });
}

/** One panel's rows in the shared plan order; a plan missing from the panel is listed as unset there. */
function panelEntries(panel: SmallMultiplesPanelInput, order: readonly string[]): BandEntry[] {
  const unset = unsetPlans(panel.rows, panel.unset);
  const names = new Map<string, string>();
  for (const row of panel.rows) names.set(row.planId, row.plan);
  for (const plan of unset) names.set(plan.planId, plan.plan);
  const entries: BandEntry[] = [];
  const placed = new Set<string>();
  const place = (planId: string) => {
    if (placed.has(planId)) return;
    placed.add(planId);
    const rows = panel.rows.filter((row) => row.planId === planId).sort(compareWithinPlan);
    if (rows.length > 0) {
      entries.push(...markEntries(rows));
      return;
    }
    const explicit = unset.find((plan) => plan.planId === planId);
    if (explicit) entries.push(...unsetEntries([explicit]));
  };
  for (const planId of order) place(planId);
  // Plans the order does not name still appear, after the others: nothing is silently dropped.
  for (const planId of [...names.keys()].sort(compareText)) place(planId);
  return entries;
}

/** Plans that appear in some panel but neither set a number nor are listed unset in this one. */
function implicitUnset(panel: SmallMultiplesPanelInput, all: ReadonlyMap<string, string>): UnsetPlan[] {
  const present = new Set([...panel.rows.map((r) => r.planId), ...(panel.unset ?? []).map((p) => p.planId)]);
  return [...all.entries()]
    .filter(([planId]) => !present.has(planId))
    .map(([planId, plan]) => ({ planId, plan }));
}

/**
 * Lays out the small multiples in a grid (two columns). Every panel lists every plan: a plan absent from a
 * panel's rows is shown there as 未设定量目标. Each panel has its own zero-based scale unless `scale: 'shared'`.
 */
export function smallMultiples(
  input: SmallMultiplesInput,
  variant: ChartVariant = 'wide',
): SmallMultiplesGeometry {
  const C = variant === 'narrow' ? SMALL_MULTIPLES_NARROW : SMALL_MULTIPLES;
  const stacked = variant === 'narrow';
  const scale = input.scale ?? 'independent';
  for (const panel of input.panels)
    assertRows(panel.rows, panel.indicator.unit, `chart ${input.id} ${panel.indicator.id}`);
  if (scale === 'shared') {
    const units = new Set(input.panels.map((panel) => panel.indicator.unit));
    if (units.size > 1)
      throw new Error(`chart ${input.id}: a shared scale needs one unit, got ${[...units].join(', ')}`);
  }

  const allPlans = new Map<string, string>();
  for (const panel of input.panels) {
    for (const row of panel.rows) if (!allPlans.has(row.planId)) allPlans.set(row.planId, row.plan);
    for (const plan of panel.unset ?? [])
      if (!allPlans.has(plan.planId)) allPlans.set(plan.planId, plan.plan);
  }
  const panelsInput = input.panels.map((panel) => ({
    ...panel,
    unset: [...(panel.unset ?? []), ...implicitUnset(panel, allPlans)],
  }));
  const order = input.planOrder ? [...input.planOrder] : defaultOrder(panelsInput);
  const entriesPerPanel = panelsInput.map((panel) => panelEntries(panel, order));

  const allRows: TargetRow[] = panelsInput.flatMap((panel) => [...panel.rows]);
  const ambitions = new Set(allRows.map((row) => row.ambition));
  const hasReference = panelsInput.some((panel) => panel.reference);
  // Aligned panels: one label column and one value margin for all, and for a shared scale one domain.
  const labelWidth = Math.max(0, ...entriesPerPanel.map((entries) => labelColumnWidth(entries, C.fontSize)));
  const valueWidth = valueColumnWidth(allRows, C.fontSize);
  // A chart widens (and so draws smaller) rather than let a long label and value run off its edge: a narrow
  // one to fit a row's label and value on one line, a wide one to fit each panel's label column, the
  // smallest plot and the value column (values are labelled as printed, 0.0691万吨 being longer than 691吨).
  const widePanelNeeds = labelWidth + GAP + MIN_PLOT_WIDTH + GAP + valueWidth;
  const width = stacked
    ? Math.max(
        C.width,
        ...allRows.map(
          (row) =>
            textWidth(rowLabel(row.plan, row.scope, row.status), C.fontSize) +
            GAP +
            textWidth(markTrailingText(row), C.fontSize) +
            2 * C.margin,
        ),
      )
    : Math.max(C.width, 2 * C.margin + C.columns * widePanelNeeds + (C.columns - 1) * C.gap);
  const legendY = C.margin + C.fontSize / 2 + 2;
  const legend = legendItems(
    ambitions,
    hasReference,
    C.margin,
    legendY,
    C.fontSize,
    statusesOf(allRows),
    width - 2 * C.margin,
  );

  const sharedDomain =
    scale === 'shared'
      ? panelsInput.flatMap((panel) => domainValuesOf(panel.rows, panel.reference ?? null))
      : undefined;

  const panelWidth = (width - 2 * C.margin - (C.columns - 1) * C.gap) / C.columns;
  const panels: SmallMultiplesPanel[] = [];
  let rowTop = legendBottom(legend, legendY) + C.fontSize + 8;
  for (let start = 0; start < panelsInput.length; start += C.columns) {
    let rowBottom = rowTop;
    for (let col = 0; col < C.columns && start + col < panelsInput.length; col++) {
      const panel = panelsInput[start + col] as SmallMultiplesPanelInput;
      const entries = entriesPerPanel[start + col] as BandEntry[];
      const x = C.margin + col * (panelWidth + C.gap);
      const titleY = round(rowTop + C.fontSize + 4);
      const reference = panel.reference ?? null;
      const layout = layoutBands({
        entries,
        unit: panel.indicator.unit,
        reference,
        x,
        y: titleY + 8 + (reference ? C.fontSize + 12 : 0),
        width: panelWidth,
        fontSize: C.fontSize,
        rowHeight: C.rowHeight,
        barHeight: C.barHeight,
        tickCount: C.tickCount,
        domainValues: sharedDomain,
        labelWidth,
        valueWidth,
        stacked,
      });
      panels.push({
        indicator: panel.indicator,
        title: panelTitle(panel),
        x: round(x),
        y: round(rowTop),
        width: round(panelWidth),
        titleY,
        layout,
      });
      rowBottom = Math.max(rowBottom, layout.bottom);
    }
    rowTop = rowBottom + C.gap;
  }

  const caption = yearsCaption(allRows).flatMap((line) => wrapText(line, width - 2 * C.margin, C.fontSize));
  const captionY = round(rowTop);
  const height = round(
    caption.length > 0
      ? captionY + (caption.length - 1) * C.captionLineHeight + C.margin
      : rowTop - C.gap + C.margin + 4,
  );

  const years = commonYears(allRows);
  const parts = [
    `${input.title}，${panelsInput.length}个小图，各图${scale === 'shared' ? '共用同一' : '各自使用从零开始的'}刻度`,
  ];
  for (const status of statusesOf(allRows)) parts.push(`标注“${status.label}”的数值以斜线条纹绘制`);
  if (years) parts.push(`各方案年份相同：${years}`);
  panelsInput.forEach((panel, i) => {
    const entries = entriesPerPanel[i] as BandEntry[];
    const rows = entries.flatMap((e) => (e.type === 'mark' ? [e.row] : []));
    const unset = entries.flatMap((e) => (e.type === 'unset' ? [e.plan] : []));
    const bits = [rows.map((row) => rowInWords(row, years === null)).join('；')].filter((b) => b.length > 0);
    if (panel.reference) bits.push(referenceInWords(panel.reference, panel.indicator.unit));
    if (unset.length > 0) bits.push(`未设定量目标：${unsetInWords(unset)}`);
    parts.push(`${panelTitle(panel)}：${bits.join('；')}`);
  });

  return {
    id: variant === 'narrow' ? idFrom(input.id, 'narrow') : idFrom(input.id),
    width: round(width),
    height,
    fontSize: C.fontSize,
    title: input.title,
    description: `${parts.join('。')}。`,
    scale,
    legend,
    panels,
    caption,
    captionY,
  };
}
