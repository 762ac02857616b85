/**
 * Line-level recognition: each source line in its display and recognition views, and the numbering
 * markers that open chapters (一、), sections (（一）), items (1．) and sub-items (（1）).
 */
import {
  foldLines,
  hasExportLeftovers,
  hasInvisibleCharacters,
  stripExportLeftovers,
  type FoldSeen,
} from '../read/normalize';
import { chineseNumeralValue } from './numerals';
import { mapPacked } from '../packed';

export interface SourceLine {
  /** 1-based line number in the seed. */
  number: number;
  raw: string;
  /** Original wording without export leftovers. */
  display: string;
  /** Recognition view of `display` (same length). */
  folded: string;
}

export function toSourceLines(text: string): SourceLine[] {
  return readSourceLines(text).lines;
}

/** A text's lines, with what reading them told about the whole text, so the caller does not scan it again. */
export interface SourceText {
  lines: SourceLine[];
  /** Whether the text holds export leftovers (`hasExportLeftovers`). */
  leftovers: boolean;
  /**
   * Whether the raw text holds an invisible character, as the one-pass fold of its lines saw it (and, with
   * leftovers, the lines they were stripped from); null when the exact path folded it and the fold could not tell.
   */
  invisible: boolean | null;
  /**
   * Whether a line's display holds a markup character (`MARKUP_CHARACTERS`), as the one-pass fold of the
   * displays saw it; null when the exact path folded them.
   */
  markup: boolean | null;
}

export function readSourceLines(text: string): SourceText {
  const raws = text.split('\n');
  const leftovers = hasExportLeftovers(text);
  const displays = leftovers ? mapPacked(raws, (raw) => stripExportLeftovers(raw)) : raws;
  // Without leftovers the displays are the raw lines, whose join is the text itself: its fold reads every
  // unit of the raw text, and says whether one is invisible.
  const seen: FoldSeen = { invisible: null, markup: null };
  const folded = leftovers ? foldLines(displays, undefined, seen) : foldLines(displays, text, seen);
  const lines = mapPacked(raws, (raw, index) => ({
    number: index + 1,
    raw,
    display: displays[index] as string,
    folded: folded[index] as string,
  }));
  // With leftovers the fold read the displays: a raw line equal to its display was read whole, and the few
  // lines a leftover was stripped from are looked at as printed (an invisible character inside a leftover).
  let invisible = seen.invisible;
  if (leftovers && invisible === false)
    for (let i = 0; i < raws.length && !invisible; i++)
      if (raws[i] !== displays[i]) invisible = hasInvisibleCharacters(raws[i] as string);
  return { lines, leftovers, invisible, markup: seen.markup };
}

/**
 * A table's row printed on one line, its cells apart by tabs (指标⇥2020年⇥2025年目标): text before a tab, as a
 * spreadsheet or a plain-text export writes it.
 */
export const TAB_ROW = /\S\t+\S/;

export function isBlank(line: SourceLine): boolean {
  return line.display.trim() === '';
}

/**
 * `part` and `division` are the book-style levels longer county plans put above 一、: 第一章 (or 第一部分) and
 * 第一节. A plan without them has chapters 一、 at the top, as before.
 */
export type MarkerKind = 'part' | 'division' | 'chapter' | 'section' | 'item' | 'subitem';

export interface Marker {
  kind: MarkerKind;
  /** The number's value: 十一 → 11. */
  value: number;
  /** The numeral as printed, without brackets or punctuation: 十一, 3. */
  numeral: string;
  /** The marker exactly as printed, e.g. `（四）`, `(四)`, `3．`, `一、`. */
  printed: string;
  /** Display text after the marker. */
  rest: string;
}

/** A heading is short; longer "一、…" lines are prose that happens to start with a numeral. */
const MAX_HEADING_LENGTH = 40;

const MARKER_PATTERNS: { kind: MarkerKind; pattern: RegExp }[] = [
  { kind: 'part', pattern: /^(\s*)第\s*([一二三四五六七八九十百]+|\d{1,2})\s*(?:章|部分)\s*/ },
  { kind: 'division', pattern: /^(\s*)第\s*([一二三四五六七八九十百]+|\d{1,2})\s*节\s*/ },
  { kind: 'chapter', pattern: /^(\s*)([一二三四五六七八九十]+)\s*[、.]\s*/ },
  // 二 主要目标: a web copy lost the 、; taken only for a short heading with no punctuation at all.
  { kind: 'chapter', pattern: /^(\s*)([一二三四五六七八九十]+)\s+(?=[^\s\p{P}]+\s*$)/u },
  { kind: 'section', pattern: /^(\s*)\(\s*([一二三四五六七八九十百]+)\s*\)\s*/ },
  // 1．/1./1、 — but not a decimal such as 1.5万吨 or a year such as 2025年.
  { kind: 'item', pattern: /^(\s*)(\d{1,2})\s*[.、](?!\d)\s*/ },
  { kind: 'subitem', pattern: /^(\s*)\(\s*(\d{1,2})\s*\)\s*/ },
];

