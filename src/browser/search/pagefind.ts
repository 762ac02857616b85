/**
 * The Pagefind search API as the search page uses it, and loading it.
 *
 * Pagefind runs in a worker of the site's own (index-worker.ts, spoken to through index-client.ts), not on the
 * page's thread: its search of an opened URL — decompressing the index chunks and the metadata, WebAssembly
 * over them — came in one piece of 50–200 ms of the page's thread (Chromium traces of the seeds, machine
 * loaded), which Lighthouse's phone run counts 4× as blocking time, and its simulated largest paint waited
 * behind it. Where the browser has no workers, Pagefind's script is imported on the page's thread instead.
 */
import { bundleNumberOf, clauseFile } from '../../lib/search/browser/clause-file';
import type { ClauseData } from '../../lib/search/browser/record-meta';
import {
  clauseView,
  type ClauseLoader,
  type ClauseResult,
  type ClauseSearch,
  type Filters,
  type RecordSearch,
  type Response,
  type ResultData,
  type Ranker,
  type ShownResult,
} from '../../lib/search/browser/clause-view';
import { keptLookups, searchOfBundles } from '../../lib/search/browser/bundle-merge';
import { FILTER_TABLE_FILE, type FilterTable } from '../../lib/search/browser/layout';
import {
  RECORD_VALUES_FILE,
  type BundleValues,
  type IndexValues,
} from '../../lib/search/browser/record-values';
import { adoptIndexWorker, startIndexWorker } from './index-client';

export type { Filters, ResultData, ShownResult };

/** A result the page ranks and shows: one clause (a record is a chapter; clause-view.ts maps one to the other). */
export type PagefindResult = ClauseResult;
export type PagefindResponse = Response<ClauseResult>;
/** The index as the search page asks it: clauses. */
export type Pagefind = ClauseSearch;

/** Pagefind's script as imported (on the page's thread where there are no workers; in the index worker; in tests). */
export interface PagefindModule extends RecordSearch {
  options(options: Record<string, unknown>): Promise<void>;
  mergeIndex(path: string, options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
}

/** The index worker's script (index-worker.ts as built), named by the page; without it, Pagefind runs on the page. */
let workerScript: string | null = null;
/** The index files the page names for the worker to fetch at its first line (index-protocol.ts). */
let workerFirst: string[] = [];

/** Sets the index worker's script and first files, before the first load (main.ts, from the page's meta). */
export function useWorkerScript(url: string, first: readonly string[] = []): void {
  workerScript = url;
  workerFirst = [...first];
}

let loaded: Pagefind | null = null;
let loading: Promise<Pagefind> | null = null;
let counter: Promise<Pagefind> | null = null;

/** The index once loaded, else null (for work that only makes sense on a warm index, such as preloading). */
export function loadedPagefind(): Pagefind | null {
  return loaded;
}

/**
 * Pagefind on the page's thread, for a browser without workers: its script at `primary`, its options set, the
 * further bundles of a large corpus merged in, answering (Pagefind's own check for its index, every 50 ms).
 */
async function openOnPage(primary: string, others: readonly string[]): Promise<RecordSearch> {
  // A plain variable, not a template literal: Vite would wrap a template in its preload helper, one more file
  // (and round trip) before this script can run.
  const script = `${primary}pagefind.js`;
  const module = (await import(/* @vite-ignore */ script)) as PagefindModule;
  // Record URLs already carry the site's base path. Options set before `init` are the ones it starts with.
  await module.options({ baseUrl: '/' });
  await module.init();
  await Promise.all(others.map((path) => module.mergeIndex(path, { baseUrl: '/' })));
  await module.preload('');
  return module;
}

/**
 * The filter table of the index (layout.ts) and every bundle's record values (record-values.ts), fetched
 * once, when a search is first filtered or counted: no unfiltered search waits for them.
 */
let indexValues: Promise<IndexValues> | null = null;

async function fetchJson<T>(url: string, what: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`the search ${what} did not load (${response.status})`);
  return response.json() as Promise<T>;
}

function loadIndexValues(bundles: readonly string[]): Promise<IndexValues> {
  indexValues ??= Promise.all([
    fetchJson<FilterTable>(`${bundles[0] ?? '/pagefind/'}${FILTER_TABLE_FILE}`, 'filter table'),
    Promise.all(bundles.map((b) => fetchJson<BundleValues>(`${b}${RECORD_VALUES_FILE}`, 'record values'))),
  ]).then(([table, values]) => ({ table, bundles: values }));
  // A failed load is tried again by the next search that needs it.
  indexValues.catch(() => (indexValues = null));
  return indexValues;
}

/**
 * A result's clause, from its own file in its record's bundle (clause-file.ts), fetched on the page's thread: a
 * small JSON file a host serves compressed.
 */
function clauseLoader(bundles: readonly string[]): ClauseLoader {
  return shareLoads(async (record, clause) => {
    const bundle = bundles[bundleNumberOf(record)];
    if (bundle === undefined) throw new Error(`no search bundle holds the record ${record}`);
    const response = await fetch(`${bundle}${clauseFile(record, clause)}`);
    if (!response.ok)
      throw new Error(`the search result ${record} #${clause} did not load (${response.status})`);
    return response.json() as Promise<ClauseData>;
  });
}

