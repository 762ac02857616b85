/**
 * What a search record carries besides its indexed words: the shape shared by the build (which writes the
 * records, build/records.ts) and the search page (which reads them).
 */

/** What a result shows; every value a string, as Pagefind requires. */
export interface RecordMeta extends Record<string, string> {
  /** A clause of the body, an annex's text, or an annex table (`text` then holds one row per line, cells split by 　). */
  kind: 'clause' | 'annex' | 'table';
  /** For a table, how many of its first rows are header rows; '0' otherwise (a number, as text). */
  headerRows: string;
  /**
   * For a table, each column's full header as the header rows print it over that column (重庆市2025年 目标值),
   * columns split by 　; absent otherwise.
   */
  columns?: string;
  /** Printed number and heading, e.g. 三（四）3 推进工业节能. */
  title: string;
  /** The plan's title. */
  plan: string;
  region: string;
  /** The plan's status marks as printed beside it (征求意见稿), comma-joined; empty for an adopted plan. */
  status: string;
  /** How the clause is cited: 三（四）3; 附件1 for an annex. */
  citation: string;
  /** The clause's heading, or the nearest enclosing one's (a chapter's paragraph shows the chapter's). */
  heading: string;
  /** The clause's own wording, paragraphs separated by newlines (excerpts are cut from it). */
  text: string;
}

export const FILTER_KEYS = ['province', 'plan', 'level', 'part', 'department', 'indicator'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** One clause of a search record, as its fragment carries it: what a result shows and links to. */
export interface ClauseData {
  url: string;
  meta: RecordMeta;
  filters: Record<FilterKey, string[]>;
}

/** A search record's meta, as its fragment carries it: its clauses, in the order of their words. */
export interface RecordData {
  clauses: ClauseData[];
}
