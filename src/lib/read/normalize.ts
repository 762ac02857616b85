/**
 * Two views of a seed's text. Display keeps the original wording and drops only the export leftovers of
 * word processors; recognition folds away the variations that carry no meaning (full/half-width forms,
 * bracket styles, traditional characters) so one set of patterns recognises every plan.
 */
import * as OpenCC from 'opencc-js/t2cn';
import { foldWidth } from '../width';
import {
  INVISIBLE,
  INVISIBLE_UNIT,
  MAP,
  MARKUP_UNIT,
  QUIET as QUIET_UNIT,
  SLOW,
  TRIGGER as TRIGGER_UNIT,
  UNIT_FOLDS,
  UNIT_KINDS,
} from './fold-units';
import { CONTEXT_QUIET, CONTEXT_TRIGGERS, FREE_FOLDS } from './opencc-table';
import { FoldRecord } from './fold-record';

/**
 * Leftovers of a .docx → text export (`[bookmark: _GoBack]` anchors, Markdown `**bold**` markers) and of web
 * scrapers (`@@` runs where the page had markup: `一@@、总体要求@@`).
 */
const EXPORT_LEFTOVERS = /\[bookmark:[^\]]*\]|\*\*|@@+/g;

const ANY_EXPORT_LEFTOVER = new RegExp(EXPORT_LEFTOVERS.source);

/**
 * Whether `text` holds any export leftover. A line's leftover is one of its whole text's, so when a seed
 * holds none, none of its lines needs stripping: one scan instead of one per line.
 */
export function hasExportLeftovers(text: string): boolean {
  return ANY_EXPORT_LEFTOVER.test(text);
}

/** Removes `[bookmark: …]` anchors, `**` bold markers and `@@` scraper noise; nothing else. */
export function stripExportLeftovers(text: string): string {
  return text.replace(EXPORT_LEFTOVERS, '');
}

// Hong Kong and Taiwan mirrors publish the same plans in traditional characters; OpenCC's phrase tables
// know far more variants than a hand-written map would. Its converters are built on first use: a plan in
// simplified characters may never need them.
let openccConverters: ((text: string) => string) | null = null;

// The same runs come back in every plan (考核, 覆盖, 人才): each distinct run is converted once. Bounded like the
// fold cache, and forgotten with it.
const RUN_CACHE_LIMIT = 20_000;
let runCache = new Map<string, string>();

function opencc(run: string): string {
  const cached = runCache.get(run);
  if (cached !== undefined) return cached;
  if (openccConverters === null) {
    const hk = OpenCC.Converter({ from: 'hk', to: 'cn' });
    const tw = OpenCC.Converter({ from: 'tw', to: 'cn' });
    openccConverters = (piece) => tw(hk(piece));
  }
  const converted = openccConverters(run);
  if (runCache.size >= RUN_CACHE_LIMIT) runCache = new Map();
  runCache.set(run, converted);
  return converted;
}

// What OpenCC does with a character, by its place in opencc-table.ts (why it is exact: opencc-table-build.ts).
/** Free and unchanged: OpenCC leaves it as it is wherever it stands. */
const UNCHANGED = 0;
/** Free and changed: it becomes its `FREE_FOLDS` character wherever it stands. */
const FOLDED = 1;
/** A context character that cannot start a rewrite. */
const QUIET = 2;
/** A context character that can: its run goes through OpenCC. */
const TRIGGER = 3;
type Kind = typeof UNCHANGED | typeof FOLDED | typeof QUIET | typeof TRIGGER;

const bmpKinds = new Uint8Array(0x10000);
const astralKinds = new Map<number, Kind>();
const freeFolds = new Map<number, string>();
{
  const mark = (chars: Iterable<string>, kind: Kind) => {
    for (const ch of chars) {
      const cp = ch.codePointAt(0) as number;
      if (cp > 0xffff) astralKinds.set(cp, kind);
      else bmpKinds[cp] = kind;
    }
  };
  mark(CONTEXT_QUIET, QUIET);
  mark(CONTEXT_TRIGGERS, TRIGGER);
  const pairs = Array.from(FREE_FOLDS);
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    mark([pairs[i] as string], FOLDED);
    freeFolds.set((pairs[i] as string).codePointAt(0) as number, pairs[i + 1] as string);
  }
}

/** The kind of the code point at `i` (a surrogate pair read whole; a lone surrogate is left as it is). */
function kindAt(text: string, i: number): Kind {
  const unit = text.charCodeAt(i);
  if (unit < 0xd800 || unit > 0xdbff) return bmpKinds[unit] as Kind;
  return astralKinds.get(text.codePointAt(i) as number) ?? UNCHANGED;
}

const isContext = (kind: Kind) => kind === QUIET || kind === TRIGGER;

