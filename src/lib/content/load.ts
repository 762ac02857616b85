import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';

/** Directory of curated knowledge; tests and scripts run from the repository root. */
export const CONTENT_DIR = resolve(process.cwd(), 'content');

/**
 * Reads and validates one curated YAML file. A malformed file fails loudly with the file named: curated
 * knowledge is code-reviewed data and must never be half-applied.
 */
export function loadYaml<T extends z.ZodType>(file: string, schema: T): z.infer<T> {
  const path = resolve(CONTENT_DIR, file);
  const result = schema.safeParse(parseYaml(readFileSync(path, 'utf8')));
  if (!result.success) {
    throw new Error(`${path}: invalid curated data: ${result.error.message}`);
  }
  return result.data;
}
