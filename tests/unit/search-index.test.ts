/**
 * The search index written by parallel workers is the index written in one thread: the same bundles, byte for
 * byte (src/integrations/search-index.ts). Runs Pagefind itself, so it takes a few seconds.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { searchBundles } from '../../src/integrations/pagefind';
import { bundlePlans, workerCount, writeSearchIndex } from '../../src/integrations/search-index';
import { ingestedSeeds } from '../helpers/seeds';

const plans = ingestedSeeds().plans;
const byId = new Map(plans.map((p) => [p.id, p]));
/** The hand-over of a build (src/integrations/built-plans.ts): the plans and a reader of each whole plan. */
const built = { plans, model: (id: string) => byId.get(id)! };
const work = mkdtempSync(join(tmpdir(), 'plan-atlas-search-index-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every file under `dir` with its bytes, by relative path. */
function tree(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.set(relative(dir, path), readFileSync(path));
    }
  };
  walk(dir);
  return out;
}

describe('writeSearchIndex', () => {
  it('writes the same bundles with two workers as in one thread', { timeout: 180_000 }, async () => {
    const one = join(work, 'one');
    const two = join(work, 'two');
    const inOne = await writeSearchIndex(built, one, { base: '/atlas/', bundles: 3, workers: 1 });
    const inTwo = await writeSearchIndex(built, two, { base: '/atlas/', bundles: 3, workers: 2 });
    expect(inOne.dirs).toEqual(['pagefind', 'pagefind-1', 'pagefind-2']);
    expect(inTwo).toEqual({ ...inOne, workers: 2 });
    const bundles = searchBundles(plans, '/atlas/', 3);
    expect(inOne.records).toBe(bundles.reduce((n, b) => n + b.records.length, 0));
    const a = tree(one);
    const b = tree(two);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    const differing = [...a].filter(([path, bytes]) => !bytes.equals(b.get(path) ?? Buffer.alloc(0)));
    expect(differing.map(([path]) => path)).toEqual([]);
    // A merged bundle keeps no script or WebAssembly of its own; every bundle has its fragments.
    expect(readdirSync(join(one, 'pagefind'))).toContain('pagefind.js');
    expect(readdirSync(join(one, 'pagefind-1'))).not.toContain('pagefind.js');
    for (const dir of inOne.dirs) expect(readdirSync(join(one, dir, 'fragment')).length).toBeGreaterThan(0);
  });
});

describe('bundlePlans', () => {
  it('puts every plan in one bundle, in the order given, with its filter label', () => {
    const bundles = bundlePlans(plans, 2);
    expect(bundles.flatMap((b) => b.plans.map((p) => p.id)).sort()).toEqual(plans.map((p) => p.id).sort());
    for (const bundle of bundles) {
      const order = bundle.plans.map((p) => plans.findIndex((plan) => plan.id === p.id));
      expect(bundle.plans.every((p) => p.label.length > 0)).toBe(true);
      expect(order).toEqual([...order].sort((x, y) => x - y));
    }
  });
});

describe('workerCount', () => {
  it.each([
    ['4', 8, 4],
    ['4', 2, 2],
    ['1', 5, 1],
  ])('PLAN_ATLAS_SEARCH_WORKERS=%s with %i bundles gives %i', (env, bundles, expected) => {
    expect(workerCount(bundles, env)).toBe(expected);
  });

  it.each(['0', 'two', '1.5'])('refuses PLAN_ATLAS_SEARCH_WORKERS=%s', (env) => {
    expect(() => workerCount(3, env)).toThrow(/PLAN_ATLAS_SEARCH_WORKERS/);
  });
});
