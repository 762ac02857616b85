/**
 * Where a search record's clauses lie, and what their filter values are: two pieces the page needs at
 * different times.
 *
 * A Pagefind record is one chapter of a plan (or one annex), not one clause: Pagefind's cost grows with the
 * records it writes and with the results a lookup returns (README "Search", "Build memory"). A result shown is
 * still one clause, so the page must tell, from what Pagefind returns for a record — its id (the fragment's
 * name), score and matched word positions, nothing else — which clauses matched and whether each passes the
 * filters.
 *
 * - Every search needs each clause's number of indexed words (so a word position maps to its clause): they are
 *   written into the record's id, which the metadata every search loads first lists (`encodeWords`).
 * - Only a filtered search and the filter counts need the filter values — the record's province, plan and
 *   level, then each clause's part, department categories and indicators, each an index into the filter value
 *   lists the build writes beside the index (`FILTER_TABLE_FILE`): they are written into one file per bundle
 *   (record-values.ts), fetched with that table, not into the metadata (`encodeValues`). At 3,000 plans they
 *   were most of the metadata's bytes, fetched before the first result of every search.
 *
 * Pure: the build writes both (build/records.ts, build/compact.ts), the page reads them (clause-view.ts).
 * Spelling: words `<w0>.<w1>…` in decimal; values `<prov>.<plan>.<level>` then, per clause, `~p<part>` with
 * `d<i>` per department category and `i<j>` per indicator. Only characters a file name and a URL path keep as
 * they are.
 */
import type { FilterKey } from './record-meta';

/** The filter values, per key, that layout indexes point into (the search page's own lists). */
export type FilterTable = Record<FilterKey, string[]>;

/** The file the filter table is written to, in the first bundle's directory. */
export const FILTER_TABLE_FILE = 'filter-values.json';

export interface ClauseValues {
  part: number;
  departments: number[];
  indicators: number[];
}

export interface ClauseLayout extends ClauseValues {
  /** How many indexed words the clause has: its words follow the previous clause's. */
  words: number;
}

/** A record's filter values: its own, then its clauses'. */
export interface RecordValues {
  province: number;
  plan: number;
  level: number;
  clauses: ClauseValues[];
}

export interface RecordLayout extends RecordValues {
  clauses: ClauseLayout[];
}

/** What separates a record id's short name from its clauses' word counts. */
export const LAYOUT_MARK = '~';

/** The clauses' word counts, as a record's id carries them after `LAYOUT_MARK`. */
export function encodeWords(layout: RecordLayout): string {
  return layout.clauses.map((c) => c.words).join('.');
}

/** The filter values of a record, as its bundle's values file carries them (record-values.ts). */
export function encodeValues(layout: RecordValues): string {
  const head = `${layout.province}.${layout.plan}.${layout.level}`;
  const clauses = layout.clauses.map(
    (c) =>
      `p${c.part}${c.departments.map((d) => `d${d}`).join('')}${c.indicators.map((i) => `i${i}`).join('')}`,
  );
  return [head, ...clauses].join(LAYOUT_MARK);
}

/**
 * How long the record's layout was when words and values were spelt together (`<head>~<words>p<part>…` per
 * clause): the bound records are split by (build/records.ts `LAYOUT_MAX`), kept so the records stay as measured.
 */
export function layoutLength(layout: RecordLayout): number {
  return encodeValues(layout).length + layout.clauses.reduce((n, c) => n + String(c.words).length, 0);
}

/** The clauses' word counts of a record id (`<short name>~<words>`), or null when the id carries none. */
export function wordsOf(id: string): number[] | null {
  const at = id.indexOf(LAYOUT_MARK);
  if (at === -1) return null;
  const text = id.slice(at + 1);
  if (!/^\d+(\.\d+)*$/.test(text)) return null;
  return text.split('.').map(Number);
}

const HEAD = /^(\d+)\.(\d+)\.(\d+)$/;
const CLAUSE = /^p(\d+)((?:d\d+)*)((?:i\d+)*)$/;

const numbersAfter = (tag: string, text: string): number[] =>
  text
    .split(tag)
    .slice(1)
    .map((n) => Number(n));

/** The filter values spelt by `encodeValues`, or null when the text is not such a spelling. */
export function valuesOf(text: string): RecordValues | null {
  const [head = '', ...clauses] = text.split(LAYOUT_MARK);
  const h = HEAD.exec(head);
  if (!h || clauses.length === 0) return null;
  const out: RecordValues = { province: Number(h[1]), plan: Number(h[2]), level: Number(h[3]), clauses: [] };
  for (const clause of clauses) {
    const c = CLAUSE.exec(clause);
    if (!c) return null;
    out.clauses.push({
      part: Number(c[1]),
      departments: numbersAfter('d', c[2] ?? ''),
      indicators: numbersAfter('i', c[3] ?? ''),
    });
  }
  return out;
}

/** The index of each clause's first word, and one past the last clause's last. */
export function clauseStarts(words: readonly number[]): number[] {
  const starts = [0];
  for (const n of words) starts.push((starts[starts.length - 1] as number) + n);
  return starts;
}

/** A clause's value indexes under each filter key. */
export function clauseValues(values: RecordValues, k: number): Record<FilterKey, number[]> {
  const clause = values.clauses[k] as ClauseValues;
  return {
    province: [values.province],
    plan: [values.plan],
    level: [values.level],
    part: [clause.part],
    department: clause.departments,
    indicator: clause.indicators,
  };
}
