import type { APIRoute } from 'astro';
import { planNames, type GotoPlan } from '../../lib/goto';
import { atlas } from '../../site/corpus';
import { href, paths } from '../../site/url';

/**
 * `/data/goto.json`: what the /go/ page needs to resolve `贵州 三（四）` — each plan's names, page URL and
 * clause citations. Fetched only when a reader uses the go-to-clause box.
 */
export const GET: APIRoute = () => {
  const plans: (GotoPlan & { url: string; title: string })[] = atlas().plans.map((plan) => ({
    id: plan.id,
    title: plan.title,
    url: href(paths.plan(plan.id)),
    names: planNames(plan),
    clauses: plan.clauses.filter((c) => c.citation !== '').map((c) => ({ id: c.id, citation: c.citation })),
  }));
  return new Response(JSON.stringify({ plans }), { headers: { 'Content-Type': 'application/json' } });
};
