import { describe, expect, it, vi } from 'vitest';
import { foldForRecognition } from '../../src/lib/read/normalize';
import { foldQuery, toSimplifiedChars } from '../../src/lib/search/browser/fold';
import { t2sKeysModule, t2sModule } from '../../src/lib/search/build/t2s-build';
import { T2S_PAIRS } from '../../src/lib/search/browser/t2s-map';
import { foldWidth, lowerAscii } from '../../src/lib/width';
import { seedFiles, seedText } from '../helpers/seeds';

describe('foldQuery', () => {
  it.each([
    ['節能減排', '节能减排'],
    ['公轉鐵', '公转铁'],
    ['兩高項目', '两高项目'],
    ['揮發性有機物', '挥发性有机物'],
    ['下降１４．５％', '下降14.5%'],
    ['〔區發展改革委〕', '[区发展改革委]'],
    ['VOCs　PUE', 'vocs pue'],
    ['怎么 什麼', '怎么 什么'], // 么 keeps its reading in words (OpenCC alone reads 幺)
  ])('%s → %s', (query, folded) => {
    expect(foldQuery(query)).toBe(folded);
  });

  it('keeps the length, so offsets in the fold are offsets in the original', () => {
    for (const s of ['節能減排　ＶＯＣｓ', '𠀀兩高']) expect(foldQuery(s)).toHaveLength(s.length);
  });

  it('agrees with the build fold (foldForRecognition) on every seed, character for character', () => {
    for (const file of seedFiles) {
      const text = seedText(file);
      expect(foldQuery(text), file).toBe(lowerAscii(foldForRecognition(text)));
    }
  });

  it('maps every character of the table as foldForRecognition maps it alone, or in words where that differs', () => {
    const chars = Array.from(T2S_PAIRS);
    expect(chars.length % 2).toBe(0);
    expect(chars.length / 2).toBeGreaterThan(2500);
    // 么 alone reads 幺 in OpenCC, but 什么 and 什麼 both fold to 什么: the table follows the words.
    const inWords: Record<string, string> = { 麼: '么', 麽: '么' };
    for (let i = 0; i < chars.length; i += 2) {
      const ch = chars[i]!;
      expect(toSimplifiedChars(ch)).toBe(inWords[ch] ?? foldForRecognition(ch));
    }
    for (const [traditional, simplified] of Object.entries(inWords))
      expect(foldForRecognition(`什${traditional}`)).toBe(`什${simplified}`);
  });
});

describe('foldWidth', () => {
  it('folds full-width ASCII and brackets as foldForRecognition does', () => {
    let all = '';
    for (let code = 0xff01; code <= 0xff5e; code++) all += String.fromCharCode(code);
    all += '〔〕【】［］　';
    expect(foldWidth(all)).toBe(foldForRecognition(all));
  });
});

describe('t2s-map.ts', () => {
  // CI never rewrites it (vitest does not write snapshots with CI=true): a stale table fails the build.
  it('is what t2s-build.ts generates from OpenCC', async () => {
    await expect(t2sModule()).toMatchFileSnapshot('../../src/lib/search/browser/t2s-map.ts');
  });
});

describe('t2s-keys.ts', () => {
  it('is what t2s-build.ts generates from the table', async () => {
    await expect(t2sKeysModule(T2S_PAIRS)).toMatchFileSnapshot('../../src/lib/search/browser/t2s-keys.ts');
  });
});

/** A fresh copy of fold-on-demand.ts, its table not yet fetched (fold.ts, imported above, installs it at once). */
async function freshFold() {
  vi.resetModules();
  return import('../../src/lib/search/browser/fold-on-demand');
}

describe('fold-on-demand', () => {
  const keys = new Set<number>();
  const chars = Array.from(T2S_PAIRS);
  for (let i = 0; i < chars.length; i += 2) keys.add(chars[i]!.codePointAt(0)!);

  it('says exactly which characters from U+3400 to U+9FFF the table folds, and counts its other ranges whole', async () => {
    const { foldsTraditional } = await freshFold();
    const wrong: string[] = [];
    for (let code = 0x3400; code <= 0x9fff; code++)
      if (foldsTraditional(code) !== keys.has(code)) wrong.push(code.toString(16));
    expect(wrong).toEqual([]);
    for (const code of keys) expect(foldsTraditional(code), code.toString(16)).toBe(true);
    for (const code of [0x41, 0x3002, 0xff0c, 0xac00, 0x1f600]) expect(foldsTraditional(code)).toBe(false);
  });

  it.each([
    ['公转铁', false],
    ['VOCs 14.5%', false],
    ['下降１４．５％，', false],
    ['公轉鐵', true],
    ['显著提升', true], // 著 is in the table (着), though simplified texts print it
    ['𠀀', true], // plane 2: counted whole
  ])('%s needs the table: %s', async (text, needed) => {
    const { needsTable } = await freshFold();
    expect(needsTable(text)).toBe(needed);
  });

  it('folds a text that needs no table at once, refuses one that does, and folds it as fold.ts once ready', async () => {
    const lazy = await freshFold();
    expect(lazy.foldQuery('ＶＯＣｓ 公转铁')).toBe('vocs 公转铁');
    expect(() => lazy.foldQuery('公轉鐵')).toThrow(/not loaded/);
    await lazy.foldReady(['公转铁', '公轉鐵']);
    expect(lazy.needsTable('公轉鐵')).toBe(false);
    for (const text of ['公轉鐵', '節能減排　ＶＯＣｓ', '显著', '怎么 什麼', '𠀀兩高'])
      expect(lazy.foldQuery(text)).toBe(foldQuery(text));
  });

  it('resolves at once when nothing needs the table', async () => {
    const lazy = await freshFold();
    await lazy.foldReady(['公转铁', '']);
    expect(() => lazy.foldQuery('公轉鐵')).toThrow(/not loaded/);
  });
});

describe('prefersTraditional', () => {
  it('reads a browser’s languages as a traditional-Chinese reader’s, or not', async () => {
    const { prefersTraditional } = await import('../../src/lib/search/browser/fold-on-demand');
    for (const languages of [
      ['zh-TW'],
      ['en-US', 'zh-HK'],
      ['zh-Hant'],
      ['zh-Hant-TW'],
      ['zh-MO'],
      ['zh-tw'],
    ])
      expect(prefersTraditional(languages), languages.join()).toBe(true);
    for (const languages of [[], ['zh-CN'], ['zh'], ['zh-Hans-HK'], ['en-US'], ['zh-SG'], ['zh-twx']])
      expect(prefersTraditional(languages), languages.join()).toBe(false);
  });
});
