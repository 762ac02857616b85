import type { APIRoute } from 'astro';
import { plansIndexSchema } from '../../lib/export';

/** `/data/plans.schema.json`: the JSON Schema of the plans index, `/data/plans.json`, from the zod model. */
export const GET: APIRoute = () =>
  new Response(plansIndexSchema({ site: import.meta.env.SITE, base: import.meta.env.BASE_URL }), {
    headers: { 'Content-Type': 'application/schema+json; charset=utf-8' },
  });
