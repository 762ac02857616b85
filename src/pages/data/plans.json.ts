import type { APIRoute } from 'astro';
import { plansJsonParts } from '../../lib/export';
import { atlas, everyModel } from '../../site/corpus';
import { streamOf } from '../../site/downloads';
import { BASE, SITE } from '../../site/url';

/**
 * `/data/plans.json`: every plan, validated against the model, with its page's URL under this build's base and
 * its targets' comparisons with the national and parent values; written plan by plan, one whole plan read at
 * a time.
 */
export const GET: APIRoute = () =>
  new Response(streamOf(plansJsonParts(everyModel(), atlas().comparisons, { site: SITE, base: BASE })), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
