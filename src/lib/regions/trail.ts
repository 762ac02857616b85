/**
 * Where a plan sits in the administrative tree, as the steps of its breadcrumb trail: 全国, then each division
 * from the province down to the plan's own (山东省 › 济南市 › 莱芜区). A plan the division list cannot place
 * still gets a trail that leads somewhere: a place the list lacks (a 新区) ends at its province and its
 * printed name, which leads to that province's list of such places, or — its province unknown too — at the
 * /regions/ group of such places; a plan with no region read ends at the group of those plans. Pages turn
 * the steps into links (src/site/regions.ts).
 */
import type { PlanSummary } from '../model/plan';
import type { RegionNode, RegionTree } from './tree';

export type TrailStep =
  | { kind: 'country' }
  /** A division of the tree; `own` when it is the plan's own division. */
  | { kind: 'region'; node: RegionNode; own: boolean }
  /** A /regions/ group of plans the list cannot place. */
  | { kind: 'group'; group: 'unplaced' | 'unknown' }
  /** A place the list does not have, as printed; `province` when its province is known. */
  | { kind: 'unlisted'; name: string; province: RegionNode | null };

export function trailOf(plan: PlanSummary, tree: RegionTree): TrailStep[] {
  const country: TrailStep = { kind: 'country' };
  if (plan.level === 'national') return [country];
  const node = tree.nodeOf(plan);
  if (node === null) {
    if (plan.region === null) return [country, { kind: 'group', group: 'unknown' }];
    return [
      country,
      { kind: 'group', group: 'unplaced' },
      { kind: 'unlisted', name: plan.region, province: null },
    ];
  }
  const own = node.plans.includes(plan);
  const chain: TrailStep[] = tree
    .chain(node)
    .map((n) => ({ kind: 'region', node: n, own: own && n === node }));
  if (own) return [country, ...chain];
  // Placed under its province only: a place the division list lacks.
  return [country, ...chain, { kind: 'unlisted', name: plan.region ?? plan.title, province: node }];
}

/**
 * Where a plan is counted when plans are counted by province (/plans/ and the home page past their list
 * limit): its province, the country for the national plan, or the /regions/ group its trail leads to — so
 * every count links to a page that lists its plans, and the national plan is never counted as unrecognised.
 */
export type ProvinceGroup =
  { kind: 'country' } | { kind: 'province'; name: string } | { kind: 'group'; group: 'unplaced' | 'unknown' };

export function provinceGroupOf(plan: PlanSummary): ProvinceGroup {
  if (plan.level === 'national') return { kind: 'country' };
  if (plan.province !== null) return { kind: 'province', name: plan.province };
  return { kind: 'group', group: plan.region === null ? 'unknown' : 'unplaced' };
}
