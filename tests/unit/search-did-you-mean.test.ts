/**
 * “Did you mean” (issue 10): a wording no clause prints proposes the nearest names the site knows. Table-driven
 * on a small hand-written vocabulary, then on the vocabulary built from content/.
 */
import { describe, expect, it } from 'vitest';
import {
  allowedEdits,
  editDistance,
  proposals,
  type VocabularyTerm,
} from '../../src/lib/search/browser/did-you-mean';
import { foldQuery } from '../../src/lib/search/browser/fold';
import { searchVocabulary } from '../../src/lib/search/build/vocabulary';
import { loadDepartmentCatalogue } from '../../src/lib/departments/catalogue';
import { loadIndicatorCatalogue } from '../../src/lib/indicators/catalogue';
import { loadSynonyms } from '../../src/lib/search/build/synonyms-file';
import { loadNationalTemplate } from '../../src/lib/compare';

const VOCABULARY: VocabularyTerm[] = [
  ['生态环境局', 'department'],
  ['发展改革委', 'department'],
  ['交通运输局', 'department'],
  ['单位地区生产总值能耗', 'indicator'],
  ['挥发性有机物', 'synonym'],
  ['交通物流节能减排工程', 'topic'],
  ['黔江区', 'plan'],
  ['达州市', 'plan'],
];

const chars = (s: string) => Array.from(s);

describe('edit distance (with adjacent transpositions)', () => {
  it.each([
    ['生态环境局', '生态环境局', 0],
    ['生态环竟局', '生态环境局', 1], // one character slipped
    ['改发委', '发改委', 1], // two swapped
    ['生态环局', '生态环境局', 1], // one left out
    ['生态环境局局', '生态环境局', 1], // one too many
    ['环境生态局', '生态环境局', 4], // words swapped: each character differs
  ])('%s ↔ %s: %i', (a, b, d) => {
    expect(editDistance(chars(a), chars(b), 3)).toBe(d);
  });

  it('stops at max + 1 once the distance must exceed it', () => {
    expect(editDistance(chars('生态环境局'), chars('交通运输局'), 1)).toBe(2);
    expect(editDistance(chars('生态'), chars('生态环境局'), 1)).toBe(2);
  });

  it.each([
    [1, 0],
    [2, 0],
    [3, 1],
    [5, 1],
    [6, 2],
    [10, 2],
  ])('a wording of %i characters may be %i edits away', (length, edits) => {
    expect(allowedEdits(length)).toBe(edits);
  });
});

describe('proposals', () => {
  it.each([
    ['生态环竟局', ['生态环境局']],
    ['生態環竟局', ['生态环境局']], // traditional characters folded first
    ['发展该革委', ['发展改革委']],
    ['展发改革委', ['发展改革委']],
    ['交通运局', ['交通运输局']],
    ['挥发姓有机物', ['挥发性有机物']],
    ['单位地区生产总值能源', ['单位地区生产总值能耗']],
    ['单位地区生产总之能源', ['单位地区生产总值能耗']], // two slips in a long name
    ['黔江县', ['黔江区']],
    ['生态环境局长', ['生态环境局']], // a known term with a word around it
    ['黔江区生态环境局', ['生态环境局']], // 黔江区 covers less than half of it
  ])('%s → %j', (typed, expected) => {
    expect(proposals(typed, VOCABULARY, foldQuery).map((p) => p.term)).toEqual(expected);
  });

  it.each([
    ['核能'], // two characters: one changed character makes another word, nothing proposed
    ['关税'],
    ['光伏板'],
    ['生态环境局'], // the term itself: the same search
    ['完全无关的话'],
    ['局'],
  ])('%s → nothing', (typed) => {
    expect(proposals(typed, VOCABULARY, foldQuery)).toEqual([]);
  });

  it('orders by distance, then kind, then closeness of length', () => {
    const vocabulary: VocabularyTerm[] = [
      ['节能监察', 'topic'],
      ['节能监测', 'department'],
      ['节能监管', 'indicator'],
    ];
    expect(proposals('节能监查', vocabulary, foldQuery).map((p) => p.term)).toEqual([
      '节能监测',
      '节能监管',
      '节能监察',
    ]);
    expect(proposals('节能监查', vocabulary, foldQuery, 1)).toHaveLength(1);
  });
});

describe('the vocabulary built from content/', () => {
  const departments = loadDepartmentCatalogue();
  const vocabulary = searchVocabulary({
    departments: departments.departments,
    departmentCategories: departments.categories.map((c) => c.name),
    indicators: loadIndicatorCatalogue().indicators.map((i) => i.name),
    synonyms: loadSynonyms(),
    topics: loadNationalTemplate().topics,
    plans: [
      { label: '黔江区', title: '黔江区“十四五”节能减排综合工作实施方案' },
      { label: '黔江区', title: '黔江区“十四五”节能减排综合工作实施方案（征求意见稿）' },
    ],
  });

  it('holds each wording once, under the first kind that has it', () => {
    const terms = vocabulary.map(([t]) => t);
    expect(new Set(terms).size).toBe(terms.length);
    expect(vocabulary.filter(([t]) => t === '黔江区')).toEqual([['黔江区', 'plan']]);
    expect(vocabulary[0]?.[1]).toBe('department');
  });

  it('has every department name and alias, indicator name, synonym form and topic title', () => {
    const terms = new Set(vocabulary.map(([t]) => t));
    for (const rule of departments.departments)
      for (const name of [rule.name, ...rule.aliases]) expect(terms).toContain(name);
    for (const indicator of loadIndicatorCatalogue().indicators) expect(terms).toContain(indicator.name);
    for (const group of loadSynonyms()) for (const form of group.forms) expect(terms).toContain(form);
    for (const topic of loadNationalTemplate().topics) expect(terms).toContain(topic.title);
  });

  it.each([
    ['生态环竟局', '生态环境局'],
    ['挥发姓有机物', '挥发性有机物'],
  ])('%s proposes %s from the catalogues', (typed, wanted) => {
    expect(proposals(typed, vocabulary, foldQuery).map((p) => p.term)).toContain(wanted);
  });
});
