import type { APIRoute } from 'astro';
import { plansJson } from '../../lib/export';
import { atlas } from '../../site/atlas';

/** `/data/plans.json`: every plan, validated against the model. */
export const GET: APIRoute = () =>
  new Response(plansJson(atlas().plans), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
