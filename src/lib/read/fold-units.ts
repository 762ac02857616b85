/**
 * What each UTF-16 code unit becomes in the recognition view, as one table, so `foldForRecognition` reads a text
 * once instead of once per fold: the width fold (../width.ts) and OpenCC's fold of free characters
 * (opencc-table.ts) composed, every invisible character marked, and the units a table cannot answer — context
 * characters, whose runs go through OpenCC, and surrogates — told apart. Built once, when the module loads.
 */
import { foldWidth } from '../width';
import { CONTEXT_QUIET, CONTEXT_TRIGGERS, FREE_FOLDS } from './opencc-table';

/** The unit stays as it is. */
export const KEEP = 0;
/** The unit becomes `UNIT_FOLDS[unit]`, wherever it stands. */
export const MAP = 1;
/** A context character that cannot start a rewrite: its run may still hold one that can. */
export const QUIET = 2;
/** A context character that can: its run goes through OpenCC. */
export const TRIGGER = 3;
/** Invisible (see `INVISIBLE` in normalize.ts): stays as it is, but the numbers it touches are masked. */
export const INVISIBLE_UNIT = 4;
/** A surrogate, or a unit whose fold is not one BMP unit: only the exact, slower path folds it. */
export const SLOW = 5;
/**
 * A markup character (see `MARKUP_CHARACTERS` in ../structure/index.ts): stays as it is, like `KEEP`, and tells
 * the pass that the text holds one, so the structure stage need not scan the text for them again.
 */
export const MARKUP_UNIT = 6;

export type UnitKind =
  | typeof KEEP
  | typeof MAP
  | typeof QUIET
  | typeof TRIGGER
  | typeof INVISIBLE_UNIT
  | typeof SLOW
  | typeof MARKUP_UNIT;

/** Characters that MDX or HTML would read as syntax: the site escapes them, the structure stage names them. */
export const MARKUP_CHARACTERS = /[{}<>`]/;

/** The kind of every code unit. */
export const UNIT_KINDS = new Uint8Array(0x10000);
/** For a `MAP` unit, the unit it becomes; for every other unit, itself. */
export const UNIT_FOLDS = new Uint16Array(0x10000);

/**
 * Characters a reader does not see: zero-width spaces and joiners, the soft hyphen, bidirectional controls,
 * word joiners, a byte-order mark inside the text, and control characters other than layout (tab, line and
 * page breaks). Copy-paste from web pages and PDFs leaves them, often inside numbers.
 */
export const INVISIBLE =
  /[\u0000-\u0008\u000E-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
const INVISIBLE_CHARACTER = new RegExp(`^${INVISIBLE.source}$`);

{
  const context = new Map<number, UnitKind>();
  for (const ch of CONTEXT_QUIET) context.set(ch.codePointAt(0) as number, QUIET);
  for (const ch of CONTEXT_TRIGGERS) context.set(ch.codePointAt(0) as number, TRIGGER);
  const freeFolds = new Map<number, string>();
  const pairs = Array.from(FREE_FOLDS);
  for (let i = 0; i + 1 < pairs.length; i += 2)
    freeFolds.set((pairs[i] as string).codePointAt(0) as number, pairs[i + 1] as string);

  for (let unit = 0; unit < 0x10000; unit++) {
    UNIT_FOLDS[unit] = unit;
    if (unit >= 0xd800 && unit <= 0xdfff) {
      UNIT_KINDS[unit] = SLOW;
      continue;
    }
    // Width first, then OpenCC on the result, as foldForRecognition composes them.
    const wide = foldWidth(String.fromCharCode(unit));
    const narrow = wide.charCodeAt(0);
    const contextKind = context.get(narrow);
    if (contextKind !== undefined) {
      // A context character the width fold made would start its run elsewhere than in the text: none does.
      UNIT_KINDS[unit] = narrow === unit ? contextKind : SLOW;
      continue;
    }
    const free = freeFolds.get(narrow);
    const folded = free ?? wide;
    if (folded.length !== 1) {
      UNIT_KINDS[unit] = SLOW;
      continue;
    }
    const result = folded.charCodeAt(0);
    if (INVISIBLE_CHARACTER.test(folded)) UNIT_KINDS[unit] = result === unit ? INVISIBLE_UNIT : SLOW;
    else if (result !== unit) {
      UNIT_KINDS[unit] = MAP;
      UNIT_FOLDS[unit] = result;
    } else if (MARKUP_CHARACTERS.test(folded)) UNIT_KINDS[unit] = MARKUP_UNIT;
  }
}
