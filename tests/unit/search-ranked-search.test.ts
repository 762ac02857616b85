/**
 * A query's searches ranked (src/lib/search/browser/ranked-search.ts), as the index worker ranks unfiltered
 * searches and the page filtered ones, and the ranked answer the worker sends the page instead of every result's
 * word positions.
 */
import { describe, expect, it } from 'vitest';
import { foldQuery } from '../../src/lib/search/browser/fold';
import { parseQuery } from '../../src/lib/search/browser/query';
import {
  rankedAnswer,
  rankedOf,
  rankedSearch,
  rankPlanOf,
  type RankHit,
  type RankPlan,
} from '../../src/lib/search/browser/ranked-search';

/** A search over fixed answers: each term's results, best first. */
function finder(answers: Record<string, RankHit[] | null>) {
  const asked: string[] = [];
  const find = (term: string) => {
    asked.push(term);
    const results = answers[term];
    return Promise.resolve(results === null ? null : { results: results ?? [] });
  };
  return { find, asked };
}

describe('rankedSearch', () => {
  it('reads literal matches of a chain from the loose results’ positions, and leaves scattered ones out', async () => {
    const plan: RankPlan = { loose: 'ab bc', chain: 2, terms: [{ exact: ['"ab bc"'], group: false }] };
    const { find, asked } = finder({
      'ab bc': [
        { id: 'scattered', words: [1, 5] },
        { id: 'printed', words: [7, 8] },
      ],
    });
    const { ranked, results } = await rankedSearch(find, plan);
    expect(asked).toEqual(['ab bc']);
    expect(ranked).toEqual([{ id: 'printed', tier: 'literal' }]);
    expect([...results.keys()]).toEqual(['scattered', 'printed']);
  });

  it('ranks literal, then synonym matches, with an exact result the loose search missed after the literal ones', async () => {
    const plan: RankPlan = {
      loose: 'g1 xy',
      chain: null,
      terms: [
        { exact: ['"f1"'], group: true },
        { exact: ['"xy"'], group: false },
      ],
    };
    const { find } = finder({
      'g1 xy': [
        { id: 'through-group', words: [1, 2] },
        { id: 'form', words: [3, 4] },
      ],
      '"f1"': [
        { id: 'form', words: [3] },
        { id: 'missed', words: [9] },
      ],
      '"xy"': [
        { id: 'through-group', words: [2] },
        { id: 'form', words: [4] },
        { id: 'missed', words: [10] },
      ],
    });
    const { ranked, results } = await rankedSearch(find, plan);
    expect(ranked).toEqual([
      { id: 'form', tier: 'literal' },
      { id: 'missed', tier: 'literal' },
      { id: 'through-group', tier: 'synonym' },
    ]);
    expect(results.get('missed')?.id).toBe('missed');
  });

  it('gives nothing for a superseded (null) loose search', async () => {
    const plan: RankPlan = { loose: 'ab', chain: 1, terms: [{ exact: [], group: false }] };
    expect((await rankedSearch(finder({ ab: null }).find, plan)).ranked).toEqual([]);
  });

  it('plans a parsed query’s lookups as the query says them, cloneable for a worker', () => {
    const query = parseQuery('节能减排', foldQuery)!;
    const plan = rankPlanOf(query);
    expect(plan).toEqual({
      loose: query.loose,
      chain: query.chain,
      terms: query.terms.map((t) => ({ exact: t.exact, group: false })),
    });
    expect(structuredClone(plan)).toEqual(plan);
  });
});

describe('rankedAnswer', () => {
  it('is the ids in order and how many are literal, and stands for the same ranking', () => {
    const ranked = [
      { id: 'a', tier: 'literal' as const },
      { id: 'b', tier: 'literal' as const },
      { id: 'c', tier: 'synonym' as const },
    ];
    const answer = rankedAnswer(ranked);
    expect(answer).toEqual({ ids: ['a', 'b', 'c'], literal: 2 });
    expect(rankedOf(answer)).toEqual(ranked);
    expect(rankedOf(rankedAnswer([]))).toEqual([]);
    expect(rankedAnswer([{ id: 'a', tier: 'synonym' }])).toEqual({ ids: ['a'], literal: 0 });
  });

  it('refuses a ranking it cannot stand for (a literal result after a synonym one, a related one)', () => {
    expect(() =>
      rankedAnswer([
        { id: 'a', tier: 'synonym' },
        { id: 'b', tier: 'literal' },
      ]),
    ).toThrow();
    expect(() => rankedAnswer([{ id: 'a', tier: 'related' }])).toThrow();
  });
});
