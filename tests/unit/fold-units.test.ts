/**
 * The one-pass fold of `foldForRecognition` (src/lib/read/fold-units.ts): each code unit's kind and fold in the
 * table, against the folds it composes (width, then OpenCC's fold of a character alone), and whole texts against
 * the fold-after-fold reference, masking of numbers at invisible characters included.
 */
import * as OpenCC from 'opencc-js/t2cn';
import { describe, expect, it } from 'vitest';
import {
  INVISIBLE_UNIT,
  KEEP,
  MAP,
  MARKUP_CHARACTERS,
  MARKUP_UNIT,
  QUIET,
  SLOW,
  TRIGGER,
  UNIT_FOLDS,
  UNIT_KINDS,
} from '../../src/lib/read/fold-units';
import {
  foldForRecognition,
  foldLines,
  forgetFolds,
  hasInvisibleCharacters,
  INVISIBLE,
  type FoldSeen,
} from '../../src/lib/read/normalize';
import { CONTEXT_QUIET, CONTEXT_TRIGGERS } from '../../src/lib/read/opencc-table';
import { foldWidth } from '../../src/lib/width';
import { seedFiles, seedText } from '../helpers/seeds';

const hk = OpenCC.Converter({ from: 'hk', to: 'cn' });
const tw = OpenCC.Converter({ from: 'tw', to: 'cn' });
/** OpenCC on a whole text, as foldForRecognition did before it read pieces (length kept as it does). */
const openccWhole = (text: string): string => {
  const converted = tw(hk(text));
  if (converted.length === text.length) return converted;
  let out = '';
  for (const ch of text) {
    const one = tw(hk(ch));
    out += one.length === ch.length ? one : ch;
  }
  return out;
};

const kindName = ['keep', 'map', 'quiet', 'trigger', 'invisible', 'slow', 'markup'];
const kindOf = (ch: string) => kindName[UNIT_KINDS[ch.charCodeAt(0)] as number];
const foldOf = (ch: string) => String.fromCharCode(UNIT_FOLDS[ch.charCodeAt(0)] as number);

describe('the table of code units', () => {
  it.each([
    ['节', 'keep', '节'],
    ['a', 'keep', 'a'],
    ['。', 'keep', '。'], // U+3002 is not a full-width form
    ['，', 'map', ','], // full-width ASCII
    ['（', 'map', '('],
    ['５', 'map', '5'],
    ['％', 'map', '%'],
    ['〔', 'map', '['], // bracket styles
    ['【', 'map', '['],
    ['］', 'map', ']'],
    ['\u3000', 'map', ' '], // the ideographic space
    ['節', 'map', '节'], // traditional, the same wherever it stands
    ['考', 'quiet', '考'], // in phrases, but never the start of a rewrite (考核 stays)
    ['噸', 'trigger', '噸'], // in phrases (萬噸): its run goes through OpenCC
    ['乾', 'trigger', '乾'], // 乾燥 → 干燥 but 乾隆 stays
    ['著', 'trigger', '著'],
    ['<', 'markup', '<'],
    ['`', 'markup', '`'],
    ['＜', 'map', '<'], // a full-width bracket is not markup as printed
    ['\u200B', 'invisible', '\u200B'],
    ['\u00AD', 'invisible', '\u00AD'],
    ['\uD840', 'slow', '\uD840'], // a surrogate: astral characters take the exact path
    ['\uDC3E', 'slow', '\uDC3E'],
  ])('%s is %s → %s', (ch, kind, folded) => {
    expect(kindOf(ch)).toBe(kind);
    expect(foldOf(ch)).toBe(folded);
  });

  it('gives every BMP character what the width fold and then OpenCC give it alone', () => {
    for (let unit = 0; unit < 0x10000; unit++) {
      const kind = UNIT_KINDS[unit];
      if (kind === SLOW || kind === QUIET || kind === TRIGGER) continue;
      const ch = String.fromCharCode(unit);
      const expected = openccWhole(foldWidth(ch));
      expect(String.fromCharCode(UNIT_FOLDS[unit] as number), `U+${unit.toString(16)}`).toBe(expected);
      expect(kind === KEEP || kind === INVISIBLE_UNIT || kind === MARKUP_UNIT, `U+${unit.toString(16)}`).toBe(
        expected === ch,
      );
      if (kind === MAP) expect(expected).not.toBe(ch);
    }
  });

  it('marks exactly the context characters of opencc-table.ts as quiet or trigger', () => {
    const quiet = new Set(Array.from(CONTEXT_QUIET).filter((ch) => ch.length === 1));
    const triggers = new Set(Array.from(CONTEXT_TRIGGERS).filter((ch) => ch.length === 1));
    for (let unit = 0; unit < 0x10000; unit++) {
      const ch = String.fromCharCode(unit);
      if (UNIT_KINDS[unit] === QUIET) expect(quiet.has(ch), ch).toBe(true);
      else if (UNIT_KINDS[unit] === TRIGGER) expect(triggers.has(ch), ch).toBe(true);
      else expect(quiet.has(ch) || triggers.has(ch), ch).toBe(false);
    }
  });
});

