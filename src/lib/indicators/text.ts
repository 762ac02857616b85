/**
 * Quantified targets in running text: one paragraph at a time, sentence by sentence. Recognition runs on the
 * folded view (same length as the display text), so every index found there slices the original wording.
 *
 * Linear by construction: one scan for numbers, one for year markers, and every look-back is bounded
 * (a label is at most LABEL_WINDOW characters, a 分别 list's names at most LIST_WINDOW).
 */
import type { Ambition, Comparator, TargetOrigin, TextRange, Warning } from '../model/plan';
import { foldForRecognition } from '../read/normalize';
import type { UnitDefinition, WordValue } from './catalogue';
import { UNCLASSIFIED } from './catalogue';
import {
  changeOfWording,
  classify,
  contextTester,
  SPELLED_NUMERAL_CHARS,
  type Change,
  type Compiled,
  type VerbClass,
} from './compile';
import { scaleValue, tidy, type Draft } from './draft';
import { chineseDecimalText, chineseNumeralValue } from '../structure/numerals';

const LABEL_WINDOW = 80;
const LIST_WINDOW = 200;
const SOURCE_LIMIT = 400;

/** A number with its unit and comparator suffix, as found in the folded text. */
export interface ValueToken {
  start: number;
  /** End of the number itself. */
  numberEnd: number;
  /** End of the number and its unit (spaces between them included); `numberEnd` when no unit follows. */
  unitEnd: number;
  /** End of number, unit and comparator suffix. */
  end: number;
  number: string;
  unit: UnitDefinition | null;
  comparator: Comparator | null;
  /** For a value stated in words (全面, 零增长) or as a class (II 类): the words as printed; else null. */
  wording: string | null;
  /** The word-value rule that read it (全面 → 100%), for its label words. */
  word: WordValue | null;
  /** A categorical class (II 类) rather than a quantity. */
  isClass: boolean;
  /**
   * A range the plan prints (13%-15%, 13-15%, 50%～55%): the token is its lower end, the printed range its
   * wording, and only a comparator printed after the range applies (a verb's 控制在 does not bound one end).
   */
  isRange?: true;
}

const NUMBER = /(?<![0-9A-Za-z.])\d+(?:\.\d+)?(?![0-9])/g;

/** Every number in `folded[from, to)` with the unit and comparator suffix printed after it. */
export function scanValues(compiled: Compiled, folded: string, from = 0, to = folded.length): ValueToken[] {
  const tokens: ValueToken[] = [];
  NUMBER.lastIndex = from;
  for (let m = NUMBER.exec(folded); m !== null && m.index < to; m = NUMBER.exec(folded)) {
    const numberEnd = m.index + m[0].length;
    let end = numberEnd;
    let unit: UnitDefinition | null = null;
    compiled.unitAt.lastIndex = end;
    const u = compiled.unitAt.exec(folded);
    if (u) {
      unit = compiled.units.get(u[1] as string) ?? null;
      end = compiled.unitAt.lastIndex;
      // 5.2吨/万元 with no 吨/万元 in the catalogue: 吨 is only the start of the printed unit. Reading 5.2吨 would
      // show a number the plan does not print (and put /万元 into the label): a known per-unit makes the rate the
      // unit (吨/万元, with 吨's factor); anything else leaves the value unread.
      compiled.perUnitAt.lastIndex = end;
      const per = unit ? compiled.perUnitAt.exec(folded) : null;
      if (per && unit) {
        if (per[1] === undefined) {
          NUMBER.lastIndex = Math.max(NUMBER.lastIndex, end);
          continue;
        }
        unit = {
          ...unit,
          printed: `${unit.printed}/${per[1]}`,
          unit: `${unit.unit}/${per[1]}`,
        };
        end = compiled.perUnitAt.lastIndex;
      }
    }
    const unitEnd = end;
    const { comparator, end: suffixEnd } = comparatorAfter(compiled, folded, unitEnd);
    end = suffixEnd;
    tokens.push({
      start: m.index,
      numberEnd,
      unitEnd,
      end,
      number: m[0],
      unit,
      comparator,
      wording: null,
      word: null,
      isClass: false,
    });
    NUMBER.lastIndex = Math.max(NUMBER.lastIndex, end);
  }
  rangesMerged(folded, tokens);
  const stated = [
    ...wordTokens(compiled, folded, from, to),
    ...spelledTokens(compiled, folded, from, to),
    ...classTokens(compiled, folded, from, to),
  ];
  if (stated.length === 0) return tokens;
  // Printed numbers win where a word overlaps one (100%全面…).
  const free = stated.filter(
    (word) => !tokens.some((token) => token.start < word.end && word.start < token.end),
  );
  return [...tokens, ...free].sort((a, b) => a.start - b.start);
}

/** A comparator printed right after a value and its unit (14.5%以上), and where the value's words end. */
function comparatorAfter(
  compiled: Compiled,
  folded: string,
  unitEnd: number,
): { comparator: Comparator | null; end: number } {
  compiled.suffixAt.lastIndex = unitEnd;
  const s = compiled.suffixAt.exec(folded);
  if (!s) return { comparator: null, end: unitEnd };
  return {
    comparator: compiled.suffixComparator.get(s[1] as string) ?? null,
    end: compiled.suffixAt.lastIndex,
  };
}

/** Between the ends of a range: a dash or a tilde; 至 or 到 only between two values with the same unit. */
const RANGE_MARK = /^\s*[-－~～—–]\s*$/;
const RANGE_WORD = /^\s*[至到]\s*$/;

/**
 * Two printed numbers that are the ends of one range (13%-15%, 13-15%, 13%至15%) become one token reading the
 * lower end with the printed range as its wording: read apart, 13-15% gave a 15% target and 13%-15% a 13% one
 * plus a stray 15%. Ends with different units (5万吨-8吨) are left apart.
 */