/**
 * OpenCC's hk → cn then tw → cn conversion of `text`, piece by piece: free characters from the table, runs of
 * context characters through OpenCC only when they hold a trigger. Gives what OpenCC gives on the whole text.
 */
function openccByPieces(text: string): string {
  let out = '';
  // text[0, done) is in `out` already.
  let done = 0;
  let i = 0;
  while (i < text.length) {
    const unit = text.charCodeAt(i);
    // Most characters of a plan: below the surrogates, free and unchanged.
    if (unit < 0xd800 && bmpKinds[unit] === UNCHANGED) {
      i++;
      continue;
    }
    const kind = kindAt(text, i);
    const width = (text.codePointAt(i) as number) > 0xffff ? 2 : 1;
    if (kind === UNCHANGED) {
      i += width;
      continue;
    }
    if (kind === FOLDED) {
      out += text.slice(done, i) + (freeFolds.get(text.codePointAt(i) as number) as string);
      i += width;
      done = i;
      continue;
    }
    // A run of context characters: through OpenCC when it holds a trigger, else unchanged.
    let end = i;
    let trigger = false;
    while (end < text.length) {
      const k = kindAt(text, end);
      if (!isContext(k)) break;
      if (k === TRIGGER) trigger = true;
      end += (text.codePointAt(end) as number) > 0xffff ? 2 : 1;
    }
    if (trigger) {
      out += text.slice(done, i) + opencc(text.slice(i, end));
      done = end;
    }
    i = end;
  }
  return done === 0 ? text : out + text.slice(done);
}

function toSimplified(text: string): string {
  const converted = openccByPieces(text);
  if (converted.length === text.length) return converted;
  // A phrase conversion changed the length: fall back to character by character so indexes stay valid.
  let out = '';
  for (const ch of text) {
    const one = openccByPieces(ch);
    out += one.length === ch.length ? one : ch;
  }
  return out;
}

// Every recogniser folds the text it reads, and several read the same line (structure, responsibility notes,
// indicators) or the same names (every plan's department resolver): remembering recent folds makes each
// distinct string cost one conversion. Bounded, so a national corpus never holds every string it has seen.
const FOLD_CACHE_LIMIT = 20_000;
const FOLD_CACHE_MAX_LENGTH = 20_000;
let foldCache = new Map<string, string>();

export { INVISIBLE };

const NUMBER_PART = /[0-9.]/;

/**
 * Masks every number an invisible character touches (`1\u00AD4.5%`, `14.5\u200B%`): its digits and the
 * invisible characters become `x`, so no recogniser reads a value the reader cannot see whole — neither the
 * `4.5` split off by the character nor a `14.5` joined across it. The structure stage reports each one with
 * its line and column (see `invisibleCharacters`).
 */
function maskNumbersAtInvisible(folded: string): string {
  INVISIBLE.lastIndex = 0;
  if (!INVISIBLE.test(folded)) return folded;
  const units: string[] = folded.split('');
  const invisible = (i: number) => {
    INVISIBLE.lastIndex = 0;
    return INVISIBLE.test(units[i] ?? '');
  };
  const part = (i: number) => NUMBER_PART.test(units[i] ?? '') || invisible(i);
  for (let i = 0; i < units.length; i++) {
    if (!invisible(i)) continue;
    if (!NUMBER_PART.test(units[i - 1] ?? '') && !NUMBER_PART.test(units[i + 1] ?? '')) continue;
    let start = i;
    while (start > 0 && part(start - 1)) start--;
    let end = i + 1;
    while (end < units.length && part(end)) end++;
    for (let j = start; j < end; j++) units[j] = 'x';
    i = end - 1;
  }
  return units.join('');
}

/** The recognition view, fold after fold: exact for every text (`foldInOnePass` gives way to it). */
function foldExactly(text: string): string {
  return maskNumbersAtInvisible(toSimplified(foldWidth(text)));
}

/**
 * The code units of the text `foldInOnePass` reads, folded in place: reused from text to text (grown, never
 * shrunk) so a fold allocates nothing but its result. `unitBytes` is the same memory as bytes, for Node's
 * native UTF-16 copies in and out.
 */
let foldUnits = new Uint16Array(1024);
let unitBytes = Buffer.from(foldUnits.buffer);

/** Node's `utf16le` copies write and read little-endian units; a big-endian machine copies unit by unit. */
const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/**
 * From this length a text's units are copied in and out by Node's native UTF-16 copy; below it, by code: the
 * native call costs more than a short piece (a name, a marker) takes to copy.
 */
const NATIVE_COPY_FROM = 64;

