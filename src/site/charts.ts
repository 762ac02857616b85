/**
 * The site's charts: which exist, their data from the atlas, their inline SVG for pages and their downloads
 * (SVG and CSV with absolute links, since a downloaded file leaves the site). Pages and the download endpoints
 * both come through here, so a chart and its files always show the same rows.
 */
import {
  chartCsv,
  creditLine,
  distribution,
  downloadFrame,
  renderDistributionSvg,
  sourceLine,
  renderSmallMultiplesSvg,
  renderTargetComparisonSvg,
  SITE_NAME,
  smallMultiples,
  targetComparison,
  type BarMark,
  type DistributionGeometry,
  type ReferenceValue,
  type SmallMultiplesGeometry,
  type SmallMultiplesPanelInput,
  type TargetComparisonGeometry,
} from '../lib/charts';
import { embedSvg } from '../lib/charts/embed';
import {
  chartDataRows,
  entriesInMarkOrder,
  indicatorChartData,
  smallMultiplesFromPlans,
  type ChartEntry,
  type IndicatorChartData,
  type IndicatorChartOptions,
  type IndicatorForChart,
} from '../lib/charts/indicator-chart';
import type { CsvLanguage } from '../lib/export/table';
import { loadHomeCharts, type HomeCharts } from '../lib/curated/home-charts';
import { atlas } from './corpus';
import { UNCLASSIFIED } from './atlas';
import { catalogueIndicators, type IndicatorInfo } from './catalogues';
import { absoluteUrl, href, paths } from './url';
import { LIST_LIMITS } from './budgets';

let loadedHomeCharts: HomeCharts | null = null;

/** The home page's headline charts (content/home-charts.yaml), loaded once. */
export function homeCharts(): HomeCharts {
  loadedHomeCharts ??= loadHomeCharts(catalogueIndicators().map((indicator) => indicator.id));
  return loadedHomeCharts;
}

const onPage: IndicatorChartOptions = { link: href };
const inFile: IndicatorChartOptions = { link: absoluteUrl };

function forChart(indicator: IndicatorInfo, shortName?: string): IndicatorForChart {
  return {
    id: indicator.id,
    name: indicator.name,
    unit: indicator.unit,
    national: indicator.national,
    ...(shortName ? { shortName } : {}),
  };
}

/** The chart data of an indicator, or null when it has none: no unit, or no plan sets a number. */
function comparisonData(indicator: IndicatorInfo, options: IndicatorChartOptions): IndicatorChartData | null {
  if (!indicator.catalogued || indicator.id === UNCLASSIFIED) return null;
  const data = indicatorChartData(atlas().plans, forChart(indicator), options);
  return data && data.entries.length > 0 ? data : null;
}

/** Public paths of a chart's downloads: its SVG, and its data with English and with Chinese headers. */
export function downloadPaths(chartId: string): ChartDownloads {
  return {
    svg: paths.data(`charts/${chartId}.svg`),
    csv: paths.data(`charts/${chartId}.csv`),
    zhCsv: paths.data(`zh/charts/${chartId}.csv`),
    zhSaveAs: `${SITE_NAME}-${fileNameSafe(chartName(chartId))}.csv`,
  };
}

/** What a chart shows, in words: its indicator's name, or the small multiples' curated title. */
export function chartName(chartId: string): string {
  const multiples = homeCharts().smallMultiples;
  return chartId === multiples.id ? multiples.title : atlas().indicator(chartId).name;
}

/** A name any file system takes: the characters Windows refuses in a file name become a hyphen. */
function fileNameSafe(name: string): string {
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-');
}

export interface ChartDownloads {
  svg: string;
  /** The data with English headers and machine values. */
  csv: string;
  /** The same data with Chinese headers and values in words (`/data/zh/charts/<chart>.csv`). */
  zhCsv: string;
  /** The name a browser saves the Chinese-headed file under: 节能减排方案图谱-<what the chart shows>.csv. */
  zhSaveAs: string;
}

export interface PageChart {
  /** Chart id: the indicator id, or `pollutant-reductions`. */
  id: string;
  /** Embedded SVG markup and the hash that allows its style element. */
  svg: string;
  styleHash: string | null;
  /**
   * The same chart laid out for a phone (labels over the bars, 320 units across), shown instead of `svg`
   * when the figure is narrow; its style element needs its own hash.
   */
  narrowSvg: string;
  narrowStyleHash: string | null;
  title: string;
  downloads: ChartDownloads;
}

export interface ComparisonChart extends PageChart {
  data: IndicatorChartData;
  geometry: TargetComparisonGeometry;
  /** The rows behind the marks, in the marks' order: the data table lists exactly these. */
  entries: ChartEntry[];
}