function rangesMerged(folded: string, tokens: ValueToken[]): void {
  for (let i = tokens.length - 2; i >= 0; i--) {
    const low = tokens[i] as ValueToken;
    const high = tokens[i + 1] as ValueToken;
    if (high.unit === null || low.comparator !== null) continue;
    if (low.unit !== null && low.unit.printed !== high.unit.printed) continue;
    const between = folded.slice(low.unit === null ? low.numberEnd : low.unitEnd, high.start);
    if (!RANGE_MARK.test(between) && !(low.unit !== null && RANGE_WORD.test(between))) continue;
    if (Number(low.number) >= Number(high.number)) continue;
    tokens.splice(i, 2, {
      ...high,
      start: low.start,
      numberEnd: low.numberEnd,
      number: low.number,
      wording: folded.slice(low.start, high.unitEnd),
      isRange: true,
    });
  }
}

/** Every match of a global `re` starting in `folded[from, to)`, empty matches skipped. */
function* matchesIn(re: RegExp, folded: string, from: number, to: number): Generator<RegExpExecArray> {
  re.lastIndex = from;
  for (let m = re.exec(folded); m !== null && m.index < to; m = re.exec(folded)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    yield m;
  }
}

/** A unit for word values: a printed unit of the catalogue, or null for '' (清零 counts what is left). */
function wordUnit(compiled: Compiled, printed: string): UnitDefinition | null {
  return printed === ''
    ? null
    : (compiled.units.get(printed) ?? { printed, unit: printed, factor: 1, kind: 'measure' });
}

/** Values stated in words: 全面/全部 before 执行/完成… (100%), 零增长 (0%), 清零 (0). */
function wordTokens(compiled: Compiled, folded: string, from: number, to: number): ValueToken[] {
  const re = compiled.wordValues;
  if (!re) return [];
  const tokens: ValueToken[] = [];
  for (const m of matchesIn(re, folded, from, to)) {
    const entry = compiled.wordRules.find(({ re: whole }) => whole.test(m[0]));
    if (!entry) continue;
    const end = m.index + m[0].length;
    if (entry.follow) {
      entry.follow.lastIndex = end;
      if (!entry.follow.test(folded)) continue;
    }
    tokens.push({
      start: m.index,
      numberEnd: end,
      unitEnd: end,
      end,
      number: String(entry.rule.value),
      unit: wordUnit(compiled, entry.rule.unit),
      comparator: null,
      wording: m[0],
      word: entry.rule,
      isClass: false,
    });
  }
  return tokens;
}

/**
 * Numbers in Chinese numerals where a unit makes them a quantity (百分之十三点五, 三个百分点): read as the number
 * they spell, with the printed words kept as their wording, and a comparator suffix after them (百分之十五以上).
 */
function spelledTokens(compiled: Compiled, folded: string, from: number, to: number): ValueToken[] {
  const spelled = compiled.spelledNumbers;
  if (!spelled || !maySpell(folded, spelled)) return [];
  const tokens: ValueToken[] = [];
  for (const m of matchesIn(spelled.re, folded, from, to)) {
    const [whole, prefix, afterPrefix, beforeUnit, printedUnit] = m;
    const number = chineseDecimalText(afterPrefix ?? beforeUnit ?? '');
    const unit =
      prefix !== undefined ? spelled.prefixUnits.get(prefix) : compiled.units.get(printedUnit ?? '');
    if (number === null || unit === undefined) continue;
    const unitEnd = m.index + whole.length;
    const { comparator, end } = comparatorAfter(compiled, folded, unitEnd);
    tokens.push({
      start: m.index,
      numberEnd: prefix !== undefined ? unitEnd : unitEnd - (printedUnit ?? '').length,
      unitEnd,
      end,
      number,
      unit,
      comparator,
      wording: whole,
      word: null,
      isClass: false,
    });
  }
  return tokens;
}

/** Classes such as water-quality classes (稳定达到 II 类): the class number, the printed class as wording. */
function classTokens(compiled: Compiled, folded: string, from: number, to: number): ValueToken[] {
  const classes = compiled.classes;
  // A class ends in its unit (see compile.ts): a paragraph without the unit has none, and is not scanned.
  if (!classes || !folded.includes(classes.rules.unit)) return [];
  const tokens: ValueToken[] = [];
  for (const m of matchesIn(classes.re, folded, from, to)) {
    const numeral = m[1] ?? '';
    const value = classes.rules.numerals[numeral];
    if (value === undefined) continue;
    const end = m.index + m[0].length;
    tokens.push({
      start: m.index,
      numberEnd: end,
      unitEnd: end,
      end,
      number: String(value),
      unit: { printed: classes.rules.unit, unit: classes.rules.unit, factor: 1, kind: 'measure' },
      comparator: null,
      wording: m[0],
      word: null,
      isClass: true,
    });
  }
  return tokens;
}

interface Range {
  start: number;
  end: number;
}

interface Marker extends Range {
  year: number;
}

interface Verb extends Range {
  word: string;
  cls: VerbClass;
}

/** Everything the paragraph recognisers share. */
export interface ParagraphInput {
  compiled: Compiled;
  /** The paragraph as displayed (original wording). */
  display: string;
  clauseId: string;
  /** Index of this paragraph in its clause's `paragraphs` (an annex's `blocks`), for source ranges. */
  paragraph: number;
  line: number;
  file: string;
  /** Document-order base for the drafts of this paragraph. */
  order: number;
  /** `lead` for a news lead reporting the plan, else `plan`. */
  origin: TargetOrigin;
  /**
   * The earlier period the whole paragraph reports on (its clause's heading is 一、“十三五”…主要成效): its values
   * are outcomes unless a sentence names a target year. Null for a paragraph of the plan's own period.
   */
  period: Period | null;
}

/** An earlier plan period (十三五, ending 2020), or a date only (截至2020年底: period null). */
export interface Period {
  period: string | null;
  year: number | null;
}

/** Whether the UTF-16 code is an ASCII digit (what `\d` matches); NaN, past either end of a text, is not. */
const isDigitCode = (code: number): boolean => code >= 0x30 && code <= 0x39;

// Read by code: a CJK character read as a one-character string is a new string, at every character of every
// sentence holding a value.
const isFragmentDelimiter = (folded: string, i: number): boolean => {
  const code = folded.charCodeAt(i);
  if (code === 0x3b || code === 0x3a || code === 0x0a) return true; // ; : and a line break
  if (code !== 0x2c) return false; // ,
  // A thousands separator is not a clause break.
  return !(isDigitCode(folded.charCodeAt(i - 1)) && isDigitCode(folded.charCodeAt(i + 1)));
};

