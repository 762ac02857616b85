/**
 * One seed's text → a validated Plan. Pure: everything it needs (curated knowledge, the sidecar) is passed in,
 * so tests and the benchmark call it directly.
 */
import type { PlanKnowledge } from './curated/plan-knowledge';
import { findDocumentNumber } from './frontmatter/document-number';
import type { z } from 'zod';
import { SeedError } from './errors';
import { readFrontMatter, type FrontMatter } from './frontmatter/index';
import { foldForRecognition, readingOnce } from './read/normalize';
import { conformsUnchanged } from './model/conforms';
import { Plan, type Unrecognised, type Warning } from './model/plan';
import type { DivisionIndex } from './regions/divisions';
import { slugOfDivision, slugOfFile, slugOfName } from './regions/slug';
import type { Sidecar } from './sidecar';
import { parseStructure } from './structure/index';

/** Later stages of recognition (departments, indicators) plug in here; each returns what it adds. */
export interface Enrichment {
  (plan: Plan, file: string): { plan: Plan; warnings: Warning[] };
}

export interface ParsePlanOptions {
  enrichments?: Enrichment[];
}

export function parsePlan(
  text: string,
  file: string,
  sidecar: Sidecar | null,
  knowledge: PlanKnowledge,
  options: ParsePlanOptions,
): { plan: Plan; warnings: Warning[] } {
  // Each piece of the text is folded once: later stages reuse the structure stage's folds of its lines.
  return readingOnce(() => readPlan(text, file, sidecar, knowledge, options));
}

function readPlan(
  text: string,
  file: string,
  sidecar: Sidecar | null,
  knowledge: PlanKnowledge,
  options: ParsePlanOptions,
): { plan: Plan; warnings: Warning[] } {
  const structure = parseStructure(text, file, knowledge.parts);
  const { frontMatter, warnings: frontWarnings } = readFrontMatter(
    structure.front,
    structure.clauses,
    file,
    knowledge.jurisdictions,
    knowledge.divisions,
    structure.annexes.map((annex) => annex.label),
  );
  const meta = withSidecar(frontMatter, sidecar, knowledge.divisions);
  const id = sidecar?.slug ?? slugOfPlan(meta, file, knowledge.divisions);
  const plan: Plan = {
    id,
    title: meta.title,
    region: meta.region,
    regionPath: meta.regionPath,
    regionSource: meta.regionSource,
    province: meta.province,
    level: meta.level,
    issuer: meta.issuer,
    issued: meta.issued,
    status: meta.status,
    parent: sidecar?.parent ?? null,
    parentSource: sidecar?.parent === undefined ? null : 'sidecar',
    versions: [],
    unrecognised: structure.plain ? [...meta.unrecognised, 'structure'] : meta.unrecognised,
    source: file,
    documentNumber: sidecar?.number ?? findDocumentNumber(structure.front),
    sourceUrl: sidecar?.source_url ?? null,
    retrieved: sidecar?.retrieved ?? null,
    cites: meta.cites,
    front: structure.front,
    clauses: structure.clauses,
    annexes: structure.annexes,
    departments: [],
    targets: [],
    outcomes: [],
  };
  const warnings = [...structure.warnings, ...frontWarnings];
  // Checking the model once, after every recogniser, gives the same plan as checking after each when it
  // passes (each stage adds its own fields and no later stage rewrites them), at a third of the cost: the
  // check is the largest single cost of ingest. Only when it fails are the stages re-run one check at a time,
  // to tell which recogniser produced what the model refuses.
  const once = enrich(plan, file, options, { checkEach: false });
  // A plan that already is what the check would give back (nearly every one) is checked without the check's
  // copy (see conforms.ts); any other goes through zod's full parse, which copies and reports.
  if (conformsUnchanged(Plan, once.plan))
    return { plan: once.plan, warnings: [...warnings, ...once.warnings] };
  const checked = Plan.safeParse(once.plan);
  if (checked.success) return { plan: checked.data, warnings: [...warnings, ...once.warnings] };
  const base = Plan.safeParse(plan);
  if (!base.success) throw new SeedError(file, 1, `internal error: ${describeIssue(base.error)}`);
  const each = enrich(base.data, file, options, { checkEach: true });
  return { plan: each.plan, warnings: [...warnings, ...each.warnings] };
}

