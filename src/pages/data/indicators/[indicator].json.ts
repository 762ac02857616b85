import type { APIRoute, GetStaticPaths } from 'astro';
import { indicatorData } from '../../../site/charts';
import { atlas } from '../../../site/corpus';
import { pickerData } from '../../../site/picker';

export const getStaticPaths = (() =>
  atlas()
    .indicators.filter((indicator) => indicatorData(indicator) !== null)
    .map((indicator) => ({
      params: { indicator: indicator.id },
      props: { indicator },
    }))) satisfies GetStaticPaths;

/**
 * `/data/indicators/<id>.json`: what the indicator page's region picker needs (src/lib/lists/picker.ts), fetched
 * only when a reader picks a region.
 */
export const GET: APIRoute = ({ props }) => {
  const data = indicatorData(props['indicator']);
  if (!data) throw new Error('no chart data');
  return new Response(JSON.stringify(pickerData(data)), { headers: { 'Content-Type': 'application/json' } });
};
