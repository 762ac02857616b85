/**
 * Where a search record's clauses lie, written into the record's fragment name.
 *
 * A Pagefind record is one chapter of a plan (or one annex), not one clause: Pagefind's cost grows with the
 * records it writes and with the results a lookup returns (README "Search", "Build memory"). A result shown is
 * still one clause, so the page must tell, from what Pagefind returns for a record — its id (the fragment's
 * name), score and matched word positions, nothing else until the fragment loads — which clauses matched and
 * whether each passes the filters. The fragment's name carries that: the record's province, plan and level,
 * then each clause's number of indexed words (so a word position maps to its clause), its part, department
 * categories and indicators — each value an index into the filter value lists the build writes beside the
 * index (`FILTER_TABLE_FILE`). Pure: the build writes it (build/records.ts), the page reads it (clause-view.ts).
 *
 * Spelling: `<prov>.<plan>.<level>` then, per clause, `~<words>p<part>` with `d<i>` per department category and
 * `i<j>` per indicator, all numbers in decimal (letters are the tags). Only characters a file name and a URL
 * path keep as they are.
 */
import type { FilterKey } from './record-meta';

/** The filter values, per key, that layout indexes point into (the search page's own lists). */
export type FilterTable = Record<FilterKey, string[]>;

/** The file the filter table is written to, in the first bundle's directory. */
export const FILTER_TABLE_FILE = 'filter-values.json';

export interface ClauseLayout {
  /** How many indexed words the clause has: its words follow the previous clause's. */
  words: number;
  part: number;
  departments: number[];
  indicators: number[];
}

export interface RecordLayout {
  province: number;
  plan: number;
  level: number;
  clauses: ClauseLayout[];
}

/** What separates a fragment's short name from its layout. */
export const LAYOUT_MARK = '~';

export function encodeLayout(layout: RecordLayout): string {
  const head = `${layout.province}.${layout.plan}.${layout.level}`;
  const clauses = layout.clauses.map(
    (c) =>
      `${c.words}p${c.part}${c.departments.map((d) => `d${d}`).join('')}${c.indicators.map((i) => `i${i}`).join('')}`,
  );
  return [head, ...clauses].join(LAYOUT_MARK);
}

const HEAD = /^(\d+)\.(\d+)\.(\d+)$/;
const CLAUSE = /^(\d+)p(\d+)((?:d\d+)*)((?:i\d+)*)$/;

const numbersAfter = (tag: string, text: string): number[] =>
  text
    .split(tag)
    .slice(1)
    .map((n) => Number(n));

/** The layout of a fragment name (`<short name>~<layout>`), or null when the name carries none. */
export function layoutOf(name: string): RecordLayout | null {
  const at = name.indexOf(LAYOUT_MARK);
  if (at === -1) return null;
  const [head = '', ...clauses] = name.slice(at + 1).split(LAYOUT_MARK);
  const h = HEAD.exec(head);
  if (!h || clauses.length === 0) return null;
  const out: RecordLayout = { province: Number(h[1]), plan: Number(h[2]), level: Number(h[3]), clauses: [] };
  for (const clause of clauses) {
    const c = CLAUSE.exec(clause);
    if (!c) return null;
    out.clauses.push({
      words: Number(c[1]),
      part: Number(c[2]),
      departments: numbersAfter('d', c[3] ?? ''),
      indicators: numbersAfter('i', c[4] ?? ''),
    });
  }
  return out;
}

/** The index of each clause's first word, and one past the last clause's last. */
export function clauseStarts(layout: RecordLayout): number[] {
  const starts = [0];
  for (const clause of layout.clauses) starts.push((starts[starts.length - 1] as number) + clause.words);
  return starts;
}

/** A clause's value indexes under each filter key. */
export function clauseValues(layout: RecordLayout, k: number): Record<FilterKey, number[]> {
  const clause = layout.clauses[k] as ClauseLayout;
  return {
    province: [layout.province],
    plan: [layout.plan],
    level: [layout.level],
    part: [clause.part],
    department: clause.departments,
    indicator: clause.indicators,
  };
}
