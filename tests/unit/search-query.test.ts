import { describe, expect, it } from 'vitest';
import { buildExcerpt } from '../../src/lib/search/browser/excerpt';
import { foldQuery } from '../../src/lib/search/browser/fold';
import { parseQuery, phrasesOf } from '../../src/lib/search/browser/query';
import { hasRun, intersect, rank } from '../../src/lib/search/browser/rank';
import { compileSynonyms, containsForm, groupsIn } from '../../src/lib/search/browser/synonyms';
import { loadSearchGroups } from '../../src/lib/search/build/groups';
import { parseSynonyms } from '../../src/lib/search/build/synonyms-file';
import { formToken, groupToken, runsOf } from '../../src/lib/search/browser/tokens';

const groups = compileSynonyms(loadSearchGroups().groups, foldQuery);

describe('phrasesOf', () => {
  it.each([
    ['两高 项目', ['两高', '项目']],
    ['"超低排放 改造" 钢铁', ['超低排放 改造', '钢铁']],
    ['“公转铁”', ['公转铁']],
    ['「两高」', ['两高']],
    ['"未闭合的引号', ['未闭合的引号']],
    ['  ', []],
  ])('%s', (query, expected) => {
    expect(phrasesOf(query).map((p) => p.text)).toEqual(expected);
  });
});

describe('parseQuery', () => {
  it('returns null when nothing is searchable', () => {
    expect(parseQuery('，。 ""', foldQuery, groups)).toBeNull();
    expect(parseQuery('', foldQuery, groups)).toBeNull();
  });

  it('makes one exact lookup per run, all required in the loose search', () => {
    const query = parseQuery('公转铁 14.5%', foldQuery, groups)!;
    expect(query.terms.map((t) => t.text)).toEqual(['公转铁', '14.5%']);
    expect(query.terms.every((t) => t.exact.length === 1 && t.exact[0]!.startsWith('"'))).toBe(true);
    expect(query.loose).toBe(query.terms.map((t) => t.loose).join(' '));
  });

  it('keeps the wording as typed for messages (traditional, full-width)', () => {
    expect(parseQuery('節能減排　１４．５％', foldQuery, groups)!.terms.map((t) => t.text)).toEqual([
      '節能減排',
      '１４．５％',
    ]);
  });

  it('splits a quoted phrase only at punctuation, not at spaces', () => {
    expect(parseQuery('"到 2025 年"', foldQuery, groups)!.terms.map((t) => t.text)).toEqual(['到 2025 年']);
    expect(parseQuery('到 2025 年', foldQuery, groups)!.terms).toHaveLength(3);
  });

  it.each([
    ['VOCs', '挥发性有机物'],
    ['COD', '化学需氧量'],
    ['化學需氧量', 'COD'],
    ['NOx', '氮氧化物'],
    ['两高', '高耗能高排放'],
  ])('%s is a synonym group that also highlights %s', (query, other) => {
    const [term] = parseQuery(query, foldQuery, groups)!.terms;
    expect(term?.group).not.toBeNull();
    expect(term?.loose).toBe(groupToken(term!.group!.index));
    // The wording's own clauses are one lookup: its form token, not its bigrams.
    const form = term!.group!.forms.findIndex((f) => foldQuery(f) === foldQuery(query));
    expect(term?.exact).toEqual([`"${formToken(term!.group!.index, form)}"`]);
    const highlighted = term!.highlight.map((runs) =>
      runs.map((r) => r.map((u) => u.text).join('')).join('、'),
    );
    expect(highlighted).toContain(foldQuery(other));
  });
});

describe('chain', () => {
  it.each([
    ['超低排放改造', 5],
    ['生态环境局', null], // a department group (环保局, 生态环境厅…)
    ['公转铁', 2],
    ['两高', null], // a synonym group: its loose word is the group token
    ['节能', 1],
    ['碳达峰碳中和', null], // 碳 repeats: bigrams could chain out of order
    ['公转铁 两高', null],
    ['局', null],
    ['14.5%', 1],
  ])('%s → %s', (query, chain) => {
    expect(parseQuery(query, foldQuery, groups)!.chain).toBe(chain);
  });

  it.each([
    [[3, 4, 5], 3, true],
    [[3, 5, 4], 3, true],
    [[3, 4, 6, 7], 3, false],
    [[9], 1, true],
    [[], 1, false],
  ])('hasRun(%j, %i) is %s', (positions, length, expected) => {
    expect(hasRun(positions, length)).toBe(expected);
  });
});