const SENTENCE_END = /[。!?\n]/g;

function sentencesOf(folded: string): Range[] {
  const sentences: Range[] = [];
  let start = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(folded); m !== null; m = SENTENCE_END.exec(folded)) {
    sentences.push({ start, end: m.index + 1 });
    start = m.index + 1;
  }
  if (start < folded.length) sentences.push({ start, end: folded.length });
  return sentences;
}

function fragmentsOf(folded: string, sentence: Range): Range[] {
  const fragments: Range[] = [];
  let start = sentence.start;
  for (let i = sentence.start; i < sentence.end; i++) {
    if (isFragmentDelimiter(folded, i)) {
      fragments.push({ start, end: i });
      start = i + 1;
    }
  }
  // The sentence's own full stop belongs to no fragment.
  const end = /[。!?\n]/.test(folded[sentence.end - 1] ?? '') ? sentence.end - 1 : sentence.end;
  fragments.push({ start, end: Math.max(start, end) });
  return fragments;
}

function markersOf(compiled: Compiled, folded: string): Marker[] {
  const markers: Marker[] = [];
  for (const rule of compiled.targetYears) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(folded); m !== null; m = rule.re.exec(folded)) {
      const captured = m.slice(1).find((group) => group !== undefined && yearOf(group) !== null);
      const year = rule.year ?? (captured === undefined ? undefined : (yearOf(captured) as number));
      if (year !== undefined) markers.push({ start: m.index, end: m.index + m[0].length, year });
      if (m[0].length === 0) rule.re.lastIndex++;
    }
  }
  return markers.sort((a, b) => a.start - b.start);
}

