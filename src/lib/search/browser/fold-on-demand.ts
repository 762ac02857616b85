/**
 * The search fold as pages run it: width, traditional → simplified characters, ASCII case. Length-preserving, so
 * offsets found in a folded text are offsets in the original (used to highlight excerpts).
 *
 * Traditional characters fold through a character table generated from OpenCC (t2s-map.ts, ~16 KB gzipped)
 * rather than OpenCC itself (~59 KB gzipped with its phrase tables): a query is a few words, and the index side
 * (folded with OpenCC's phrases at build time) differs only for the rare characters whose simplified form
 * depends on the phrase. The table is fetched only for a text holding a character it folds — a traditional
 * query, a clause printing 著 — which t2s-keys.ts tells apart in 2 KB: a simplified query's first results do
 * not wait for it. `foldReady(texts)` fetches it when any of `texts` needs it; until it is in, `foldQuery`
 * refuses (throws on) a text that needs it rather than fold it wrong. Node code uses fold.ts, which installs
 * the table at once.
 */
import { foldWidth, lowerAscii } from '../../width';
import { T2S_KEYS, T2S_KEYS_ELSEWHERE, T2S_KEYS_FROM } from './t2s-keys';

let table: Map<string, string> | null = null;
let loading: Promise<void> | null = null;
let keyBits: Uint8Array | null = null;

/** Whether the table folds the character `code` (every character of T2S_KEYS_ELSEWHERE counts as folded). */
export function foldsTraditional(code: number): boolean {
  keyBits ??= Uint8Array.from(atob(T2S_KEYS), (c) => c.charCodeAt(0));
  const offset = code - T2S_KEYS_FROM;
  if (offset >= 0 && offset < keyBits.length * 8)
    return ((keyBits[offset >> 3] ?? 0) & (1 << (offset & 7))) !== 0;
  return T2S_KEYS_ELSEWHERE.some(([from, to]) => code >= from && code <= to);
}

/** Whether folding `text` needs the table while it is not in. */
export function needsTable(text: string): boolean {
  if (table) return false;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= T2S_KEYS_FROM && foldsTraditional(code)) return true;
  }
  return false;
}

/** Installs the table from its concatenated (traditional, simplified) pairs. */
export function installTable(pairs: string): void {
  const map = new Map<string, string>();
  const chars = Array.from(pairs);
  for (let i = 0; i + 1 < chars.length; i += 2) map.set(chars[i] as string, chars[i + 1] as string);
  table = map;
}

/** Fetches and installs the table, once (a failed fetch is tried again by the next call). */
export function loadTable(): Promise<void> {
  if (table) return Promise.resolve();
  loading ??= import('./t2s-map').then(
    ({ T2S_PAIRS }) => installTable(T2S_PAIRS),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** Resolves once every text of `texts` can be folded: at once, or after fetching the table. */
export function foldReady(texts: Iterable<string>): Promise<void> {
  for (const text of texts) if (needsTable(text)) return loadTable();
  return Promise.resolve();
}

/**
 * Whether a reader's browser prefers traditional Chinese (`navigator.languages`: zh-TW, zh-HK, zh-MO, zh-Hant…):
 * a reader likely to type traditional characters, for whom the search page loads the table while idle.
 */
export function prefersTraditional(languages: readonly string[]): boolean {
  return languages.some((language) => /^zh-(hant|tw|hk|mo)\b/i.test(language));
}

/** Simplified characters for traditional ones, one character at a time. */
export function toSimplifiedChars(text: string): string {
  if (!table) {
    if (needsTable(text))
      throw new Error('the traditional → simplified table is not loaded (await foldReady)');
    return text;
  }
  let out = '';
  for (const ch of text) out += table.get(ch) ?? ch;
  return out;
}

/** The search view of a query or a text: width-folded, simplified, lowercase ASCII. */
export function foldQuery(text: string): string {
  return lowerAscii(toSimplifiedChars(foldWidth(text)));
}
