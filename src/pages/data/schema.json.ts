import type { APIRoute } from 'astro';
import { plansJsonSchema } from '../../lib/export';

/** `/data/schema.json`: the JSON Schema of plans.json, generated from the zod model. */
export const GET: APIRoute = () =>
  new Response(plansJsonSchema({ site: import.meta.env.SITE, base: import.meta.env.BASE_URL }), {
    headers: { 'Content-Type': 'application/schema+json; charset=utf-8' },
  });