/** Index of the first item whose start is at or after `position` (items sorted by start). */
function firstAtOrAfter(items: readonly { start: number }[], position: number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((items[mid] as { start: number }).start < position) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The year a value aims at: the last marker before it in the paragraph, else one later in its sentence. */
function targetYearOf(markers: Marker[], position: number, sentence: Range): number | null {
  const next = firstAtOrAfter(markers, position);
  const before = markers[next - 1];
  if (before) return before.year;
  const after = markers[next];
  return after && after.start < sentence.end ? after.year : null;
}

/** The last verb ending before `valueStart` and close enough to govern it. */
function governingVerb(
  compiled: Compiled,
  folded: string,
  regionStart: number,
  valueStart: number,
): Verb | null {
  const maxComplement = compiled.catalogue.grammar.maxComplement;
  const windowStart = Math.max(regionStart, valueStart - maxComplement - 12);
  let last: Verb | null = null;
  const window = folded.slice(windowStart, valueStart);
  compiled.verbs.lastIndex = 0;
  for (let m = compiled.verbs.exec(window); m !== null; m = compiled.verbs.exec(window)) {
    const cls = compiled.verbClass.get(m[0]);
    if (cls)
      last = { start: windowStart + m.index, end: windowStart + m.index + m[0].length, word: m[0], cls };
  }
  if (!last) return null;
  const complement = folded.slice(last.end, valueStart).replace(/\s+/g, '');
  return complement.length <= maxComplement ? last : null;
}

/** Narrows `range` by dropping leading markers/prefixes/connectors and trailing baselines/trailers. */
function cleanRange(compiled: Compiled, folded: string, range: Range): Range {
  let { start, end } = range;
  for (let changed = true; changed && start < end;) {
    changed = false;
    const lead = compiled.labelLead.exec(folded.slice(start, end));
    if (lead && lead[0].length > 0) {
      start += lead[0].length;
      changed = true;
    }
    const text = folded.slice(start, end);
    const baseline = compiled.baselineAtEnd.exec(text);
    if (baseline) {
      end = start + baseline.index;
      changed = true;
      continue;
    }
    const trail = compiled.labelTrail.exec(text);
    if (trail && trail[0].length > 0) {
      end = start + trail.index;
      changed = true;
    }
  }
  return { start, end: Math.max(start, end) };
}

/** True when the text says nothing but verbs, ambition words and punctuation. */
function saysNothing(compiled: Compiled, folded: string): boolean {
  // The empty words must follow one another from the start to the end: read them one after the other rather
  // than building the text without them (it runs for every label of every value).
  const words = compiled.emptyWords;
  for (let at = 0; at < folded.length;) {
    words.lastIndex = at;
    const m = words.exec(folded);
    if (m === null || m[0].length === 0) return false;
    at += m[0].length;
  }
  return true;
}

/** A year as printed: four digits (2025), or four numerals read digit by digit (二〇二五); else null. */
function yearOf(printed: string): number | null {
  if (/^\d{4}$/.test(printed)) return Number(printed);
  return /^[〇零一二三四五六七八九]{4}$/.test(printed) ? chineseNumeralValue(printed) : null;
}

function lastBaseline(compiled: Compiled, folded: string, from: number, to: number): number | null {
  let year: number | null = null;
  const text = folded.slice(from, to);
  compiled.baseline.lastIndex = 0;
  for (let m = compiled.baseline.exec(text); m !== null; m = compiled.baseline.exec(text)) {
    const captured = m.slice(1).find((group) => group !== undefined && yearOf(group) !== null);
    if (captured !== undefined) year = yearOf(captured);
    if (m[0].length === 0) compiled.baseline.lastIndex++;
  }
  return year;
}

const CJK = /[\u3400-\u9fff]/;

/** A number that describes what a measure applies to (年产废量1万吨以上的企业, 35蒸吨/小时以下燃煤锅炉). */
function isQualifier(folded: string, token: ValueToken): boolean {
  if (token.unit?.kind === 'percent') return false;
  const rest = folded.slice(token.end, token.end + 32);
  if (/^\s*(?:\([^()]{0,20}\))?\s*(?:及)?(?:以上|以下)?\s*的/.test(rest)) return true;
  if (
    token.unit?.kind === 'measure' &&
    /以上|以下/.test(folded.slice(token.numberEnd, token.end)) &&
    CJK.test(rest.replace(/^\s+/, '')[0] ?? '')
  ) {
    return true;
  }
  return false;
}

/** 由 or 从 (with the year of the starting value: 从2020年的…) ending a text. */
const STARTING_WORD_AT_END = /(?:由|从)\s*(?:\d{4}\s*年(?:底|末)?\s*的?)?\s*$/;
/** The same, with the starting value and its unit after it, ending a label. */
const STARTING_VALUE_AT_END =
  /(?:由|从)\s*(?:\d{4}\s*年(?:底|末)?\s*的?)?\s*\d+(?:\.\d+)?[^\s\d,，。;；]{0,8}\s*$/;

/**
 * A starting value, not a target: 比重由13%提高至15%, 从2020年的13%下降到10% — 由/从 (with a year between) before
 * it, and a verb ending in 至/到 right after it, which the target follows.
 */
function isStartingValue(folded: string, token: ValueToken, regionStart: number): boolean {
  const before = folded.slice(Math.max(regionStart, token.start - 12), token.start);
  if (!STARTING_WORD_AT_END.test(before)) return false;
  return /^\s*[\u4e00-\u9fff]{0,3}[至到]\s*[\d０-９百零〇一二两三四五六七八九十]/.test(
    folded.slice(token.end, token.end + 8),
  );
}

/** Where a value and its unit are printed: what a reader sees as the number (the link text). */
function valueRange(input: ParagraphInput, token: ValueToken): TextRange {
  return { paragraph: input.paragraph, start: token.start, end: token.unitEnd };
}

/** The sentence stating a value; for an overlong sentence its clause fragment, or a window around the value. */
function sourceText(display: string, sentence: Range, fragment: Range, around: Range): string {
  if (sentence.end - sentence.start <= SOURCE_LIMIT)
    return display.slice(sentence.start, sentence.end).trim();
  if (fragment.end - fragment.start <= SOURCE_LIMIT)
    return display.slice(fragment.start, fragment.end).trim();
  const half = Math.floor(SOURCE_LIMIT / 2);
  const start = Math.max(fragment.start, around.start - half);
  const end = Math.min(fragment.end, around.end + half);
  return display.slice(start, end).trim();
}

function ambitionOf(
  compiled: Compiled,
  folded: string,
  aspirationRange: Range,
  incentiveRange: Range,
): Ambition {
  if (compiled.incentive.test(folded.slice(incentiveRange.start, incentiveRange.end))) return 'incentive';
  if (compiled.aspiration.test(folded.slice(aspirationRange.start, aspirationRange.end))) return 'aspiration';
  return 'binding';
}

function numericValue(token: ValueToken): {
  value: number;
  unit: string;
  originalValue: number;
  originalUnit: string;
} {
  return {
    value: scaleValue(token.number, token.unit?.factor ?? 1),
    unit: token.unit?.unit ?? '',
    originalValue: Number(token.number),
    originalUnit: token.unit?.printed ?? '',
  };
}

interface Sentence {
  range: Range;
  hasMarker: boolean;
  /** Set when the sentence reports an earlier period: its values are outcomes. */
  outcome: Period | null;
  contextHas: (re: RegExp) => boolean;
  drafts: Draft[];
}

interface ListResult {
  tokens: ValueToken[];
  drafts: Draft[];
}

/** Top-level split positions of `separators` in folded[range), ignoring those inside brackets. */
function splitTopLevel(folded: string, range: Range, separators: RegExp): Range[] {
  const parts: Range[] = [];
  let depth = 0;
  let start = range.start;
  for (let i = range.start; i < range.end; i++) {
    const ch = folded[i] as string;
    if (ch === '(' || ch === '[' || ch === '《') depth++;
    else if ((ch === ')' || ch === ']' || ch === '》') && depth > 0) depth--;
    else if (depth === 0 && separators.test(ch)) {
      parts.push({ start, end: i });
      start = i + 1;
    }
  }
  parts.push({ start, end: range.end });
  return parts.filter((part) => folded.slice(part.start, part.end).trim().length > 0);
}

/** The values of a 分别 list: the run of numbers with units right after 分别 (245吨、18吨…), at least two. */
function listValues(folded: string, at: Range, tokens: ValueToken[]): ValueToken[] | null {
  let firstIndex = firstAtOrAfter(tokens, at.end);
  // A baseline year between 分别 and the values (分别比2020年减少9%和9.5%) is not one of them.
  while (tokens[firstIndex]?.unit === null && folded[tokens[firstIndex]!.numberEnd] === '年') firstIndex++;
  const first = tokens[firstIndex];
  if (!first || first.unit === null) return null;
  const phrase = folded.slice(at.end, first.start);
  if (phrase.length > 14 || /[,;:。]/.test(phrase)) return null;
  const values: ValueToken[] = [first];
  for (let i = firstIndex + 1; i < tokens.length; i++) {
    const next = tokens[i] as ValueToken;
    const previous = values[values.length - 1] as ValueToken;
    if (next.unit === null || !/^\s*[、和及与]?\s*$/.test(folded.slice(previous.end, next.start))) break;
    values.push(next);
  }
  return values.length < 2 ? null : values;
}

interface ListNames {
  /** Where the names begin: the start of 分别's clause fragment. */
  start: number;
  /** One range per value, in order. */
  parts: Range[];
  baselineYear: number | null;
}

/** The names of a 分别 list, back from 分别 to the start of its fragment, split one per value. */
function listNames(
  input: ParagraphInput,
  folded: string,
  sentence: Sentence,
  at: Range,
  values: ValueToken[],
  warnings: Warning[],
): ListNames | null {
  const { compiled, display } = input;
  let start = at.start;
  const limit = Math.max(sentence.range.start, at.start - LIST_WINDOW);
  while (start > limit && !isFragmentDelimiter(folded, start - 1)) start--;
  const names = cleanRange(compiled, folded, { start, end: at.start });
  // The baseline may come before 分别 or between it and the values (分别比2020年减少9%和9.5%).
  const baselineYear = lastBaseline(compiled, folded, start, (values[0] as ValueToken).start);
  let parts = splitTopLevel(folded, names, /、/);
  if (parts.length !== values.length) parts = splitTopLevel(folded, names, /[、和及与]/);
  if (parts.length !== values.length) {
    warnings.push({
      file: input.file,
      line: input.line,
      message: `分别 list names ${parts.length} measure(s) but states ${values.length} value(s): “${tidy(display.slice(names.start, Math.min(values[values.length - 1]!.end, names.start + SOURCE_LIMIT)))}”`,
    });
    return null;
  }
  return { start, parts, baselineYear };
}

/**
 * A shared tail: …挥发性有机物等重点工程减排量 or …统防统治覆盖率 gives every name its measure word. After 等 the
 * tail is cut off the last name (`parts` is changed) and shared by all names.
 */
function sharedMeasureWord(
  compiled: Compiled,
  folded: string,
  parts: Range[],
): { suffix: Range | null; etc: boolean } {
  const last = parts[parts.length - 1] as Range;
  const lastText = folded.slice(last.start, last.end);
  const etc = lastText.lastIndexOf('等');
  if (etc > 0) {
    const tail = { start: last.start + etc + 1, end: last.end };
    parts[parts.length - 1] = { start: last.start, end: last.start + etc };
    const tailText = folded.slice(tail.start, tail.end);
    const suffix = compiled.measureSuffixes.find((word) => tailText.endsWith(word));
    return { suffix: suffix ? { start: tail.end - suffix.length, end: tail.end } : null, etc: true };
  }
  const suffix = compiled.measureSuffixes.find((word) => lastText.endsWith(word));
  return { suffix: suffix ? { start: last.end - suffix.length, end: last.end } : null, etc: false };
}

/** What the words between 分别 and the first value say: a change (下降, 提高) and a comparator (不低于). */
function listVerbs(
  input: ParagraphInput,
  phrase: string,
  phraseStart: number,
): { change: Change; changeWord: string; comparator: Comparator | null } {
  const { compiled, display } = input;
  let change: Change = null;
  let changeWord = '';
  let comparator: Comparator | null = null;
  compiled.verbs.lastIndex = 0;
  for (let m = compiled.verbs.exec(phrase); m !== null; m = compiled.verbs.exec(phrase)) {
    const cls = compiled.verbClass.get(m[0]);
    if (cls === 'decrease' || cls === 'increase') {
      change = cls;
      changeWord = display.slice(phraseStart + m.index, phraseStart + m.index + m[0].length);
    }
    comparator = compiled.beforeComparator.get(m[0]) ?? comparator;
  }
  return { change, changeWord, comparator };
}

/**
 * A 分别 list: 化学需氧量、氨氮、氮氧化物、挥发性有机物等重点工程减排量分别达到245吨、18吨、659.1吨、103.9吨 —
 * names matched to values in order: the values, the names, the measure word they share, the verbs, then one
 * target per value.
 */
function parseList(
  input: ParagraphInput,
  folded: string,
  sentence: Sentence,
  at: Range,
  tokens: ValueToken[],
  markers: Marker[],
  warnings: Warning[],
): ListResult | null {
  const { compiled, display } = input;
  const values = listValues(folded, at, tokens);
  if (!values) return null;
  const first = values[0] as ValueToken;
  const names = listNames(input, folded, sentence, at, values, warnings);
  if (!names) return null;
  const { parts, baselineYear } = names;
  const namesStart = names.start;
  const { suffix: sharedSuffix, etc } = sharedMeasureWord(compiled, folded, parts);
  const {
    change,
    changeWord,
    comparator: phraseComparator,
  } = listVerbs(input, folded.slice(at.end, first.start), at.end);
  const lastComparator = values[values.length - 1]!.comparator;
  const shareLastComparator =
    lastComparator !== null && values.slice(0, -1).every((value) => value.comparator === null);
  const ambition = ambitionOf(
    compiled,
    folded,
    { start: namesStart, end: first.start },
    { start: namesStart, end: values[values.length - 1]!.end + 8 },
  );
  const fragment = { start: namesStart, end: values[values.length - 1]!.end };

  const drafts: Draft[] = values.map((token, index) => {
    const part = parts[index] as Range;
    const partText = folded.slice(part.start, part.end);
    const needsSuffix =
      sharedSuffix !== null &&
      index < values.length - (etc ? 0 : 1) &&
      !compiled.measureSuffixes.some((word) => partText.endsWith(word));
    const labelFolded =
      partText + (needsSuffix && sharedSuffix ? folded.slice(sharedSuffix.start, sharedSuffix.end) : '');
    const labelDisplay =
      display.slice(part.start, part.end) +
      (needsSuffix && sharedSuffix ? display.slice(sharedSuffix.start, sharedSuffix.end) : '');
    const itemChange = change ?? changeOfWording(compiled, labelFolded);
    const numbers = numericValue(token);
    const classification = classify(compiled, labelFolded, sentence.contextHas, numbers.unit, itemChange);
    const comparator = token.comparator ?? (shareLastComparator ? lastComparator : null) ?? phraseComparator;
    return {
      indicatorId: classification?.indicator.id ?? UNCLASSIFIED,
      label: classification?.indicator.name ?? tidy(labelDisplay + (change !== null ? changeWord : '')),
      ...numbers,
      value: classification ? scaleValue(String(numbers.value), classification.factor) : numbers.value,
      unit: classification?.indicator.unit ?? numbers.unit,
      comparator: comparator ?? '=',
      comparatorStated: comparator !== null,
      ambition,
      baselineYear,
      targetYear: targetYearOf(markers, token.start, sentence.range),
      scope: null,
      parent: false,
      jurisdiction: null,
      wording: token.wording === null ? null : tidy(display.slice(token.start, token.unitEnd)),
      outcome: sentence.outcome,
      change: itemChange,
      source: {
        clauseId: input.clauseId,
        origin: input.origin,
        text: sourceText(display, sentence.range, fragment, { start: token.start, end: token.end }),
        line: input.line,
        range: valueRange(input, token),
        cell: null,
      },
      order: input.order + token.start,
    };
  });
  return { tokens: values, drafts };
}

/** A number without a unit counts only right after a level verb and before a clause break (PUE控制在1.25以内). */
function unitlessAllowed(
  compiled: Compiled,
  folded: string,
  token: ValueToken,
  regionStart: number,
): boolean {
  const verb = governingVerb(compiled, folded, regionStart, token.start);
  if (!verb || verb.cls !== 'level' || folded.slice(verb.end, token.start).trim().length > 0) return false;
  const next = folded[token.end] ?? '';
  return next === '' || /[,;:。)\s]/.test(next);
}

