import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { SeedError } from '../../src/lib/errors';
import { decodeSeed, MAX_SEED_BYTES, type DecodedSeed } from '../../src/lib/read/decode';

const seedLines = (name: string): string[] =>
  readFileSync(new URL(`../../seeds/${name}`, import.meta.url), 'utf8').split('\n');

// Real paragraphs, byte for byte: the 黔江 plan's title, preamble and first chapter, and the 达州 targets
// (with the 0.0691万吨 that must survive every encoding).
const qianjiang = seedLines('000_5b537b9a7be6a6a5.txt').slice(14, 19).join('\n');
const dazhouTargets = seedLines('001_fe432f922416074d.txt')[8] ?? '';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const concat = (...parts: ArrayLike<number>[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};
const BOM8 = [0xef, 0xbb, 0xbf];

/** Deterministic pseudo-random bytes (mulberry32) in [min, max]: the test must not be flaky. */
function randomBytes(count: number, seed: number, min: number, max: number): Uint8Array {
  let state = seed;
  const out = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    const r = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    out[i] = min + Math.floor(r * (max - min + 1));
  }
  return out;
}

function errorOf(run: () => unknown): SeedError {
  try {
    run();
  } catch (error) {
    if (error instanceof SeedError) return error;
    throw error;
  }
  throw new Error('expected a SeedError, but decoding succeeded');
}

describe('decodeSeed: accepted encodings', () => {
  it('keeps the fixture paragraphs real (sanity)', () => {
    expect(qianjiang).toContain('黔江区“十四五”节能减排综合工作实施方案');
    expect(dazhouTargets).toContain('0.0691万吨');
  });

  it.each<[string, Uint8Array, string, DecodedSeed['encoding']]>([
    ['UTF-8', utf8(qianjiang), qianjiang, 'utf-8'],
    ['UTF-8 with BOM', concat(BOM8, utf8(qianjiang)), qianjiang, 'utf-8-bom'],
    [
      'CRLF and lone CR become LF',
      utf8('一、总体要求\r\n二、主要目标\r三、重点工程\r\n'),
      '一、总体要求\n二、主要目标\n三、重点工程\n',
      'utf-8',
    ],
    ['GB18030 of a real seed paragraph', iconv.encode(qianjiang, 'gb18030'), qianjiang, 'gb18030'],
    [
      'GB18030 with CRLF',
      iconv.encode(`${dazhouTargets}\r\n${qianjiang}`, 'gb18030'),
      `${dazhouTargets}\n${qianjiang}`,
      'gb18030',
    ],
    ['GBK', iconv.encode(dazhouTargets, 'gbk'), dazhouTargets, 'gb18030'],
    ['UTF-16LE with BOM', iconv.encode(qianjiang, 'utf-16le', { addBOM: true }), qianjiang, 'utf-16le'],
    [
      'UTF-16BE with BOM',
      iconv.encode(`${qianjiang}\r\n`, 'utf-16be', { addBOM: true }),
      `${qianjiang}\n`,
      'utf-16be',
    ],
    ['a second BOM inside the text is content', concat(BOM8, BOM8, utf8('方案')), '\ufeff方案', 'utf-8-bom'],
  ])('%s', (_name, bytes, text, encoding) => {
    expect(decodeSeed(bytes, 'seed.txt')).toEqual({ text, encoding });
  });

  it('accepts a file of exactly the size limit', () => {
    const bytes = new Uint8Array(MAX_SEED_BYTES).fill(0x41);
    expect(decodeSeed(bytes, 'big.txt').text).toHaveLength(MAX_SEED_BYTES);
  });
});

