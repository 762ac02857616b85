/**
 * Many seeds → plans. One bad seed never stops the others: its problem becomes a `file:line: reason`
 * error and the rest are parsed.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { PlanKnowledge } from './content/plan-knowledge';
import { SeedError } from './errors';
import type { Plan, Warning } from './model/plan';
import { parsePlan, type ParsePlanOptions } from './parse-plan';
import { decodeSeed } from './read/decode';
import { assignVersionSlugs, linkPlans, type ParsedPlan } from './regions/corpus';
import { parseSidecar } from './sidecar';
import { paths, withBase } from './urls';

export interface SeedFile {
  /** File name, e.g. 000_5b537b9a7be6a6a5.txt. */
  file: string;
  bytes: Uint8Array;
  /** The sidecar's file name and text, when `<name>.yaml` exists beside the seed. */
  sidecar: { file: string; text: string } | null;
}

export interface IngestResult {
  plans: Plan[];
  warnings: Warning[];
  errors: SeedError[];
}

/** Reads every `*.txt` in `dir` (sorted by name, so the output is deterministic) with its sidecar. */
export function readSeedDirectory(dir: string): SeedFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((file) => {
      const sidecarFile = `${basename(file, '.txt')}.yaml`;
      const sidecarPath = join(dir, sidecarFile);
      return {
        file,
        bytes: readFileSync(join(dir, file)),
        sidecar: existsSync(sidecarPath)
          ? { file: sidecarFile, text: readFileSync(sidecarPath, 'utf8') }
          : null,
      };
    });
}

export function ingestSeeds(
  seeds: SeedFile[],
  knowledge: PlanKnowledge,
  options: ParsePlanOptions,
): IngestResult {
  const parsed: ParsedPlan[] = [];
  const warnings: Warning[] = [];
  const errors: SeedError[] = [];
  for (const seed of seeds) {
    try {
      const { text } = decodeSeed(seed.bytes, seed.file);
      const sidecar = seed.sidecar ? parseSidecar(seed.sidecar.text, seed.sidecar.file) : null;
      const result = parsePlan(text, seed.file, sidecar, knowledge, options);
      parsed.push({
        plan: result.plan,
        explicitSlug: sidecar?.slug !== undefined,
        explicitParent: sidecar?.parent !== undefined,
      });
      warnings.push(...result.warnings);
    } catch (error) {
      if (error instanceof SeedError) errors.push(error);
      // A parser bug must not take the other plans down, but it must be loud.
      else errors.push(new SeedError(seed.file, 0, `internal error: ${(error as Error).stack ?? error}`));
    }
  }
  // Generated slugs never clash: several texts of one government get distinct ones. Slugs set in sidecars
  // may still clash with each other.
  const slugOwners = new Map<string, string>();
  const kept: ParsedPlan[] = [];
  for (const entry of assignVersionSlugs(parsed, (id) => withBase(options.base, paths.plan(id)))) {
    const owner = slugOwners.get(entry.plan.id);
    if (owner !== undefined) {
      errors.push(
        new SeedError(
          entry.plan.source,
          1,
          `slug "${entry.plan.id}" is already used by ${owner}; set another with \`slug:\` in ${basename(entry.plan.source, '.txt')}.yaml`,
        ),
      );
      continue;
    }
    slugOwners.set(entry.plan.id, entry.plan.source);
    kept.push(entry);
  }
  const plans = linkPlans(kept);
  for (const plan of plans) {
    if (plan.parent !== null && !slugOwners.has(plan.parent)) {
      warnings.push({
        file: plan.source,
        line: 0,
        message: `parent plan "${plan.parent}" is not among the seeds`,
      });
    }
  }
  return { plans, warnings, errors };
}
