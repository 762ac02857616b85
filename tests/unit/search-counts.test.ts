/**
 * What the filter counts count (issue 10): the one lookup whose results are the clauses shown as 包含 (or, for
 * a synonym or department group, 包含 and 同义词/部门别名), or none when no single lookup is.
 */
import { describe, expect, it } from 'vitest';
import { countLookup, countNote } from '../../src/lib/search/browser/counts';
import { foldQuery } from '../../src/lib/search/browser/fold';
import { parseQuery } from '../../src/lib/search/browser/query';
import { compileSynonyms } from '../../src/lib/search/browser/synonyms';
import { loadSearchGroups } from '../../src/lib/search/build/groups';
import { loadQueryWords } from '../../src/lib/search/build/synonyms-file';

const groups = compileSynonyms(loadSearchGroups().groups, foldQuery);
const words = loadQueryWords();
const parse = (q: string) => parseQuery(q, foldQuery, groups, words)!;

describe('the counted lookup', () => {
  it.each([
    // One run: its exact (quoted) lookup, whose results are the clauses printing it.
    ['公转铁', 'literal', 'exact'],
    ['14.5%', 'literal', 'exact'],
    ['碳', 'literal', 'exact'],
    ['"超低排放改造"', 'literal', 'exact'],
    ['公转铁有哪些', 'literal', 'exact'], // the question form left out: one term
    // One Latin word: its prefix lookup is literal.
    ['GDP', 'literal', 'loose'],
    // A group: its token, on clauses printing one of its forms.
    ['VOCs', 'group', 'loose'],
    ['两高', 'group', 'loose'],
    ['环保局', 'group', 'loose'],
  ] as const)('%s: %s, by the %s lookup', (q, kind, which) => {
    const query = parse(q);
    const counted = countLookup(query);
    expect(counted?.kind).toBe(kind);
    const [term] = query.terms;
    expect(counted?.lookup).toBe(which === 'exact' ? term!.exact[0] : term!.loose);
    if (which === 'exact') expect(counted?.lookup).toMatch(/^".+"$/);
  });

  it.each([['公转铁 新能源'], ['VOCs 治理'], ['公转铁，新能源']])(
    '%s: several terms, nothing to count',
    (q) => {
      expect(parse(q).terms.length).toBeGreaterThan(1);
      expect(countLookup(parse(q))).toBeNull();
    },
  );
});

describe('the note beside the filters', () => {
  it.each([
    ['公转铁', '（数字为包含所查词语的条款数）'],
    ['VOCs', '（数字为包含所查词语或其同义词的条款数）'],
    ['环保局', '（数字为包含所查词语或其部门别名的条款数）'],
    ['公转铁 新能源', '（数字仅在搜索一个词语时显示）'],
  ])('%s → %s', (q, note) => {
    const query = parse(q);
    expect(countNote(query, countLookup(query))).toBe(note);
  });

  it('says nothing without a query', () => {
    expect(countNote(null, null)).toBe('');
  });
});
