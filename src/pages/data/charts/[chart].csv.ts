import type { APIRoute, GetStaticPaths } from 'astro';
import { chartCsvFile, downloadableCharts } from '../../../site/charts';

export const getStaticPaths = (() =>
  downloadableCharts().map((chart) => ({ params: { chart } }))) satisfies GetStaticPaths;

/** `/data/charts/<chart>.csv`: the chart's values, one row per mark, with the permalink of each source. */
export const GET: APIRoute = ({ params }) =>
  new Response(chartCsvFile(params['chart'] as string), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