/** True when the paragraph may state a value in words or a class (checked before folding, so loosely). */
function maySayInWords(compiled: Compiled, display: string): boolean {
  const words = compiled.wordValues;
  if (words) {
    words.lastIndex = 0;
    const found = words.test(display);
    words.lastIndex = 0;
    if (found) return true;
  }
  // A class ends in its unit (see compile.ts): only a paragraph holding the unit is looked at for one, printed
  // half-width or full-width (ＩＩ类, which folds to a half-width one).
  const classes = compiled.classes;
  if (classes !== null && display.includes(classes.rules.unit)) {
    classes.re.lastIndex = 0;
    const found = classes.re.test(display);
    classes.re.lastIndex = 0;
    if (found || classes.fullWidth.test(display)) return true;
  }
  // Chinese numerals are folded first (百分之十三點五, 兩個百分點); a paragraph's fold is usually known already.
  const spelled = compiled.spelledNumbers;
  if (!spelled) return false;
  const folded = foldForRecognition(display);
  if (!maySpell(folded, spelled)) return false;
  spelled.re.lastIndex = 0;
  const found = spelled.re.test(folded);
  spelled.re.lastIndex = 0;
  return found;
}

/** The characters a spelled number ends in. */
const SPELLED_END = new Set(SPELLED_NUMERAL_CHARS);

