/**
 * The search alphabet: how clause text and queries become the words Pagefind indexes and looks up.
 *
 * Pagefind segments Chinese twice and differently — jieba when indexing, the browser's `Intl.Segmenter` when
 * searching — and ranks segmented words with no reward for adjacency, so a query such as 生态环境局 may miss the
 * clause that prints it. Instead of trusting either segmenter, both sides are cut here into *units* (one CJK
 * character, one Latin word, one number with its decimals, one symbol such as %) and every unit is indexed as a
 * *bigram token* with its right-hand neighbour. A literal phrase of n units is then the n−1 bigram tokens at
 * consecutive positions, which Pagefind's quoted (exact) search checks in WebAssembly without loading any
 * clause. Tokens are spelled in lowercase ASCII letters only, so neither segmenter, nor lowercasing, nor
 * punctuation stripping can split or change them.
 *
 * Pure: used at build time (records) and in the browser (queries).
 */

export type UnitKind = 'char' | 'latin' | 'number' | 'symbol';

/** One unit of text, with its place in the string it was read from. */
export interface Unit {
  kind: UnitKind;
  /** The unit's text (Latin lowercased). */
  text: string;
  start: number;
  end: number;
}

/** Units that follow each other with nothing but whitespace between them; punctuation ends a run. */
export type Run = Unit[];

// Units, in order of precedence. Whitespace is skipped without ending a run, because plans put spaces between
// CJK and digits (到 2025 年) as they please; anything else (punctuation, brackets, dashes) ends the run.
const UNIT = /(\d+(?:\.\d+)?)|([a-z]+)|([%‰‱℃])|([\p{L}\p{N}])|(\s+)|([^])/gu;

/**
 * Cuts lowercased, folded text into runs of units. Decimals stay inside their number (659.1 is one unit); a
 * trailing full stop does not (2025. is 2025).
 */
