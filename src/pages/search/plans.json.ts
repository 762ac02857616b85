import type { APIRoute } from 'astro';
import { plansByProvince } from '../../lib/search/build/records';
import { atlas } from '../../site/corpus';

/**
 * `/search/plans.json`: each province with its plans as the search page's plan filter names them,
 * `[[province, [plan…]]…]`. Past the list limit the page ships the plan filter empty and fetches this when a
 * province is chosen (src/browser/search/plan-options.ts), so the page stays light at thousands of plans.
 */
export const GET: APIRoute = () =>
  new Response(JSON.stringify(plansByProvince(atlas().plans)), {
    headers: { 'Content-Type': 'application/json' },
  });
