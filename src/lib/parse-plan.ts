/**
 * One seed's text → a validated Plan. Pure: everything it needs (curated knowledge, the sidecar, the base
 * path) is passed in, so tests and the benchmark call it directly.
 */
import type { PlanKnowledge } from './content/plan-knowledge';
import { readFrontMatter, slugOfRegion, type FrontMatter } from './frontmatter/index';
import { Plan, type Warning } from './model/plan';
import type { Sidecar } from './sidecar';
import { parseStructure } from './structure/index';
import { paths, withBase } from './urls';

/** Later stages of recognition (departments, indicators) plug in here; each returns what it adds. */
export interface Enrichment {
  (plan: Plan, file: string): { plan: Plan; warnings: Warning[] };
}

export interface ParsePlanOptions {
  /** Deployment base path, for `Plan.url`. */
  base: string;
  enrichments?: Enrichment[];
}

export function parsePlan(
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
  );
  const meta: FrontMatter = {
    ...frontMatter,
    title: sidecar?.title ?? frontMatter.title,
    region: sidecar?.region ?? frontMatter.region,
    province: sidecar?.province ?? frontMatter.province,
    level: sidecar?.level ?? frontMatter.level,
    issuer: sidecar?.issuer ?? frontMatter.issuer,
    issued: sidecar?.issued ?? frontMatter.issued,
    status: sidecar?.status ?? frontMatter.status,
  };
  const id = sidecar?.slug ?? slugOfRegion(meta.region);
  let plan: Plan = {
    id,
    title: meta.title,
    region: meta.region,
    province: meta.province,
    level: meta.level,
    issuer: meta.issuer,
    issued: meta.issued,
    status: meta.status,
    parent: sidecar?.parent ?? null,
    source: file,
    url: withBase(options.base, paths.plan(id)),
    cites: meta.cites,
    front: structure.front,
    clauses: structure.clauses,
    annexes: structure.annexes,
    departments: [],
    targets: [],
  };
  const warnings = [...structure.warnings, ...frontWarnings];
  for (const enrich of options.enrichments ?? []) {
    const result = enrich(plan, file);
    plan = result.plan;
    warnings.push(...result.warnings);
  }
  return { plan: Plan.parse(plan), warnings };
}
