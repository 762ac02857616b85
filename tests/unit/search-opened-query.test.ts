/**
 * The words the index worker searches for an opened URL's query before the page asks
 * (src/lib/search/browser/opened-query.ts): read with the groups and query words the page carries, exactly
 * the words the page's own first searches look up (engine.ts `runSearch` → clause-view.ts, one Pagefind search
 * per word), so every early answer is one the page takes and none is searched for nothing.
 */
import { describe, expect, it } from 'vitest';
import { lookupParts } from '../../src/lib/search/browser/clause-view';
import { foldQuery } from '../../src/lib/search/browser/fold';
import {
  firstLookupWords,
  foldWithoutTable,
  type GroupForms,
} from '../../src/lib/search/browser/opened-query';
import { parseQuery, type ParsedQuery } from '../../src/lib/search/browser/query';
import { compileSynonyms } from '../../src/lib/search/browser/synonyms';
import { loadSearchGroups } from '../../src/lib/search/build/groups';
import { loadQueryWords } from '../../src/lib/search/build/synonyms-file';

const searchGroups = loadSearchGroups().groups;
/** The groups as the search page's meta carries them (src/pages/search/index.astro). */
const carried: GroupForms = searchGroups.map((g) => [g.forms, g.kind ?? 'synonym'] as const);
const groups = compileSynonyms(searchGroups, foldQuery);
const queryWords = loadQueryWords();

/** The words the page's first searches of `query` look up: its loose search, then (no chain) every exact one. */
function pageWords(query: ParsedQuery): Set<string> {
  const lookups = [query.loose, ...(query.chain === null ? query.terms.flatMap((t) => t.exact) : [])];
  return new Set(lookups.flatMap((lookup) => lookupParts(lookup).flatMap((part) => part.words)));
}

describe('firstLookupWords', () => {
  it.each([
    '公转铁',
    '单位GDP能耗 14.5%',
    '"超低排放 改造" 钢铁',
    '１４．５％',
    '清洁取暖',
    // Synonym and department groups, a department typed with a jurisdiction prefix, question forms.
    'VOCs',
    '两高',
    '碳达峰碳中和',
    '生态环境局',
    '环保局',
    '市环保局',
    '发改局 公转铁',
    '公转铁有哪些',
    '如何 节能',
  ])('are the words the page looks up for %s', (q) => {
    const page = parseQuery(q, foldQuery, groups, queryWords)!;
    expect(new Set(firstLookupWords(q, foldQuery, carried, queryWords))).toEqual(pageWords(page));
    // As the worker reads it, without the character table: the same for a query with no traditional character.
    expect(new Set(firstLookupWords(q, foldWithoutTable, carried, queryWords))).toEqual(pageWords(page));
  });

  it.each(['公轉鐵', '節能減排', '生態環境局'])(
    'read without the table, a traditional query (%s) gives none of the words the page looks up',
    (q) => {
      const page = pageWords(parseQuery(q, foldQuery, groups, queryWords)!);
      const worker = firstLookupWords(q, foldWithoutTable, carried, queryWords);
      expect(worker.length).toBeGreaterThan(0);
      expect(worker.filter((word) => page.has(word))).toEqual([]);
    },
  );

  it('read without the groups, a group query guesses other words (the page sends the group token)', () => {
    const page = pageWords(parseQuery('环保局', foldQuery, groups, queryWords)!);
    expect(new Set(firstLookupWords('环保局', foldQuery))).not.toEqual(page);
  });

  it('leave out a group whose form cannot be folded, rather than fold it wrong', () => {
    const traditional: GroupForms = [[['節能', '节约能源'], 'synonym']];
    expect(firstLookupWords('节约能源', foldQuery, traditional, {}, (text) => !text.includes('節'))).toEqual(
      firstLookupWords('节约能源', foldQuery),
    );
  });

  it('are none for a query with nothing to search, and each word once', () => {
    expect(firstLookupWords('，。 ""', foldQuery, carried, queryWords)).toEqual([]);
    expect(firstLookupWords('', foldQuery, carried, queryWords)).toEqual([]);
    const words = firstLookupWords('能耗 能耗 公转铁', foldQuery, carried, queryWords);
    expect(new Set(words).size).toBe(words.length);
  });
});