/**
 * Runs the recognisers in order. A recogniser that fails, or (with `checkEach`) produces what the model
 * refuses, must not take the plan's text with it: the plan keeps what the stages before gave it and the
 * failure is reported against the seed.
 */
function enrich(
  start: Plan,
  file: string,
  options: ParsePlanOptions,
  { checkEach }: { checkEach: boolean },
): { plan: Plan; warnings: Warning[] } {
  let plan = start;
  const warnings: Warning[] = [];
  for (const enrichment of options.enrichments ?? []) {
    const name = enrichment.name || 'a recogniser';
    try {
      const result = enrichment(plan, file);
      if (!checkEach) {
        plan = result.plan;
        warnings.push(...result.warnings);
        continue;
      }
      const checked = Plan.safeParse(result.plan);
      if (!checked.success) {
        warnings.push({
          file,
          line: 1,
          message: `internal error, ${name} skipped: ${describeIssue(checked.error)}`,
        });
        continue;
      }
      plan = checked.data;
      warnings.push(...result.warnings);
    } catch (error) {
      warnings.push({
        file,
        line: 1,
        message: `internal error, ${name} skipped: ${(error as Error).message ?? error}`,
      });
    }
  }
  return { plan, warnings };
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue?.path.join('.') || 'plan'}: ${issue?.message ?? 'invalid'}`;
}

/** What the sidecar states overrides what the text was read as; a sidecar region is looked up in the list. */
function withSidecar(
  frontMatter: FrontMatter,
  sidecar: Sidecar | null,
  divisions: DivisionIndex,
): FrontMatter {
  if (!sidecar) return frontMatter;
  let regional: Pick<FrontMatter, 'region' | 'regionPath' | 'regionSource' | 'level' | 'province'> =
    frontMatter;
  if (sidecar.region !== undefined) {
    // 鼓楼区 names four divisions: the sidecar's province, when given, picks one.
    const named = divisions
      .named(foldForRecognition(sidecar.region))
      .filter((d) => sidecar.province === undefined || divisions.province(d).name === sidecar.province);
    const division = named.length === 1 ? named[0] : undefined;
    regional = {
      region: sidecar.region,
      regionPath: division ? divisions.path(division) : [],
      regionSource: 'sidecar',
      level: division?.level ?? null,
      province: division ? divisions.province(division).name : frontMatter.province,
    };
  }
  const level = sidecar.level ?? regional.level;
  // What the sidecar states is no longer unknown.
  const stated: Partial<Record<Unrecognised, unknown>> = {
    title: sidecar.title,
    region: regional.region ?? undefined,
    level: level ?? undefined,
    issuer: sidecar.issuer,
    date: sidecar.issued,
  };
  return {
    ...frontMatter,
    ...regional,
    title: sidecar.title ?? frontMatter.title,
    province: sidecar.province ?? regional.province,
    level,
    issuer: sidecar.issuer ?? frontMatter.issuer,
    issued: sidecar.issued ?? frontMatter.issued,
    status: sidecar.status ?? frontMatter.status,
    unrecognised: frontMatter.unrecognised.filter((what) => stated[what] === undefined),
  };
}

/** The region's slug (unique among all divisions), else the printed name's, else the file's. */
function slugOfPlan(meta: FrontMatter, file: string, divisions: DivisionIndex): string {
  const code = meta.regionPath[meta.regionPath.length - 1]?.code;
  const division = code ? divisions.get(code) : undefined;
  if (division) return slugOfDivision(division, divisions);
  if (meta.level === 'national') return 'quanguo';
  const named = meta.region ? slugOfName(meta.region) : '';
  return named !== '' ? named : slugOfFile(file);
}
