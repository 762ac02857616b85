/**
 * Many seeds → plans. One bad seed never stops the others: whatever goes wrong with it — reading the file,
 * decoding, parsing, its slug, showing it — becomes a `file:line: reason` error for that seed alone, and the
 * rest are parsed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { PlanKnowledge } from './curated/plan-knowledge';
import { assertShowable } from './document/index';
import { danglingReferences, type Vocabularies } from './document/references';
import { SeedError } from './errors';
import type { Plan, PlanHead, Warning } from './model/plan';
import { parsePlan, type ParsePlanOptions } from './parse-plan';
import { decodeSeed, MAX_SEED_BYTES, tooLarge } from './read/decode';
import { assignVersionSlugs, linkPlans, type ParsedPlan } from './regions/corpus';
import { MAX_SIDECAR_BYTES, parseSidecar } from './sidecar';
import { assignSlugs, slugProblem } from './slugs';

export interface SeedFile {
  /** File name, e.g. 000_5b537b9a7be6a6a5.txt. */
  file: string;
  /** The file's bytes, or why they could not be read. */
  bytes: Uint8Array | SeedError;
  /** The sidecar's file name and bytes (or why they could not be read), when `<name>.yaml` exists. */
  sidecar: { file: string; bytes: Uint8Array | SeedError } | null;
}

export interface SeedDirectory {
  seeds: SeedFile[];
  /** Problems of the directory itself, e.g. a sidecar without a seed. */
  warnings: Warning[];
}

export interface IngestResult<P extends PlanHead = Plan> {
  plans: P[];
  warnings: Warning[];
  errors: SeedError[];
}

export interface IngestOptions extends ParsePlanOptions {
  /** When given, a plan linking outside these vocabularies is refused (its pages could not be built). */
  vocabularies?: Vocabularies;
}

const SEED = /\.txt$/i;
const SIDECAR = /\.ya?ml$/i;

const REASONS: Record<string, string> = {
  ENOENT: 'the file is gone or a broken link',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'a link that points to itself',
  ENAMETOOLONG: 'the name is too long',
  EISDIR: 'a directory, not a text file',
};

/** Reads one file, or says why not: never a stack trace, never more than `maxBytes` read. */
function readBounded(dir: string, file: string, maxBytes: number): Uint8Array | SeedError {
  const path = join(dir, file);
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return new SeedError(file, 0, 'cannot read: a directory, not a text file');
    if (!stat.isFile()) return new SeedError(file, 0, 'cannot read: not a regular file');
    // Checked before reading: a file larger than Node can hold in one piece must not be read at all.
    if (stat.size > maxBytes) return tooLarge(file, stat.size, maxBytes);
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    return new SeedError(file, 0, `cannot read: ${REASONS[code] ?? code ?? 'unknown error'}`);
  }
}

const stem = (file: string) => file.replace(/\.[^.]+$/, '');

/**
 * Reads every seed (`*.txt`, any case) in `dir`, sorted by name so the output is deterministic, with its
 * sidecar (`<name>.yaml` or `.yml`). A sidecar without a seed is reported, not silently skipped.
 */
export function readSeedDirectory(dir: string): SeedDirectory {
  const { seeds, warnings } = streamSeedDirectory(dir);
  return { seeds: [...seeds], warnings };
}

/**
 * As `readSeedDirectory`, but each seed's bytes (and its sidecar's) are read only when the iteration reaches
 * it, so a caller that lets go of each seed once parsed holds one seed's bytes at a time, not the corpus's
 * (README "Build memory"). The directory is listed once, up front; each pass over `seeds` reads the files again.
 */
export function streamSeedDirectory(dir: string): { seeds: Iterable<SeedFile>; warnings: Warning[] } {
  const { entries, warnings } = listSeedDirectory(dir);
  function* read(): Generator<SeedFile> {
    for (const entry of entries) yield readSeed(dir, entry);
  }
  return { seeds: { [Symbol.iterator]: read }, warnings };
}

/** A seed of a directory, listed but not read: its file name and its sidecar's, if any. */
export interface SeedEntry {
  file: string;
  sidecar: string | null;
}

/**
 * The seeds of `dir` in name order, with their sidecars, none read yet (`readSeed` reads one): several
 * threads can each read and parse the seeds they take (src/loaders/parallel-ingest.ts). The directory's own
 * warnings as `streamSeedDirectory`'s.
 */
