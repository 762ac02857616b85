import type { APIRoute } from 'astro';
import { plansJson } from '../../lib/export';
import { atlas } from '../../site/corpus';
import { BASE, SITE } from '../../site/url';

/**
 * `/data/plans.json`: every plan, validated against the model, with its page's URL under this build's base and
 * its targets' comparisons with the national and parent values.
 */
export const GET: APIRoute = () =>
  new Response(plansJson(atlas().plans, atlas().comparisons, { site: SITE, base: BASE }), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
