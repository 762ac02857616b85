/**
 * Build-time charts: data → geometry (`targetComparison`, `smallMultiples`) → SVG string
 * (`renderTargetComparisonSvg`, `renderSmallMultiplesSvg`), plus the data as CSV (`chartCsv`).
 */
export type * from './types';
export { targetComparison, TARGET_COMPARISON } from './target-comparison';
export { smallMultiples, SMALL_MULTIPLES } from './small-multiples';
export { renderTargetComparisonSvg, renderSmallMultiplesSvg, renderDistributionSvg } from './render';
export {
  distribution,
  DISTRIBUTION,
  type DistributionInput,
  type DistributionGeometry,
} from './distribution';
export {
  chartCsv,
  targetComparisonData,
  smallMultiplesData,
  CHART_CSV_COLUMNS,
  type ChartDataRow,
} from './csv';
export { chartRowsFromPlans, type ChartRowsOptions } from './from-plans';
export { UNSET_TEXT } from './format';
export { escapeXml, FONT_STACK } from './svg';
export {
  creditLine,
  downloadFrame,
  sourceLine,
  SITE_NAME,
  type DownloadCaption,
  type DownloadFrame,
  type SourcePlan,
} from './download';
