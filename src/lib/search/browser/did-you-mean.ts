/**
 * “Did you mean”: for a searched wording no clause prints, the nearest terms the site knows — department names
 * and aliases, indicator names, synonym forms, compare topics, plan names (the search vocabulary, built from
 * content/ and the plans by src/lib/search/build/vocabulary.ts). A one-character slip (生态环竟局), two
 * characters swapped (改发委), one left out or one too many, or a known term with extra words around it
 * (生态环境局长) proposes the term. Only proposals: the page searches each one before offering it, and never
 * says the typed wording was found. Pure.
 */

/** What kind of name a vocabulary term is; when two terms are as near, the earlier kind comes first. */
export const TERM_KINDS = ['department', 'indicator', 'synonym', 'topic', 'plan'] as const;
export type TermKind = (typeof TERM_KINDS)[number];

/** One known term: its wording as the site prints it, and its kind. */
export type VocabularyTerm = [term: string, kind: TermKind];

/** A proposal: the known term, how many edits away it is (0 for a term the wording contains), its kind. */
export interface Proposal {
  term: string;
  kind: TermKind;
  distance: number;
}

/** Wordings shorter than this get no proposal by edits: one changed character of two is another word. */
export const MIN_EDIT_LENGTH = 3;
/** From this length on, two edits are allowed (a long name typed with two slips is still recognisable). */
export const TWO_EDITS_LENGTH = 6;
/** A known term found inside the wording must be at least this long, and cover at least half of it. */
const MIN_CONTAINED_LENGTH = 3;

/** The characters of a folded wording without spaces, as code points. */
function chars(s: string): string[] {
  return Array.from(s.replace(/\s+/g, ''));
}

/**
 * The optimal string alignment distance (Levenshtein with adjacent transpositions) between a and b, or
 * `max + 1` once it must exceed `max`.
 */
export function editDistance(a: readonly string[], b: readonly string[], max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, (before[j - 2] as number) + 1);
      current.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length] as number;
}

/** How many edits a wording of this many characters may be from a term (0: none proposed by edits). */
export function allowedEdits(length: number): number {
  if (length < MIN_EDIT_LENGTH) return 0;
  return length >= TWO_EDITS_LENGTH ? 2 : 1;
}

/**
 * The known terms nearest a searched wording, nearest first, at most `limit`. `fold` is the search fold, applied
 * to both sides. A term equal to the wording is not proposed (it would be the same search).
 */
export function proposals(
  wording: string,
  vocabulary: readonly VocabularyTerm[],
  fold: (s: string) => string,
  limit = 3,
): Proposal[] {
  const typed = chars(fold(wording));
  const typedText = typed.join('');
  const max = allowedEdits(typed.length);
  const found = new Map<string, Proposal>();
  for (const [term, kind] of vocabulary) {
    const known = chars(fold(term));
    const knownText = known.join('');
    if (knownText === typedText || known.length === 0) continue;
    let distance: number | null = null;
    // A known term inside what was typed (生态环境局长 → 生态环境局), covering at least half of it.
    if (
      known.length >= MIN_CONTAINED_LENGTH &&
      known.length * 2 >= typed.length &&
      typedText.includes(knownText)
    )
      distance = 0;
    else if (max > 0) {
      const d = editDistance(typed, known, max);
      if (d <= max) distance = d;
    }
    if (distance === null) continue;
    const kept = found.get(knownText);
    const proposal: Proposal = { term, kind, distance };
    if (!kept || better(proposal, kept, typed.length)) found.set(knownText, proposal);
  }
  return [...found.values()].sort((a, b) => compare(a, b, typed.length)).slice(0, limit);
}

function compare(a: Proposal, b: Proposal, length: number): number {
  return (
    a.distance - b.distance ||
    TERM_KINDS.indexOf(a.kind) - TERM_KINDS.indexOf(b.kind) ||
    Math.abs(chars(a.term).length - length) - Math.abs(chars(b.term).length - length) ||
    (a.term < b.term ? -1 : a.term > b.term ? 1 : 0)
  );
}

function better(a: Proposal, b: Proposal, length: number): boolean {
  return compare(a, b, length) < 0;
}
