/**
 * Two views of a seed's text. Display keeps the original wording and drops only the export leftovers of
 * word processors; recognition folds away the variations that carry no meaning (full/half-width forms,
 * bracket styles, traditional characters) so one set of patterns recognises every plan.
 */
import * as OpenCC from 'opencc-js/t2cn';

/** Leftovers of a .docx → text export: `[bookmark: _GoBack]` anchors and Markdown `**bold**` markers. */
const EXPORT_LEFTOVERS = /\[bookmark:[^\]]*\]|\*\*/g;

/** Removes `[bookmark: …]` anchors and `**` bold markers; nothing else. */
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

function foldWidth(ch: string): string {
  const folded = BRACKET_FOLDS[ch];
  if (folded !== undefined) return folded;
  const code = ch.charCodeAt(0);
  // Full-width ASCII block FF01–FF5E maps one to one onto 21–7E.
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  return ch;
}

function toSimplified(text: string): string {
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

/**
 * The recognition view of `text`: full-width ASCII (（）０-９％．，：；) to half-width, 〔〕【】［］ to [ ],
 * the ideographic space to a space, traditional characters to simplified. Length-preserving, so an index
 * found in the folded string is valid in the original. Spaces are kept: recognisers allow `\s*` where a
 * plan may put spaces between CJK and digits (到 2025 年).
 */
export function foldForRecognition(text: string): string {
  let widthFolded = '';
  for (let i = 0; i < text.length; i++) widthFolded += foldWidth(text[i] as string);
  return toSimplified(widthFolded);
}
