import type { APIRoute, GetStaticPaths } from 'astro';
import { chartCsvFile, downloadableCharts } from '../../../site/charts';
import { csvResponse } from '../../../site/downloads';

export const getStaticPaths = (() =>
  downloadableCharts().map((chart) => ({ params: { chart } }))) satisfies GetStaticPaths;

/** `/data/charts/<chart>.csv`: the chart's values, one row per mark, with the permalink of each source. */
export const GET: APIRoute = ({ params }) => csvResponse(chartCsvFile(params['chart'] as string));
