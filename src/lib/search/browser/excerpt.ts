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

/** The parts of `text[start, end)` with the spans inside it marked. */
function partsOf(
  text: string,
  spans: readonly [number, number][],
  start: number,
  end: number,
): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let at = start;
  for (const [from, to] of spans) {
    if (to <= start || from >= end) continue;
    const a = Math.max(from, start, at);
    const b = Math.min(to, end);
    if (b <= a) continue;
    if (a > at) parts.push({ text: text.slice(at, a), mark: false });
    parts.push({ text: text.slice(a, b), mark: true });
    at = b;
  }
  if (at < end) parts.push({ text: text.slice(at, end), mark: false });
  return parts;
}

/** Moves a cut off the second half of a surrogate pair. */
function cutAt(text: string, at: number): number {
  return at > 0 && at < text.length && isLowSurrogate(text.charCodeAt(at)) ? at - 1 : at;
}

/**
 * Excerpts that together show a match of every term: one excerpt of about `length` characters when the
 * terms' first matches fit in it, else one shorter fragment per term whose match is not yet shown (at most
 * `maxFragments`), in text order. Terms that match nowhere (a synonym the text does not print) show nothing;
 * with no match at all, the start of the text.
 */
export function buildFragments(
  text: string,
  highlights: readonly (readonly Run[][])[],
  fold: (s: string) => string,
  length = 110,
  maxFragments = 3,
): Excerpt[] {
  const flat = text.replace(/\s*\n\s*/g, ' ');
  const all = matchSpans(flat, highlights, fold);
  const firsts = highlights
    .map((alternatives) => matchSpans(flat, [alternatives], fold)[0])
    .filter((span): span is [number, number] => span !== undefined)
    .sort((a, b) => a[0] - b[0]);
  const lead = Math.floor(length / 5);
  const window = (from: number, size: number): [number, number] => {
    let start = Math.max(0, from);
    let end = Math.min(flat.length, start + size);
    if (end === flat.length) start = Math.max(0, end - size);
    start = cutAt(flat, start);
    end = end < flat.length && isLowSurrogate(flat.charCodeAt(end)) ? end + 1 : end;
    return [start, end];
  };
  const excerpt = ([start, end]: [number, number]): Excerpt => ({
    parts: partsOf(flat, all, start, end),
    before: start > 0,
    after: end < flat.length,
  });
  if (firsts.length === 0) return [excerpt(window(0, length))];
  const first = firsts[0] as [number, number];
  const last = firsts[firsts.length - 1] as [number, number];
  if (last[1] - first[0] <= length - lead) return [excerpt(window(first[0] - lead, length))];
  const size = Math.max(30, Math.floor(length / Math.min(firsts.length, maxFragments)));
  const windows: [number, number][] = [];
  for (const span of firsts) {
    if (windows.some(([a, b]) => span[0] >= a && span[1] <= b)) continue;
    if (windows.length === maxFragments) break;
    windows.push(window(span[0] - Math.floor(size / 4), size));
  }
  return windows.map(excerpt);
}

/** One cell of a table row shown in a result: its column's label and its text, matches marked. */
export interface LabelledCell {
  label: string;
  parts: ExcerptPart[];
}

/**
 * The rows of an annex table (text: one row per line, cells split by an ideographic space) that hold a match,
 * each cell labelled by its column's header — `columns` (the full header over each column, as the header
 * rows print it: 黔江区2025年 目标值), else the last header row — at most `maxRows`. A match in a header row
 * shows that row unlabelled.
 */
export function tableRowsWithMatches(
  text: string,
  headerRows: number,
  highlights: readonly (readonly Run[][])[],
  fold: (s: string) => string,
  maxRows = 2,
  columns?: string,
): LabelledCell[][] {
  const rows = text.split('\n').map((line) => line.split('　'));
  const header = columns ? columns.split('　') : headerRows > 0 ? (rows[headerRows - 1] ?? []) : [];
  const out: LabelledCell[][] = [];
  rows.forEach((cells, r) => {
    if (out.length >= maxRows) return;
    const marked = cells.map((cell) => {
      const spans = matchSpans(cell, highlights, fold);
      return { cell, spans };
    });
    if (!marked.some((c) => c.spans.length > 0)) return;
    out.push(
      marked
        .map(({ cell, spans }, c) => ({
          label: r < headerRows ? '' : (header[c] ?? '').trim(),
          parts: partsOf(cell, spans, 0, cell.length),
        }))
        .filter(({ parts }) => parts.some((p) => p.text.trim() !== '')),
    );
  });
  return out;
}
