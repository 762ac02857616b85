/**
 * The optional sidecar `seeds/<name>.yaml`: metadata a plan's text does not state (or states wrongly).
 * Every key is optional; what it gives overrides what the parser read.
 *
 * A sidecar is decoded like its seed (UTF-8, UTF-16, GB18030, Big5) and each key is checked on its own: a bad
 * value or an unknown key is reported at its line and ignored, and the plan builds with the rest. A sidecar
 * that cannot be read at all is reported and ignored as a whole; it never costs the plan.
 */
import { isMap, isScalar, LineCounter, parseDocument, type Pair } from 'yaml';
import { z } from 'zod';
import { isIsoCalendarDate } from './dates';
import { SeedError } from './errors';
import { Level, Status, type Warning } from './model/plan';
import { decodeSeed } from './read/decode';
import { slugProblem } from './slugs';

const slug = z.string().superRefine((value, ctx) => {
  const problem = slugProblem(value);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
});

/** One schema per key, so each is validated (and refused) on its own. */
const KEYS = {
  /** URL slug of the plan, `/plans/<slug>/`. */
  slug,
  title: z.string().trim().min(1),
  region: z.string().trim().min(1),
  province: z.string().trim().min(1),
  level: Level,
  issuer: z.string().trim().min(1),
  /** ISO date of a day that exists, yyyy-mm-dd. */
  issued: z.string().refine(isIsoCalendarDate, 'not a real calendar date in the form yyyy-mm-dd'),
  status: Status,
  /** Slug of the plan this one implements. */
  parent: slug,
  /** The plan's own 文号, e.g. 黔江府发〔2023〕12号, when the text does not print it. */
  number: z.string().trim().min(1),
  /** Address of the official publication the seed was taken from (http or https). */
  source_url: z.httpUrl(),
  /** When the seed was retrieved from `source_url`, ISO yyyy-mm-dd of a day that exists. */
  retrieved: z.string().refine(isIsoCalendarDate, 'not a real calendar date in the form yyyy-mm-dd'),
} as const;

export const Sidecar = z.object(KEYS).partial().strict();
export type Sidecar = z.infer<typeof Sidecar>;

/** Sidecars are a few lines; anything larger is not one. */
export const MAX_SIDECAR_BYTES = 64 * 1024;

export interface ParsedSidecar {
  sidecar: Sidecar;
  warnings: Warning[];
}

function decode(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) return '';
  // Keys are ASCII, so a sidecar need not be mostly Chinese to be Chinese.
  return decodeSeed(bytes, file, { maxBytes: MAX_SIDECAR_BYTES, minHanShare: 0 }).text;
}

/**
 * Decodes and validates a sidecar. Problems come back as warnings (`file:line: message`), each bad key
 * ignored; the sidecar never throws.
 */
export function parseSidecar(bytes: Uint8Array, file: string): ParsedSidecar {
  const warnings: Warning[] = [];
  const warn = (line: number, message: string) => warnings.push({ file, line, message });
  let text: string;
  try {
    text = decode(bytes, file);
  } catch (error) {
    if (!(error instanceof SeedError)) throw error;
    warn(error.line, `sidecar ignored: ${error.reason}`);
    return { sidecar: {}, warnings };
  }
  if (text.trim() === '') return { sidecar: {}, warnings };

  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineOf = (offset: number | undefined) =>
    offset === undefined ? 1 : lineCounter.linePos(offset).line;
  const yamlError = doc.errors[0];
  if (yamlError) {
    warn(lineOf(yamlError.pos[0]), `sidecar ignored: invalid YAML: ${yamlError.message.split('\n')[0]}`);
    return { sidecar: {}, warnings };
  }
  if (doc.contents === null) return { sidecar: {}, warnings };
  if (!isMap(doc.contents)) {
    warn(lineOf(doc.contents.range?.[0]), 'sidecar ignored: expected `key: value` lines');
    return { sidecar: {}, warnings };
  }

  const values = doc.toJS() as Record<string, unknown>;
  const sidecar: Record<string, unknown> = {};
  for (const pair of doc.contents.items as Pair[]) {
    const keyNode = pair.key;
    const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
    const line = lineOf(isScalar(keyNode) ? keyNode.range?.[0] : undefined);
    if (!Object.hasOwn(KEYS, key)) {
      warn(line, `sidecar key "${key}" is unknown and ignored (known: ${Object.keys(KEYS).join(', ')})`);
      continue;
    }
    const result = KEYS[key as keyof typeof KEYS].safeParse(values[key]);
    if (result.success) sidecar[key] = result.data;
    else warn(line, `sidecar key "${key}" ignored: ${result.error.issues[0]?.message ?? 'invalid value'}`);
  }
  return { sidecar: Sidecar.parse(sidecar), warnings };
}
