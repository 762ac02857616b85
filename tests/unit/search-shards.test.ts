import { describe, expect, it } from 'vitest';
import {
  assignShards,
  bundleDir,
  clauseCount,
  FIRST_CLAUSES,
  readerOrder,
  SHARD_CLAUSES,
  shardCount,
  shardLayout,
} from '../../src/lib/search/build/shards';
import type { Plan } from '../../src/lib/model/plan';
import { ingestedSeeds } from '../helpers/seeds';

const seeds: Plan[] = ingestedSeeds().plans;

/** The seeds `copies` times over under distinct ids and regions, as scripts/bench-search.ts clones them. */
function cloned(copies: number): Plan[] {
  return Array.from({ length: copies }, (_, k) =>
    seeds.map((plan) => (k === 0 ? plan : { ...plan, id: `${plan.id}-c${k}`, region: `${plan.region}·${k}` })),
  ).flat();
}

/** Clauses per bundle, by bundle number. */
function loads(plans: readonly Plan[], shards: Map<string, number>): number[] {
  const out: number[] = [];
  for (const plan of plans) {
    const k = shards.get(plan.id)!;
    out[k] = (out[k] ?? 0) + plan.clauses.length;
  }
  return out;
}

describe('search bundle layout', () => {
  it.each([
    [200, 1],
    [5000, 1],
    // Past one bundle: a first bundle of FIRST_CLAUSES, the rest in bundles of at most SHARD_CLAUSES.
    [5001, 2],
    [FIRST_CLAUSES + 2 * SHARD_CLAUSES, 3],
    [FIRST_CLAUSES + 2 * SHARD_CLAUSES + 1, 4],
    [19_400, 5], // 100× the seeds
    [116_400, 25], // 600× the seeds: 3,000 plans
  ])('splits %i clauses into %i bundles', (clauses, count) => {
    expect(shardCount(clauses)).toBe(count);
  });

  it('takes a forced number of bundles as even, unless the first is sized too', () => {
    expect(shardLayout(1000, { count: 4 })).toEqual({ count: 4, first: 250 });
    expect(shardLayout(1000, { count: 4, first: 100 })).toEqual({ count: 4, first: 100 });
    expect(shardLayout(20_000, { first: 2500 })).toEqual({ count: 5, first: 2500 });
    expect(() => shardLayout(1000, { count: 0 })).toThrow();
    expect(bundleDir(0)).toBe('pagefind');
    expect(bundleDir(3)).toBe('pagefind-3');
  });

  it('orders plans for the first bundle by level in turn, provinces in turn, final and newest first', () => {
    const plan = (id: string, level: Plan['level'], province: string | null, issued: string | null = null) => ({
      id,
      level,
      province,
      issued,
      status: 'final' as Plan['status'],
    });
    const order = readerOrder([
      plan('c1', 'county', '重庆市'),
      plan('c2', 'county', '重庆市', '2023-05-04'),
      plan('c3', 'county', '山东省'),
      { ...plan('c0', 'county', '重庆市', '2024-01-01'), status: 'draft' },
      plan('p1', 'province', '贵州省'),
      plan('x1', null, null),
      plan('n1', 'national', null),
      plan('m1', 'city', '四川省'),
      plan('m2', 'city', '四川省'),
      plan('m3', 'city', '河北省'),
    ]).map((p) => p.id);
    // Round 1: one plan of each level; within a level the provinces take turns (山东省 < 重庆市, 四川省 < 河北省
    // by code point), within a province final before draft and the newest first.
    expect(order).toEqual(['n1', 'p1', 'm1', 'c3', 'x1', 'm3', 'c2', 'm2', 'c1', 'c0']);
  });

  it('cuts 3,000 plans into a small first bundle of every level and even others', () => {
    const plans = cloned(600);
    const shards = assignShards(plans);
    expect(shards.size).toBe(plans.length);
    const load = loads(plans, shards);
    expect(load.length).toBe(shardCount(clauseCount(plans)));
    const largest = Math.max(...seeds.map((p) => p.clauses.length));
    // The first bundle stops at the plan nearest FIRST_CLAUSES.
    expect(Math.abs(load[0]! - FIRST_CLAUSES)).toBeLessThanOrEqual(largest);
    const rest = load.slice(1);
    expect(Math.max(...rest) - Math.min(...rest)).toBeLessThanOrEqual(largest);
    expect(Math.max(...rest)).toBeLessThanOrEqual(SHARD_CLAUSES);
    // Every seed, so every level and every wording of the corpus, is in the first bundle.
    const firstSeeds = new Set(plans.filter((p) => shards.get(p.id) === 0).map((p) => p.id.replace(/-c\d+$/, '')));
    expect(firstSeeds).toEqual(new Set(seeds.map((p) => p.id)));
    expect(assignShards([...plans].reverse())).toEqual(shards);
  });

  it('puts whole plans into even bundles when their number is forced', () => {
    const many = cloned(8);
    const shards = assignShards(many, shardLayout(clauseCount(many), { count: 4 }));
    expect(new Set(shards.values())).toEqual(new Set([0, 1, 2, 3]));
    const load = loads(many, shards);
    expect(Math.max(...load) - Math.min(...load)).toBeLessThanOrEqual(
      Math.max(...seeds.map((p) => p.clauses.length)),
    );
  });

  it('keeps a corpus of one bundle whole', () => {
    expect(new Set(assignShards(seeds).values())).toEqual(new Set([0]));
  });
});