/** Recognises the numbering marker at the start of a line, if any. */
export function readMarker(line: SourceLine): Marker | null {
  for (const { kind, pattern } of MARKER_PATTERNS) {
    const match = pattern.exec(line.folded);
    if (!match) continue;
    const lead = (match[1] ?? '').length;
    const end = match[0].length;
    const numeral = match[2] ?? '';
    const value = chineseNumeralValue(numeral);
    if (value === null) continue;
    const rest = line.display.slice(end);
    if (rest.trim() === '') continue;
    if (
      (kind === 'chapter' || kind === 'part' || kind === 'division') &&
      !looksLikeHeading(line.folded.slice(end))
    )
      continue;
    return {
      kind,
      value,
      numeral,
      printed: line.display.slice(lead, end).trimEnd(),
      rest,
    };
  }
  return null;
}

/**
 * A heading number alone on its line (四、 ⏎ 保障措施: a page's export broke the heading after its number): the
 * marker with no text, or null. Only the levels that carry headings (第一章, 第一节, 一、, （一）).
 */
export function bareMarker(line: SourceLine): Marker | null {
  for (const { kind, pattern } of MARKER_PATTERNS) {
    if (kind === 'item' || kind === 'subitem') continue;
    const match = pattern.exec(line.folded);
    if (!match || line.folded.slice(match[0].length).trim() !== '') continue;
    const numeral = match[2] ?? '';
    const value = chineseNumeralValue(numeral);
    if (value === null) continue;
    const lead = (match[1] ?? '').length;
    return { kind, value, numeral, printed: line.display.slice(lead).trim(), rest: '' };
  }
  return null;
}

/** A chapter line is a short title (一、总体要求), or a short title closed by 。 before its text. */
function looksLikeHeading(foldedRest: string): boolean {
  const text = foldedRest.trim();
  if (text.length <= MAX_HEADING_LENGTH && !text.slice(0, -1).includes('。')) return true;
  const stop = text.indexOf('。');
  return stop > 0 && stop <= MAX_HEADING_LENGTH;
}

/**
 * The short heading of a clause: the words before the first 。, when there are few enough of them to be a
 * heading. `着力提升重点行业能效水平。拟建项目…` → `着力提升重点行业能效水平`.
 */
export function headingOf(text: string): string | null {
  const trimmed = text.trim();
  const stop = trimmed.indexOf('。');
  const candidate = (stop >= 0 ? trimmed.slice(0, stop) : trimmed).trim();
  if (candidate.length === 0 || candidate.length > MAX_HEADING_LENGTH) return null;
  return candidate;
}

/** True when `text` is nothing but a heading: `重点行业绿色升级工程。` or `总体要求`. */
export function isHeadingOnly(text: string): boolean {
  const heading = headingOf(text);
  if (heading === null) return false;
  const trimmed = text.trim();
  return trimmed === heading || trimmed === `${heading}。`;
}

/**
 * Sentence-final punctuation. A paragraph that does not end in one of these was cut by a page break and
 * continues on the next text line (贵州: `…比例超` ⏎⏎ `过 30%。`).
 */
const TERMINAL = new Set(['。', '!', '?', ';', ':', '…', ')', ']', '」', '』', '》']);

export function endsSentence(foldedText: string): boolean {
  const trimmed = foldedText.trimEnd();
  const last = trimmed[trimmed.length - 1];
  return last !== undefined && TERMINAL.has(last);
}

/** 起草说明 / 编制说明 alone on a line, or 关于《…》的起草说明: a note on the plan's drafting appended to it. */
const DRAFTING_NOTE = /^\s*(?:关于《[^《》]{2,80}》的)?(?:起草|编制)说明\s*$/;

/**
 * 附件1, 附件 2, 附件一, 附表1 — a label alone on its line opens an annex; so does the heading of a drafting
 * note printed after the plan (关于《…方案（征求意见稿）》的起草说明), whose 一、二、 are not the plan's chapters.
 */
export function annexLabel(line: SourceLine): string | null {
  const match = /^\s*(附件|附表)\s*(\d+|[一二三四五六七八九十]+)?\s*$/.exec(line.folded);
  return match || DRAFTING_NOTE.test(line.folded) ? line.display.trim() : null;
}

/** 附件：1.… — the list of annexes at the end of the body. */
export function isAnnexList(line: SourceLine): boolean {
  return /^\s*附件\s*:/.test(line.folded);
}
