/**
 * The Pagefind search API as the search page uses it, and loading it: the first bundle's script, then any
 * further bundles of a large corpus merged in, then one throwaway search so the browser's word segmenter is
 * built before the reader's first keystroke.
 */
import type { FilterKey, RecordMeta } from '../../lib/search/browser/record-meta';

export type Filters = Partial<Record<FilterKey, string>>;

export interface PagefindResult {
  id: string;
  score: number;
  words: number[];
  data(): Promise<ResultData>;
}

export interface ResultData {
  url: string;
  meta: RecordMeta;
  filters: Record<string, string[]>;
}

export interface PagefindResponse {
  results: PagefindResult[];
  unfilteredResultCount: number;
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}

export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  mergeIndex(path: string, options: Record<string, unknown>): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  init(): Promise<void>;
  preload(term: string, options?: { filters?: Filters }): Promise<void>;
  search(term: string | null, options?: { filters?: Filters }): Promise<PagefindResponse | null>;
}

let loaded: Pagefind | null = null;
let loading: Promise<Pagefind> | null = null;
let counter: Promise<Pagefind> | null = null;

/** The index once loaded, else null (for work that only makes sense on a warm index, such as preloading). */
export function loadedPagefind(): Pagefind | null {
  return loaded;
}

/** How the index is loaded. */
export interface LoadOptions {
  /**
   * Run one throwaway search once the index is in, so the browser's word segmenter is built before the
   * reader's first keystroke. Not when a query is waiting: its own search builds the segmenter, and a
   * throwaway search in front of it only delays its results.
   */
  warmUp: boolean;
}

/**
 * One Pagefind from the script at `script`: its options set, the further bundles of a large corpus merged in
 * (each loads its metadata at the same time).
 */
async function open(script: string, others: readonly string[]): Promise<Pagefind> {
  const module = (await import(/* @vite-ignore */ script)) as Pagefind;
  // Record URLs already carry the site's base path.
  await module.options({ baseUrl: '/' });
  await module.init();
  await Promise.all(others.map((path) => module.mergeIndex(path, { baseUrl: '/' })));
  return module;
}

/**
 * Loads the bundles (`bundles[0]` holds the script; the others are merged) once; later calls share the first
 * call's load, whatever their options.
 */
export function loadPagefind(
  bundles: readonly string[],
  options: LoadOptions = { warmUp: true },
): Promise<Pagefind> {
  if (loaded) return Promise.resolve(loaded);
  loading ??= (async () => {
    const [primary = '/pagefind/', ...others] = bundles;
    const module = await open(`${primary}pagefind.js`, others);
    // The first search builds the browser's Chinese word segmenter (Pagefind runs it on every query, even
    // ours, which are ASCII tokens): do that now rather than on the reader's first keystroke.
    if (options.warmUp) await module.search('。');
    loaded = module;
    return module;
  })();
  return loading;
}

/**
 * A second Pagefind over the same bundles, for filter counts only. Pagefind counts every loaded filter on every
 * search, at a cost of results × records per filter value (a second for the commonest words at 20,000
 * clauses): with the filter index loaded into the results' Pagefind, each later search would pay it before
 * showing anything. Loaded from the script's URL with a query, the browser makes it a module of its own, with
 * its own worker, so counting runs beside the searches that draw results and never in front of them.
 */
export function loadCounter(bundles: readonly string[]): Promise<Pagefind> {
  counter ??= (async () => {
    const [primary = '/pagefind/', ...others] = bundles;
    return open(`${primary}pagefind.js?counts`, others);
  })();
  return counter;
}
