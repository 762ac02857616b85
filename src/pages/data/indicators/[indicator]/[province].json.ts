import type { APIRoute, GetStaticPaths } from 'astro';
import type { PickerRegion } from '../../../../lib/lists/picker';
import type { IndicatorInfo } from '../../../../site/catalogues';
import { chartedIndicators } from '../../../../site/charts';
import { corpusRegions, provincePickerData } from '../../../../site/picker';

export const getStaticPaths = (() => {
  const provinces = corpusRegions().filter((region) => region.parent === null);
  return chartedIndicators().flatMap((indicator) =>
    provinces.map((province) => ({
      params: { indicator: indicator.id, province: province.slug },
      props: { indicator, province },
    })),
  );
}) satisfies GetStaticPaths;

/**
 * `/data/indicators/<id>/<province>.json`: what the indicator page's region picker needs to show a region of
 * one province (src/lib/lists/picker.ts), fetched only when a reader picks that province or a region in it.
 */
export const GET: APIRoute = ({ props }) => {
  const { indicator, province } = props as { indicator: IndicatorInfo; province: PickerRegion };
  return new Response(JSON.stringify(provincePickerData(indicator, province)), {
    headers: { 'Content-Type': 'application/json' },
  });
};