/**
 * One load per clause, shared by every view given this loader (the first bundle's and the complete one, in
 * progressive search): a result shown first and again in the complete answer is fetched once. A failed load is
 * tried again next time.
 */
function shareLoads(load: ClauseLoader): ClauseLoader {
  const loads = new Map<string, Promise<ClauseData>>();
  return (record, clause) => {
    const key = `${record}#${clause}`;
    let loading = loads.get(key);
    if (!loading) {
      loading = load(record, clause);
      loading.catch(() => loads.delete(key));
      loads.set(key, loading);
    }
    return loading;
  };
}

/** The index worker the boot script started over `bundles`, if it did and it has not been taken yet. */
function bootedWorker(bundles: readonly string[]) {
  const booted = window.planAtlasIndexWorker;
  if (!booted || booted.bundles.join() !== bundles.join()) return null;
  delete window.planAtlasIndexWorker;
  return booted;
}

/** One Pagefind being opened: asked at once (`now`, in a worker) or once it answers (`ready`). */
interface Opening {
  /** In a worker, the index to ask at once: the worker keeps a request until its index answers. */
  now: Pagefind | null;
  ready: Promise<Pagefind>;
  /**
   * With several bundles in a worker, the first bundle alone (progressive search: its results are shown while
   * the others are searched); `now` then merges every bundle's answers, the first's taken from here.
   */
  first: Pagefind | null;
}

/**
 * One Pagefind over the bundles (`bundles[0]` holds the script; the others are merged), in a worker if it can
 * be, seen as clauses (a record is a chapter: clause-view.ts): the worker the boot script started (boot.ts)
 * the first time, else a new one.
 */
function open(bundles: readonly string[], progressive = false): Opening {
  const [primary = '/pagefind/', ...others] = bundles;
  const loadClause = clauseLoader([primary, ...others]);
  const view = (records: RecordSearch, ranker?: Ranker) =>
    clauseView(records, () => loadIndexValues([primary, ...others]), loadClause, ranker);
  const booted = bootedWorker(bundles);
  const worker = booted
    ? adoptIndexWorker(booted)
    : typeof Worker !== 'undefined' && workerScript
      ? startIndexWorker(workerScript, { bundles: [primary, ...others], first: workerFirst })
      : null;
  if (!worker) return { now: null, ready: openOnPage(primary, others).then(view), first: null };
  if (!progressive || bundles.length < 2) {
    const now = view(worker.records, (plan) => worker.rankIn(plan));
    return { now, ready: worker.ready.then(() => now), first: null };
  }
  const lookup = keptLookups(worker.lookupIn, bundles.length);
  const over = (count: number): RecordSearch => ({
    search: (term, options) =>
      term === null || Object.keys(options?.filters ?? {}).length > 0
        ? worker.records.search(term, options)
        : searchOfBundles(lookup, count)(term),
    preload: async (term) => {
      await Promise.all(Array.from({ length: count }, (_, k) => worker.preloadIn(k, term)));
    },
    filters: () => worker.records.filters(),
  });
  const now = view(over(bundles.length), (plan) => worker.rankIn(plan));
  return { now, ready: worker.ready.then(() => now), first: view(over(1), (plan) => worker.rankIn(plan, 1)) };
}

/** The page's Pagefind while it is being opened (null before `loadPagefind`). */
let opening: Opening | null = null;

/** Loads the bundles once; later calls share the first call's load. Resolves once the index answers. */
export function loadPagefind(bundles: readonly string[]): Promise<Pagefind> {
  if (loaded) return Promise.resolve(loaded);
  if (!loading) {
    opening = open(bundles, true);
    loading = opening.ready.then((module) => {
      loaded = module;
      return module;
    });
  }
  return loading;
}

/**
 * The index to send a search to before it answers: in a worker, which keeps the search until its index answers
 * and meanwhile fetches the index chunks the search needs (index-worker.ts), so an opened URL's first search
 * does not wait for the index to answer before its chunks are even asked for. Null before `loadPagefind`, or
 * when Pagefind runs on the page (it cannot be asked before it loads).
 */
export function pagefindNow(): Pagefind | null {
  return loaded ?? opening?.now ?? null;
}

/**
 * With several bundles searched in a worker, the first bundle alone (progressive search, main.ts); null
 * otherwise, or before `loadPagefind`.
 */
export function firstBundleNow(): Pagefind | null {
  return opening?.first ?? null;
}

/**
 * A second Pagefind over the same bundles, for filter counts only. Pagefind counts every loaded filter on every
 * search, at a cost of results × records per filter value (a second for the commonest words at 20,000
 * clauses): with the filter index loaded into the results' Pagefind, each later search would pay it before
 * showing anything. In a worker of its own, counting runs beside the searches that draw results and never in
 * front of them (on the page's thread, without workers, it is the same Pagefind).
 */
export function loadCounter(bundles: readonly string[]): Promise<Pagefind> {
  counter ??= typeof Worker !== 'undefined' && workerScript ? open(bundles).ready : loadPagefind(bundles);
  return counter;
}