describe('foldForRecognition reads a text once with the table', () => {
  // The reference: each fold in turn over the whole text, then numbers at invisible characters masked.
  it.each([
    ['plain simplified text', '推进重点行业节能改造', '推进重点行业节能改造'],
    ['full-width forms', '（一）下降１４．５％，', '(一)下降14.5%,'],
    [
      'traditional, free and in phrases',
      '單位國內生產總值能耗下降１３．５％，乾燥',
      '单位国内生产总值能耗下降13.5%,干燥',
    ],
    ['a phrase kept as it is', '乾隆年間', '乾隆年间'],
    ['Hong Kong forms', '綫路裏面', '线路里面'],
    ['variant brackets', '〔2022〕【附件】［1］', '[2022][附件][1]'],
    ['an invisible character inside a number', '下降1\u00AD4.5%', '下降xxxxx%'],
    ['an invisible character after a number', '下降14.5\u200B%', '下降xxxxx%'],
    ['an invisible character away from numbers', '节能\u200D减排14.5%', '节能\u200D减排14.5%'],
    ['an invisible character and full-width digits', '下降１４\u200B．５％', '下降xxxxx%'],
    ['astral characters (the exact path)', '𠁞乾燥𠁞，', '𠀾干燥𠀾,'],
    ['the ideographic space kept as a space', '到\u30002025\u3000年', '到 2025 年'],
    ['nothing', '', ''],
  ])('%s', (_, text, expected) => {
    forgetFolds();
    expect(foldForRecognition(text)).toBe(expected);
    expect(foldForRecognition(text)).toHaveLength(text.length);
  });

  it('gives a run of context characters what OpenCC gives the whole text, at any place in the text', () => {
    for (const run of ['乾燥', '反覆核查', '羣眾', '才幹', '考核', '覆盖', '著力推進']) {
      for (const text of [run, `，${run}`, `${run}，`, `１${run}２`, `（${run}）節能`]) {
        forgetFolds();
        expect(foldForRecognition(text), text).toBe(openccWhole(foldWidth(text)));
      }
    }
  });

  it('finds the whole run from a trigger anywhere in it, in short texts and long ones (copied natively)', () => {
    // Long texts (64 units and more) are copied in and out by Node's UTF-16 copy, short ones unit by unit.
    const long = '节能减排，'.repeat(14);
    for (const run of [
      '乾燥',
      '反覆核查',
      '羣眾',
      '才幹',
      '考核',
      '覆盖',
      '著力推進',
      '發展才幹',
      '才幹發展才幹',
    ]) {
      for (const text of [
        `${run}${run}`,
        `（${run}，${run}）`,
        `２０${run}％`,
        `${long}${run}`,
        `${run}${long}`,
        `${long}（${run}）${long}${run}，`,
      ]) {
        forgetFolds();
        expect(foldForRecognition(text), text).toBe(openccWhole(foldWidth(text)));
      }
    }
  });
});

describe('what the one-pass fold of lines says it saw', () => {
  it('marks every invisible character as invisible or slow, so a finished pass has seen each one', () => {
    const single = new RegExp(`^${INVISIBLE.source}$`);
    for (let unit = 0; unit < 0x10000; unit++) {
      if (!single.test(String.fromCharCode(unit))) continue;
      expect([INVISIBLE_UNIT, SLOW], `U+${unit.toString(16)}`).toContain(UNIT_KINDS[unit]);
    }
  });

  it.each([
    ['none', '节能减排\n单位GDP能耗下降13.5%'],
    ['a zero-width space', '节能\u200B减排\n下降13.5%'],
    ['a soft hyphen in a number', '下降1\u00AD4.5%'],
    ['a control character on the last line', '节能\n减排\u0007'],
    ['invisible next to a context run', '乾燥\u200D考核'],
    ['full-width text only', '（一）单位ＧＤＰ能耗'],
  ])('%s: as the invisible-character scan of the text says', (_, text) => {
    forgetFolds();
    const seen: FoldSeen = { invisible: null, markup: null };
    foldLines(text.split('\n'), text, seen);
    expect(seen.invisible).toBe(hasInvisibleCharacters(text));
  });

  it('marks exactly the markup characters as markup', () => {
    for (let unit = 0; unit < 0x10000; unit++)
      expect(UNIT_KINDS[unit] === MARKUP_UNIT, `U+${unit.toString(16)}`).toBe(
        MARKUP_CHARACTERS.test(String.fromCharCode(unit)),
      );
  });

  it.each([
    ['none', '节能减排\n单位GDP能耗下降13.5%'],
    ['an angle bracket', '节能减排\n数值<1'],
    ['a brace on the last line', '节能\n减排{x}'],
    ['a backtick after a context run', '乾燥`考核'],
    ['full-width brackets only', '（一）＜１＞｛｝'],
  ])('%s: as the markup-character scan of the text says', (_, text) => {
    forgetFolds();
    const seen: FoldSeen = { invisible: null, markup: null };
    foldLines(text.split('\n'), text, seen);
    expect(seen.markup).toBe(MARKUP_CHARACTERS.test(text));
  });

  it('says nothing when the exact path folds the text (an astral character)', () => {
    const seen: FoldSeen = { invisible: false, markup: false };
    const text = '𠁞乾燥\u200B<';
    foldLines([text], text, seen);
    expect(seen.invisible).toBeNull();
    expect(seen.markup).toBeNull();
  });
});

describe('folding the lines of a text in one pass', () => {
  const seedTexts = seedFiles.map((file): [string, string] => [file, seedText(file)]);

  it.each<[string, string]>([
    ['full-width forms on every line', '（一）单位ＧＤＰ能耗\n下降１３．５％\n\n【附件】'],
    ['traditional characters at line ends', '節能減排\n乾燥\n考核覆蓋\n'],
    ['a number masked at an invisible character', '下降1\u200B3.5%\n下降13.5%\n'],
    ['empty lines only', '\n\n\n'],
    ['nothing that folds', 'abc\n\ndef'],
    ...seedTexts,
  ])('%s: each line folded as it is alone', (_, text) => {
    const lines = text.split('\n');
    forgetFolds();
    const folded = foldLines(lines, text);
    forgetFolds();
    expect(folded).toEqual(lines.map((line) => foldForRecognition(line)));
  });
});
