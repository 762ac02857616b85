/**
 * Curated knowledge the structure and front-matter parsers use (plan parts, jurisdictions), and the published
 * plan URLs ingest protects.
 */
import { z } from 'zod';
import { PlanPart } from '../model/plan';
import { loadDivisions, type DivisionIndex } from '../regions/divisions';
import { loadFormerDivisions, withFormerDivisions } from '../regions/former';
import { loadCuratedYaml } from './load';

export const PlanPartsFile = z
  .object({
    parts: z.array(
      z.object({
        id: PlanPart,
        /** Chinese name shown in filters and on compare pages. */
        name: z.string().min(1),
        /** Substrings of a chapter heading that put the chapter in this part; first match wins. */
        patterns: z.array(z.string().min(1)).min(1),
      }),
    ),
    /** Parts no heading recognises (preamble, annex, other): only their names. */
    unheaded: z.array(z.object({ id: PlanPart, name: z.string().min(1) })),
  })
  .superRefine((file, ctx) => {
    // Every part is named exactly once, so no label falls back to an id.
    const named = [...file.parts, ...file.unheaded].map((part) => part.id);
    named.forEach((id, i) => {
      if (named.indexOf(id) !== i) {
        const inParts = i < file.parts.length;
        ctx.addIssue({
          code: 'custom',
          path: inParts ? ['parts', i, 'id'] : ['unheaded', i - file.parts.length, 'id'],
          message: `part ${id} is named twice`,
        });
      }
    });
    for (const id of PlanPart.options) {
      if (!named.includes(id))
        ctx.addIssue({ code: 'custom', path: ['unheaded'], message: `part ${id} has no name` });
    }
  });
export type PlanPartsFile = z.infer<typeof PlanPartsFile>;

/** The Chinese name of every part, from content/plan-parts.yaml (the schema makes sure each has one). */
export function partNames(file: PlanPartsFile): Record<PlanPart, string> {
  return Object.fromEntries([...file.parts, ...file.unheaded].map((part) => [part.id, part.name])) as Record<
    PlanPart,
    string
  >;
}

export const JurisdictionsFile = z.object({
  /** Province-level unit → the one-character abbreviation heading its 文号 (贵州省 → 黔). */
  abbreviations: z.record(z.string().min(2), z.string().length(1)),
  nationalIssuers: z.array(z.string()),
  /**
   * Province-level units the national plan's system does not reach (香港, 澳门, 台湾): listed by region pages
   * with `note`, never as a division whose plan the atlas lacks.
   */
  outsideNationalPlan: z.object({
    regions: z.array(z.string().min(2)),
    note: z.string().min(1),
  }),
});
export type JurisdictionsFile = z.infer<typeof JurisdictionsFile>;

/** content/published-plans.yaml: every published slug with the seed file it belongs to. */
export const PublishedPlansFile = z.record(
  z.string().regex(/^[a-z0-9-]+$/),
  z.string().regex(/\.txt$/i, 'a seed file name ending in .txt'),
);
export type PublishedPlansFile = z.infer<typeof PublishedPlansFile>;

export interface PlanKnowledge {
  parts: PlanPartsFile;
  jurisdictions: JurisdictionsFile;
  /** The official division list (names, levels, parents), with the divisions abolished before its edition. */
  divisions: DivisionIndex;
  /** Published slug → its seed file (src/lib/slugs.ts: a published URL stays with its plan). */
  published: ReadonlyMap<string, string>;
}

/** Loads content/jurisdictions.yaml alone (文号 abbreviations, national issuers, units outside the system). */
export function loadJurisdictions(): JurisdictionsFile {
  return loadCuratedYaml('jurisdictions.yaml', JurisdictionsFile);
}

/** Loads content/plan-parts.yaml alone (the parts of a plan and their names). */
export function loadPlanParts(): PlanPartsFile {
  return loadCuratedYaml('plan-parts.yaml', PlanPartsFile);
}

/** The official division list with the divisions abolished before its edition (content/former-divisions.yaml). */
function divisionsWithHistory(): DivisionIndex {
  const current = loadDivisions();
  return withFormerDivisions(current, loadFormerDivisions(current));
}

/**
 * Loads content/plan-parts.yaml, content/jurisdictions.yaml, content/published-plans.yaml and the official
 * division list.
 */
export function loadPlanKnowledge(): PlanKnowledge {
  return {
    parts: loadPlanParts(),
    jurisdictions: loadJurisdictions(),
    divisions: divisionsWithHistory(),
    published: new Map(Object.entries(loadCuratedYaml('published-plans.yaml', PublishedPlansFile))),
  };
}
