/**
 * The JSON downloads of the plans: each plan's whole data in its own file (`/data/plans/<id>.json`), the index
 * of every plan (`/data/plans.json`), and the JSON Schemas of both (`/data/schema.json`,
 * `/data/plans.schema.json`), all derived from the zod model so the files and the published schemas cannot
 * drift apart.
 *
 * Why one file per plan: at 3,000 plans the corpus in one file was ~0.5 GB (issue 13), more than a reader can
 * download or parse comfortably and near the longest string V8 holds. The index lists every plan with where
 * its file is; a reader fetches the plans they need.
 */
import { z } from 'zod';
import { publishedComparisons, verdictsFor, type VerdictContext } from '../lineage/index';
import { PlanIndexEntry, PlansIndexFile, PublishedPlan, type Plan, type PlanSummary } from '../model/plan';
import { absolute, paths, withBase } from '../urls';
import { cleanNumber } from '../vocabulary';
import type { UrlContext } from './shared';

/**
 * A plan as its file publishes it, validated: the model with its page's `url` under the deployment's base
 * (the model holds no URLs) and its targets' `comparisons` against the national reference and the parent's
 * value (`comparisons`: the lineage of the whole corpus and each indicator's rule, as pages and
 * `indicators.csv` use them). Parsing refuses a malformed plan, so it fails the build instead of being
 * published, and rebuilds every object in the schema's key order, which keeps the output stable whatever
 * order the parser happened to set properties in.
 */
export function publishedPlan(plan: Plan, comparisons: VerdictContext, urls: UrlContext = { base: '/' }) {
  return PublishedPlan.parse({
    ...plan,
    url: withBase(urls.base, paths.plan(plan.id)),
    comparisons: publishedComparisons(verdictsFor(plan, comparisons)),
  });
}

/**
 * `/data/plans/<id>.json`: one plan's `publishedPlan`, pretty-printed with two spaces. Float noise from unit
 * conversion (1.017万吨 × 10000 = 10169.999999999998 吨) is rounded away.
 */
export function planJson(plan: Plan, comparisons: VerdictContext, urls: UrlContext = { base: '/' }): string {
  return `${JSON.stringify(publishedPlan(plan, comparisons, urls), cleanNumbers, 2)}\n`;
}

const cleanNumbers = (_key: string, value: unknown) =>
  typeof value === 'number' ? cleanNumber(value) : value;

/** A plan's entry in the index: its head, its page and file, and how many clauses, departments and targets. */
export function planIndexEntry(plan: PlanSummary, urls: UrlContext = { base: '/' }): PlanIndexEntry {
  return PlanIndexEntry.parse({
    ...plan,
    url: withBase(urls.base, paths.plan(plan.id)),
    data: withBase(urls.base, paths.planData(plan.id)),
    counts: {
      clauses: plan.clauses.length,
      departments: plan.departments.length,
      targets: plan.targets.length,
    },
  });
}

/**
 * `/data/plans.json`: `{ "plans": [...] }`, every plan's index entry in the order given (the site's), one
 * entry per line — the file grows with the corpus (~1 KB a plan), so it is written compactly, but a line per
 * plan keeps it readable and diffable. Made from the plans' summaries: no plan's text is needed.
 */
export function plansIndexJson(plans: readonly PlanSummary[], urls: UrlContext = { base: '/' }): string {
  const entries = PlansIndexFile.parse({ plans: plans.map((plan) => planIndexEntry(plan, urls)) }).plans;
  if (entries.length === 0) return '{"plans":[]}\n';
  return `{"plans":[\n${entries.map((entry) => JSON.stringify(entry)).join(',\n')}\n]}\n`;
}

/** Where a schema is published: `$id` is its own public URL, absolute when the site origin is known. */
function schemaJson(
  type: z.ZodType,
  file: string,
  title: string,
  description: string,
  urls: UrlContext,
): string {
  const { $schema, ...rest } = z.toJSONSchema(type, { target: 'draft-2020-12', io: 'output' });
  const schema = {
    $schema,
    $id: absolute(urls.site, urls.base, paths.data(file)),
    title,
    description,
    ...rest,
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/** The JSON Schema (draft 2020-12) of one plan's file, `/data/plans/<id>.json`, generated from the zod model. */
export function planJsonSchema(urls: UrlContext = { base: '/' }): string {
  return schemaJson(
    PublishedPlan,
    'schema.json',
    'Plan Atlas plan',
    'One Chinese local "14th Five-Year" energy-saving and emission-reduction plan (十四五节能减排方案) parsed ' +
      'into a validated model: front matter, clause structure, responsible departments and quantified ' +
      'targets, each target compared with the national and the parent value. Published as ' +
      '/data/plans/<id>.json; /data/plans.json lists every plan. Line numbers are 1-based lines of the ' +
      'source text file named in `source`.',
    urls,
  );
}

/** The JSON Schema (draft 2020-12) of the index `/data/plans.json`, generated from the zod model. */
export function plansIndexSchema(urls: UrlContext = { base: '/' }): string {
  return schemaJson(
    PlansIndexFile,
    'plans.schema.json',
    'Plan Atlas plans index',
    'Every plan of the atlas without its text: issuer, region, level, dates, status, counts, the plan ' +
      "page's URL and `data`, the URL of the plan's whole data (described by /data/schema.json).",
    urls,
  );
}
