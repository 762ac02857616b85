/**
 * Text similarity for aligning headings: character bigrams on the folded text (simplified, half-width,
 * lower case), Dice's coefficient between bigram sets. Chinese headings have no spaces to split words on,
 * and bigrams are the usual unit for comparing short Chinese strings.
 */
import { foldForRecognition } from '../read/normalize';

/** The matching view of a text: folded (traditional → simplified, full → half width) and lower-cased. */
export function foldForMatch(text: string): string {
  return foldForRecognition(text).toLowerCase();
}

/**
 * The parts of a heading that carry its topic: punctuation and the stopwords (推进, 强化, 节能减排 …) removed,
 * leaving segments that are compared separately, so no bigram spans a removed word.
 */
export function headingSegments(heading: string, stopwords: readonly string[]): string[] {
  let text = foldForMatch(heading);
  for (const word of foldedStopwords(stopwords)) text = text.split(word).join(' ');
  return text.split(/[^\p{L}\p{N}]+/u).filter((segment) => segment.length > 0);
}

// Every heading of every plan is cut at the same stopwords: sort and fold the list once, not per heading.
const foldedStopwordLists = new WeakMap<readonly string[], readonly string[]>();

/** The stopwords folded, longest first, so 节能减排 is removed before any shorter stopword inside it. */
function foldedStopwords(stopwords: readonly string[]): readonly string[] {
  let folded = foldedStopwordLists.get(stopwords);
  if (!folded) {
    folded = [...stopwords].sort((a, b) => b.length - a.length).map(foldForMatch);
    foldedStopwordLists.set(stopwords, folded);
  }
  return folded;
}

/** Character bigrams of each segment; a one-character segment is its own unit. */
export function bigrams(segments: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const segment of segments) {
    const chars = [...segment];
    if (chars.length === 1) out.add(segment);
    for (let i = 0; i + 1 < chars.length; i++) out.add(`${chars[i]}${chars[i + 1]}`);
  }
  return out;
}

/** Dice's coefficient of two sets: 2|A∩B| / (|A|+|B|), 0 when both are empty. */
export function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size + b.size === 0) return 0;
  let shared = 0;
  for (const item of a) if (b.has(item)) shared++;
  return (2 * shared) / (a.size + b.size);
}

// A topic's term list is matched against every clause of every plan: fold each list once, not per clause.
const foldedTermLists = new WeakMap<readonly string[], readonly string[]>();

function foldedTerms(terms: readonly string[]): readonly string[] {
  let folded = foldedTermLists.get(terms);
  if (!folded) {
    folded = [...new Set(terms.map(foldForMatch))];
    foldedTermLists.set(terms, folded);
  }
  return folded;
}

/** The distinct terms found in a folded text. */
export function termsIn(folded: string, terms: readonly string[]): string[] {
  return foldedTerms(terms).filter((term) => folded.includes(term));
}
