import type { APIRoute, GetStaticPaths } from 'astro';
import { chartSvgFile, downloadableCharts } from '../../../site/charts';

export const getStaticPaths = (() =>
  downloadableCharts().map((chart) => ({ params: { chart } }))) satisfies GetStaticPaths;

/** `/data/charts/<chart>.svg`: the chart as a standalone SVG (styled, titled, links absolute). */
export const GET: APIRoute = ({ params }) =>
  new Response(chartSvgFile(params['chart'] as string), {
    headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' },
  });
