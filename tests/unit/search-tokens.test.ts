import { describe, expect, it } from 'vitest';
import { foldForRecognition } from '../../src/lib/read/normalize';
import {
  aloneCode,
  indexWords,
  literalSpans,
  lookupOf,
  runsOf,
  runTokens,
  unitCode,
  type Run,
} from '../../src/lib/search/browser/tokens';
import { lowerAscii } from '../../src/lib/width';

const fold = (s: string) => lowerAscii(foldForRecognition(s));
const texts = (runs: Run[]) => runs.map((run) => run.map((u) => u.text).join('·'));

describe('runsOf', () => {
  it.each([
    // 贵州 prints spaces between CJK and digits: they do not end a run.
    ['到 2025 年', ['到·2025·年']],
    // Decimals and percent stay whole; the full stop after a number is punctuation.
    ['分别达到245吨、18吨、659.1吨', ['分·别·达·到·245·吨', '18·吨', '659.1·吨']],
    ['下降14.5%。到2025.', ['下·降·14.5·%', '到·2025']],
    // Latin inside Chinese is one unit, lowercased by the fold.
    ['加快推进低VOCs原辅材料', ['加·快·推·进·低·vocs·原·辅·材·料']],
    ['数据中心PUE值', ['数·据·中·心·pue·值']],
    ['PM2.5浓度', ['pm·2.5·浓·度']],
    // Full-width digits and brackets fold; brackets end runs.
    ['下降１３．５％（当量值）', ['下·降·13.5·%', '当·量·值']],
    ['“两高”项目', ['两·高', '项·目']],
  ])('%s', (text, expected) => {
    expect(texts(runsOf(fold(text)))).toEqual(expected);
  });

  it('keeps offsets of the folded text, which are offsets of the original', () => {
    const text = '到 2025 年，氮氧化物（吨）　659.1';
    const [run] = runsOf(fold(text)).slice(-1);
    expect(run?.map((u) => text.slice(u.start, u.end))).toEqual(['659.1']);
  });
});

describe('unitCode', () => {
  const units = runsOf(fold('两高 生态环境局 659.1 65 14.5% vocs voc pue 𠀀')).flat();

  it('spells every code in lowercase ASCII letters, so no segmenter or case fold can change it', () => {
    for (const unit of units) expect(unitCode(unit)).toMatch(/^[a-z]+$/);
  });

  it('is prefix-free across units, except a Latin word before its longer forms', () => {
    for (const a of units) {
      for (const b of units) {
        if (a === b || a.text === b.text) continue;
        const prefix = unitCode(b).startsWith(unitCode(a).replace(/t$/, a.kind === 'latin' ? '' : 't'));
        expect(prefix, `${a.text} / ${b.text}`).toBe(
          a.kind === 'latin' && b.kind === 'latin' && b.text.startsWith(a.text),
        );
      }
    }
  });
});

describe('indexWords', () => {
  it('indexes bigrams in order, ends each run alone, then every other unit alone', () => {
    const runs = runsOf(fold('两高项目，VOCs'));
    const [a, b] = runs as [Run, Run];
    const code = (i: number) => unitCode(a[i]!);
    expect(indexWords(runs, ['wabcd']).split(' ')).toEqual([
      code(0) + code(1),
      code(1) + code(2),
      code(2) + code(3),
      aloneCode(a[3]!),
      aloneCode(b[0]!),
      aloneCode(a[0]!),
      aloneCode(a[1]!),
      aloneCode(a[2]!),
      'wabcd',
    ]);
  });

  it('indexes a unit alone once per record, however often it is printed, and every bigram each time', () => {
    const runs = runsOf(fold('节能减排，节能降碳，节能'));
    const words = indexWords(runs).split(' ');
    const count = (word: string) => words.filter((w) => w === word).length;
    const [jie, neng] = runs[0] as Run;
    // 节 alone once (never at a run's end); 能 ends the last run and so is indexed there, not again.
    expect(count(aloneCode(jie!))).toBe(1);
    expect(count(aloneCode(neng!))).toBe(1);
    // Bigrams keep every occurrence: phrases are matched on their consecutive positions.
    expect(count(unitCode(jie!) + unitCode(neng!))).toBe(3);
    // Every unit of the text is still found by its alone word.
    for (const run of runs) for (const unit of run) expect(words).toContain(aloneCode(unit));
  });

  // Pagefind 1.6 answers a lookup no indexed word starts with by the longest indexed word that is a prefix of
  // it. So no indexed word may be a proper prefix of a lookup: that would turn a word no clause prints (关税)
  // into every clause printing its first character.
  const TEXTS = ['关于加快推进公转铁，发展光伏发电', '两高项目，VOCs 排放 14.5%', 'COD 659.1 万吨'];
  const QUERIES = ['关税', '核能', '光伏板', '公转铁', '两高', 'voc', 'cod', '14', '14.5%', '排', '发电站'];
  for (const text of TEXTS) {
    for (const query of QUERIES) {
      it(`no word indexed for “${text}” is a proper prefix of a lookup of “${query}”`, () => {
        const indexed = new Set(indexWords(runsOf(fold(text))).split(' '));
        for (const run of runsOf(fold(query))) {
          const lookup = lookupOf(run);
          const words = [...lookup.loose.split(' '), ...(lookup.exact ?? '').replace(/"/g, '').split(' ')];
          for (const word of words.filter(Boolean)) {
            for (const w of indexed) {
              if (w !== word && word.startsWith(w)) expect.fail(`${w} (indexed) is a prefix of ${word}`);
            }
          }
        }
      });
    }
  }
});

describe('lookupOf', () => {
  it.each([
    ['公转铁', true],
    ['两高', true],
    ['659.1', true],
    ['14.5%', true],
  ])('%s is an exact (quoted) lookup', (query, exact) => {
    const [run] = runsOf(fold(query)) as [Run];
    const lookup = lookupOf(run);
    expect(lookup.exact !== null).toBe(exact);
    expect(lookup.exact).toMatch(/^"[a-z ]+"$/);
  });

  it('looks a phrase up by its bigrams, which are consecutive words of the index', () => {
    const [run] = runsOf(fold('生态环境局')) as [Run];
    const indexed = indexWords(runsOf(fold('区生态环境局负责')));
    expect(indexed).toContain(lookupOf(run).loose);
    expect(lookupOf(run).loose.split(' ')).toEqual(runTokens(run).slice(0, -1));
  });

  it('finds a single Latin word as a prefix (VOC finds VOCs)', () => {
    const [run] = runsOf('voc') as [Run];
    const lookup = lookupOf(run);
    expect(lookup.exact).toBeNull();
    expect(unitCode(runsOf('vocs')[0]![0]!).startsWith(lookup.loose)).toBe(true);
  });
});

describe('literalSpans', () => {
  const text = '推进大宗货物运输“公转铁”，到 2025 年，下降14.5%。';
  const runs = runsOf(fold(text));
  it.each([
    ['公转铁', ['公转铁']],
    ['到2025年', ['到 2025 年']],
    ['14.5%', ['14.5%']],
    ['14', []],
    ['转铁到', []],
  ])('%s', (query, expected) => {
    const [queryRun] = runsOf(fold(query)) as [Run];
    expect(literalSpans(runs, queryRun).map(([a, b]) => text.slice(a, b))).toEqual(expected);
  });
});
