/**
 * The atlas of this build, of the plans the `plans` content collection names (src/content.config.ts): each
 * plan's summary (no text) for every page, as the plans loader handed it over, and the whole plan, read from
 * the models the loader wrote, for the pages that show its text (src/loaders/plan-models.ts says why neither is
 * the collection's entry). The one way pages and data files get the
 * plans. Read once per build; every page shares it.
 */
import { getCollection } from 'astro:content';
import { recordBuiltPlans } from '../integrations/built-plans';
import { modelGeneration, readPlanModel, readPlanSummary } from '../loaders/plan-models';
import { buildAtlas, type Atlas } from './atlas';
import { departmentCategories, indicatorList } from './catalogues';
import { modelCache } from './model-cache';

/**
 * Whole plans kept at once. A route's pages come in `getStaticPaths` order, plan by plan, so a handful is
 * enough; a category or compare page lists up to 40 plans, whose models it reads one after another.
 */
const MODELS_KEPT = 48;

const models = modelCache(readPlanModel, MODELS_KEPT, modelGeneration);
const summaries = (await getCollection('plans')).map((entry) => readPlanSummary(entry.id));
const loaded = buildAtlas(summaries, departmentCategories(), indicatorList(summaries), (id) =>
  models.get(id),
);
// The search index and the downloads holding every plan's text are made from these same plans after the
// pages (src/integrations/pagefind.ts, data-downloads.ts).
// Read straight from the files, not through the pages' cache: the index goes over every plan once.
recordBuiltPlans({ plans: loaded.plans, model: readPlanModel, comparisons: loaded.comparisons });

export function atlas(): Atlas {
  return loaded;
}
