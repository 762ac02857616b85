/** Curated knowledge the structure and front-matter parsers use: plan parts and jurisdictions. */
import { z } from 'zod';
import { PlanPart } from '../model/plan';
import { loadDivisions, type DivisionIndex } from '../regions/divisions';
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
  /** Province-level unit → the one-character abbreviation heading its 文号 (贵州省 → 黔). */
  abbreviations: z.record(z.string().min(2), z.string().length(1)),
  nationalIssuers: z.array(z.string()),
});
export type JurisdictionsFile = z.infer<typeof JurisdictionsFile>;

export interface PlanKnowledge {
  parts: PlanPartsFile;
  jurisdictions: JurisdictionsFile;
  /** The official division list (names, levels, parents). */
  divisions: DivisionIndex;
}

/** Loads content/plan-parts.yaml, content/jurisdictions.yaml and the official division list. */
export function loadPlanKnowledge(): PlanKnowledge {
  return {
    parts: loadCuratedYaml('plan-parts.yaml', PlanPartsFile),
    jurisdictions: loadCuratedYaml('jurisdictions.yaml', JurisdictionsFile),
    divisions: loadDivisions(),
  };
}
