/**
 * `/data/plans.json` and its JSON Schema `/data/schema.json`, both derived from the zod model so the file and
 * the published schema cannot drift apart.
 */
import { z } from 'zod';
import { publishedComparisons, verdictsFor, type VerdictContext } from '../lineage/index';
import { PlansFile, PublishedPlan, type Plan } from '../model/plan';
import { absolute, paths, withBase } from '../urls';
import { cleanNumber } from '../vocabulary';
import type { UrlContext } from './shared';

/**
 * Serialises plans as `{ "plans": [...] }`, pretty-printed with two spaces, each with its page's `url` under
 * the deployment's base (the model holds no URLs) and its targets' `comparisons` against the national
 * reference and the parent's value (`comparisons`: the lineage of the whole corpus and each indicator's rule,
 * as pages and `indicators.csv` use them).
 *
 * The plans are validated with `PlansFile.parse` first, so a malformed plan fails the build instead of being
 * published; parsing also rebuilds every object in the schema's key order, which keeps the output stable
 * whatever order the parser happened to set properties in. Float noise from unit conversion
 * (1.017万吨 × 10000 = 10169.999999999998 吨) is rounded away.
 */
export function plansJson(
  plans: readonly Plan[],
  comparisons: VerdictContext,
  urls: UrlContext = { base: '/' },
): string {
  const published = plans.map((plan) => ({
    ...plan,
    url: withBase(urls.base, paths.plan(plan.id)),
    comparisons: publishedComparisons(verdictsFor(plan, comparisons)),
  }));
  const file = PlansFile.parse({ plans: published });
  return `${JSON.stringify(file, cleanNumbers, 2)}\n`;
}

const cleanNumbers = (_key: string, value: unknown) =>
  typeof value === 'number' ? cleanNumber(value) : value;

/**
 * The same file as `plansJson`, byte for byte, written plan by plan as `plans` yields them, each validated on
 * its own: one whole plan in memory at a time (README "Build memory").
 */
export function* plansJsonParts(
  plans: Iterable<Plan>,
  comparisons: VerdictContext,
  urls: UrlContext = { base: '/' },
): Generator<string> {
  let first = true;
  for (const plan of plans) {
    const published = PublishedPlan.parse({
      ...plan,
      url: withBase(urls.base, paths.plan(plan.id)),
      comparisons: publishedComparisons(verdictsFor(plan, comparisons)),
    });
    // An element of `plans` sits two levels deep in the two-space indentation of the whole file.
    const text = JSON.stringify(published, cleanNumbers, 2).replaceAll('\n', '\n    ');
    yield `${first ? '{\n  "plans": [\n' : ',\n'}    ${text}`;
    first = false;
  }
  yield first ? '{\n  "plans": []\n}\n' : '\n  ]\n}\n';
}

/**
 * The JSON Schema (draft 2020-12) of `plans.json`, generated from the zod model. `$id` is the schema's own
 * public URL: absolute when the site origin is known, else the base-prefixed path.
 */
export function plansJsonSchema(urls: UrlContext = { base: '/' }): string {
  const { $schema, ...rest } = z.toJSONSchema(PlansFile, { target: 'draft-2020-12', io: 'output' });
  const schema = {
    $schema,
    $id: absolute(urls.site, urls.base, paths.data('schema.json')),
    title: 'Plan Atlas plans',
    description:
      'Chinese local "14th Five-Year" energy-saving and emission-reduction plans (十四五节能减排方案) parsed into ' +
      'a validated model: front matter, clause structure, responsible departments and quantified targets. ' +
      'Line numbers are 1-based lines of the source text file named in `source`.',
    ...rest,
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}