export function listSeedDirectory(dir: string): { entries: SeedEntry[]; warnings: Warning[] } {
  const names = readdirSync(dir).sort();
  const seeds = names.filter((name) => SEED.test(name));
  const sidecars = names.filter((name) => SIDECAR.test(name));
  const seedStems = new Set(seeds.map(stem));
  const sidecarOf = new Map<string, string>();
  for (const name of sidecars) if (!sidecarOf.has(stem(name))) sidecarOf.set(stem(name), name);
  const warnings: Warning[] = sidecars
    .filter((name) => !seedStems.has(stem(name)))
    .map((name) => ({
      file: name,
      line: 0,
      message: `sidecar without a seed (no ${stem(name)}.txt): ignored`,
    }));
  const entries = seeds.map((file) => ({ file, sidecar: sidecarOf.get(stem(file)) ?? null }));
  return { entries, warnings };
}

/** Reads a listed seed and its sidecar (or says why not, as `SeedFile` does). */
export function readSeed(dir: string, { file, sidecar }: SeedEntry): SeedFile {
  return {
    file,
    bytes: readBounded(dir, file, MAX_SEED_BYTES),
    sidecar: sidecar ? { file: sidecar, bytes: readBounded(dir, sidecar, MAX_SIDECAR_BYTES) } : null,
  };
}

/**
 * What ingest holds of each parsed plan until the whole corpus is linked. Linking reads only a plan's head, so
 * a caller that must not hold every plan's text at once (the site's build at national scale) puts the text
 * away here and returns the head; by default the whole plan is held.
 */
export type Hold<P extends PlanHead> = (plan: Plan) => P;

/** One seed ingested: its plan (as held) and warnings, or why it cannot be a plan. */
export type SeedOutcome<P extends PlanHead> = (ParsedPlan<P> & { warnings: Warning[] }) | SeedError;

/**
 * One seed → its plan and warnings, or the `SeedError` that keeps it from being a plan (an unexpected error
 * becomes one too: a parser bug must not take the other plans down, but it must be loud).
 */
export function ingestSeedOutcome<P extends PlanHead>(
  seed: SeedFile,
  knowledge: PlanKnowledge,
  options: IngestOptions,
  hold: Hold<P>,
): SeedOutcome<P> {
  try {
    return ingestSeed(seed, knowledge, options, hold);
  } catch (error) {
    if (error instanceof SeedError) return error;
    return new SeedError(seed.file, 0, `internal error: ${(error as Error).message ?? error}`);
  }
}

/** One seed → its plan and warnings; throws SeedError for anything that keeps it from being a plan. */
function ingestSeed<P extends PlanHead>(
  seed: SeedFile,
  knowledge: PlanKnowledge,
  options: IngestOptions,
  hold: Hold<P>,
): ParsedPlan<P> & { warnings: Warning[] } {
  if (seed.bytes instanceof SeedError) throw seed.bytes;
  const { text } = decodeSeed(seed.bytes, seed.file);
  const warnings: Warning[] = [];
  let sidecar = null;
  if (seed.sidecar) {
    const { file, bytes } = seed.sidecar;
    if (bytes instanceof SeedError)
      warnings.push({ file, line: 0, message: `sidecar ignored: ${bytes.reason}` });
    else {
      const parsed = parseSidecar(bytes, file);
      sidecar = parsed.sidecar;
      warnings.push(...parsed.warnings);
    }
  }
  const result = parsePlan(text, seed.file, sidecar, knowledge, options);
  const problem = slugProblem(result.plan.id);
  if (problem !== null)
    throw new SeedError(seed.file, 1, `${problem}; set one with \`slug:\` in ${stem(seed.file)}.yaml`);
  // Whatever the pages will show must be showable: a dangling link refuses this plan, not the build.
  const dangling = danglingReferences(result.plan, options.vocabularies);
  if (dangling.length > 0) throw new SeedError(seed.file, 0, `cannot be shown: ${dangling.join('; ')}`);
  // Throws where building the page's document would (a range in a paragraph its clause lacks).
  assertShowable(result.plan, dangling);
  return {
    plan: hold(result.plan),
    // A published slug is held like a sidecar's: other texts of the same government get another one.
    explicitSlug: sidecar?.slug !== undefined || knowledge.published.get(result.plan.id) === seed.file,
    explicitParent: sidecar?.parent !== undefined,
    warnings: [...warnings, ...result.warnings],
  };
}

