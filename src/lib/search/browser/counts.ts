/**
 * What the filter counts count. A count beside a filter value must be the number of results the reader would
 * get as labelled, never clauses the list does not show (a loose match holding the query's characters apart is
 * never shown, so it is never counted). Pagefind counts filter values over one lookup's results, so counts are
 * taken from the one lookup whose results are exactly the shown kind, and only when there is one. Pure.
 */
import type { ParsedQuery } from './query';

/**
 * `literal`: clauses printing the query (包含); `group`: clauses printing it or another form of its synonym or
 * department group (包含 + 同义词/部门别名).
 */
export type CountKind = 'literal' | 'group';

export interface CountLookup {
  /** The Pagefind lookup whose results are the counted clauses. */
  lookup: string;
  kind: CountKind;
}

/**
 * The lookup to count for a query, or null when no single lookup's results are the shown matches (several
 * terms: their literal matches are an intersection Pagefind cannot count).
 */
export function countLookup(query: ParsedQuery): CountLookup | null {
  if (query.terms.length !== 1) return null;
  const [term] = query.terms;
  if (!term) return null;
  // A group's token is indexed only on clauses printing one of its forms.
  if (term.group) return { lookup: term.loose, kind: 'group' };
  // A single Latin word: the loose prefix lookup is literal (VOC finds VOCs, as the list shows).
  if (term.exact.length === 0) return { lookup: term.loose, kind: 'literal' };
  if (term.exact.length === 1) return { lookup: term.exact[0] as string, kind: 'literal' };
  return null;
}

/** The note beside the filters saying what the counts count. */
export function countNote(query: ParsedQuery | null, counted: CountLookup | null): string {
  if (!query) return '';
  if (!counted) return '（数字仅在搜索一个词语时显示）';
  if (counted.kind === 'literal') return '（数字为包含所查词语的条款数）';
  const through = query.terms[0]?.group?.kind === 'department' ? '部门别名' : '同义词';
  return `（数字为包含所查词语或其${through}的条款数）`;
}
