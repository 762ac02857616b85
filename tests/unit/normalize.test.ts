import * as OpenCCFull from 'opencc-js';
import * as OpenCC from 'opencc-js/t2cn';
import { describe, expect, it } from 'vitest';
import {
  foldForRecognition,
  knowFold,
  readingOnce,
  stripExportLeftovers,
} from '../../src/lib/read/normalize';
import { CONTEXT_QUIET, CONTEXT_TRIGGERS, FREE_FOLDS } from '../../src/lib/read/opencc-table';
import { allEntries, openccTableModule } from '../../src/lib/read/opencc-table-build';
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

describe('foldForRecognition giving OpenCC by pieces (opencc-table.ts)', () => {
  // The reference: OpenCC run on every whole string, as foldForRecognition did before it read pieces.
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
  const reference = (text: string) => openccAlways(foldWidth(text));

  it('is what opencc-table-build.ts generates from opencc-js', async () => {
    await expect(openccTableModule()).toMatchFileSnapshot('../../src/lib/read/opencc-table.ts');
  });

  it.each([
    ['乾燥', '干燥'], // a phrase: 乾 alone stays 乾
    ['乾隆', '乾隆'],
    ['乾隆年間的乾燥氣候', '乾隆年间的干燥气候'],
    ['反覆核查', '反复核查'],
    ['覆盖', '覆盖'],
    ['羣眾', '群众'],
    ['山峯', '山峰'],
    ['節能減排', '节能减排'],
    ['节能减排', '节能减排'],
    ['纳税', '纳税'],
    ['著力推進', '着力推进'],
    ['顯著', '显着'], // OpenCC's reading, kept as it is
    ['裏面，裡面', '里面,里面'],
    ['臺灣，台湾', '台湾,台湾'],
    ['（乾燥）', '(干燥)'], // full-width brackets fold too
    ['乾，燥', '干,燥'], // a cut between the two: no phrase, each alone
    ['𠁞乾燥𠁞', '𠀾干燥𠀾'], // astral characters (changed alone) around a phrase
    ['才幹', '才干'],
    ['吃喝', '吃喝'],
  ])('%s → %s', (input, expected) => {
    expect(foldForRecognition(input)).toBe(expected);
    expect(foldForRecognition(input)).toBe(reference(input));
  });

  it('folds every character alone as OpenCC does', () => {
    for (const [from, to] of [
      [0x3000, 0x9fff],
      [0xf900, 0xfaff],
      [0xff00, 0xffef],
      [0x20000, 0x2a6df],
      [0x2f800, 0x2fa1f],
    ] as const) {
      for (let cp = from; cp <= to; cp++) {
        const ch = String.fromCodePoint(cp);
        expect(foldForRecognition(ch), `U+${cp.toString(16)}`).toBe(reference(ch));
      }
    }
  });

  it('folds generated texts mixing context, free and changed characters as OpenCC on the whole text', () => {
    // Every kind of character of the table, OpenCC's own phrases (keys and what they become), plain simplified
    // text, punctuation and full-width forms; pieces are joined at random so phrases meet, overlap and are cut.
    const context = Array.from(CONTEXT_TRIGGERS + CONTEXT_QUIET);
    const phrases = allEntries()
      .filter(([key]) => Array.from(key).length > 1)
      .flatMap(([key, value]) => [key, value]);
    const folded = Array.from(FREE_FOLDS).filter((_, i) => i % 2 === 0);
    const plain = Array.from('节能减排综合工作方案到年全市单位生产总值能耗比下降重点行业绿色改造');
    const other = Array.from('，。、；：（）％０１２３45.6 \u3000「」《》𠁞𡃕');
    let seed = 20251128;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const pools = [context, context, phrases, phrases, folded, plain, other];
    for (let sample = 0; sample < 5000; sample++) {
      let text = '';
      const length = 1 + random(24);
      for (let i = 0; i < length; i++) {
        const pool = pools[random(pools.length)] as string[];
        text += pool[random(pool.length)];
      }
      expect(foldForRecognition(text), text).toBe(reference(text));
    }
  });

  it('folds every line of every seed, and its traditional forms, as OpenCC on every string does', () => {
    const toTraditional = OpenCCFull.Converter({ from: 'cn', to: 'tw' });
    const toHongKong = OpenCCFull.Converter({ from: 'cn', to: 'hk' });
    for (const file of seedFiles) {
      for (const line of seedText(file).split('\n')) {
        for (const text of [line, toTraditional(line), toHongKong(line)]) {
          expect(foldForRecognition(text), `${file}: ${text}`).toBe(reference(text));
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