/**
 * Whether the spelled-number pattern can match in `folded`: a prefix (百分之) it holds, or a unit word (吨,
 * 个百分点) right after a numeral character. 吨 is in most paragraphs that state a tonnage in digits, and the
 * pattern, which cannot skip ahead to a literal, is not run over them.
 */
function maySpell(folded: string, spelled: NonNullable<Compiled['spelledNumbers']>): boolean {
  for (const prefix of spelled.prefixUnits.keys()) if (folded.includes(prefix)) return true;
  for (const unit of spelled.units)
    for (let at = folded.indexOf(unit, 1); at >= 0; at = folded.indexOf(unit, at + 1))
      if (SPELLED_END.has(folded[at - 1] as string)) return true;
  return false;
}

/**
 * The earlier period a sentence without a target year reports on: one its own words name (“十三五”期间…), or
 * the paragraph's (a clause headed 一、“十三五”…主要成效), or a date only (截至2020年底). Null for a sentence
 * of the plan's own period.
 */
function outcomeOf(compiled: Compiled, sentenceFolded: string, paragraph: Period | null): Period | null {
  for (const rule of compiled.outcomePeriods) {
    if (rule.re.test(sentenceFolded)) return { period: rule.period, year: rule.year };
  }
  if (paragraph) return paragraph;
  if (compiled.factMarkers === null || !compiled.factMarkers.test(sentenceFolded)) return null;
  const dated = /(?:截至|截止)(?:到)?\s*(\d{4})\s*年/.exec(sentenceFolded);
  return { period: null, year: dated ? Number(dated[1]) : null };
}

/**
 * A value's own trailing words run to the list separator before the next value (下降3.2%、人均…), or to the
 * end of the fragment for the last one (100%执行绿色建筑标准).
 */
function afterRangesOf(folded: string, candidates: readonly ValueToken[], fragment: Range): Range[] {
  return candidates.map((token, index) => {
    const next = candidates[index + 1];
    if (!next) return { start: token.end, end: Math.min(fragment.end, token.end + LABEL_WINDOW) };
    const between = folded.slice(token.end, next.start);
    const separator = between.search(/[、和及与]/);
    return {
      start: token.end,
      end: Math.min(separator < 0 ? next.start : token.end + separator, token.end + LABEL_WINDOW),
    };
  });
}

/**
 * 培育3个千亿、3个五百亿…产业集群: words after a value that is followed by another value belong to both; the
 * whole fragment is their label.
 */
function isMidRun(compiled: Compiled, folded: string, afterRanges: readonly Range[]): boolean {
  return afterRanges.slice(0, -1).some((after) => {
    const cleaned = cleanRange(compiled, folded, after);
    return !saysNothing(compiled, folded.slice(cleaned.start, cleaned.end));
  });
}

/** The 分别 lists of a sentence, read first: their values are matched to names, not read one by one. */
interface SentenceLists {
  /** The drafts of each list, keyed by its first value. */
  listed: Map<ValueToken, Draft[]>;
  /** Every value a list took. */
  consumed: Set<ValueToken>;
}

function listsOfSentence(
  input: ParagraphInput,
  folded: string,
  sentence: Sentence,
  sentenceTokens: ValueToken[],
  markers: Marker[],
  warnings: Warning[],
): SentenceLists {
  const { range } = sentence;
  const sentenceFolded = folded.slice(range.start, range.end);
  const listed = new Map<ValueToken, Draft[]>();
  const consumed = new Set<ValueToken>();
  const respectively = /分别/g;
  for (let m = respectively.exec(sentenceFolded); m !== null; m = respectively.exec(sentenceFolded)) {
    const at = { start: range.start + m.index, end: range.start + m.index + m[0].length };
    const list = parseList(input, folded, sentence, at, sentenceTokens, markers, warnings);
    if (!list) continue;
    listed.set(list.tokens[0] as ValueToken, list.drafts);
    for (const token of list.tokens) consumed.add(token);
  }
  return { listed, consumed };
}

/**
 * The candidate values of a fragment: numbers with a unit (or a unitless value right after a level verb) that
 * are not qualifiers, and values in words. A list's drafts join the sentence where its first value stands.
 */
