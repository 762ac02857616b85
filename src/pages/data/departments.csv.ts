import type { APIRoute } from 'astro';
import { departmentsCsv } from '../../lib/export';
import { atlas } from '../../site/corpus';

/** `/data/departments.csv`: one row per department entity with its clause counts by role. */
export const GET: APIRoute = () => {
  const a = atlas();
  const names = new Map(a.categories.map((c) => [c.id, c.name]));
  return new Response(
    departmentsCsv(a.plans, { site: import.meta.env.SITE, base: import.meta.env.BASE_URL }, (id) =>
      names.get(id),
    ),
    { headers: { 'Content-Type': 'text/csv; charset=utf-8' } },
  );
};
