/**
 * The atlas of this build, read from the `plans` content collection (src/content.config.ts) — each plan
 * without its text — and the plan models the plans loader wrote (src/loaders/plan-models.ts): the one way
 * pages and data files get the plans. Read once per build; every page shares it.
 */
import { getCollection } from 'astro:content';
import { recordBuiltPlans } from '../integrations/built-plans';
import { readPlanModel } from '../loaders/plan-models';
import { buildAtlas, type Atlas } from './atlas';
import { departmentCategories, indicatorList } from './catalogues';

const plans = (await getCollection('plans')).map((entry) => readPlanModel(entry.data.id));
const loaded = buildAtlas(plans, departmentCategories(), indicatorList(plans));
// The search index is built from these same plans after the pages (src/integrations/pagefind.ts).
recordBuiltPlans(loaded.plans);

export function atlas(): Atlas {
  return loaded;
}
