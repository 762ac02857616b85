/**
 * Content collections. `plans`: one entry per plan, loaded from the seeds and content/ by the plans loader
 * (ingest), validated by the zod `Plan`; the entry id is the plan id.
 */
import { defineCollection } from 'astro:content';
import { planLoader } from './loaders/plans';

export const collections = {
  plans: defineCollection({ loader: planLoader() }),
};
