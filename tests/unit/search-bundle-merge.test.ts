/**
 * Progressive search over several bundles (src/lib/search/browser/bundle-merge.ts): the merge of every bundle's
 * own answer is the answer one Pagefind over all of them gives (checked with Pagefind's script and WebAssembly
 * on the seeds written as three bundles), a bundle's lookup is searched once for the first results and the
 * complete answer, and results the reader is using keep their places.
 */
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSearchIndex } from '../../src/integrations/search-index';
import {
  keepShown,
  keptLookups,
  mergeAnswers,
  searchOfBundles,
  type BundleAnswer,
} from '../../src/lib/search/browser/bundle-merge';
import { bundleDir } from '../../src/lib/search/build/shards';
import { foldQuery } from '../../src/lib/search/browser/fold';
import { lookupOf, runsOf } from '../../src/lib/search/browser/tokens';
import { freshPagefind } from '../helpers/pagefind-node';
import { ingestedSeeds } from '../helpers/seeds';

type Result = { id: string; score: number; words: number[] };
const answer = (results: Result[], filters = {}): BundleAnswer<Result> => ({
  results,
  unfilteredResultCount: results.length,
  filters,
  totalFilters: filters,
});

describe('mergeAnswers', () => {
  it('sorts by score across bundles, keeping bundle order for equal scores, and sums the counts', () => {
    const merged = mergeAnswers([
      answer(
        [
          { id: 'a', score: 3, words: [] },
          { id: 'b', score: 1, words: [] },
        ],
        { plan: { x: 2 } },
      ),
      answer(
        [
          { id: 'c', score: 2, words: [] },
          { id: 'd', score: 1, words: [] },
        ],
        { plan: { x: 1, y: 1 } },
      ),
    ]);
    expect(merged?.results.map((r) => r.id)).toEqual(['a', 'c', 'b', 'd']);
    expect(merged?.unfilteredResultCount).toBe(4);
    expect(merged?.filters).toEqual({ plan: { x: 3, y: 1 } });
  });

  it('gives no answer when a bundle gave none', () => {
    expect(mergeAnswers([answer([]), null])).toBeNull();
  });
});

describe('keepShown', () => {
  const ranked = ['d', 'a', 'e', 'b', 'c'].map((id) => ({ id }));

  it('keeps the results shown in their places and puts the others after them in the complete order', () => {
    expect(keepShown(['a', 'b', 'c'], ranked).map((r) => r.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('is the complete ranking when nothing was shown', () => {
    expect(keepShown([], ranked)).toEqual(ranked);
  });
});

describe('keptLookups', () => {
  it('searches a bundle for a word once, for the first results and the complete answer alike', async () => {
    const asked: string[] = [];
    const lookup = keptLookups(async (bundle, term) => {
      asked.push(`${bundle}:${term}`);
      return answer([{ id: `${bundle}/${term}`, score: bundle, words: [] }]);
    }, 3);
    await searchOfBundles(lookup, 1)('x');
    const complete = await searchOfBundles(lookup, 3)('x');
    expect(asked).toEqual(['0:x', '1:x', '2:x']);
    expect(complete?.results.map((r) => r.id)).toEqual(['2/x', '1/x', '0/x']);
  });

  it('does not keep an answer that was not given', async () => {
    let calls = 0;
    const lookup = keptLookups(async () => (++calls === 1 ? null : answer([])), 1);
    expect(await lookup(0, 'x')).toBeNull();
    expect(await lookup(0, 'x')).not.toBeNull();
  });
});

describe('per-bundle Pagefind instances, merged, against one Pagefind with the bundles merged in', () => {
  const BUNDLES = 3;
  const work = mkdtempSync(join(tmpdir(), 'plan-atlas-bundle-merge-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  beforeAll(async () => {
    const { plans } = ingestedSeeds();
    const byId = new Map(plans.map((p) => [p.id, p]));
    await writeSearchIndex({ plans, model: (id) => byId.get(id)! }, work, {
      base: '/',
      workers: 1,
      bundles: BUNDLES,
    });
    // The later bundles have no WebAssembly of their own: the index worker hands each instance the first
    // bundle's (index-worker.ts `wasmBody`), as this copy does.
    const first = join(work, bundleDir(0));
    const wasm = readdirSync(first).filter((f) => /^wasm\..*\.pagefind$/.test(f));
    for (let k = 1; k < BUNDLES; k++)
      for (const f of wasm) copyFileSync(join(first, f), join(work, bundleDir(k), f));
  }, 180_000);
  const dirs = () => Array.from({ length: BUNDLES }, (_, k) => join(work, bundleDir(k)));

  it('finds the same records with the same scores and word positions, in the same order', async () => {
    const [first, ...others] = dirs() as [string, ...string[]];
    const merged = await freshPagefind(first);
    for (const dir of others) await merged.mergeIndex(`${pathToFileURL(dir).href}/`, { baseUrl: '/' });
    // A fresh copy of the script for the instances: nothing of the merged one's is shared.
    const module = (await freshPagefind(first)) as unknown as {
      createInstance(o: { basePath: string; baseUrl: string }): {
        search(term: string): Promise<BundleAnswer<Result> | null>;
      };
    };
    const instances: { search(term: string): Promise<BundleAnswer<Result> | null> }[] = [];
    // One after the other, as the index worker opens them: they share the script's WebAssembly.
    for (const dir of dirs()) {
      const instance = module.createInstance({ basePath: `${pathToFileURL(dir).href}/`, baseUrl: '/' });
      await instance.search('');
      instances.push(instance);
    }
    const plain = (a: BundleAnswer<Result> | null) =>
      a && {
        results: a.results.map(({ id, score, words }) => ({ id, score, words })),
        unfilteredResultCount: a.unfilteredResultCount,
      };
    let found = 0;
    // Pagefind's words as the page asks for them (tokens.ts): each query's loose lookup, and its words alone.
    const terms = ['能耗', '公转铁', '挥发性有机物', 'VOCs', '节能减排'].flatMap((q) => {
      const loose = runsOf(foldQuery(q))
        .map((run) => lookupOf(run).loose)
        .join(' ');
      return [loose, ...loose.split(/\s+/)];
    });
    for (const term of new Set(terms)) {
      const lookup = keptLookups<Result>((k, t) => instances[k]!.search(t), BUNDLES);
      const byBundles = plain(await searchOfBundles(lookup, BUNDLES)(term));
      const byOne = plain((await merged.search(term)) as BundleAnswer<Result> | null);
      expect(byBundles).toEqual(byOne);
      found += byBundles?.results.length ?? 0;
    }
    expect(found).toBeGreaterThan(0);
  }, 120_000);
});