export function runsOf(text: string): Run[] {
  const runs: Run[] = [];
  let run: Run = [];
  for (const match of text.matchAll(UNIT)) {
    const [whole, number, latin, symbol, char, space] = match;
    const start = match.index;
    const end = start + whole.length;
    if (space !== undefined) continue;
    const kind: UnitKind | null =
      number !== undefined
        ? 'number'
        : latin !== undefined
          ? 'latin'
          : symbol !== undefined
            ? 'symbol'
            : char !== undefined
              ? 'char'
              : null;
    if (kind === null) {
      if (run.length > 0) runs.push(run);
      run = [];
      continue;
    }
    run.push({ kind, text: whole, start, end });
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

// Hex digits spelled with the letters a–p. A BMP character, by far the commonest unit, is its four hex letters
// and nothing else; every other code starts with a tag letter (r–v) saying what it is, so no code is a prefix
// of a code of another kind.
const HEX = 'abcdefghijklmnop';
const END = 't';

function hexLetters(value: number, width: number): string {
  let out = '';
  for (let i = width - 1; i >= 0; i--) out += HEX[(value >> (4 * i)) & 15];
  return out;
}

function asciiLetters(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += hexLetters(text.charCodeAt(i), 2);
  return out;
}

/**
 * The code of one unit: 4 hex letters for a BMP character (untagged: the tag cost Pagefind a sixth of the words it
 * indexes and of the index bytes a query loads), `r`+5 beyond it, `v`+4 for a symbol; `s`+letters+`t`
 * for a Latin word and `u`+letters+`t` for a number. Every code is prefix-free against every other code except a
 * Latin word against a longer Latin word, so `VOC` finds `VOCs` while `14` does not find `14.5`.
 */
export function unitCode(unit: Pick<Unit, 'kind' | 'text'>): string {
  switch (unit.kind) {
    case 'char': {
      const cp = unit.text.codePointAt(0) ?? 0;
      return cp > 0xffff ? `r${hexLetters(cp, 5)}` : hexLetters(cp, 4);
    }
    case 'symbol':
      return `v${hexLetters(unit.text.codePointAt(0) ?? 0, 4)}`;
    case 'latin':
      return `s${asciiLetters(unit.text)}${END}`;
    case 'number':
      return `u${asciiLetters(unit.text)}${END}`;
  }
}

/**
 * The letter that ends a unit indexed on its own. Without it a lone unit's word would be a prefix of every
 * bigram that starts with the unit, and Pagefind 1.6, when no indexed word starts with a lookup, falls back to
 * the longest indexed word that is a prefix of it: 关税, printed nowhere, found every clause with 关 (measured:
 * 42 of 198 records on the seeds). With the letter, no indexed word is a prefix of a lookup it does not
 * match, so a word no clause contains finds nothing.
 */
export const ALONE = 'z';

/** The word of a unit indexed on its own (see ALONE). */
export function aloneCode(unit: Pick<Unit, 'kind' | 'text'>): string {
  return unitCode(unit) + ALONE;
}

/** The indexed tokens of one run: each unit joined with its right-hand neighbour, the last one alone. */
export function runTokens(run: Run): string[] {
  const codes = run.map(unitCode);
  return codes.map((code, i) => (i + 1 < codes.length ? code + codes[i + 1] : code + ALONE));
}

/**
 * The words Pagefind indexes for some runs: first every run's bigram tokens (each run ends with its last unit
 * alone, which keeps the bigrams of two runs from chaining across punctuation), then every other unit alone
 * that is not indexed alone already, so a one-unit query is an exact lookup of one word rather than a prefix
 * that Pagefind may cut short at an index chunk boundary, then `extra` words (synonym group tokens).
 *
 * A unit is indexed alone once per record, however often it is printed: a one-unit lookup only asks whether the
 * record holds the unit (its position is never read; phrases are matched on the bigrams), and every repeat was
 * a word Pagefind indexed and stored for nothing — half the alone words, a quarter of all words on the seeds.
 */
export function indexWords(runs: readonly Run[], extra: readonly string[] = []): string {
  const words: string[] = [];
  const alone = new Set<string>();
  for (const run of runs) {
    const tokens = runTokens(run);
    words.push(...tokens);
    alone.add(tokens[tokens.length - 1] as string);
  }
  for (const run of runs) {
    for (const unit of run.slice(0, -1)) {
      const code = aloneCode(unit);
      if (alone.has(code)) continue;
      alone.add(code);
      words.push(code);
    }
  }
  words.push(...extra);
  return words.join(' ');
}

/** The token that stands for a synonym group: every clause containing any of the group's forms carries it. */
export function groupToken(index: number): string {
  return `w${hexLetters(index, 4)}`;
}

/**
 * The token that stands for one form of a synonym or department group (`form`: its index in the group's forms):
 * every clause printing each run of that form carries it (build/records.ts `groupWords`), so the clauses printing
 * a group's own wording are one word's lookup, not one per bigram of the wording — at 100× the seeds 生态环境局's
 * four bigrams returned 1,900–2,800 records and 10,000–23,100 positions each, its form token 1,900 records with
 * one position per clause (9,400). Fixed width (`x`, four letters for the group, three for the form), so no
 * form token is a prefix of another word.
 */
export function formToken(group: number, form: number): string {
  return `x${hexLetters(group, 4)}${hexLetters(form, 3)}`;
}

/** How one run of a query is looked up. */
export interface TermLookup {
  /** The run's units (for highlighting and literal checks). */
  units: Run;
  /**
   * What to pass to Pagefind: for two or more units the bigram tokens in quotes (exact, contiguous); for one
   * unit its code alone, found as a prefix of every token that starts with it.
   */
  exact: string | null;
  /** The same tokens unquoted: every clause containing all of them (a superset of the literal matches). */
  loose: string;
}

/** The lookup of one query run. */
export function lookupOf(run: Run): TermLookup {
  if (run.length === 1) {
    const [unit] = run as [Unit];
    // A single Latin word is a prefix (VOC finds VOCs); any other unit is one exact word, so 14 is not 14.5.
    if (unit.kind === 'latin')
      return { units: run, exact: null, loose: unitCode(unit).slice(0, -END.length) };
    const code = aloneCode(unit);
    return { units: run, exact: `"${code}"`, loose: code };
  }
  const tokens = runTokens(run).slice(0, -1);
  return { units: run, exact: `"${tokens.join(' ')}"`, loose: tokens.join(' ') };
}

/** Whether two units are the same for search: Latin and numbers by text, characters by code point. */
function sameUnit(query: Unit, text: Unit, prefix: boolean): boolean {
  if (query.kind !== text.kind) return false;
  if (prefix && query.kind === 'latin') return text.text.startsWith(query.text);
  return query.text === text.text;
}

/**
 * Where the query run occurs literally in the runs of a text, by the same rules as the index: whitespace
 * ignored, never across punctuation. Returns `[start, end)` offsets in the text the runs were read from.
 */
export function literalSpans(textRuns: readonly Run[], query: Run): [number, number][] {
  const spans: [number, number][] = [];
  if (query.length === 0) return spans;
  const prefixLast = query.length === 1;
  for (const run of textRuns) {
    for (let i = 0; i + query.length <= run.length; i++) {
      let ok = true;
      for (let j = 0; j < query.length && ok; j++) {
        ok = sameUnit(query[j] as Unit, run[i + j] as Unit, prefixLast && j === query.length - 1);
      }
      if (ok) spans.push([(run[i] as Unit).start, (run[i + query.length - 1] as Unit).end]);
    }
  }
  return spans;
}
