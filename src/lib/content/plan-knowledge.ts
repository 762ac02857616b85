/** Curated knowledge the structure and front-matter parsers use: plan parts and jurisdictions. */
import { z } from 'zod';
import { Level, PlanPart } from '../model/plan';
import { loadCuratedYaml } from './load';

export const PlanPartsFile = z.object({
  parts: z.array(
    z.object({
      id: PlanPart,
      /** Chinese name shown in filters. */
      name: z.string(),
      /** Substrings of a chapter heading that put the chapter in this part; first match wins. */
      patterns: z.array(z.string().min(1)).min(1),
    }),
  ),
});
export type PlanPartsFile = z.infer<typeof PlanPartsFile>;

export const JurisdictionsFile = z.object({
  provinces: z.array(z.object({ name: z.string(), abbr: z.string().length(1) })),
  levelBySuffix: z.array(z.object({ suffix: z.string().min(1), level: Level })),
  nationalIssuers: z.array(z.string()),
});
export type JurisdictionsFile = z.infer<typeof JurisdictionsFile>;

export interface PlanKnowledge {
  parts: PlanPartsFile;
  jurisdictions: JurisdictionsFile;
}

/** Loads content/plan-parts.yaml and content/jurisdictions.yaml. */
export function loadPlanKnowledge(): PlanKnowledge {
  return {
    parts: loadCuratedYaml('plan-parts.yaml', PlanPartsFile),
    jurisdictions: loadCuratedYaml('jurisdictions.yaml', JurisdictionsFile),
  };
}
