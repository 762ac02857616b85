/**
 * What a search record carries besides its indexed words: the shape shared by the build (which writes the
 * records, build/records.ts) and the search page (which reads them).
 */

/** What a result shows; every value a string, as Pagefind requires. */
export interface RecordMeta extends Record<string, string> {
  /** Printed number and heading, e.g. 三（四）3 推进工业节能. */
  title: string;
  /** The plan's title. */
  plan: string;
  region: string;
  /** The plan's status marks as printed beside it (征求意见稿), comma-joined; empty for an adopted plan. */
  status: string;
  /** How the clause is cited: 三（四）3; 附件1 for an annex. */
  citation: string;
  heading: string;
  /** The clause's own wording, paragraphs separated by newlines (excerpts are cut from it). */
  text: string;
}

export const FILTER_KEYS = ['plan', 'level', 'part', 'department', 'indicator'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
