/**
 * Curated knowledge in content/*.yaml: read, validated by its zod schema, and refused whole with a
 * `file:line: reason` when anything is wrong. Curated data is code-reviewed; it must never half-apply.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';

/** Directory of curated knowledge; tests and scripts run from the repository root. */
export const CONTENT_DIR = resolve(process.cwd(), 'content');

/** Curated data that cannot be used; the message is `file:line: reason` (line 0: the file as a whole). */
export class CuratedDataError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
    this.name = 'CuratedDataError';
  }
}

/**
 * Parses YAML text and validates it. The first problem is reported at its YAML line: a syntax error where
 * it occurs, a schema error at the nearest node of the offending path (a missing key has none itself).
 */
export function parseCuratedYaml<T extends z.ZodType>(text: string, file: string, schema: T): z.infer<T> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const line = yamlError.linePos?.[0]?.line ?? lineCounter.linePos(yamlError.pos[0]).line;
    throw new CuratedDataError(file, line, `invalid YAML: ${yamlError.message.split('\n')[0]}`);
  }
  const result = schema.safeParse(doc.toJS());
  if (result.success) return result.data;
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
  const where = path.length > 0 ? `${path.join('.')}: ` : '';
  throw new CuratedDataError(file, line, `${where}${issue?.message ?? 'invalid data'}`);
}

/** Reads and validates one curated file; `file` is a path, or a name inside content/. */
export function loadCuratedYaml<T extends z.ZodType>(file: string, schema: T): z.infer<T> {
  const path = resolve(CONTENT_DIR, file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CuratedDataError(path, 0, `cannot read: ${(error as Error).message}`);
  }
  return parseCuratedYaml(text, path, schema);
}
