/**
 * Two views of a seed's text. Display keeps the original wording and drops only the export leftovers of
 * word processors; recognition folds away the variations that carry no meaning (full/half-width forms,
 * bracket styles, traditional characters) so one set of patterns recognises every plan.
 */
import * as OpenCC from 'opencc-js/t2cn';
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

const BRACKET_FOLDS: Record<string, string> = {
  '〔': '[',
  '〕': ']',
  '【': '[',
  '】': ']',
  '［': '[',
  '］': ']',
  '　': ' ',
};
const WIDE = /[\uff01-\uff5e〔〕【】［］\u3000]/g;

function foldWidthOf(ch: string): string {
  const folded = BRACKET_FOLDS[ch];
  if (folded !== undefined) return folded;
  // Full-width ASCII block FF01–FF5E maps one to one onto 21–7E.
  return String.fromCharCode(ch.charCodeAt(0) - 0xfee0);
}

/** Full-width ASCII to half-width, 〔〕【】［］ to [ ], the ideographic space to a space; one char for one. */
function foldWidth(text: string): string {
  return text.replace(WIDE, foldWidthOf);
}

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
 * The recognition view of `text`: full-width ASCII (（）０-９％．，：；) to half-width, 〔〕【】［］ to [ ],
 * the ideographic space to a space, traditional characters to simplified. Length-preserving, so an index
 * found in the folded string is valid in the original. Spaces are kept: recognisers allow `\s*` where a
 * plan may put spaces between CJK and digits (到 2025 年).
 */
export function foldForRecognition(text: string): string {
  const cached = foldCache.get(text);
  if (cached !== undefined) return cached;
  const folded = toSimplified(foldWidth(text));
  if (text.length <= FOLD_CACHE_MAX_LENGTH) {
    if (foldCache.size >= FOLD_CACHE_LIMIT) foldCache = new Map();
    foldCache.set(text, folded);
  }
  return folded;
}