/** An indicator's comparison chart as a page shows it, or null when the indicator has none. */
export function comparisonChart(indicator: IndicatorInfo): ComparisonChart | null {
  const data = comparisonData(indicator, onPage);
  return data ? comparisonChartOf(indicator, data) : null;
}

function comparisonChartOf(indicator: IndicatorInfo, data: IndicatorChartData): ComparisonChart {
  const geometry = targetComparison(data.input);
  const { svg, styleHash } = embedSvg(renderTargetComparisonSvg(geometry));
  const narrow = embedSvg(renderTargetComparisonSvg(targetComparison(data.input, 'narrow')));
  return {
    id: indicator.id,
    svg,
    styleHash,
    narrowSvg: narrow.svg,
    narrowStyleHash: narrow.styleHash,
    title: geometry.title,
    downloads: downloadPaths(indicator.id),
    data,
    geometry,
    entries: entriesInMarkOrder(geometry.layout.marks, data.entries),
  };
}

export interface DistributionChart extends PageChart {
  data: IndicatorChartData;
  geometry: DistributionGeometry;
}

/** Whether an indicator's targets are too many to draw a bar each (marks and unset rows alike). */
export function drawnAsDistribution(data: IndicatorChartData): boolean {
  return data.input.rows.length + (data.input.unset?.length ?? 0) > LIST_LIMITS.barChartRows;
}

function distributionOfData(data: IndicatorChartData): DistributionChart {
  const input = {
    indicator: data.input.indicator,
    rows: data.input.rows,
    unsetCount: data.unset.length,
    reference: data.input.reference,
  };
  const geometry = distribution(input);
  const wide = embedSvg(renderDistributionSvg(geometry));
  const narrow = embedSvg(renderDistributionSvg(distribution(input, 'narrow')));
  return {
    id: data.input.indicator.id,
    svg: wide.svg,
    styleHash: wide.styleHash,
    narrowSvg: narrow.svg,
    narrowStyleHash: narrow.styleHash,
    title: geometry.title,
    downloads: downloadPaths(data.input.indicator.id),
    data,
    geometry,
  };
}

/**
 * An indicator's chart as a page shows it: a bar per target while they are few (`bars`), else the
 * distribution of the values (`distribution`); null when the indicator has no chart.
 */
export function indicatorChart(
  indicator: IndicatorInfo,
): { kind: 'bars'; chart: ComparisonChart } | { kind: 'distribution'; chart: DistributionChart } | null {
  const data = comparisonData(indicator, onPage);
  if (!data) return null;
  if (drawnAsDistribution(data)) return { kind: 'distribution', chart: distributionOfData(data) };
  return { kind: 'bars', chart: comparisonChartOf(indicator, data) };
}

/**
 * An indicator's values drawn as a distribution whatever their number (a page whose budget holds fewer bars
 * than `LIST_LIMITS.barChartRows`: the home page), or null when the indicator has no chart.
 */
export function indicatorDistribution(
  indicator: IndicatorInfo,
): { kind: 'distribution'; chart: DistributionChart } | null {
  const data = comparisonData(indicator, onPage);
  return data ? { kind: 'distribution', chart: distributionOfData(data) } : null;
}

/** The chart's data for an indicator (rows, unset plans, other units) without drawing it. */
export function indicatorData(indicator: IndicatorInfo): IndicatorChartData | null {
  return comparisonData(indicator, onPage);
}

export interface PollutantChart extends PageChart {
  geometry: SmallMultiplesGeometry;
  /** Per panel, its indicator and the rows behind its marks in the marks' order. */
  panels: { indicator: IndicatorInfo; entries: ChartEntry[] }[];
}

function pollutantData(options: IndicatorChartOptions) {
  const a = atlas();
  const chart = homeCharts().smallMultiples;
  const indicators = chart.panels.map((p) => forChart(a.indicator(p.indicator), p.shortName));
  return smallMultiplesFromPlans(a.plans, indicators, {
    ...options,
    id: `chart-${chart.id}`,
    title: chart.title,
  });
}