describe('synonyms', () => {
  it('finds a form of several runs across its punctuation only', () => {
    const form = runsOf(foldQuery('高耗能、高排放'));
    expect(containsForm(runsOf(foldQuery('遏制高耗能、高排放项目')), form)).toBe(true);
    expect(containsForm(runsOf(foldQuery('高耗能。排放高排放')), form)).toBe(false);
  });

  it('groups a clause by any form it prints', () => {
    const text = runsOf(foldQuery('加快推进低VOCs原辅材料源头替代'));
    expect(groupsIn(text, groups).map((g) => g.forms[0])).toEqual(['VOCs']);
  });

  it.each([
    ['groups: [{ forms: [COD] }]', /groups.0.forms/],
    ['groups:\n  - forms: [COD, 化学需氧量]\n  - forms: [化學需氧量, X]', null],
    ['groups: [ {', /invalid YAML/],
  ])('validates %j', (yaml, error) => {
    if (error) {
      expect(() => parseSynonyms(yaml, 'x.yaml')).toThrow(error);
      return;
    }
    // Two groups sharing a form (after folding) are a mistake: a query could only use one of them.
    expect(() => compileSynonyms(parseSynonyms(yaml, 'x.yaml'), foldQuery)).toThrow(
      /化學需氧量.*groups 1 and 2/,
    );
  });
});

describe('rank', () => {
  const set = (...ids: string[]) => new Set(ids);

  it('puts literal matches first, then synonym matches, then the rest, each in Pagefind order', () => {
    const ranked = rank(
      ['a', 'b', 'c', 'd'],
      [
        { literal: set('c', 'd'), group: true },
        { literal: set('b', 'c', 'd'), group: false },
      ],
    );
    expect(ranked).toEqual([
      { id: 'c', tier: 'literal' },
      { id: 'd', tier: 'literal' },
      { id: 'b', tier: 'synonym' },
      { id: 'a', tier: 'related' },
    ]);
  });

  it('adds literal matches the loose search missed after the ones it found', () => {
    expect(rank(['b'], [{ literal: set('a', 'b'), group: false }]).map((r) => r.id)).toEqual(['b', 'a']);
  });

  it('adds a missed literal id for a group term too: its literal set comes from exact lookups of the wording', () => {
    expect(rank(['b'], [{ literal: set('a', 'b'), group: true }]).map((r) => r.id)).toEqual(['b', 'a']);
  });

  it('adds no missed id when a term has no literal set (its loose results are all literal)', () => {
    const terms = [
      { literal: set('a', 'b'), group: false },
      { literal: null, group: false },
    ];
    expect(rank(['b'], terms).map((r) => r.id)).toEqual(['b']);
  });

  it('treats a term without an exact lookup as literal everywhere', () => {
    expect(rank(['x', 'y'], [{ literal: null, group: false }]).every((r) => r.tier === 'literal')).toBe(true);
  });

  it('intersects from the smallest set', () => {
    expect([...intersect([set('a', 'b', 'c'), set('c', 'a')])!].sort()).toEqual(['a', 'c']);
    expect(intersect([])).toBeNull();
  });
});

describe('buildExcerpt', () => {
  const text =
    '到2025年，全区单位地区生产总值能源消耗比2020年下降14.5%，能源消费总量得到合理控制，主要污染物排放总量持续减少，化学需氧量、氨氮、氮氧化物、挥发性有机物等重点工程减排量分别达到245吨、18吨、659.1吨、103.9吨。';
  const excerptOf = (query: string, length?: number) => {
    const parsed = parseQuery(query, foldQuery, groups)!;
    return buildExcerpt(
      text,
      parsed.terms.map((t) => t.highlight),
      foldQuery,
      length,
    );
  };
  const marked = (query: string) =>
    excerptOf(query)
      .parts.filter((p) => p.mark)
      .map((p) => p.text);

  it.each([
    ['659.1', ['659.1']],
    ['14.5%', ['14.5%']],
    ['１４．５％', ['14.5%']],
    ['氮氧化物', ['氮氧化物']],
    ['NOx', ['氮氧化物']],
    ['659', []],
  ])('%s marks %j with the decimal point kept', (query, expected) => {
    expect(marked(query)).toEqual(expected);
  });

  it('starts a little before the first match and says what was cut', () => {
    const excerpt = excerptOf('659.1', 40);
    const shown = excerpt.parts.map((p) => p.text).join('');
    expect(shown).toContain('659.1');
    expect(shown.length).toBeLessThanOrEqual(40);
    expect(excerpt.before).toBe(true);
    expect(text.includes(shown)).toBe(true);
  });

  it('starts at the beginning when nothing matches', () => {
    const excerpt = excerptOf('公转铁', 20);
    expect(excerpt.parts).toEqual([{ text: text.slice(0, 20), mark: false }]);
    expect(excerpt).toMatchObject({ before: false, after: true });
  });
});
