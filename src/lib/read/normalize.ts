/**
 * Two views of a seed's text. Display keeps the original wording and drops only the export leftovers of
 * word processors; recognition folds away the variations that carry no meaning (full/half-width forms,
 * bracket styles, traditional characters) so one set of patterns recognises every plan.
 */
import * as OpenCC from 'opencc-js/t2cn';
import { foldWidth } from '../width';
import { OPENCC_TRIGGERS } from './opencc-triggers';

/**
 * Leftovers of a .docx → text export (`[bookmark: _GoBack]` anchors, Markdown `**bold**` markers) and of web
 * scrapers (`@@` runs where the page had markup: `一@@、总体要求@@`).
 */
const EXPORT_LEFTOVERS = /\[bookmark:[^\]]*\]|\*\*|@@+/g;

/** Removes `[bookmark: …]` anchors, `**` bold markers and `@@` scraper noise; nothing else. */
export function stripExportLeftovers(text: string): string {
  return text.replace(EXPORT_LEFTOVERS, '');
}

// Hong Kong and Taiwan mirrors publish the same plans in traditional characters; OpenCC's phrase tables
// know far more variants than a hand-written map would.
const toSimplifiedHK = OpenCC.Converter({ from: 'hk', to: 'cn' });
const toSimplifiedTW = OpenCC.Converter({ from: 'tw', to: 'cn' });

// A text without any of these characters comes out of OpenCC unchanged (why: opencc-triggers-build.ts), and
// most lines of a plan in simplified characters have none, so they skip OpenCC's four dictionary passes.
const OPENCC_TRIGGER = new RegExp(`[${OPENCC_TRIGGERS}]`, 'u');

function toSimplified(text: string): string {
  if (!OPENCC_TRIGGER.test(text)) return text;
  const converted = toSimplifiedTW(toSimplifiedHK(text));
  if (converted.length === text.length) return converted;
  // A phrase conversion changed the length: fall back to character by character so indexes stay valid.
  let out = '';
  for (const ch of text) {
    const one = toSimplifiedTW(toSimplifiedHK(ch));
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

/**
 * Characters a reader does not see: zero-width spaces and joiners, the soft hyphen, bidirectional controls,
 * word joiners, a byte-order mark inside the text, and control characters other than layout (tab, line and
 * page breaks). Copy-paste from web pages and PDFs leaves them, often inside numbers.
 */
export const INVISIBLE =
  /[\u0000-\u0008\u000E-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

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
  const folded = maskNumbersAtInvisible(toSimplified(foldWidth(text)));
  if (text.length <= FOLD_CACHE_MAX_LENGTH) {
    if (foldCache.size >= FOLD_CACHE_LIMIT) foldCache = new Map();
    foldCache.set(text, folded);
  }
  return folded;
}

/**
 * Folds of pieces cut from text already folded, for the plan being read (see `readingOnce`). Separate from the
 * bounded cache so a piece's fold never depends on what the cache happened to keep.
 */
let knownFolds: Map<string, string> | null = null;

/**
 * Runs `read` (one plan's recognition) so that each piece of its text is folded once: the structure stage folds
 * every line, and the paragraphs, notes and names later stages fold are pieces of those lines, whose folds
 * `knowFold` records as slices of the line's. Nested calls keep their own record.
 */
export function readingOnce<T>(read: () => T): T {
  const outer = knownFolds;
  knownFolds = new Map();
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
}

/** An invisible character in a line: 1-based column (in UTF-16 units of the line), code point, and whether it touches a number. */
export interface InvisibleCharacter {
  column: number;
  codePoint: string;
  inNumber: boolean;
}

/** Every invisible character of one line, with where it is and whether it touches a number. */
export function invisibleCharacters(line: string): InvisibleCharacter[] {
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
