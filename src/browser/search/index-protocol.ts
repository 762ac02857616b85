/**
 * The messages between the search page and its index worker (index-worker.ts, index-client.ts).
 *
 * The page asks for rankings, searches, preloads and filter values; the worker answers each request by its id.
 * An unfiltered query is ranked in the worker (`rank`): only the ranked clause ids travel. A search's results
 * (filtered searches, filter counts, near matches) travel as id, score and word positions only: what the page
 * ranks and counts with. A shown result's data (its URL, meta and filters) is its clause's own file, which the
 * page fetches (clause-file.ts).
 */

import type { GroupForms } from '../../lib/search/browser/opened-query';
import type { QueryWords } from '../../lib/search/browser/query';
import type { RankPlan } from '../../lib/search/browser/ranked-search';

/** Given to the worker as its name (`new Worker(url, { name })`), so it can start fetching at its first line. */
export interface IndexWorkerSetup {
  /** Bundle directories (each ends in `/`); the first holds Pagefind's script, the others are merged into it. */
  bundles: string[];
  /**
   * The index files Pagefind fetches before it answers (metadata, WebAssembly), as the build named them in the
   * page (src/lib/search/build/search-page.ts): fetched at the worker's first line. Without them, the worker
   * learns them from each bundle's `pagefind-entry.json`.
   */
  first?: string[];
  /**
   * The opened URL's query (`?q=`), told by the boot script: the worker fetches its words' index chunks at
   * once and searches them as soon as Pagefind answers (src/lib/search/browser/opened-query.ts).
   */
  query?: string;
  /** The page's search groups and query words (the setup meta), to read `query` as the page does. */
  groups?: GroupForms;
  queryWords?: QueryWords;
}

/**
 * A request. `bundle` (a search's or preload's) names one bundle, by its place in `bundles`: that bundle's
 * index alone answers (progressive search: the page merges the bundles' answers itself,
 * src/lib/search/browser/bundle-merge.ts). Without it, every bundle answers, merged as Pagefind merges them.
 */
export type IndexRequest =
  | {
      id: number;
      method: 'search';
      term: string | null;
      options: { filters?: Record<string, string> };
      bundle?: number;
    }
  | {
      id: number;
      method: 'preload';
      term: string;
      options: { filters?: Record<string, string> };
      bundle?: number;
    }
  | { id: number; method: 'filters' }
  /**
   * A plan's unfiltered searches ranked in the worker (ranked-search.ts) over the first `bundles` bundles (every
   * bundle without): answered with a `RankedAnswer`, the ranked ids alone.
   */
  | { id: number; method: 'rank'; plan: RankPlan; bundles?: number };

/** One search result as the page receives it. */
export interface IndexResult {
  id: string;
  score: number;
  words: number[];
}

export interface IndexSearchAnswer {
  results: IndexResult[];
  unfilteredResultCount: number;
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}

/**
 * What the worker posts: `ready` once the bundles it opens at once answer — with an opened query the first
 * bundle (the others open on the first request naming one), else every bundle (or failed to load), then one answer per request id.
 */
export type IndexMessage =
  | { ready: true }
  | { ready: false; error: string }
  | { id: number; result: unknown }
  | { id: number; error: string };
