/**
 * Turns a seed's bytes into text, or says precisely why it cannot. Seeds come from government sites and
 * their mirrors, so besides UTF-8 we meet GB18030/GBK (the default "ANSI" encoding of Chinese Windows) and
 * Big5 from Hong Kong and Taiwan mirrors, and the occasional UTF-16 "Unicode" export of Notepad. Everything else is refused with a `file:line: reason`.
 */
import { isUtf8, transcode } from 'node:buffer';
import iconv from 'iconv-lite';
import { SeedError } from '../errors';
import { foldForRecognition } from './normalize';

const MIB = 1024 * 1024;

/**
 * A real plan is about 30 KB and the longest (the national plan with its annexes) well under 100 KB. 4 MiB
 * leaves room for a hundred times that, so no genuine plan is ever refused, while a scanned PDF, a database
 * dump or a log mistaken for a seed is stopped before it costs memory and parse time.
 */
export const MAX_SEED_BYTES = 4 * MIB;

export interface DecodedSeed {
  /** The text without a byte-order mark, with CRLF and lone CR turned into LF. */
  text: string;
  encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';
}

/**
 * Control characters that never occur in a text document. Tab, LF, VT, FF and CR are left out: they are
 * layout (pdftotext separates pages with FF, Word exports can carry VT).
 */
function isControl(unit: number): boolean {
  return (unit >= 0x01 && unit <= 0x08) || (unit >= 0x0e && unit <= 0x1f) || unit === 0x7f;
}

/** Any code unit `isControl` holds, or a NUL: where there is none, `rejectBinary` has nothing to reject. */
const ANY_CONTROL = /[\x00-\x08\x0e-\x1f\x7f]/;

/** A text with more than this share of control characters is binary even without a NUL. */
const MAX_CONTROL_SHARE = 0.1;

/**
 * Code units (bytes, or the UTF-16 units of a text) indexed as numbers, so the binary checks work on both and
 * index the array directly: every byte of every seed passes through them.
 */
type Units = ArrayLike<number>;

/** The UTF-16 code units of a text. */
function codeUnits(text: string): Uint16Array {
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) codes[i] = text.charCodeAt(i);
  return codes;
}

/**
 * 1-based line of the unit at `offset`, counting LF, CRLF and a lone CR as one break each, exactly as
 * the decoded text will after newline normalisation (so parser warnings and decode errors agree).
 */
function lineAt(units: Units, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    const unit = units[i];
    if (unit === 0x0a) line++;
    else if (unit === 0x0d && units[i + 1] !== 0x0a) line++;
  }
  return line;
}

/** Throws when the units look like a binary file: any NUL, or a large share of control characters. */
function rejectBinary(units: Units, file: string): void {
  let controls = 0;
  let firstControl = -1;
  for (let i = 0; i < units.length; i++) {
    const unit = units[i] as number;
    if (unit >= 0x20 && unit !== 0x7f) continue;
    if (unit === 0) throw new SeedError(file, lineAt(units, i), 'binary file (NUL byte)');
    if (isControl(unit)) {
      controls++;
      if (firstControl < 0) firstControl = i;
    }
  }
  if (firstControl >= 0 && controls > units.length * MAX_CONTROL_SHARE) {
    throw new SeedError(file, lineAt(units, firstControl), 'binary file (control characters)');
  }
}

/**
 * Offset of the first byte that does not start a well-formed UTF-8 sequence (Unicode table 3-7: no
 * overlongs, surrogates or code points above U+10FFFF), or -1. TextDecoder only says "invalid"; this says
 * where, for the error's line number.
 */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const at = (i: number): number => bytes[i] ?? -1;
  const inRange = (i: number, lo: number, hi: number): boolean => at(i) >= lo && at(i) <= hi;
  let i = 0;
  while (i < bytes.length) {
    const b = at(i);
    let size = 0;
    if (b <= 0x7f) size = 1;
    else if (b >= 0xc2 && b <= 0xdf) size = inRange(i + 1, 0x80, 0xbf) ? 2 : 0;
    else if (b >= 0xe0 && b <= 0xef) {
      const [lo, hi] = b === 0xe0 ? [0xa0, 0xbf] : b === 0xed ? [0x80, 0x9f] : [0x80, 0xbf];
      size = inRange(i + 1, lo, hi) && inRange(i + 2, 0x80, 0xbf) ? 3 : 0;
    } else if (b >= 0xf0 && b <= 0xf4) {
      const [lo, hi] = b === 0xf0 ? [0x90, 0xbf] : b === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
      size = inRange(i + 1, lo, hi) && inRange(i + 2, 0x80, 0xbf) && inRange(i + 3, 0x80, 0xbf) ? 4 : 0;
    }
    if (size === 0) return i;
    i += size;
  }
  return -1;
}

