/**
 * Excerpts of a clause around the query's matches, cut from the clause's original wording (so 659.1 keeps its
 * decimal point and quotes are exact) with the matches marked. Returns plain parts, never HTML: the page
 * renders them as text nodes and <mark> elements.
 */
import { literalSpans, runsOf, type Run } from './tokens';

export interface ExcerptPart {
  text: string;
  mark: boolean;
}

export interface Excerpt {
  parts: ExcerptPart[];
  /** Text was cut before / after the excerpt. */
  before: boolean;
  after: boolean;
}

/** `[start, end)` spans of every alternative of every term in the text, merged and sorted. */
export function matchSpans(
  text: string,
  highlights: readonly (readonly Run[][])[],
  fold: (s: string) => string,
): [number, number][] {
  const textRuns = runsOf(fold(text));
  const spans: [number, number][] = [];
  for (const alternatives of highlights) {
    for (const runs of alternatives) for (const run of runs) spans.push(...literalSpans(textRuns, run));
  }
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([span[0], span[1]]);
  }
  return merged;
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * An excerpt of about `length` characters: from a little before the first match, or the start when nothing
 * matches (a result found through a synonym the text does not print, say).
 */
export function buildExcerpt(
  text: string,
  highlights: readonly (readonly Run[][])[],
  fold: (s: string) => string,
  length = 110,
): Excerpt {
  const flat = text.replace(/\s*\n\s*/g, ' ');
  const spans = matchSpans(flat, highlights, fold);
  const lead = Math.floor(length / 5);
  let start = spans.length > 0 ? Math.max(0, (spans[0] as [number, number])[0] - lead) : 0;
  let end = Math.min(flat.length, start + length);
  if (end === flat.length) start = Math.max(0, end - length);
  if (start > 0 && isLowSurrogate(flat.charCodeAt(start))) start--;
  if (end < flat.length && isLowSurrogate(flat.charCodeAt(end))) end++;

  const parts: ExcerptPart[] = [];
  let at = start;
  for (const [from, to] of spans) {
    if (to <= start || from >= end) continue;
    const a = Math.max(from, start);
    const b = Math.min(to, end);
    if (a > at) parts.push({ text: flat.slice(at, a), mark: false });
    parts.push({ text: flat.slice(a, b), mark: true });
    at = b;
  }
  if (at < end) parts.push({ text: flat.slice(at, end), mark: false });
  return { parts, before: start > 0, after: end < flat.length };
}
