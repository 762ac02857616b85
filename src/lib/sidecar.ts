/**
 * The optional sidecar `seeds/<name>.yaml`: metadata a plan's text does not state (or states wrongly).
 * Every key is optional; what it gives overrides what the parser read.
 */
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { z } from 'zod';
import { SeedError } from './errors';
import { Level, Status } from './model/plan';

export const Sidecar = z
  .object({
    /** URL slug of the plan, `/plans/<slug>/`. */
    slug: z.string().regex(/^[a-z0-9-]+$/),
    title: z.string().min(1),
    region: z.string().min(1),
    province: z.string().min(1),
    level: Level,
    issuer: z.string().min(1),
    /** ISO date, yyyy-mm-dd. */
    issued: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    status: Status,
    /** Slug of the plan this one implements. */
    parent: z.string().regex(/^[a-z0-9-]+$/),
    /** The plan's own 文号, e.g. 黔江府发〔2023〕12号, when the text does not print it. */
    number: z.string().min(1),
    /** Address of the official publication the seed was taken from (http or https). */
    source_url: z.httpUrl(),
    /** When the seed was retrieved from `source_url`, ISO yyyy-mm-dd. */
    retrieved: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  })
  .partial()
  .strict();
export type Sidecar = z.infer<typeof Sidecar>;

/** Parses and validates a sidecar's text; problems are reported against the sidecar file and line. */
export function parseSidecar(text: string, file: string): Sidecar {
  let data: unknown;
  try {
    data = parseYaml(text) ?? {};
  } catch (error) {
    const line = error instanceof YAMLParseError ? (error.linePos?.[0]?.line ?? 1) : 1;
    throw new SeedError(file, line, `invalid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  const result = Sidecar.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    const key = issue?.path.join('.') ?? '';
    const line = lineOfKey(text, String(issue?.path[0] ?? ''));
    throw new SeedError(
      file,
      line,
      `invalid sidecar${key ? ` key ${key}` : ''}: ${issue?.message ?? 'invalid'}`,
    );
  }
  return result.data;
}

function lineOfKey(text: string, key: string): number {
  if (!key) return 1;
  const index = text.split('\n').findIndex((line) => line.startsWith(`${key}:`));
  return index >= 0 ? index + 1 : 1;
}
