import * as OpenCCFull from 'opencc-js';
import * as OpenCC from 'opencc-js/t2cn';
import { describe, expect, it } from 'vitest';
import {
  foldForRecognition,
  knowFold,
  readingOnce,
  stripExportLeftovers,
} from '../../src/lib/read/normalize';
import { OPENCC_TRIGGERS } from '../../src/lib/read/opencc-triggers';
import { openccTriggersModule } from '../../src/lib/read/opencc-triggers-build';
import { foldWidth } from '../../src/lib/width';
import { seedFiles, seedText } from '../helpers/seeds';

describe('foldForRecognition', () => {
  it.each([
    ['（一）重点行业绿色升级工程。', '(一)重点行业绿色升级工程。'],
    ['1．着力提升', '1.着力提升'],
    ['下降１４．５％', '下降14.5%'],
    ['〔区交通局（黔江）〕', '[区交通局(黔江)]'],
    ['【附件】', '[附件]'],
    ['節能減排', '节能减排'],
    ['萬噸', '万吨'],
    ['公轉鐵', '公转铁'],
    ['省發展改革委、省生態環境廳', '省发展改革委、省生态环境厅'],
    ['到 2025 年', '到 2025 年'],
  ])('%s → %s', (input, expected) => {
    expect(foldForRecognition(input)).toBe(expected);
  });

  it('keeps the length so indexes map back to the original', () => {
    const text = '〔市經信局（黔江）、市發展改革委等按職責分工負責〕到２０２５年，下降１４．５％。';
    expect(foldForRecognition(text)).toHaveLength(text.length);
  });
});

describe('foldForRecognition skipping OpenCC (opencc-triggers.ts)', () => {
  // The reference: OpenCC run on every string, as foldForRecognition did before it learned to skip.
  const hk = OpenCC.Converter({ from: 'hk', to: 'cn' });
  const tw = OpenCC.Converter({ from: 'tw', to: 'cn' });
  const openccAlways = (text: string): string => {
    const converted = tw(hk(text));
    if (converted.length === text.length) return converted;
    let out = '';
    for (const ch of text) {
      const one = tw(hk(ch));
      out += one.length === ch.length ? one : ch;
    }
    return out;
  };

  it('is what opencc-triggers-build.ts generates from opencc-js', async () => {
    await expect(openccTriggersModule()).toMatchFileSnapshot('../../src/lib/read/opencc-triggers.ts');
  });

  it.each([
    ['乾燥', '干燥'], // a phrase: 乾 alone stays 乾
    ['乾隆', '乾隆'],
    ['反覆核查', '反复核查'],
    ['羣眾', '群众'],
    ['山峯', '山峰'],
    ['節能減排', '节能减排'],
    ['节能减排', '节能减排'],
    ['纳税', '纳税'],
  ])('%s → %s', (input, expected) => {
    expect(foldForRecognition(input)).toBe(expected);
  });

  it('sends every character OpenCC would change through OpenCC', () => {
    const triggers = new Set(Array.from(OPENCC_TRIGGERS));
    for (const [from, to] of [
      [0x3400, 0x9fff],
      [0xf900, 0xfaff],
      [0x20000, 0x2a6df],
    ] as const) {
      for (let cp = from; cp <= to; cp++) {
        const ch = String.fromCodePoint(cp);
        if (!triggers.has(ch)) expect(openccAlways(ch), `U+${cp.toString(16)}`).toBe(ch);
      }
    }
  });

  it('folds every line of every seed, and its traditional form, as OpenCC on every string does', () => {
    const toTraditional = OpenCCFull.Converter({ from: 'cn', to: 'tw' });
    for (const file of seedFiles) {
      for (const line of seedText(file).split('\n')) {
        for (const text of [line, toTraditional(line)]) {
          expect(foldForRecognition(text), `${file}: ${text}`).toBe(openccAlways(foldWidth(text)));
        }
      }
    }
  });
});

describe('stripExportLeftovers', () => {
  it.each([
    ['[bookmark: _GoBack]（十）环境基础设施', '（十）环境基础设施'],
    ['推进钢铁、水泥、焦化行业**超低排放**改造', '推进钢铁、水泥、焦化行业超低排放改造'],
    ['a * b', 'a * b'],
  ])('%s', (input, expected) => {
    expect(stripExportLeftovers(input)).toBe(expected);
  });
});

describe('readingOnce: pieces of folded text are not folded again', () => {
  it('inside a reading, a piece has the fold it was given, not a new one', () => {
    const piece = '節能（发改委）';
    // A recorded fold that differs from folding anew shows which one is used.
    const given = 'x'.repeat(piece.length);
    readingOnce(() => {
      knowFold(piece, given);
      expect(foldForRecognition(piece)).toBe(given);
      // Nested readings keep their own record.
      readingOnce(() => expect(foldForRecognition(piece)).toBe('节能(发改委)'));
      expect(foldForRecognition(piece)).toBe(given);
    });
    expect(foldForRecognition(piece)).toBe('节能(发改委)');
  });

  it('a fold of another length is not recorded, and nothing is recorded outside a reading', () => {
    readingOnce(() => {
      knowFold('节能', 'x');
      expect(foldForRecognition('节能')).toBe('节能');
    });
    knowFold('節能', 'xx');
    expect(foldForRecognition('節能')).toBe('节能');
  });
});
