import type { APIRoute } from 'astro';
import { planJsonSchema } from '../../lib/export';

/** `/data/schema.json`: the JSON Schema of one plan's file, `/data/plans/<id>.json`, from the zod model. */
export const GET: APIRoute = () =>
  new Response(planJsonSchema({ site: import.meta.env.SITE, base: import.meta.env.BASE_URL }), {
    headers: { 'Content-Type': 'application/schema+json; charset=utf-8' },
  });
