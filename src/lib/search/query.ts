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
      // The wording itself is looked up exactly, without the prefix reading of a Latin word: COD is not code.
      const lookups = runs.map((run) => {
        const lookup = lookupOf(run);
        return lookup.exact === null && run.length === 1
          ? { ...lookup, exact: `"${unitCode(run[0]!)}"` }
          : lookup;
      });
      const first = runs[0]?.[0];
      const last = runs[runs.length - 1]?.[runs[runs.length - 1]!.length - 1];
      terms.push({
        text: typed(first?.start ?? 0, last?.end ?? phrase.length),
        exact: lookups.map((l) => l.exact ?? l.loose),
        loose: groupToken(group.index),
        group,
        highlight: [runs, ...group.runs.filter((form) => formKey(form) !== formKey(runs))],
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
        highlight: [[run]],
      });
    }
  }
  if (terms.length === 0) return null;
  return { raw: trimmed, folded, terms, loose: terms.map((t) => t.loose).join(' ') };
}
