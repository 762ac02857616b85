/**
 * The words the index worker searches for an opened URL's query before the page asks
 * (src/lib/search/browser/opened-query.ts): for a query that uses no synonym group and no word the page leaves
 * out, exactly the words the page's own searches look up (engine.ts `runSearch` → clause-view.ts, one
 * Pagefind search per word), so every early answer is one the page takes.
 */
import { describe, expect, it } from 'vitest';
import { lookupParts } from '../../src/lib/search/browser/clause-view';
import { foldQuery } from '../../src/lib/search/browser/fold';
import { firstLookupWords } from '../../src/lib/search/browser/opened-query';
import { parseQuery, type ParsedQuery } from '../../src/lib/search/browser/query';
import { compileSynonyms } from '../../src/lib/search/browser/synonyms';
import { loadSearchGroups } from '../../src/lib/search/build/groups';
import { loadQueryWords } from '../../src/lib/search/build/synonyms-file';

const groups = compileSynonyms(loadSearchGroups().groups, foldQuery);
const queryWords = loadQueryWords();

/** The words the page's first searches of `query` look up: its loose search, then (no chain) every exact one. */
function pageWords(query: ParsedQuery): Set<string> {
  const lookups = [
    query.loose,
    ...(query.chain === null ? query.terms.flatMap((t) => [...t.exact, ...t.others.flat()]) : []),
  ];
  return new Set(lookups.flatMap((lookup) => lookupParts(lookup).flatMap((part) => part.words)));
}

describe('firstLookupWords', () => {
  it.each(['公转铁', '单位GDP能耗 14.5%', '"超低排放 改造" 钢铁', '１４．５％', '能耗', '清洁取暖', '绿色建筑 2025年'])(
    'are the words the page looks up for %s',
    (q) => {
      const page = parseQuery(q, foldQuery, groups, queryWords)!;
      expect(page.terms.every((t) => t.group === null)).toBe(true);
      expect(new Set(firstLookupWords(q, foldQuery))).toEqual(pageWords(page));
    },
  );

  it("hold the words of a group query's exact lookups (the wording as typed), if not the group's token", () => {
    const page = parseQuery('环保局', foldQuery, groups, queryWords)!;
    expect(page.terms[0]?.group).not.toBeNull();
    const exact = page.terms.flatMap((t) => t.exact).flatMap((l) => lookupParts(l).flatMap((p) => p.words));
    expect(exact.length).toBeGreaterThan(0);
    expect(firstLookupWords('环保局', foldQuery)).toEqual(expect.arrayContaining(exact));
  });

  it('are none for a query with nothing to search, and each word once', () => {
    expect(firstLookupWords('，。 ""', foldQuery)).toEqual([]);
    expect(firstLookupWords('', foldQuery)).toEqual([]);
    const words = firstLookupWords('能耗 能耗 公转铁', foldQuery);
    expect(new Set(words).size).toBe(words.length);
  });
});
