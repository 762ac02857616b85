/**
 * The Pagefind words the search page looks up first for a query, worked out without the page: the boot script
 * hands the opened URL's query to the index worker (src/browser/search/index-worker.ts), which searches these
 * words as soon as its index answers, so that the page's own searches of them — sent only once its script has
 * run, after the page's first style and layout — are answered at once. Pagefind is asked one word at a time
 * and without filters (clause-view.ts `lookup`), so a word's answer is the same whoever asks for it.
 *
 * The synonym groups and the words a query is read without (question forms, stop words) live in the page, not
 * here: for a query that uses them the guess may hold words the page never asks for (searched for nothing) or
 * miss some (searched when the page asks). Pure; runs in the index worker.
 */
import { lookupParts } from './clause-view';
import { parseQuery } from './query';

/** The words of the loose and exact lookups of `raw` (folded with `fold`), each once; none for no query. */
export function firstLookupWords(raw: string, fold: (s: string) => string): string[] {
  const query = parseQuery(raw, fold);
  if (!query) return [];
  const lookups = [query.loose, ...query.terms.flatMap((term) => term.exact)];
  return [...new Set(lookups.flatMap((lookup) => lookupParts(lookup).flatMap((part) => part.words)))];
}
