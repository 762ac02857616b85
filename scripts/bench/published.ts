/**
 * The plans as a built site publishes them, read back from its output folder: the index `/data/plans.json`
 * and each plan's own file `/data/plans/<id>.json`, validated against the published model. For benchmarks
 * and browser tests that check what a reader downloads.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PlansIndexFile, PublishedPlan, type PlanIndexEntry } from '../../src/lib/model/plan';
import { paths } from '../../src/lib/urls';

/** A root-relative public path as a file under `outDir`. */
const fileOf = (outDir: string, path: string) => join(outDir, ...path.split('/').filter(Boolean));

/** The index of every plan, in the site's order. */
export function readPlansIndex(outDir: string): PlanIndexEntry[] {
  return PlansIndexFile.parse(JSON.parse(readFileSync(fileOf(outDir, paths.data('plans.json')), 'utf8')))
    .plans;
}

/** One plan's whole published data. */
export function readPublishedPlan(outDir: string, id: string): PublishedPlan {
  return PublishedPlan.parse(JSON.parse(readFileSync(fileOf(outDir, paths.planData(id)), 'utf8')));
}

/** Every plan's whole published data, in the index's order. */
export function readPublishedPlans(outDir: string): PublishedPlan[] {
  return readPlansIndex(outDir).map((entry) => readPublishedPlan(outDir, entry.id));
}
