/**
 * The Pagefind search API as the search page uses it, and loading it: the first bundle's script, then any
 * further bundles of a large corpus merged in, then — once the index answers — one throwaway search so the
 * browser's word segmenter is built before the reader's first keystroke.
 *
 * Pagefind runs in its own worker (pagefind-worker.js), not on the page's thread: its search of an opened URL —
 * decompressing the index chunks and the metadata, WebAssembly over them — came in one piece of 50–200 ms of
 * the page's thread (Chromium traces of the seeds, machine loaded), which Lighthouse's phone run counts 4× as
 * blocking time, and its simulated largest paint waited behind it. In its worker that time is off the page's
 * thread (Lighthouse phone run of `/search/?q=能耗`, alternated on the loaded machine, medians of 4: largest
 * contentful paint 2.67 → 1.39 s, score 91 → 94); the worker costs its own script (12 KB gzipped) and a round trip
 * before the index's entry file is asked for (scripts/bench-search.ts, cold open).
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

/**
 * The index's loading as boot.ts hands it to the page script (main.ts). Boot runs first and alone imports this
 * module: were main.ts to import it too, the bundler would move it into a chunk of its own, and boot would wait
 * for that file before it could start loading the index.
 */
export interface SearchIndex {
  load: typeof loadPagefind;
  loaded: typeof loadedPagefind;
  counter: typeof loadCounter;
}

declare global {
  interface Window {
    /** Set by boot.ts (src/browser/search/). */
    planAtlasSearchIndex?: SearchIndex;
  }
}

/** The loading functions, for boot.ts to hand on. */
export const searchIndex: SearchIndex = {
  load: (bundles, options) => loadPagefind(bundles, options),
  loaded: () => loadedPagefind(),
  counter: (bundles) => loadCounter(bundles),
};

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
 * One Pagefind from the script at `script`, in its worker: its options set, the further bundles of a large corpus
 * merged in (each loads its metadata at the same time), answering.
 */
async function open(script: string, others: readonly string[]): Promise<Pagefind> {
  const module = (await import(/* @vite-ignore */ script)) as Pagefind;
  // Record URLs already carry the site's base path. Options set before `init` are the ones it starts with.
  await module.options({ baseUrl: '/' });
  await module.init();
  await Promise.all(others.map((path) => module.mergeIndex(path, { baseUrl: '/' })));
  await answering(module);
  return module;
}

/** Probes started this far apart, this many of them (see `answering`). */
const PROBE_SPACING_MS = 10;
const PROBES = 5;

/**
 * Resolves once the index answers. Pagefind's `init` returns before its metadata and WebAssembly are in, and
 * a call made meanwhile checks again every 50 ms, so a search sent early waits up to 50 ms longer than the
 * index needs. Five empty preloads (each cheap: no term, no chunk) started 10 ms apart check, between them,
 * every 10 ms; the first to see the index answering resolves this, and the search is sent then.
 */
function answering(module: Pagefind): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let started = 0;
    let answered = false;
    const probe = () => {
      if (answered) return;
      started++;
      module.preload('').then(() => {
        answered = true;
        clearTimeout(timer);
        resolve();
      }, reject);
      if (started < PROBES) timer = setTimeout(probe, PROBE_SPACING_MS);
    };
    probe();
  });
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