/** The home page's small multiples (the four pollutant reductions). */
export function pollutantChart(): PollutantChart {
  const chartId = homeCharts().smallMultiples.id;
  const { input, panels } = pollutantData(onPage);
  const geometry = smallMultiples(input);
  const { svg, styleHash } = embedSvg(renderSmallMultiplesSvg(geometry));
  const narrow = embedSvg(renderSmallMultiplesSvg(smallMultiples(input, 'narrow')));
  return {
    id: chartId,
    svg,
    styleHash,
    narrowSvg: narrow.svg,
    narrowStyleHash: narrow.styleHash,
    title: geometry.title,
    downloads: downloadPaths(chartId),
    geometry,
    panels: geometry.panels.map((panel, i) => ({
      indicator: atlas().indicator(panel.indicator.id),
      entries: entriesInMarkOrder(panel.layout.marks, panels[i]?.entries ?? []),
    })),
  };
}

/**
 * The indicators that have a chart, found once per atlas: each look is the indicator's whole chart data, a
 * pass over every plan, and the three chart routes, the data page and the picker route each asked for every
 * indicator: five passes over the corpus per indicator where one does.
 */
const charted = new WeakMap<object, IndicatorInfo[]>();

/** The indicators that have a comparison chart (an indicator page draws it, its downloads exist), in atlas order. */
export function chartedIndicators(): IndicatorInfo[] {
  const a = atlas();
  let found = charted.get(a);
  if (!found) {
    found = a.indicators.filter((indicator) => comparisonData(indicator, onPage) !== null);
    charted.set(a, found);
  }
  return found;
}

/** Every chart with downloads: the indicators that have a comparison chart, and the pollutant small multiples. */
export function downloadableCharts(): string[] {
  // content/home-charts.yaml refuses a small-multiples id that is an indicator id.
  return [...chartedIndicators().map((indicator) => indicator.id), homeCharts().smallMultiples.id];
}

/** The page a chart is drawn on, named in its downloads' credit line. */
function chartPage(chartId: string): string {
  return chartId === homeCharts().smallMultiples.id ? paths.home() : paths.indicator(chartId);
}

/** The source line of a chart's download: every plan it draws (drafts marked) and its reference's document. */
function chartSource(panels: readonly Omit<SmallMultiplesPanelInput, 'indicator'>[]): string {
  const plans = panels.flatMap((panel) => [...panel.rows, ...(panel.unset ?? [])]);
  const reference = panels.map((panel) => panel.reference).find((r): r is ReferenceValue => !!r) ?? null;
  return sourceLine(plans, reference);
}

/**
 * A chart as a standalone SVG file, its links absolute, framed with its title, its sources (the plans, and
 * 国发〔2021〕33号 where its reference line is drawn) and the site's credit with the chart's page URL.
 */
export function chartSvgFile(chartId: string): string {
  const credit = creditLine(absoluteUrl(chartPage(chartId)));
  if (chartId === homeCharts().smallMultiples.id) {
    const { input } = pollutantData(inFile);
    const geometry = smallMultiples(input);
    const caption = { title: geometry.title, source: chartSource(input.panels), credit };
    return renderSmallMultiplesSvg(geometry, downloadFrame(caption, geometry.width, geometry.height));
  }
  const data = comparisonData(atlas().indicator(chartId), inFile);
  if (!data) throw new Error(`no chart for ${chartId}`);
  const caption = { title: '', source: chartSource([data.input]), credit };
  // The file draws what the page draws.
  if (drawnAsDistribution(data)) {
    const geometry = distribution({
      indicator: data.input.indicator,
      rows: data.input.rows,
      unsetCount: data.unset.length,
      reference: data.input.reference,
    });
    return renderDistributionSvg(
      geometry,
      downloadFrame({ ...caption, title: geometry.title }, geometry.width, geometry.height),
    );
  }
  const geometry = targetComparison(data.input);
  return renderTargetComparisonSvg(
    geometry,
    downloadFrame({ ...caption, title: geometry.title }, geometry.width, geometry.height),
  );
}

/**
 * A chart's data as CSV with provenance (source_url of every value), links absolute: English headers and
 * machine values (`en`), or 中文列名 and values in words (`zh`).
 */
export function chartCsvFile(chartId: string, language: CsvLanguage = 'en'): string {
  if (chartId === homeCharts().smallMultiples.id) {
    const rows = pollutantData(inFile).panels.flatMap((panel) => chartDataRows(panel, inFile));
    return chartCsv(rows, language);
  }
  const data = comparisonData(atlas().indicator(chartId), inFile);
  if (!data) throw new Error(`no chart for ${chartId}`);
  return chartCsv(chartDataRows(data, inFile), language);
}

/** The CSP hashes a page showing `chart` must allow (both variants' style elements). */
export function chartStyleHashes(chart: PageChart): `sha256-${string}`[] {
  return [chart.styleHash, chart.narrowStyleHash].filter((hash): hash is `sha256-${string}` => hash !== null);
}

export type { BarMark, ChartEntry };
