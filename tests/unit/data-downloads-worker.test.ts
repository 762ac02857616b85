/**
 * The data downloads written by the worker beside the pages (src/integrations/data-downloads-worker.ts) are the
 * bytes written in the pages' thread from the atlas: same files, same order of plans, same comparisons.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeDataDownloads, writeInWorker } from '../../src/integrations/data-downloads';
import { readPlanModelIn, writePlanModelIn } from '../../src/loaders/plan-models';
import { PlanSummary } from '../../src/lib/model/plan';
import { buildAtlas } from '../../src/site/atlas';
import { departmentCategories, indicatorList } from '../../src/site/catalogues';
import { fileTree } from '../helpers/file-tree';
import { ingestedSeeds } from '../helpers/seeds';

const work = mkdtempSync(join(tmpdir(), 'plan-atlas-downloads-worker-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the data downloads written in a worker', () => {
  it('are the bytes written in the pages’ thread from the atlas', { timeout: 120_000 }, async () => {
    const plans = ingestedSeeds().plans;
    // The model files as the plans loader writes them, and the atlas as the pages build it.
    const modelDir = join(work, 'models');
    mkdirSync(modelDir);
    for (const plan of plans) writePlanModelIn(modelDir, plan.id, JSON.stringify(plan));
    const summaries = plans.map((plan) => PlanSummary.parse(plan));
    const model = (id: string) => readPlanModelIn(modelDir, id);
    const atlas = buildAtlas(summaries, departmentCategories(), indicatorList(summaries), model);
    const urls = { site: 'https://example.org', base: '/atlas/' };

    const inThread = join(work, 'in-thread');
    const inWorker = join(work, 'in-worker');
    const here = writeDataDownloads(
      { plans: atlas.plans, model, comparisons: atlas.comparisons },
      urls,
      inThread,
    );
    const there = await writeInWorker({ plans: [...atlas.plans], modelDir, urls, outDir: inWorker });
    expect({ files: there.files, bytes: there.bytes }).toEqual(here);
    const a = fileTree(inThread);
    const b = fileTree(inWorker);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    const differing = [...a].filter(([path, bytes]) => !bytes.equals(b.get(path) ?? Buffer.alloc(0)));
    expect(differing.map(([path]) => path)).toEqual([]);
    // Targets were held against something: the comparisons reached the indicators table.
    expect(readFileSync(join(inWorker, 'data', 'indicators.csv'), 'utf8')).toMatch(/stricter|weaker|equal/);
  });
});
