/**
 * The width and case folds, one module for the two places that fold text: recognition at ingest
 * (`foldForRecognition` in read/normalize.ts, which adds OpenCC) and search, both when the index is built and
 * in the browser. Plain string code with no imports, so the search page can bundle it without OpenCC's phrase
 * tables or Node; a query and the text it is matched against are folded by the very same function.
 */

const BRACKETS: Record<string, string> = {
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
  const bracket = BRACKETS[ch];
  if (bracket !== undefined) return bracket;
  // Full-width ASCII block FF01–FF5E maps one to one onto 21–7E.
  return String.fromCharCode(ch.charCodeAt(0) - 0xfee0);
}

/**
 * Full-width ASCII (（）０-９％．，：；, FF01–FF5E) to half-width, 〔〕【】［］ to [ ], the ideographic space to a
 * space; one character for one, so offsets stay valid.
 */
export function foldWidth(text: string): string {
  return text.replace(WIDE, foldWidthOf);
}

/** A–Z to a–z and nothing else, so offsets stay valid (String#toLowerCase may change the length). */
export function lowerAscii(text: string): string {
  return text.replace(/[A-Z]+/g, (s) => s.toLowerCase());
}