/** Offset (in code units) of the first unpaired surrogate, or -1. */
function firstLoneSurrogate(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return i;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) return i;
  }
  return -1;
}

/**
 * The text of well-formed UTF-8 bytes, or null: what a fatal TextDecoder gives (a BOM the caller left is content),
 * at a tenth of its cost on a plan. V8 builds a string from UTF-8 far more slowly than from UTF-16, so the bytes
 * are checked (`isUtf8`, the same rules: no overlongs, surrogates or code points above U+10FFFF) and transcoded
 * to UTF-16 by ICU first.
 */
function strictUtf8(bytes: Uint8Array): string | null {
  if (!isUtf8(bytes)) return null;
  return transcode(bytes, 'utf8', 'utf16le').toString('utf16le');
}

let commonHanzi: Set<string> | undefined;

/**
 * The 3,755 level-1 characters of GB2312 (rows 0xB0–0xD7), which cover well over 99% of running Chinese
 * text. Built from iconv-lite's own table rather than pasted in.
 */
function commonHanziSet(): Set<string> {
  if (commonHanzi) return commonHanzi;
  const set = new Set<string>();
  for (let lead = 0xb0; lead <= 0xd7; lead++) {
    for (let trail = 0xa1; trail <= 0xfe; trail++) {
      const ch = iconv.decode(Uint8Array.of(lead, trail), 'gb18030');
      if (/^\p{Script=Han}$/u.test(ch)) set.add(ch);
    }
  }
  commonHanzi = set;
  return set;
}

/** Below this share of Han characters among non-space characters a text is not a Chinese plan. */
const MIN_HAN_SHARE = 0.3;
/**
 * Below this share of common (GB2312 level-1) characters among its Han characters, the "Chinese" is
 * mojibake: real seeds score above 0.99, Big5 read as GBK about 0.5, UTF-8 read as GBK about 0.15.
 */
const MIN_COMMON_HAN_SHARE = 0.8;

/**
 * Whether a GB18030 decoding is plausible. Nearly any byte soup decodes as GB18030 without error (Latin-1
 * `Ça` is the valid GBK pair 莂), so a decoding is accepted only when it reads like Chinese prose.
 */
