/**
 * The seeds ingested on two threads (src/loaders/parallel-ingest.ts) give the plans, warnings and refusals of
 * one thread, whichever thread parses which seed: the worker parsing all of them, both threads together, or
 * the loader's thread alone.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestDirectoryHolding, type IngestResult } from '../../src/lib/ingest';
import { enrichments, loadKnowledge } from '../../src/lib/knowledge';
import type { PlanHead } from '../../src/lib/model/plan';
import { ingestDirectoryInParallel, ingestThreads } from '../../src/loaders/parallel-ingest';
import { planSummaries, PlanModelWriter, readPlanModel } from '../../src/loaders/plan-models';

const SEEDS = resolve(import.meta.dirname, '../../seeds');
const work = mkdtempSync(join(tmpdir(), 'plan-atlas-parallel-ingest-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// The seeds, a second text of one government (versions link across threads), a seed that is refused, and a
// sidecar without a seed (a warning of the directory's own).
const seedDir = join(work, 'seeds');
mkdirSync(seedDir);
for (const name of readdirSync(SEEDS)) copyFileSync(join(SEEDS, name), join(seedDir, name));
const first = readdirSync(SEEDS).find((name) => name.endsWith('.txt')) as string;
copyFileSync(join(SEEDS, first), join(seedDir, `zz_${first}`));
writeFileSync(join(seedDir, '010_empty.txt'), '');
writeFileSync(join(seedDir, '011_orphan.yaml'), 'slug: orphan\n');

const knowledge = loadKnowledge();
let caches = 0;

/** What a load makes of the corpus: the linked heads' whole plans as the loader writes them, and the reports. */
function completed(result: IngestResult<PlanHead>, models: PlanModelWriter) {
  const jsons = result.plans.map((head) => models.complete(head).json);
  models.publish();
  return {
    plans: result.plans.map((head) => readPlanModel(head.id)),
    digests: jsons,
    summaries: planSummaries(),
    warnings: result.warnings.map((w) => `${w.file}:${w.line}: ${w.message}`),
    errors: result.errors.map((e) => e.message),
  };
}

const writer = () => new PlanModelWriter(join(work, `cache-${caches++}`));

function oneThread() {
  const models = writer();
  const result = ingestDirectoryHolding(
    seedDir,
    knowledge.plan,
    { enrichments: enrichments(knowledge), vocabularies: knowledge.vocabularies },
    (plan) => models.park(plan),
  );
  return completed(result, models);
}

async function parallel(threads: 1 | 2, loaderParses: boolean) {
  const models = writer();
  const ingest = await ingestDirectoryInParallel(seedDir, knowledge, models, threads, { loaderParses });
  const done = await ingest.complete(ingest.result.plans, (json) => json);
  models.publish();
  return {
    // The model files as written, and what was kept of each plan, in the corpus's order.
    plans: done.map((plan) => ('invalid' in plan ? plan.invalid : readPlanModel(plan.head.id))),
    digests: done.map((plan) => ('digest' in plan ? plan.digest : null)),
    summaries: planSummaries(),
    warnings: ingest.result.warnings.map((w) => `${w.file}:${w.line}: ${w.message}`),
    errors: ingest.result.errors.map((e) => e.message),
  };
}

describe('ingest on two threads', () => {
  const expected = oneThread();

  it('the corpus of the test has plans, versions, a refusal and a directory warning', () => {
    expect(expected.plans.length).toBeGreaterThanOrEqual(6);
    expect(expected.plans.map((plan) => plan.id)).toContain('qianjiang-qu-2');
    expect(expected.errors).toEqual(['010_empty.txt:0: empty file']);
    expect(expected.warnings[0]).toMatch(/^011_orphan\.yaml:0: sidecar without a seed/);
  });

  it('gives the same plans when the worker parses every seed', async () => {
    expect(await parallel(2, false)).toEqual(expected);
  });

  it('gives the same plans when both threads parse', async () => {
    expect(await parallel(2, true)).toEqual(expected);
  });

  it('gives the same plans on the loader thread alone', async () => {
    expect(await parallel(1, true)).toEqual(expected);
  });

  it('reads the number of threads from PLAN_ATLAS_INGEST_THREADS', () => {
    expect(ingestThreads(undefined)).toBe(2);
    expect(ingestThreads('1')).toBe(1);
    expect(() => ingestThreads('3')).toThrow(/must be 1 or 2/);
  });
});
