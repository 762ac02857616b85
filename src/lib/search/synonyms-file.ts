/** Loads and validates content/search-synonyms.yaml (build time only: zod and node:fs stay out of the browser). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import type { SynonymGroup } from './synonyms';

export const SynonymGroupSchema = z
  .object({
    forms: z.array(z.string().min(1)).min(2),
    note: z.string().optional(),
  })
  .strict();

export const SynonymsFileSchema = z.object({ groups: z.array(SynonymGroupSchema) }).strict();

export const DEFAULT_SYNONYMS_FILE = 'content/search-synonyms.yaml';

/** Parses the file's text; a problem throws `file:line: reason`. */
export function parseSynonyms(text: string, file: string = DEFAULT_SYNONYMS_FILE): SynonymGroup[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const yamlError = doc.errors[0];
  if (yamlError) {
    throw new Error(
      `${file}:${lineCounter.linePos(yamlError.pos[0]).line}: invalid YAML: ${yamlError.message.split('\n')[0]}`,
    );
  }
  const result = SynonymsFileSchema.safeParse(doc.toJS());
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = (issue?.path ?? []).filter((key): key is string | number => typeof key !== 'symbol');
    let line = 1;
    for (let depth = path.length; depth >= 0; depth--) {
      const node = doc.getIn(path.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
      if (node?.range) {
        line = lineCounter.linePos(node.range[0]).line;
        break;
      }
    }
    throw new Error(`${file}:${line}: ${path.join('.')}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data.groups.map((g) => ({ forms: g.forms, note: g.note }));
}

/** Reads content/search-synonyms.yaml (relative to the working directory, the repository root). */
export function loadSynonyms(file: string = resolve(process.cwd(), DEFAULT_SYNONYMS_FILE)): SynonymGroup[] {
  return parseSynonyms(readFileSync(file, 'utf8'), file);
}
