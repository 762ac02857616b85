/**
 * Reading a search query: fold it, split it into phrases (quoted or separated by spaces), cut each phrase into
 * runs by the search alphabet and say which Pagefind lookups find it. Pure; runs in the browser.
 */
import { formKey, type CompiledGroup } from './synonyms';
import { groupToken, lookupOf, runsOf, unitCode, type Run } from './tokens';

/** One thing every result must contain: a run of the query, or a phrase that is a synonym form. */
export interface Term {
  /** The wording as typed, for messages. */
  text: string;
  /**
   * Exact Pagefind searches whose results all contain the wording literally (their intersection is the
   * literal set). Empty when the loose search is already literal (a single Latin word, found as a prefix).
   */
  exact: string[];
  /** Words for the combined loose search (every result contains them; a superset of the literal set). */
  loose: string;
  /** The synonym group when the phrase is one of its forms; the loose word is then the group's token. */
  group: CompiledGroup | null;
  /**
   * For a group term: exact lookups of each of the group's other forms (one per run of the form; a form is
   * found where all of them are). When no other form is found, every result of the group token prints this
   * wording, and the costlier exact lookup of the wording can be skipped. Empty for other terms.
   */
  others: string[][];
  /** What to highlight: alternatives (the wording, then any other form of its group), each a list of runs. */
  highlight: Run[][];
}

export interface ParsedQuery {
  /** The query as typed, trimmed. */
  raw: string;
  /** The folded query. */
  folded: string;
  terms: Term[];
  /** The loose search: every term's words, all required. */
  loose: string;
  /**
   * When the literal matches can be read from the loose results' word positions, without exact searches: the
   * number of consecutive matched positions that make a literal match (see `hasRun`); null otherwise.
   */
  chain: number | null;
}

/** An exact lookup of one run: its bigrams in quotes, or the unit alone as a whole word. */
function exactOf(run: Run): string {
  const lookup = lookupOf(run);
  return lookup.exact ?? `"${unitCode(run[0]!)}"`;
}

/**
 * A query of a single run whose units are all different: its bigrams can only follow one another in the index
 * in the query's order, so a result with as many consecutive matched positions as the run has bigrams prints
 * the run literally (positions of other words never join: a run ends with a lone unit, and one-unit words
 * never match a bigram). A repeated unit (碳达峰碳中和) could chain in another order, so it needs the exact search.
 */
function chainOf(terms: readonly Term[], runs: readonly Run[]): number | null {
  if (terms.length !== 1 || runs.length !== 1 || terms[0]!.group) return null;
  const run = runs[0]!;
  if (run.length < 2) return null;
  const keys = run.map((u) => `${u.kind}:${u.text}`);
  return new Set(keys).size === keys.length ? run.length - 1 : null;
}

// A phrase is a quoted stretch ("…", “…”, 「…」, 『…』) or a stretch without spaces. An unclosed quote runs to the end.
const PHRASE = /"([^"]*)"?|“([^”]*)”?|「([^」]*)」?|『([^』]*)』?|([^\s"“”「」『』]+)/g;

/** A phrase of the query and where it starts in the query. */
export interface Phrase {
  text: string;
  start: number;
}

/** The phrases of a folded query, in order, without their quotes. */
export function phrasesOf(folded: string): Phrase[] {
  const phrases: Phrase[] = [];
  for (const match of folded.matchAll(PHRASE)) {
    const text = match.slice(1).find((group) => group !== undefined) ?? '';
    // The captured text follows the opening quote, if any.
    const start = match.index + (match[0].length > 0 && match[5] === undefined ? 1 : 0);
    if (text.trim()) phrases.push({ text, start });
  }
  return phrases;
}

/**
 * Parses a query. `fold` is the search fold (foldQuery in the browser); `groups` the compiled synonyms.
 * Returns null when the query holds nothing searchable (only punctuation or spaces).
 */
export function parseQuery(
  raw: string,
  fold: (s: string) => string,
  groups: readonly CompiledGroup[] = [],
): ParsedQuery | null {
  const trimmed = raw.trim();
  const folded = fold(trimmed);
  const byForm = new Map<string, CompiledGroup>();
  for (const group of groups) for (const form of group.runs) byForm.set(formKey(form), group);

  const terms: Term[] = [];
  for (const { text: phrase, start } of phrasesOf(folded)) {
    // The fold keeps lengths, so offsets in the folded query are offsets in the query as typed.
    const typed = (from: number, to: number) => trimmed.slice(start + from, start + to);
    const runs = runsOf(phrase);
    if (runs.length === 0) continue;
    const group = byForm.get(formKey(runs)) ?? null;
    if (group) {
      const otherForms = group.runs.filter((form) => formKey(form) !== formKey(runs));
      const first = runs[0]?.[0];
      const last = runs[runs.length - 1]?.[runs[runs.length - 1]!.length - 1];
      terms.push({
        text: typed(first?.start ?? 0, last?.end ?? phrase.length),
        // The wording itself is looked up exactly, without the prefix reading of a Latin word: COD is not code.
        exact: runs.map(exactOf),
        loose: groupToken(group.index),
        group,
        others: otherForms.map((form) => form.map(exactOf)),
        highlight: [runs, ...otherForms],
      });
      continue;
    }
    for (const run of runs) {
      const lookup = lookupOf(run);
      terms.push({
        text: typed(run[0]?.start ?? 0, run[run.length - 1]?.end ?? phrase.length),
        exact: lookup.exact ? [lookup.exact] : [],
        loose: lookup.loose,
        group: null,
        others: [],
        highlight: [[run]],
      });
    }
  }
  if (terms.length === 0) return null;
  const runs = phrasesOf(folded).flatMap((p) => runsOf(p.text));
  return {
    raw: trimmed,
    folded,
    terms,
    loose: terms.map((t) => t.loose).join(' '),
    chain: chainOf(terms, runs),
  };
}
