import type { APIRoute } from 'astro';
import { clausesCsv } from '../../lib/export';
import { atlas } from '../../site/corpus';

/** `/data/clauses.csv`: one row per clause with its departments by role and its permalink. */
export const GET: APIRoute = () =>
  new Response(clausesCsv(atlas().plans, { site: import.meta.env.SITE, base: import.meta.env.BASE_URL }), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
