import type { APIRoute } from 'astro';
import { indicatorsCsv } from '../../lib/export';
import { atlas } from '../../site/corpus';

/** `/data/indicators.csv`: one row per target, traceable to its source clause, held against nation and parent. */
export const GET: APIRoute = () => {
  const a = atlas();
  const names = new Map(a.indicators.filter((i) => i.catalogued).map((i) => [i.id, i.name]));
  return new Response(
    indicatorsCsv(a.plans, { site: import.meta.env.SITE, base: import.meta.env.BASE_URL }, (id) =>
      names.get(id),
      a.comparisons,
    ),
    { headers: { 'Content-Type': 'text/csv; charset=utf-8' } },
  );
};
