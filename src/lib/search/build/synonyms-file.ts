/** Loads and validates content/search-synonyms.yaml (build time only: zod and node:fs stay out of the browser). */
import { z } from 'zod';
import { loadCuratedYaml, parseCuratedYaml } from '../../curated/load';
import type { QueryWords } from '../browser/query';
import type { SynonymGroup } from '../browser/synonyms';

export const SynonymGroupSchema = z
  .object({
    forms: z.array(z.string().min(1)).min(2),
    note: z.string().optional(),
  })
  .strict();

export const SynonymsFileSchema = z
  .object({
    groups: z.array(SynonymGroupSchema),
    /** Question forms and stop words left out of a query (有哪些, 如何). */
    ignore: z.array(z.string().min(1)).default([]),
    /** Jurisdiction prefixes a reader may type before a department's name (市环保局, 国家发改委). */
    departmentPrefixes: z.array(z.string().min(1)).default([]),
  })
  .strict();

export const SYNONYMS_FILE = 'search-synonyms.yaml';

/** Parses the file's text; a problem throws a CuratedDataError (`file:line: reason`). */
export function parseSynonyms(text: string, file: string = SYNONYMS_FILE): SynonymGroup[] {
  return parseCuratedYaml(text, file, SynonymsFileSchema).groups;
}

/** Reads content/search-synonyms.yaml. */
export function loadSynonyms(file: string = SYNONYMS_FILE): SynonymGroup[] {
  return loadCuratedYaml(file, SynonymsFileSchema).groups;
}

/** The words a query is read with (left out; prefixes of department names), from content/search-synonyms.yaml. */
export function loadQueryWords(file: string = SYNONYMS_FILE): Required<QueryWords> {
  const { ignore, departmentPrefixes } = loadCuratedYaml(file, SynonymsFileSchema);
  return { ignore, departmentPrefixes };
}
