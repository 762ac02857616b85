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

/** The index once loaded, else null (for work that only makes sense on a warm index, such as preloading). */
export function loadedPagefind(): Pagefind | null {
  return loaded;
}

/**
 * Loads the bundles (`bundles[0]` holds the script; the others are merged) once; later calls share the load.
 * `onReady` runs once the index answers.
 */
export function loadPagefind(bundles: readonly string[], onReady: (pf: Pagefind) => void): Promise<Pagefind> {
  if (loaded) return Promise.resolve(loaded);
  loading ??= (async () => {
    const [primary = '/pagefind/', ...others] = bundles;
    const module = (await import(/* @vite-ignore */ `${primary}pagefind.js`)) as Pagefind;
    // Record URLs already carry the site's base path.
    await module.options({ baseUrl: '/' });
    await module.init();
    // A large corpus comes in several bundles, searched together.
    for (const path of others) await module.mergeIndex(path, { baseUrl: '/' });
    // The first search builds the browser's Chinese word segmenter (Pagefind runs it on every query, even
    // ours, which are ASCII tokens): do that now rather than on the reader's first keystroke.
    await module.search('。');
    loaded = module;
    onReady(module);
    return module;
  })();
  return loading;
}
