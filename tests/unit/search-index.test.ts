/**
 * The search index written by parallel workers is the index written in one thread: the same bundles, byte for
 * byte (src/integrations/search-index.ts). Runs Pagefind itself, so it takes a few seconds.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decode } from 'cborg';
import { afterAll, describe, expect, it } from 'vitest';
import { searchBundles, searchRecords } from '../../src/integrations/pagefind';
import { filterValues } from '../../src/lib/search/build/records';
import { loadSearchNames } from '../../src/lib/search/build/names';
import { unsigned } from '../../src/lib/search/build/fragments';
import { CLAUSE_DIR, clauseFile } from '../../src/lib/search/browser/clause-file';
import { valuesOf } from '../../src/lib/search/browser/layout';
import {
  recordValuesOf,
  RECORD_VALUES_FILE,
  type BundleValues,
} from '../../src/lib/search/browser/record-values';
import {
  bundlePlans,
  workerCount,
  writeBundles,
  writeSearchIndex,
} from '../../src/integrations/search-index';
import { readSearchHandoff, writeSearchHandoff } from '../../src/integrations/search-handoff';
import { readPlanModelIn, writePlanModelIn } from '../../src/loaders/plan-models';
import { fileTree } from '../helpers/file-tree';
import { ingestedSeeds } from '../helpers/seeds';

const plans = ingestedSeeds().plans;
const byId = new Map(plans.map((p) => [p.id, p]));
/** The hand-over of a build (src/integrations/built-plans.ts): the plans and a reader of each whole plan. */
const built = { plans, model: (id: string) => byId.get(id)! };
const work = mkdtempSync(join(tmpdir(), 'plan-atlas-search-index-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

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
    const a = fileTree(one);
    const b = fileTree(two);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    const differing = [...a].filter(([path, bytes]) => !bytes.equals(b.get(path) ?? Buffer.alloc(0)));
    expect(differing.map(([path]) => path)).toEqual([]);
    // A merged bundle keeps no script or WebAssembly of its own; every bundle has its clause files, no fragments.
    expect(readdirSync(join(one, 'pagefind'))).toContain('pagefind.js');
    expect(readdirSync(join(one, 'pagefind-1'))).not.toContain('pagefind.js');
    for (const dir of inOne.dirs) {
      expect(readdirSync(join(one, dir, CLAUSE_DIR)).length).toBeGreaterThan(0);
      expect(readdirSync(join(one, dir))).not.toContain('fragment');
    }
  });
});

describe('the search step handed to a process of its own', () => {
  it(
    "writes, from the handoff and the model files, the index written in the pages' process",
    { timeout: 180_000 },
    async () => {
      // The model files as the plans loader writes them (JSON of each whole plan, by id).
      const modelDir = join(work, 'models');
      mkdirSync(modelDir);
      for (const plan of plans) writePlanModelIn(modelDir, plan.id, JSON.stringify(plan));
      const handoffPath = join(work, 'handoff.json');
      writeSearchHandoff(handoffPath, {
        base: '/atlas/',
        modelDir,
        bundles: bundlePlans(plans, 2),
        table: filterValues(plans, loadSearchNames()),
      });
      const handoff = readSearchHandoff(handoffPath);
      const inPages = join(work, 'in-pages');
      const handed = join(work, 'handed');
      const direct = await writeSearchIndex(built, inPages, { base: '/atlas/', bundles: 2, workers: 1 });
      const fromHandoff = await writeBundles(
        handoff.bundles,
        (id) => readPlanModelIn(handoff.modelDir, id),
        handed,
        { base: handoff.base, workers: 1, table: handoff.table },
      );
      expect(fromHandoff).toEqual(direct);
      const a = fileTree(inPages);
      const b = fileTree(handed);
      expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
      const differing = [...a].filter(([path, bytes]) => !bytes.equals(b.get(path) ?? Buffer.alloc(0)));
      expect(differing.map(([path]) => path)).toEqual([]);
    },
  );
});

/** A decoded Pagefind file of the bundle in `dir`. */
function pagefindFile(dir: string, path: string): Buffer {
  return unsigned(readFileSync(join(dir, path)), path);
}

describe('what Pagefind is given', () => {
  it(
    "indexes the search alphabet only; each clause's meta is in its own file, under its record's short name",
    { timeout: 180_000 },
    async () => {
      const dir = join(work, 'alphabet');
      await writeSearchIndex(built, dir, { base: '/', bundles: 1, workers: 1 });
      const bundle = join(dir, 'pagefind');
      const entry = JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8')) as {
        languages: Record<string, { hash: string }>;
      };
      expect(Object.keys(entry.languages)).toEqual(['zh-cn']);
      const meta = decode(pagefindFile(bundle, `pagefind.${entry.languages['zh-cn']!.hash}.pf_meta`)) as [
        string,
        [string, number, string][],
        [string, string, string][],
      ];
      const records = searchRecords(plans, '/');
      expect(meta[1]).toHaveLength(records.length);
      // Every word of every index chunk is a token of the search alphabet: no meta field (clause text, title,
      // plan name) is indexed a second time by Pagefind's segmenter.
      const words = meta[2].flatMap(([, , chunk]) => {
        const index = decode(pagefindFile(bundle, `index/${chunk}.pf_index`)) as [[string, unknown][]];
        return index[0].map(([word]) => word);
      });
      expect(words.length).toBeGreaterThan(1000);
      expect(words.filter((word) => !/^[a-z]+$/.test(word))).toEqual([]);
      // Each record is named by the metadata (its short name, then its clauses' word counts, no filter value),
      // its filter values are in the bundle's values file at its number, and each of its clauses is in a file
      // of its own, named after the short name: exactly the clause's url, meta and filters.
      const byFirst = new Map(records.map((r) => [r.url, r]));
      const values = JSON.parse(readFileSync(join(bundle, RECORD_VALUES_FILE), 'utf8')) as BundleValues;
      expect(values.values).toHaveLength(meta[1].length);
      for (const [name] of meta[1]) {
        expect(name).toMatch(/^0_[0-9a-f]{6}[0-9a-z]+~\d+(\.\d+)*$/);
        expect(name.startsWith(values.records)).toBe(true);
        const first = JSON.parse(readFileSync(join(bundle, clauseFile(name, 0)), 'utf8')) as { url: string };
        const record = byFirst.get(first.url);
        expect(record, first.url).toBeDefined();
        expect(name.slice(name.indexOf('~') + 1)).toBe(record!.layout);
        expect(recordValuesOf({ table: filterValues(plans, loadSearchNames()), bundles: [values] })(name)).toEqual(
          valuesOf(record!.values),
        );
        record!.meta.clauses.forEach((clause, k) =>
          expect(JSON.parse(readFileSync(join(bundle, clauseFile(name, k)), 'utf8'))).toEqual(clause),
        );
      }
    },
  );
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
