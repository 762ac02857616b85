/**
 * Reading a search query: fold it, split it into phrases (quoted or separated by spaces), cut each phrase into
 * runs by the search alphabet and say which Pagefind lookups find it. Pure; runs in the browser.
 */
import { formKey, type CompiledGroup } from './synonyms';
import { aloneCode, formToken, groupToken, lookupOf, runsOf, type Run } from './tokens';

/** One thing every result must contain: a run of the query, or a phrase that is a synonym form. */
export interface Term {
  /** The wording as typed, for messages. */
  text: string;
  /**
   * Exact Pagefind searches whose results all contain the wording literally (their intersection is the
   * literal set). Empty when the loose search is already literal (a single Latin word, found as a prefix).
   * For a wording that is a group's form, its form token (tokens.ts `formToken`): one word, not its bigrams.
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
  /** Question words and stop words left out of the search (有哪些, 如何…), as typed, in order. */
  ignored: string[];
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
  return lookup.exact ?? `"${aloneCode(run[0]!)}"`;
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
 * The folded query with every ignorable word (question forms, stop words) outside quotes blanked out, longest
 * first, and the words blanked. Blanking keeps offsets, so the rest still maps onto the query as typed. When
 * nothing searchable would be left, nothing is blanked: a query of only 如何 still searches for 如何.
 */
export function withoutIgnored(
  folded: string,
  ignore: readonly string[],
): { text: string; ignored: Phrase[] } {
  const words = [...ignore].filter(Boolean).sort((a, b) => b.length - a.length);
  if (words.length === 0) return { text: folded, ignored: [] };
  const chars = [...folded].map(() => false);
  // Only stretches outside quotes: a quoted phrase is searched as written.
  for (const match of folded.matchAll(PHRASE)) {
    if (match[5] === undefined) continue;
    const from = match.index;
    const stretch = match[5];
    for (const word of words) {
      let at = stretch.indexOf(word);
      while (at !== -1) {
        const clear = chars.slice(from + at, from + at + word.length).every((c) => !c);
        if (clear) for (let i = 0; i < word.length; i++) chars[from + at + i] = true;
        at = stretch.indexOf(word, at + word.length);
      }
    }
  }
  let text = '';
  const ignored: Phrase[] = [];
  for (let i = 0; i < folded.length; i++) {
    if (!chars[i]) {
      text += folded[i];
      continue;
    }
    text += ' ';
    const last = ignored[ignored.length - 1];
    if (last && last.start + last.text.length === i) last.text += folded[i];
    else ignored.push({ text: folded[i] as string, start: i });
  }
  if (runsOf(text).length === 0) return { text: folded, ignored: [] };
  return { text, ignored };
}

/** The curated words a query is read with (content/search-synonyms.yaml), folded by parseQuery. */
export interface QueryWords {
  /** Question forms and stop words left out of a query (有哪些, 如何). */
  ignore?: readonly string[];
  /** Jurisdiction prefixes a reader may type before a department's name (市环保局, 国家发改委). */
  departmentPrefixes?: readonly string[];
}

/** The department group of a phrase typed with a jurisdiction prefix (区交通局 → 交通局's group), or null. */
function prefixedDepartment(
  runs: readonly Run[],
  byForm: ReadonlyMap<string, CompiledGroup>,
  prefixes: readonly string[],
): CompiledGroup | null {
  if (runs.length !== 1) return null;
  const run = runs[0] as Run;
  for (const prefix of prefixes) {
    const units = [...prefix];
    if (run.length < units.length + 2) continue;
    if (!units.every((ch, i) => run[i]?.kind === 'char' && run[i]?.text === ch)) continue;
    const group = byForm.get(formKey([run.slice(units.length)]));
    if (group?.kind === 'department') return group;
  }
  return null;
}

/**
 * Parses a query. `fold` is the search fold (foldQuery in the browser); `groups` the compiled synonym and
 * department groups; `words` the words left out (question forms, stop words) and the jurisdiction prefixes
 * read before a department name. Returns null when the query holds nothing searchable (only punctuation or
 * spaces).
 */
export function parseQuery(
  raw: string,
  fold: (s: string) => string,
  groups: readonly CompiledGroup[] = [],
  words: QueryWords = {},
): ParsedQuery | null {
  const trimmed = raw.trim();
  const folded = fold(trimmed);
  // Folded like the query: the browser's character table reads 么 as 幺, so 怎么 must be folded to match.
  const kept = withoutIgnored(folded, (words.ignore ?? []).map(fold));
  // Longest first, so 自治区 is tried before 区.
  const prefixes = (words.departmentPrefixes ?? []).map(fold).sort((a, b) => b.length - a.length);
  const byForm = new Map<string, CompiledGroup>();
  /** Each form's number in its group, by the form's key (for its form token). */
  const formNumber = new Map<string, number>();
  for (const group of groups)
    group.runs.forEach((form, f) => {
      byForm.set(formKey(form), group);
      formNumber.set(formKey(form), f);
    });

  const terms: Term[] = [];
  for (const { text: phrase, start } of phrasesOf(kept.text)) {
    // The fold keeps lengths, so offsets in the folded query are offsets in the query as typed.
    const typed = (from: number, to: number) => trimmed.slice(start + from, start + to);
    const runs = runsOf(phrase);
    if (runs.length === 0) continue;
    const own = byForm.get(formKey(runs)) ?? null;
    const group = own ?? prefixedDepartment(runs, byForm, prefixes);
    if (group) {
      const otherForms = group.runs.filter((form) => formKey(form) !== formKey(runs));
      const first = runs[0]?.[0];
      const last = runs[runs.length - 1]?.[runs[runs.length - 1]!.length - 1];
      const form = own ? formNumber.get(formKey(runs)) : undefined;
      terms.push({
        text: typed(first?.start ?? 0, last?.end ?? phrase.length),
        // The wording itself is looked up exactly, without the prefix reading of a Latin word (COD is not
        // code): by its form token when it is one of the group's forms, else (a department typed with a
        // jurisdiction prefix) by its runs.
        exact: form === undefined ? runs.map(exactOf) : [`"${formToken(group.index, form)}"`],
        loose: groupToken(group.index),
        group,
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
        highlight: [[run]],
      });
    }
  }
  if (terms.length === 0) return null;
  const runs = phrasesOf(kept.text).flatMap((p) => runsOf(p.text));
  return {
    raw: trimmed,
    ignored: kept.ignored.map((p) => trimmed.slice(p.start, p.start + p.text.length)),
    folded,
    terms,
    loose: terms.map((t) => t.loose).join(' '),
    chain: chainOf(terms, runs),
  };
}
