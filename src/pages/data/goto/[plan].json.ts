import type { APIRoute, GetStaticPaths } from 'astro';
import type { GotoClause } from '../../../lib/goto';
import { atlas } from '../../../site/corpus';

/** Each plan's citable clauses: those with a printed number (a preamble paragraph has none). */
export const getStaticPaths = (() =>
  atlas().plans.map((plan) => ({
    params: { plan: plan.id },
    props: {
      clauses: plan.clauses
        .filter((c) => c.citation !== '')
        .map((c): GotoClause => ({ id: c.id, citation: c.citation })),
    },
  }))) satisfies GetStaticPaths;

/**
 * `/data/goto/<plan>.json`: one plan's clause citations (三（四）3 → its permalink id), fetched by the /go/ page
 * once /data/goto.json has told it which plan the reader named.
 */
export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify({ clauses: (props as { clauses: GotoClause[] }).clauses }), {
    headers: { 'Content-Type': 'application/json' },
  });
