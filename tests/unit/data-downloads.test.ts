/**
 * The downloads written after the pages (src/integrations/data-downloads.ts), on the seeds: the index lists
 * every plan and where its file is; each plan's file round-trips through the published schema to the plan it
 * was written from; each plan's tables are its rows of the whole tables, and the whole tables are the same
 * bytes as the whole-corpus writers give.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readPlansIndex, readPublishedPlan } from '../../scripts/bench/published';
import { writeDataDownloads } from '../../src/integrations/data-downloads';
import { loadDepartmentCatalogue } from '../../src/lib/departments/catalogue';
import { clausesCsv, departmentsCsv, indicatorsCsv, publishedPlan } from '../../src/lib/export';
import { loadIndicatorCatalogue } from '../../src/lib/indicators/catalogue';
import { verdictContext } from '../../src/lib/lineage';
import { PlanSummary, type Plan } from '../../src/lib/model/plan';
import { ingestedSeeds } from '../helpers/seeds';

const plans = ingestedSeeds().plans;
const catalogue = loadIndicatorCatalogue().indicators;
const comparisons = verdictContext(plans, catalogue);
const urls = { site: 'https://example.org', base: '/atlas/' };
const out = mkdtempSync(join(tmpdir(), 'plan-atlas-downloads-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const read: string[] = [];
const written = writeDataDownloads(
  {
    plans: plans.map((plan) => PlanSummary.parse(plan)),
    model: (id) => {
      read.push(id);
      return plans.find((plan) => plan.id === id) as Plan;
    },
    comparisons,
  },
  urls,
  out,
);
const text = (...path: string[]) => readFileSync(join(out, 'data', ...path), 'utf8');
const indicatorNames = new Map(catalogue.map((i) => [i.id, i.name]));
const categoryNames = new Map(loadDepartmentCatalogue().categories.map((c) => [c.id, c.name]));

describe('the data downloads, written plan by plan', () => {
  it('reads each whole plan once, in the pages’ order', () => {
    expect(read).toEqual(plans.map((plan) => plan.id));
  });

  it('writes the index, a file and six tables per plan, and the six whole tables', () => {
    expect(written.files).toBe(1 + plans.length * 7 + 6);
    expect(readdirSync(join(out, 'data', 'plans')).sort()).toEqual(
      plans.flatMap((plan) => [plan.id, `${plan.id}.json`]).sort(),
    );
  });

  it('plans.json lists every plan with its page and its file', () => {
    const index = readPlansIndex(out);
    expect(index.map((entry) => entry.id)).toEqual(plans.map((plan) => plan.id));
    for (const entry of index) {
      expect(entry.url).toBe(`/atlas/plans/${entry.id}/`);
      expect(entry.data).toBe(`/atlas/data/plans/${entry.id}.json`);
    }
  });

  it.each(plans.map((plan) => [plan.id, plan] as const))(
    '%s: its file round-trips to the plan it was written from, comparisons included',
    (id, plan) => {
      const published = readPublishedPlan(out, id);
      expect(published).toEqual(publishedPlan(plan, comparisons, urls));
      // The plan itself, once its page's URL and its comparisons are taken off: nothing lost, nothing added.
      const { url, comparisons: verdicts, ...model } = published;
      expect(url).toBe(`/atlas/plans/${id}/`);
      expect(verdicts.map((v) => v.target)).toEqual(plan.targets.map((t) => t.id));
      expect(model).toEqual(plan);
    },
  );

  const wholeOf = {
    clauses: (some: Plan[], language: 'en' | 'zh') => clausesCsv(some, urls, language),
    indicators: (some: Plan[], language: 'en' | 'zh') =>
      indicatorsCsv(some, urls, (id) => indicatorNames.get(id), comparisons, language),
    departments: (some: Plan[], language: 'en' | 'zh') =>
      departmentsCsv(some, urls, (id) => categoryNames.get(id), language),
  };
  const cases = (['clauses', 'indicators', 'departments'] as const).flatMap((table) =>
    (['en', 'zh'] as const).map((language) => [table, language] as const),
  );

  it.each(cases)('%s.csv (%s): the whole table, and each plan’s own', (table, language) => {
    const dir = language === 'zh' ? ['zh'] : [];
    expect(text(...dir, `${table}.csv`)).toBe(wholeOf[table](plans, language));
    for (const plan of plans)
      expect(text('plans', plan.id, ...dir, `${table}.csv`)).toBe(wholeOf[table]([plan], language));
  });
});