function candidatesOf(
  compiled: Compiled,
  folded: string,
  fragmentTokens: readonly ValueToken[],
  { listed, consumed }: SentenceLists,
  sentence: Sentence,
  fragment: Range,
): ValueToken[] {
  const { outcome } = sentence;
  const candidates: ValueToken[] = [];
  for (const token of fragmentTokens) {
    const listDrafts = listed.get(token);
    if (listDrafts) {
      for (const draft of listDrafts) sentence.drafts.push(draft);
      continue;
    }
    if (consumed.has(token)) continue;
    const regionStart =
      candidates.length > 0 ? (candidates[candidates.length - 1] as ValueToken).end : fragment.start;
    if (token.word !== null || token.isClass) {
      // Words and classes state results in a review too loosely (全部完成…任务) to count as outcomes.
      if (outcome) continue;
      if (token.isClass) {
        const verb = governingVerb(compiled, folded, regionStart, token.start);
        if (!verb || verb.cls !== 'level') continue;
      }
      candidates.push(token);
      continue;
    }
    if (token.unit === null && !unitlessAllowed(compiled, folded, token, regionStart)) continue;
    if (isQualifier(folded, token)) continue;
    if (isStartingValue(folded, token, regionStart)) continue;
    candidates.push(token);
  }
  return candidates;
}

/** What the steps of one fragment share: where it is, its candidate values and the words after each. */
interface FragmentContext {
  input: ParagraphInput;
  folded: string;
  markers: Marker[];
  sentence: Sentence;
  fragment: Range;
  /** Per candidate, the words after it that are its own (see `afterRangesOf`). */
  afterRanges: Range[];
  /** True when words after a value that is followed by another belong to both (see `isMidRun`). */
  midRun: boolean;
  warnings: Warning[];
}

/** A target's label as read from the text, with a narrower scope cut off it where the wording names one. */
interface Labelled {
  labelFolded: string;
  labelDisplay: string;
  scope: string | null;
}

/** Mid-run values (see `isMidRun`) share the whole fragment around them as their label. */
function wholeFragmentLabel(at: FragmentContext, token: ValueToken): Labelled {
  const { input, folded, fragment } = at;
  const whole = cleanRange(input.compiled, folded, {
    start: Math.max(fragment.start, token.start - LABEL_WINDOW),
    end: Math.min(fragment.end, token.end + LABEL_WINDOW),
  });
  return {
    labelFolded: folded.slice(whole.start, whole.end),
    labelDisplay: input.display.slice(whole.start, whole.end),
    scope: null,
  };
}

/**
 * A value's label: the words before it (up to its verb), a scope prefix or suffix cut off, then its own words
 * after it; null for a value in words with no measure named before it.
 */
function labelAroundValue(
  at: FragmentContext,
  token: ValueToken,
  region: Range,
  verb: Verb | null,
  after: Range,
  change: Change,
): Labelled | null {
  const { input, folded } = at;
  const { compiled, display } = input;
  let scope: string | null = null;
  const labelEnd = verb && verb.cls !== 'action' ? verb.start : token.start;
  let label = cleanRange(compiled, folded, { start: region.start, end: labelEnd });
  // 比重由13%提高至15%: the starting value (see isStartingValue) is not part of the measure's name.
  const startingValue = STARTING_VALUE_AT_END.exec(folded.slice(label.start, label.end));
  if (startingValue) {
    label = cleanRange(compiled, folded, { start: label.start, end: label.start + startingValue.index });
  }
  const suffixScope = compiled.scopeSuffix?.exec(folded.slice(label.start, label.end));
  if (suffixScope) {
    scope = tidy(display.slice(label.start + suffixScope.index, label.end));
    label = cleanRange(compiled, folded, {
      start: label.start,
      end: label.start + suffixScope.index,
    });
  }
  const prefixScope = compiled.scopePrefix?.exec(folded.slice(label.start, label.end));
  if (prefixScope && prefixScope[0].length < label.end - label.start) {
    scope = tidy(display.slice(label.start, label.start + prefixScope[0].length));
    label = cleanRange(compiled, folded, {
      start: label.start + prefixScope[0].length,
      end: label.end,
    });
  }
  // A value in words ends its item at the next list separator (管网清零、黑臭水体清零、…提标).
  const listBreak = token.word === null ? -1 : folded.slice(after.start, after.end).search(/[、,;]/);
  let tail = cleanRange(
    compiled,
    folded,
    listBreak < 0 ? after : { start: after.start, end: after.start + listBreak },
  );
  const tailText = folded.slice(tail.start, tail.end);
  const tailLead = /^(?:的|\s)+/.exec(tailText)?.[0].length ?? 0;
  const tailTrail = /(?:的?激励目标|目标)\s*$/.exec(tailText.slice(tailLead));
  tail = {
    start: tail.start + tailLead,
    end: tailTrail ? tail.start + tailLead + tailTrail.index : tail.end,
  };
  // A value in words needs the measure named before it (城镇新建建筑全面执行…), not 到2025年，全面完成….
  if (token.word !== null && saysNothing(compiled, folded.slice(label.start, label.end))) return null;
  const wordLabel = token.word?.label ?? '';
  const labelFolded = folded.slice(label.start, label.end) + folded.slice(tail.start, tail.end) + wordLabel;
  const verbDisplay = change !== null && verb ? display.slice(verb.start, verb.end) : '';
  const labelDisplay =
    display.slice(label.start, label.end) + verbDisplay + display.slice(tail.start, tail.end) + wordLabel;
  return { labelFolded, labelDisplay, scope };
}

/**
 * The draft target of one candidate value: its label (the words before it and its own words after),
 * scope, change, comparator, ambition, years and classification; null when the value states no target.
 */
