import type { APIRoute, GetStaticPaths } from 'astro';
import { chartCsvFile, downloadableCharts } from '../../../../site/charts';
import { csvResponse } from '../../../../site/downloads';

export const getStaticPaths = (() =>
  downloadableCharts().map((chart) => ({ params: { chart } }))) satisfies GetStaticPaths;

/** `/data/zh/charts/<chart>.csv`: the chart's values with Chinese headers and values in words. */
export const GET: APIRoute = ({ params }) => csvResponse(chartCsvFile(params['chart'] as string, 'zh'));