/**
 * `text`'s code units in `foldUnits`. Read here rather than by `charCodeAt` in the fold's loop: the fold reads
 * every kind of string V8 makes (a decoded seed, slices of it, joins, one-byte pieces), and a `charCodeAt` site
 * that has met them all is several times slower on each unit (measured alone: 0.10 ms for the five seeds' units
 * read by a site that met only the seeds, 0.72–0.94 ms by one that met the rest too). The native copy has no
 * such site; the copy loop below meets short pieces only.
 */
function unitsOf(text: string): Uint16Array {
  const length = text.length;
  if (foldUnits.length < length) {
    foldUnits = new Uint16Array(Math.max(length, foldUnits.length * 2));
    unitBytes = Buffer.from(foldUnits.buffer);
  }
  if (LITTLE_ENDIAN && length >= NATIVE_COPY_FROM) unitBytes.write(text, 0, length * 2, 'utf16le');
  else for (let i = 0; i < length; i++) foldUnits[i] = text.charCodeAt(i);
  return foldUnits;
}

/** The first `length` units of `foldUnits` as a string (see `unitsOf` for the two ways). */
function textOfUnits(length: number): string {
  if (LITTLE_ENDIAN && length >= NATIVE_COPY_FROM) return unitBytes.toString('utf16le', 0, length * 2);
  return String.fromCharCode.apply(null, foldUnits.subarray(0, length) as unknown as number[]);
}

const isContextUnit = (kind: number): boolean => kind === QUIET_UNIT || kind === TRIGGER_UNIT;

/**
 * `foldExactly(text)` read in one pass over the text with the table of fold-units.ts, or null when the text
 * holds what only the exact path folds (a surrogate, or a run OpenCC rewrites to another length, which
 * `toSimplified` then reads character by character over the whole text). Nearly every plan text is folded here.
 * The text's units are folded in place and the string made once at the end: joining the unchanged stretches
 * between changed units made a string of thousands of pieces for a plan (a full-width comma or bracket every
 * few characters), flattened again when the lines were split off it.
 */
function foldInOnePass(text: string, seen?: FoldSeen): string | null {
  const length = text.length;
  const units = unitsOf(text);
  // The tables held in locals: the loop calls OpenCC, after which a module binding would be read again.
  const kinds = UNIT_KINDS;
  const folds = UNIT_FOLDS;
  let changed = false;
  let invisible = false;
  let markup = false;
  for (let i = 0; i < length; i++) {
    const kind = kinds[units[i] as number] as number;
    // Nearly every unit stays as it is: KEEP (0), or QUIET (2), a context character that changes only in a run
    // holding a trigger, which the trigger finds below. One test for both (0 | 2 and 2 | 2 are 2, no other kind
    // gives 2): a plan's text alternates between the two every few units, and a branch on which one it is was
    // mispredicted at each change, most of the loop's time.
    if ((kind | QUIET_UNIT) === QUIET_UNIT) continue;
    if (kind === MAP) {
      units[i] = folds[units[i] as number] as number;
      changed = true;
      continue;
    }
    if (kind === INVISIBLE_UNIT) {
      invisible = true;
      continue;
    }
    if (kind === MARKUP_UNIT) {
      markup = true;
      continue;
    }
    if (kind === SLOW) return null;
    // A trigger: its whole run of context characters goes through OpenCC. The run's start is looked for in the
    // text as printed (a unit before it may have been folded in place already).
    let start = i;
    while (start > 0 && isContextUnit(kinds[text.charCodeAt(start - 1)] as number)) start--;
    let end = i + 1;
    while (end < length && isContextUnit(kinds[units[end] as number] as number)) end++;
    const run = text.slice(start, end);
    const converted = opencc(run);
    if (converted.length !== run.length) return null;
    if (converted !== run) {
      for (let k = 0; k < converted.length; k++) units[start + k] = converted.charCodeAt(k);
      changed = true;
    }
    i = end - 1;
  }
  const folded = changed ? textOfUnits(length) : text;
  if (seen) {
    seen.invisible = invisible;
    seen.markup = markup;
  }
  return invisible ? maskNumbersAtInvisible(folded) : folded;
}

/**
 * What a fold read on its way, for callers that would otherwise scan the same text again: whether it holds an
 * invisible character (`INVISIBLE`) and a markup character (`MARKUP_CHARACTERS`), each null when the one pass
 * gave way to the exact path and did not finish.
 */
export interface FoldSeen {
  invisible: boolean | null;
  markup: boolean | null;
}

/**
 * The recognition view of `text`: full-width ASCII (（）０-９％．，：；) to half-width, 〔〕【】［］ to [ ],
 * the ideographic space to a space, traditional characters to simplified, and numbers touched by an invisible
 * character masked. Length-preserving, so an index found in the folded string is valid in the original.
 * Spaces are kept: recognisers allow `\s*` where a plan may put spaces between CJK and digits (到 2025 年).
 */
