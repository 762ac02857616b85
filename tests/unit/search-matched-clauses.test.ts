/**
 * Which clauses of chapter records a lookup matched (clause-view.ts `matchedClauses`), on records made up here:
 * a record's id carries its clauses' word counts (layout.ts), Pagefind gives each record's score and positions.
 * A lookup of one word takes a path of its own; both must place every position in the clause holding it.
 */
import { describe, expect, it } from 'vitest';
import { matchedClauses, type RecordResult, type Response } from '../../src/lib/search/browser/clause-view';

const response = (results: RecordResult[]): Response<RecordResult> => ({
  results,
  unfilteredResultCount: results.length,
  filters: {},
  totalFilters: {},
});

// Clauses of 3, 0, 2 and 4 words: they start at 0, 3, 3, 5 and end at 9.
const a: RecordResult = { id: '0_s0~3.0.2.4', score: 1, words: [0, 2, 3, 4, 5, 8, 9, 12] };
const b: RecordResult = { id: '0_s1~5', score: 2, words: [1, 4] };

const summary = (found: ReturnType<typeof matchedClauses>) =>
  found.map((m) => [m.record.id, m.clause, m.words]);

describe('matchedClauses', () => {
  it('one word: records by score, each position in its clause, an empty clause skipped, none past the end', () => {
    expect(summary(matchedClauses([{ words: ['w'] }], new Map([['w', response([a, b])]])))).toEqual([
      ['0_s1~5', 0, [1, 4]],
      ['0_s0~3.0.2.4', 0, [0, 2]],
      ['0_s0~3.0.2.4', 2, [3, 4]],
      ['0_s0~3.0.2.4', 3, [5, 8]],
    ]);
  });

  it('one word whose positions come out of order: the same clauses as in order', () => {
    const shuffled = { ...a, words: [12, 5, 0, 9, 3, 8, 2, 4] };
    const inOrder = summary(matchedClauses([{ words: ['w'] }], new Map([['w', response([a])]])));
    expect(summary(matchedClauses([{ words: ['w'] }], new Map([['w', response([shuffled])]])))).toEqual(
      inOrder,
    );
  });

  it('two words: a clause holding both, each part in it; a phrase never across a clause end', () => {
    const v: RecordResult = { id: a.id, score: 1, words: [1, 3, 6] };
    const found = new Map([
      ['w', response([a])],
      ['v', response([v])],
    ]);
    expect(summary(matchedClauses([{ words: ['w'] }, { words: ['v'] }], found))).toEqual([
      ['0_s0~3.0.2.4', 0, [0, 2, 1]],
      ['0_s0~3.0.2.4', 2, [3, 4, 3]],
      ['0_s0~3.0.2.4', 3, [5, 8, 6]],
    ]);
    // w then v at the next position: 0→1 (clause 0) and 5→6 (clause 3); 2→3 would cross into clause 2.
    expect(summary(matchedClauses([{ words: ['w', 'v'] }], found))).toEqual([
      ['0_s0~3.0.2.4', 0, [0, 1]],
      ['0_s0~3.0.2.4', 3, [5, 6]],
    ]);
  });
});