function draftOfCandidate(at: FragmentContext, token: ValueToken, index: number): Draft | null {
  const { input, folded, markers, sentence, fragment, afterRanges, midRun, warnings } = at;
  const { compiled, display } = input;
  const { range, hasMarker } = sentence;
  const regionStart = index > 0 ? (afterRanges[index - 1] as Range).end : fragment.start;
  const region = { start: Math.max(regionStart, token.start - LABEL_WINDOW), end: token.start };
  const verb = governingVerb(compiled, folded, region.start, token.start);
  compiled.afterVerbAt.lastIndex = token.end;
  const afterVerb = token.word !== null || compiled.afterVerbAt.test(folded);
  if (!hasMarker && !verb && !afterVerb) return null;

  const after = afterRanges[index] as Range;
  const numbers = numericValue(token);
  let change: Change = verb && (verb.cls === 'decrease' || verb.cls === 'increase') ? verb.cls : null;
  if (midRun && token.word !== null) return null;
  const labelled = midRun
    ? wholeFragmentLabel(at, token)
    : labelAroundValue(at, token, region, verb, after, change);
  if (!labelled) return null;
  const { labelFolded, labelDisplay, scope } = labelled;
  change = change ?? changeOfWording(compiled, labelFolded);

  const comparatorWord = verb ? compiled.beforeComparator.get(verb.word) : undefined;
  // A class compares the other way (III 类以上 is III or better) and is kept as printed in `wording`.
  const comparator = token.isClass
    ? null
    : (token.comparator ?? (token.isRange ? null : comparatorWord) ?? null);
  const near = Math.max(fragment.start, token.start - LABEL_WINDOW);
  const ambition = ambitionOf(
    compiled,
    folded,
    { start: near, end: token.start },
    { start: near, end: after.end },
  );
  let baselineYear =
    lastBaseline(compiled, folded, region.start, token.start) ??
    lastBaseline(compiled, folded, near, token.start);
  const source = {
    clauseId: input.clauseId,
    origin: input.origin,
    text: sourceText(display, range, fragment, token),
    line: input.line,
    range: valueRange(input, token),
    cell: null,
  };

  let indicatorId: string = UNCLASSIFIED;
  let label = tidy(labelDisplay);
  let value = numbers.value;
  let unit = numbers.unit;
  const previous = sentence.drafts[sentence.drafts.length - 1];
  if (!midRun && saysNothing(compiled, labelFolded)) {
    // 力争完成 14.5% 的激励目标 / 其他设市城市达到80%: the measure is the one just stated.
    if (previous && previous.unit === numbers.unit) {
      indicatorId = previous.indicatorId;
      label = previous.label;
      change = change ?? previous.change;
      baselineYear = baselineYear ?? previous.baselineYear;
    } else {
      label = tidy(display.slice(fragment.start, fragment.end));
      warnings.push({
        file: input.file,
        line: input.line,
        message: `a value with no measure named before it: “${label}”`,
      });
    }
  } else {
    const classification = classify(compiled, labelFolded, sentence.contextHas, numbers.unit, change);
    // A value in words outside a sentence with a target year counts only for a catalogue measure.
    if (token.word !== null && !classification && !hasMarker) return null;
    if (classification) {
      indicatorId = classification.indicator.id;
      // A class names what it classes (赤水河干流水质): the catalogue name alone would lose the river.
      if (!classification.indicator.categorical) label = classification.indicator.name;
      value = scaleValue(String(numbers.value), classification.factor);
      unit = classification.indicator.unit;
    }
  }
  if (label.length === 0) label = tidy(display.slice(fragment.start, fragment.end));

  return {
    indicatorId,
    label,
    ...numbers,
    value,
    unit,
    comparator: comparator ?? '=',
    comparatorStated: comparator !== null,
    ambition,
    baselineYear,
    targetYear: targetYearOf(markers, token.start, range),
    scope,
    parent: false,
    jurisdiction: null,
    wording: token.wording === null ? null : tidy(display.slice(token.start, token.unitEnd)),
    outcome: sentence.outcome,
    change,
    source,
    order: input.order + token.start,
  };
}

/** Targets (and outcomes of an earlier period) stated in one paragraph of running text. */
/** A digit, half- or full-width: made once, not each time a paragraph is read (a literal is a new object each time). */
const ANY_DIGIT = /[0-9\uff10-\uff19]/;

export function extractFromParagraph(input: ParagraphInput, warnings: Warning[]): Draft[] {
  const { compiled, display } = input;
  // No digit and no value in words: skip the (costly) folding of most paragraphs.
  if (!ANY_DIGIT.test(display) && !maySayInWords(compiled, display)) return [];
  const folded = foldForRecognition(display);
  const tokens = scanValues(compiled, folded);
  if (tokens.length === 0) return [];
  const markers = markersOf(compiled, folded);
  const drafts: Draft[] = [];

  let cursor = 0;
  for (const range of sentencesOf(folded)) {
    const sentenceTokens: ValueToken[] = [];
    while (cursor < tokens.length && (tokens[cursor] as ValueToken).start < range.end) {
      sentenceTokens.push(tokens[cursor] as ValueToken);
      cursor++;
    }
    if (sentenceTokens.length === 0) continue;
    const hasMarker = (markers[firstAtOrAfter(markers, range.start)]?.start ?? Infinity) < range.end;
    const sentenceFolded = folded.slice(range.start, range.end);
    const outcome = hasMarker ? null : outcomeOf(compiled, sentenceFolded, input.period);
    const sentence: Sentence = {
      range,
      hasMarker,
      outcome,
      contextHas: contextTester(sentenceFolded),
      drafts: [],
    };

    // 分别 lists first: their values are matched to names, not read one by one.
    const lists = listsOfSentence(input, folded, sentence, sentenceTokens, markers, warnings);

    let tokenCursor = 0;
    for (const fragment of fragmentsOf(folded, range)) {
      const fragmentTokens: ValueToken[] = [];
      while (
        tokenCursor < sentenceTokens.length &&
        (sentenceTokens[tokenCursor] as ValueToken).start < fragment.end
      ) {
        const token = sentenceTokens[tokenCursor] as ValueToken;
        if (token.start >= fragment.start) fragmentTokens.push(token);
        tokenCursor++;
      }
      const candidates = candidatesOf(compiled, folded, fragmentTokens, lists, sentence, fragment);
      if (candidates.length === 0) continue;

      const afterRanges = afterRangesOf(folded, candidates, fragment);
      const midRun = isMidRun(compiled, folded, afterRanges);
      const at: FragmentContext = {
        input,
        folded,
        markers,
        sentence,
        fragment,
        afterRanges,
        midRun,
        warnings,
      };
      candidates.forEach((token, index) => {
        const draft = draftOfCandidate(at, token, index);
        if (draft) sentence.drafts.push(draft);
      });
    }
    for (const draft of sentence.drafts) drafts.push(draft);
  }
  return drafts;
}
