/**
 * The query fold in the browser: width, traditional → simplified characters, ASCII case. Length-preserving, so
 * offsets found in a folded text are offsets in the original (used to highlight excerpts).
 *
 * Traditional characters fold through a character table generated from OpenCC (src/lib/search/browser/t2s-map.ts,
 * ~13 KB gzipped) rather than OpenCC itself (~59 KB gzipped with its phrase tables): a query is a few words, and
 * the index side (folded with OpenCC's phrases at build time) differs only for the rare characters whose
 * simplified form depends on the phrase.
 */
import { T2S_PAIRS } from './t2s-map';
import { foldWidth, lowerAscii } from '../../width';

let table: Map<string, string> | null = null;

function t2s(): Map<string, string> {
  if (table) return table;
  table = new Map();
  const chars = Array.from(T2S_PAIRS);
  for (let i = 0; i + 1 < chars.length; i += 2) table.set(chars[i] as string, chars[i + 1] as string);
  return table;
}

/** Simplified characters for traditional ones, one character at a time. */
export function toSimplifiedChars(text: string): string {
  const map = t2s();
  let out = '';
  for (const ch of text) out += map.get(ch) ?? ch;
  return out;
}

/** The search view of a query or a text in the browser: width-folded, simplified, lowercase ASCII. */
export function foldQuery(text: string): string {
  return lowerAscii(toSimplifiedChars(foldWidth(text)));
}
