/**
 * The exact-match layer over Pagefind: one loose search for candidates, BM25 order and counts, and the exact
 * searches that tell literal matches apart (src/lib/search/browser/rank.ts orders them). Also the filter
 * counts, which need Pagefind's filter index loaded first.
 */
import type { ParsedQuery } from '../../lib/search/browser/query';
import { hasRun, rank, type Ranked, type TermSets } from '../../lib/search/browser/rank';
import type { FilterKey } from '../../lib/search/browser/record-meta';
import type { Filters, Pagefind, PagefindResponse, PagefindResult } from './pagefind';

export type Counts = Record<string, Record<string, number>>;

export interface Outcome {
  query: ParsedQuery;
  ranked: Ranked[];
  results: Map<string, PagefindResult>;
  /** Counts per filter value, when Pagefind's filter index was loaded before the search. */
  counts: Counts | null;
}

let filtersLoaded: Promise<unknown> | null = null;
let filtersReady = false;

/** Loads Pagefind's filter index once; `onLoaded` runs when it is in. */
export function loadFilters(pf: Pagefind, onLoaded: () => void = () => {}): Promise<unknown> {
  filtersLoaded ??= pf.filters().then(() => {
    filtersReady = true;
    onLoaded();
  });
  return filtersLoaded;
}

function ids(response: PagefindResponse | null): string[] {
  return response?.results.map((r) => r.id) ?? [];
}

function intersectIds(responses: (PagefindResponse | null)[]): Set<string> {
  const sets = responses.map((r) => new Set(ids(r)));
  return sets.reduce((a, b) => new Set([...a].filter((id) => b.has(id))));
}

/**
 * Searches: the loose search and the exact searches that do not wait for another's answer run at once, so
 * Pagefind fetches their index chunks in parallel.
 */
export async function runSearch(pf: Pagefind, query: ParsedQuery, filters: Filters): Promise<Outcome> {
  const counted = filtersReady;
  const find = (term: string) => pf.search(term, { filters });
  const exactResponses: (PagefindResponse | null)[] = [];
  const termSets = async (term: ParsedQuery['terms'][number]): Promise<TermSets> => {
    if (term.group) {
      // A group whose other forms print nowhere (under these filters): every group result prints this wording.
      const others = await Promise.all(term.others.map((form) => Promise.all(form.map(find))));
      exactResponses.push(...others.flat());
      if (others.every((responses) => intersectIds(responses).size === 0))
        return { literal: null, group: true };
    }
    const responses = await Promise.all(term.exact.map(find));
    exactResponses.push(...responses);
    return { literal: responses.length === 0 ? null : intersectIds(responses), group: term.group !== null };
  };
  const [looseResponse, exact] = await Promise.all([
    find(query.loose),
    query.chain === null ? Promise.all(query.terms.map(termSets)) : Promise.resolve(null),
  ]);
  const chain = query.chain;
  // One run of distinct units: literal matches show in the loose results' positions, no exact search needed.
  const terms: TermSets[] = exact ?? [
    {
      literal: new Set(
        (looseResponse?.results ?? [])
          .filter((r) => chain !== null && hasRun(r.words, chain))
          .map((r) => r.id),
      ),
      group: false,
    },
  ];
  const results = new Map<string, PagefindResult>((looseResponse?.results ?? []).map((r) => [r.id, r]));
  // A literal match the loose search missed (it can cut a prefix short) takes its result from an exact search.
  const spare = new Map<string, PagefindResult>();
  for (const response of exactResponses)
    for (const r of response?.results ?? []) if (!results.has(r.id)) spare.set(r.id, r);
  const ranked = rank(ids(looseResponse), terms);
  for (const { id } of ranked) {
    const hit = spare.get(id);
    if (hit && !results.has(id)) results.set(id, hit);
  }
  const counts = counted && looseResponse ? await countsOf(pf, query, filters, looseResponse) : null;
  return { query, ranked: ranked.filter((r) => results.has(r.id)), results, counts };
}

/**
 * Counts per filter value from a loose search made with the filter index loaded. Each filter's own selection
 * is left out of its counts, so a reader sees what switching value would give: with one filter set that is
 * Pagefind's `totalFilters`; with several, one more search per filter set.
 */
async function countsOf(
  pf: Pagefind,
  query: ParsedQuery,
  filters: Filters,
  loose: PagefindResponse,
): Promise<Counts> {
  const counts: Counts = { ...loose.filters };
  const active = Object.keys(filters) as FilterKey[];
  for (const key of active) {
    if (active.length === 1) {
      counts[key] = loose.totalFilters[key] ?? {};
      continue;
    }
    const others: Filters = { ...filters };
    delete others[key];
    counts[key] = (await pf.search(query.loose, { filters: others }))?.filters[key] ?? {};
  }
  return counts;
}

/**
 * Counts for a search made before the filter index was loaded (Pagefind counts only loaded filters): load it
 * — it costs more than a first query on a large corpus, hence not earlier — and search once more.
 */
export async function lateCounts(pf: Pagefind, query: ParsedQuery, filters: Filters): Promise<Counts | null> {
  await loadFilters(pf);
  const loose = await pf.search(query.loose, { filters });
  return loose ? countsOf(pf, query, filters, loose) : null;
}