function looksChinese(text: string, minHanShare = MIN_HAN_SHARE): boolean {
  if (text.includes('\ufffd')) return false;
  const common = commonHanziSet();
  let visible = 0;
  let han = 0;
  let commonHan = 0;
  for (const ch of text) {
    if (/\s/u.test(ch)) continue;
    visible++;
    if (/\p{Script=Han}/u.test(ch)) {
      han++;
      if (common.has(ch)) commonHan++;
    }
  }
  return han > 0 && han >= visible * minHanShare && commonHan >= han * MIN_COMMON_HAN_SHARE;
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / MIB).toFixed(1)} MB`;
}

/** The error for a file over the size limit (checked before reading, and again on the bytes). */
export function tooLarge(file: string, size: number, maxBytes: number): SeedError {
  const limit = maxBytes >= MIB ? formatMegabytes(maxBytes) : `${Math.round(maxBytes / 1024)} KB`;
  return new SeedError(file, 0, `file too large: ${formatMegabytes(size)} (limit ${limit})`);
}

type Bom = { encoding: DecodedSeed['encoding']; length: number };

function sniffBom(bytes: Uint8Array): Bom | null {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8-bom', length: 3 };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/**
 * UTF-16 without a byte-order mark (some exporters omit it): NUL bytes mostly on one side of the code-unit
 * pairs (line breaks, digits and ASCII have a zero high byte), and the text reads as Chinese. Otherwise null, and the NULs
 * make it a binary file.
 */
function sniffUtf16WithoutBom(bytes: Uint8Array, minHanShare: number): Bom | null {
  if (bytes.length < 2 || bytes.length % 2 !== 0) return null;
  // No NUL at all (every UTF-8 and GB18030 text): not UTF-16, and no need to count.
  if (bytes.indexOf(0) === -1) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0) i % 2 === 0 ? even++ : odd++;
  // Han characters have a zero byte now and then too (一 is U+4E00), so the side with most zeros decides.
  if (Math.max(even, odd) === 0 || Math.min(even, odd) * 4 > Math.max(even, odd)) return null;
  const encoding = odd > even ? 'utf-16le' : 'utf-16be';
  try {
    const text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return looksChinese(foldForRecognition(text), minHanShare) ? { encoding, length: 0 } : null;
  } catch {
    return null;
  }
}

function decodeUtf16(payload: Uint8Array, encoding: 'utf-16le' | 'utf-16be', file: string): string {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(payload);
  } catch {
    // A lone surrogate or a dangling last byte: find where, on the raw code units.
    const units = rawUnits(payload, encoding);
    const bad = firstLoneSurrogate(units);
    throw new SeedError(file, lineAt(codeUnits(units), bad >= 0 ? bad : units.length), 'invalid UTF-16 text');
  }
}

/** The UTF-16 code units as a string without any replacement, so lone surrogates stay visible. */
function rawUnits(payload: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): string {
  const count = Math.floor(payload.length / 2);
  const view = new DataView(payload.buffer, payload.byteOffset, count * 2);
  const parts: string[] = [];
  let chunk: number[] = [];
  for (let i = 0; i < count; i++) {
    chunk.push(view.getUint16(i * 2, encoding === 'utf-16le'));
    // fromCharCode takes its units as arguments: keep each call well below the engine's argument limit.
    if (chunk.length === 8192) {
      parts.push(String.fromCharCode(...chunk));
      chunk = [];
    }
  }
  parts.push(String.fromCharCode(...chunk));
  return parts.join('');
}

/**
 * Decodes a seed's bytes.
 *
 * Detection: a byte-order mark decides (UTF-8, UTF-16LE, UTF-16BE); otherwise strict UTF-8; otherwise
 * GB18030 (a superset of GBK and GB2312), accepted only when the result reads like Chinese text.
 *
 * @throws SeedError `file:line: reason` for an empty or whitespace-only file (line 0), a file larger than
 *   `maxBytes` (line 0), a binary file (NUL byte, or mostly control characters; line of the first one), and
 *   text that is neither UTF-8 nor GB18030 (line of the first byte that is not valid UTF-8).
 */
export function decodeSeed(
  bytes: Uint8Array,
  file: string,
  options: { maxBytes?: number; minHanShare?: number } = {},
): DecodedSeed {
  const maxBytes = options.maxBytes ?? MAX_SEED_BYTES;
  const minHanShare = options.minHanShare ?? MIN_HAN_SHARE;
  if (bytes.length > maxBytes) throw tooLarge(file, bytes.length, maxBytes);
  const bom = sniffBom(bytes) ?? sniffUtf16WithoutBom(bytes, minHanShare);
  const payload = bom ? bytes.subarray(bom.length) : bytes;
  if (payload.length === 0) throw new SeedError(file, 0, 'empty file');

  let text: string;
  let encoding: DecodedSeed['encoding'];
  if (bom && (bom.encoding === 'utf-16le' || bom.encoding === 'utf-16be')) {
    encoding = bom.encoding;
    text = decodeUtf16(payload, encoding, file);
    if (ANY_CONTROL.test(text)) rejectBinary(codeUnits(text), file);
  } else {
    // In UTF-8 and GB18030 alike, bytes below 0x30 only ever stand for themselves, so NULs and control
    // characters can be found (and their lines counted) before knowing which of the two it is. In UTF-8 they
    // are the text's own code units too: a text without any (every real plan) is told by one native scan of
    // the decoded text rather than a loop over its bytes.
    const utf8 = strictUtf8(payload);
    if (utf8 === null || ANY_CONTROL.test(utf8)) rejectBinary(payload, file);
    if (utf8 !== null) {
      text = utf8;
      encoding = bom ? 'utf-8-bom' : 'utf-8';
    } else {
      const line = lineAt(payload, firstInvalidUtf8(payload));
      if (bom) throw new SeedError(file, line, 'invalid UTF-8 text (after a UTF-8 byte-order mark)');
      const gb = iconv.decode(payload, 'gb18030');
      // Hong Kong and Taiwan mirrors publish plans in traditional characters, often in Big5; judge that
      // decoding on its simplified form so the common-character test applies.
      const big5 = looksChinese(gb, minHanShare) ? null : iconv.decode(payload, 'big5');
      if (big5 === null) {
        text = gb;
        encoding = 'gb18030';
      } else if (looksChinese(foldForRecognition(big5), minHanShare)) {
        text = big5;
        encoding = 'big5';
      } else {
        throw new SeedError(file, line, 'not UTF-8, GB18030 or Big5 text');
      }
    }
  }
  if (text.trim() === '') throw new SeedError(file, 0, 'empty file (only whitespace)');
  // Nearly every text has no CR: one native search for it instead of the replace's regex scan.
  return { text: text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text, encoding };
}