export function foldForRecognition(text: string): string {
  const known = knownFolds?.get(text);
  if (known !== undefined) return known;
  const cached = foldCache.get(text);
  if (cached !== undefined) return cached;
  const folded = foldInOnePass(text) ?? foldExactly(text);
  if (text.length <= FOLD_CACHE_MAX_LENGTH) {
    if (foldCache.size >= FOLD_CACHE_LIMIT) foldCache = new Map();
    foldCache.set(text, folded);
  }
  return folded;
}

/**
 * The recognition view of each line of one text (`foldForRecognition` of each), read in one pass over the
 * lines joined, rather than line by line through the caches: the lines of a plan are new text, so looking them
 * up first only costs. The folds are recorded for the current `readingOnce`, where the later stages find the
 * lines (and the paragraphs equal to them) they fold again. A line break never folds and no fold reaches across
 * one (OpenCC runs and masked numbers stop at it), so the joined fold splits back into the lines' folds; a text
 * only the exact path can fold goes line by line. `joined` is `lines.join('\n')`, when the caller has it already
 * (a seed's text is the join of its lines): the join is then not made again. `seen`, when given, tells whether
 * the joined text holds an invisible character (null when it could not be read in one pass).
 */
export function foldLines(lines: readonly string[], joined = lines.join('\n'), seen?: FoldSeen): string[] {
  if (seen) {
    seen.invisible = null;
    seen.markup = null;
  }
  const whole = foldInOnePass(joined, seen);
  if (whole === null || whole.length !== joined.length) return lines.map(foldForRecognition);
  // A text nothing in which folds (all ASCII, say) is its own fold, line for line. Otherwise each line's fold is
  // cut from the whole at the line's own offsets (the fold keeps every length and every line break), rather than
  // found by splitting the whole again: a second native search of every unit for the breaks.
  const folded: string[] = [];
  if (whole === joined) for (const line of lines) folded.push(line);
  else
    for (let i = 0, start = 0; i < lines.length; i++) {
      const end = start + (lines[i] as string).length;
      folded.push(whole.slice(start, end));
      start = end + 1;
    }
  for (let i = 0; i < lines.length; i++) knowFold(lines[i] as string, folded[i] as string);
  return folded;
}

/**
 * Folds of pieces cut from text already folded, for the plan being read (see `readingOnce`). Separate from the
 * bounded cache so a piece's fold never depends on what the cache happened to keep.
 */
let knownFolds: FoldRecord | null = null;

/**
 * Runs `read` (one plan's recognition) so that each piece of its text is folded once: the structure stage folds
 * every line, and the paragraphs, notes and names later stages fold are pieces of those lines, whose folds
 * `knowFold` records as slices of the line's. Nested calls keep their own record.
 */
export function readingOnce<T>(read: () => T): T {
  const outer = knownFolds;
  knownFolds = new FoldRecord();
  try {
    return read();
  } finally {
    knownFolds = outer;
  }
}

/**
 * Records that `folded` (a slice of an already folded text) is the fold of `text`, for the rest of the current
 * `readingOnce`. Ignored outside one, or when the lengths differ (the fold is length-preserving).
 */
export function knowFold(text: string, folded: string): void {
  if (knownFolds !== null && text.length === folded.length) knownFolds.set(text, folded);
}

/**
 * Forgets every remembered fold. For benchmarks: a corpus of distinct plans rarely repeats a line, so parse
 * throughput measured by parsing the same seeds again would count folds as free.
 */
export function forgetFolds(): void {
  foldCache = new Map();
  runCache = new Map();
}

/** An invisible character in a line: 1-based column (in UTF-16 units of the line), code point, and whether it touches a number. */
export interface InvisibleCharacter {
  column: number;
  codePoint: string;
  inNumber: boolean;
}

const ANY_INVISIBLE = new RegExp(INVISIBLE.source);

/** Whether `text` holds an invisible character: when a seed holds none, none of its lines needs a look. */
export function hasInvisibleCharacters(text: string): boolean {
  return ANY_INVISIBLE.test(text);
}

/** Every invisible character of one line, with where it is and whether it touches a number. */
export function invisibleCharacters(line: string): InvisibleCharacter[] {
  // Nearly every line has none: one test, rather than setting up a match iterator for each line.
  INVISIBLE.lastIndex = 0;
  const any = INVISIBLE.test(line);
  // matchAll starts where the test left the shared expression.
  INVISIBLE.lastIndex = 0;
  if (!any) return [];
  const found: InvisibleCharacter[] = [];
  for (const match of line.matchAll(INVISIBLE)) {
    const i = match.index;
    const near = `${foldWidth(line[i - 1] ?? '')}${foldWidth(line[i + 1] ?? '')}`;
    found.push({
      column: i + 1,
      codePoint: `U+${(match[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`,
      inNumber: /[0-9.]/.test(near),
    });
  }
  return found;
}
