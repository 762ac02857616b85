import type { APIRoute } from 'astro';
import { planNames, type GotoIndexPlan } from '../../lib/goto';
import { atlas } from '../../site/corpus';
import { href, paths } from '../../site/url';

/**
 * `/data/goto.json`: what the /go/ page needs to tell which plan `贵州 三（四）` names — each plan's names, page URL
 * and the URL of its clause citations (`/data/goto/<plan>.json`, fetched once the plan is known). Citations
 * are not in here: at national scale they would make every use of the box a download of megabytes. Fetched
 * only when a reader uses the go-to-clause box.
 */
export const GET: APIRoute = () => {
  const plans: GotoIndexPlan[] = atlas().plans.map((plan) => ({
    id: plan.id,
    title: plan.title,
    url: href(paths.plan(plan.id)),
    names: planNames(plan),
    clauses: href(paths.gotoClauses(plan.id)),
  }));
  return new Response(JSON.stringify({ plans }), { headers: { 'Content-Type': 'application/json' } });
};