/** Drops parent links that point at the plan itself or run in a circle, with a warning on each plan. */
function refuseParentCycles<P extends PlanHead>(plans: P[], warnings: Warning[]): P[] {
  const parentOf = new Map(plans.map((p) => [p.id, p.parent]));
  const inCycle = (plan: P): boolean => {
    const seen = new Set<string>([plan.id]);
    let next = plan.parent;
    while (next !== null && next !== undefined) {
      if (seen.has(next)) return next === plan.id;
      seen.add(next);
      next = parentOf.get(next) ?? null;
    }
    return false;
  };
  return plans.map((plan) => {
    if (plan.parent === null || !inCycle(plan)) return plan;
    warnings.push({
      file: plan.source,
      line: 0,
      message:
        plan.parent === plan.id
          ? `parent "${plan.parent}" is the plan itself: ignored`
          : `parent "${plan.parent}" leads back to this plan (a cycle): ignored`,
    });
    return { ...plan, parent: null, parentSource: null };
  });
}

export function ingestSeeds(
  seeds: Iterable<SeedFile>,
  knowledge: PlanKnowledge,
  options: IngestOptions,
): IngestResult {
  return ingestSeedsHolding(seeds, knowledge, options, (plan) => plan);
}

/** As `ingestSeeds`, holding of each plan only what `hold` returns (see `Hold`). */
export function ingestSeedsHolding<P extends PlanHead>(
  seeds: Iterable<SeedFile>,
  knowledge: PlanKnowledge,
  options: IngestOptions,
  hold: Hold<P>,
): IngestResult<P> {
  const outcomes: SeedOutcome<P>[] = [];
  for (const seed of seeds) outcomes.push(ingestSeedOutcome(seed, knowledge, options, hold));
  return linkIngested(outcomes, knowledge);
}

/**
 * The seeds' outcomes, in the seeds' order, linked into a corpus: slugs, versions, parents. The same
 * whichever thread parsed each seed (src/loaders/parallel-ingest.ts).
 */
export function linkIngested<P extends PlanHead>(
  outcomes: readonly SeedOutcome<P>[],
  knowledge: PlanKnowledge,
): IngestResult<P> {
  const parsed: (ParsedPlan<P> & { warnings: Warning[] })[] = [];
  const warnings: Warning[] = [];
  const errors: SeedError[] = [];
  for (const outcome of outcomes) {
    if (outcome instanceof SeedError) errors.push(outcome);
    else parsed.push(outcome);
  }
  // Generated slugs never clash: several texts of one government get distinct ones (regions/corpus.ts).
  // Slugs set in sidecars may still clash: who keeps one is decided by the rule of slugs.ts.
  const versioned = assignVersionSlugs(parsed);
  const decisions = assignSlugs(
    versioned.map(({ plan }) => ({ file: plan.source, slug: plan.id })),
    knowledge.published,
  );
  const kept: ParsedPlan<P>[] = [];
  versioned.forEach((entry, i) => {
    const refused = decisions[i]?.refused ?? null;
    if (refused !== null) errors.push(new SeedError(entry.plan.source, 1, refused));
    else {
      kept.push(entry);
      warnings.push(...(parsed[i]?.warnings ?? []));
    }
  });
  let plans = linkPlans(kept);
  const bySource = new Map(plans.map((plan) => [plan.source, plan]));
  for (const [slug, file] of knowledge.published) {
    const plan = bySource.get(file);
    if (plan && plan.id !== slug)
      warnings.push({
        file,
        line: 0,
        message: `published at /plans/${slug}/ but now gets the slug "${plan.id}": its old links break (set \`slug: ${slug}\` in ${stem(file)}.yaml, or update content/published-plans.yaml)`,
      });
  }
  plans = refuseParentCycles(plans, warnings);
  const ids = new Set(plans.map((p) => p.id));
  for (const plan of plans) {
    if (plan.parent !== null && !ids.has(plan.parent)) {
      warnings.push({
        file: plan.source,
        line: 0,
        message: `parent plan "${plan.parent}" is not among the seeds`,
      });
    }
  }
  errors.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { plans, warnings, errors };
}

/** Reads and ingests a seed directory: the directory's own warnings come first. */
export function ingestDirectory(dir: string, knowledge: PlanKnowledge, options: IngestOptions): IngestResult {
  return ingestDirectoryHolding(dir, knowledge, options, (plan) => plan);
}

/** As `ingestDirectory`, holding of each plan only what `hold` returns (see `Hold`). */
export function ingestDirectoryHolding<P extends PlanHead>(
  dir: string,
  knowledge: PlanKnowledge,
  options: IngestOptions,
  hold: Hold<P>,
): IngestResult<P> {
  // Each seed is read as ingest reaches it and let go once parsed: one seed's bytes in memory at a time.
  const directory = streamSeedDirectory(dir);
  const result = ingestSeedsHolding(directory.seeds, knowledge, options, hold);
  return { ...result, warnings: [...directory.warnings, ...result.warnings] };
}
