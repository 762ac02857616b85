/**
 * The width and case folds of search, shared by the index (build time) and the query (browser). They mirror
 * `foldForRecognition` in src/lib/read/normalize.ts — which the browser cannot afford, as it bundles OpenCC's
 * phrase tables (~190 KB minified) — and are tested against it.
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

/** Full-width ASCII (FF01–FF5E) to half-width, 〔〕【】［］ to [ ], the ideographic space to a space. */
export function foldWidth(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    const bracket = BRACKETS[ch];
    if (bracket !== undefined) {
      out += bracket;
      continue;
    }
    const code = ch.charCodeAt(0);
    out += code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : ch;
  }
  return out;
}

/** A–Z to a–z and nothing else, so offsets stay valid (String#toLowerCase may change the length). */
export function lowerAscii(text: string): string {
  return text.replace(/[A-Z]+/g, (s) => s.toLowerCase());
}