describe('decodeSeed: refused input', () => {
  const png = [
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
  ];
  const latin1 = iconv.encode("Plan d'action\nÇa coûte très cher", 'latin1');
  const randomTail = randomBytes(2000, 42, 0x20, 0xff);
  // A UTF-8 seed damaged on line 4: read as GB18030 it would be mojibake (鑺傝兘…), which must be refused.
  const corrupted = concat(
    utf8(`${qianjiang.split('\n').slice(0, 3).join('\n')}\n二、主要`),
    [0xff],
    utf8('目标\n'),
  );
  // Windows-1251 Russian with even-length words: every pair of letters is a valid GB2312 character, so the
  // GB18030 reading is all Han and free of U+FFFD; only the rarity of those characters gives it away.
  const cp1251 = iconv.encode('цели по сбережению\nплан меры', 'win1251');
  const big5 = iconv.encode(
    '黔江區「十四五」節能減排綜合工作實施方案：到2025年，全區單位地區生產總值能源消耗比2020年下降14.5%。',
    'big5',
  );

  it('uses misleading inputs (sanity: GB18030 decodes them without a replacement character)', () => {
    for (const bytes of [latin1, big5, cp1251])
      expect(iconv.decode(bytes, 'gb18030')).not.toContain('\ufffd');
    expect(iconv.decode(cp1251, 'gb18030')).toMatch(/^[\p{Script=Han}\s]+$/u);
  });

  it('decodes Big5 (traditional characters from Hong Kong and Taiwan mirrors) exactly', () => {
    const text =
      '黔江區「十四五」節能減排綜合工作實施方案：到2025年，全區單位地區生產總值能源消耗比2020年下降14.5%。';
    expect(decodeSeed(big5, 'big5.txt')).toEqual({ text, encoding: 'big5' });
  });

  it.each<[string, Uint8Array, string]>([
    ['empty.txt', new Uint8Array(0), 'empty.txt:0: empty file'],
    ['bom-only.txt', Uint8Array.from(BOM8), 'bom-only.txt:0: empty file'],
    ['blank.txt', utf8(' \n\t\r\n\u3000\n'), 'blank.txt:0: empty file (only whitespace)'],
    [
      'blank-utf16.txt',
      iconv.encode('  \r\n', 'utf-16le', { addBOM: true }),
      'blank-utf16.txt:0: empty file (only whitespace)',
    ],
    ['image.png.txt', Uint8Array.from(png), 'image.png.txt:3: binary file (NUL byte)'],
    [
      'nul.txt',
      utf8('一、总体要求\n二、主要目标\n三、实施\0节能减排重点工程\n'),
      'nul.txt:3: binary file (NUL byte)',
    ],
    ['nul-cr.txt', utf8('一\r\n二\r三\0'), 'nul-cr.txt:3: binary file (NUL byte)'],
    [
      'nul-utf16.txt',
      iconv.encode('一\n二\0', 'utf-16le', { addBOM: true }),
      'nul-utf16.txt:2: binary file (NUL byte)',
    ],
    [
      'controls.bin',
      concat(utf8('方案\n'), randomBytes(64, 7, 0x01, 0x08)),
      'controls.bin:2: binary file (control characters)',
    ],
    [
      'random.bin',
      concat(utf8('第一行\n第二行\n'), randomTail),
      'random.bin:3: not UTF-8, GB18030 or Big5 text',
    ],
    ['latin1.txt', latin1, 'latin1.txt:2: not UTF-8, GB18030 or Big5 text'],
    ['cp1251.txt', cp1251, 'cp1251.txt:1: not UTF-8, GB18030 or Big5 text'],
    ['corrupted.txt', corrupted, 'corrupted.txt:4: not UTF-8, GB18030 or Big5 text'],
    [
      'bom-gbk.txt',
      concat(BOM8, iconv.encode('一、总体要求\n二、主要目标', 'gbk')),
      'bom-gbk.txt:1: invalid UTF-8 text (after a UTF-8 byte-order mark)',
    ],
    [
      'surrogate.txt',
      concat([0xff, 0xfe], iconv.encode('一\n二\n', 'utf-16le'), [0x00, 0xd8, 0x41, 0x00]),
      'surrogate.txt:3: invalid UTF-16 text',
    ],
    [
      'odd-utf16.txt',
      concat([0xfe, 0xff], iconv.encode('一\n', 'utf-16be'), [0x4e]),
      'odd-utf16.txt:2: invalid UTF-16 text',
    ],
    [
      'huge.txt',
      new Uint8Array(10 * 1024 * 1024).fill(0x41),
      'huge.txt:0: file too large: 10.0 MB (limit 4.0 MB)',
    ],
  ])('%s', (file, bytes, message) => {
    const error = errorOf(() => decodeSeed(bytes, file));
    expect(error.message).toBe(message);
    expect(`${error.file}:${error.line}: ${error.reason}`).toBe(message);
  });

  it('honours a custom size limit', () => {
    const bytes = new Uint8Array(2 * 1024 * 1024).fill(0x41);
    expect(errorOf(() => decodeSeed(bytes, 'a.txt', { maxBytes: 1024 * 1024 })).message).toBe(
      'a.txt:0: file too large: 2.0 MB (limit 1.0 MB)',
    );
    expect(decodeSeed(bytes, 'a.txt', { maxBytes: 3 * 1024 * 1024 }).text).toHaveLength(bytes.length);
  });
});

describe('decodeSeed: UTF-8 read exactly as a fatal TextDecoder reads it', () => {
  // decode.ts checks the bytes and transcodes them rather than calling a TextDecoder (far faster on a plan):
  // the same bytes must be accepted, and give the same text.
  const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const reference = (bytes: Uint8Array): string | null => {
    try {
      return fatal.decode(bytes);
    } catch {
      return null;
    }
  };
  const prefix = utf8('一、总体要求\n');
  it.each<[string, number[]]>([
    ['a BOM inside the text (content, kept)', [0xef, 0xbb, 0xbf, 0xe4, 0xb8, 0x80]],
    ['an astral character (𠁞)', [0xf0, 0xa0, 0x81, 0x9e]],
    ['the last code point, U+10FFFF', [0xf4, 0x8f, 0xbf, 0xbf]],
    ['a zero-width space', [0xe2, 0x80, 0x8b]],
    ['an overlong slash', [0xc0, 0xaf]],
    ['an encoded surrogate', [0xed, 0xa0, 0x80]],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['a sequence cut short', [0xe4, 0xb8]],
    ['a lone continuation byte', [0x80]],
  ])('%s', (_, tail) => {
    const bytes = concat(prefix, tail);
    const expected = reference(bytes);
    let decoded: string | null;
    try {
      const result = decodeSeed(bytes, 'edge.txt');
      decoded = result.encoding === 'utf-8' ? result.text : null;
    } catch {
      decoded = null;
    }
    expect(decoded).toBe(expected);
  });

  it('gives every seed the text a fatal TextDecoder gives it', () => {
    for (const name of ['000_5b537b9a7be6a6a5.txt', '001_fe432f922416074d.txt', '004_5c114cb50a3ad106.txt']) {
      const bytes = readFileSync(new URL(`../../seeds/${name}`, import.meta.url));
      expect(decodeSeed(bytes, name).text).toBe((reference(bytes) as string).replace(/\r\n?/g, '\n'));
    }
  });
});
