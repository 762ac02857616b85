/**
 * The search index's worker: Pagefind, loaded and searched off the page's thread, in a worker of the site's own.
 *
 * Why not Pagefind's own worker (`pagefind-worker.js`, which `pagefind.js` starts on the page): there, a cold
 * open waited on a chain of round trips in a row — the page's scripts and `pagefind.js`, then the worker's
 * script, then `pagefind-entry.json`, then the metadata and WebAssembly — and Pagefind in a page's worker cuts
 * every query with the browser's Chinese word segmenter (the page's `<html lang>`), whose data (ICU's
 * dictionary) took 20–430 ms to load on the shared machine the first time. Here:
 * - the worker starts fetching the entry file at its first line, and the metadata and WebAssembly the entry
 *   names as soon as it is in, while `pagefind.js` is still being fetched; Pagefind's own requests for those
 *   files are then given the responses already under way (`fetch` below), so nothing is fetched twice;
 * - a worker has no `<html lang>`, so Pagefind cuts queries into characters only (`Intl.Segmenter`'s grapheme
 *   mode). The queries it is given are the search alphabet of src/lib/search/browser/tokens.ts — lowercase ASCII
 *   words, spaces and quotes — which both modes cut alike: the same lookups, without the dictionary;
 * - an unfiltered query is ranked here (`rank`: its lookups seen as clauses and ranked, ranked-search.ts), and
 *   only the ranked clause ids go to the page; a search's answer (filtered searches, counts, near matches)
 *   carries each result's id, score and word positions; a shown result's URL, meta and filters are its clause's
 *   own file, which the page fetches itself (src/lib/search/browser/clause-file.ts).
 * The worker is told its bundles in its name (index-protocol.ts `IndexWorkerSetup`), so it needs no message to
 * start; and the opened URL's query, whose words it searches as soon as Pagefind answers (`searchedEarly`).
 */
import { firstFiles, type PagefindEntry } from '../../lib/search/browser/index-entry';
import {
  keptLookups,
  mergeAnswers,
  mergeFilterCounts,
  searchOfBundles,
} from '../../lib/search/browser/bundle-merge';
import { clauseView, type ClauseSearch } from '../../lib/search/browser/clause-view';
import { rankedAnswer, rankedSearch, type RankPlan } from '../../lib/search/browser/ranked-search';
import { chunkFor, metaChunks, type IndexChunk } from '../../lib/search/browser/meta-chunks';
import { firstLookupWords, foldWithoutTable } from '../../lib/search/browser/opened-query';
import type {
  IndexMessage,
  IndexRequest,
  IndexResult,
  IndexSearchAnswer,
  IndexWorkerSetup,
} from './index-protocol';

/** One Pagefind instance (Pagefind 1.6's `createInstance`): one bundle's index. */
interface PagefindInstance {
  init(): Promise<void>;
  preload(term: string, options?: Record<string, unknown>): Promise<void>;
  search(
    term: string | null,
    options?: Record<string, unknown>,
  ): Promise<{
    results: IndexResult[];
    unfilteredResultCount: number;
    filters: Record<string, Record<string, number>>;
    totalFilters: Record<string, Record<string, number>>;
  } | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

/** Pagefind's script as the worker uses it. */
interface PagefindModule {
  createInstance(options: { basePath: string; baseUrl: string }): PagefindInstance;
}

const setup = JSON.parse(self.name || '{}') as Partial<IndexWorkerSetup>;
const bundles = (setup.bundles ?? []).length > 0 ? (setup.bundles as string[]) : ['/pagefind/'];
const ENTRY = 'pagefind-entry.json';

/** Responses started here before Pagefind asked for them, by absolute URL (the entry file without its `?ts=`). */
const early = new Map<string, Promise<Response>>();
const ownFetch = self.fetch.bind(self);

/** The bundle `url` is a file of (the longest bundle URL it starts with: `/pagefind/` is not `/pagefind-1/`'s). */
function bundleOf(url: string): string | undefined {
  return bundles.filter((b) => url.startsWith(b)).sort((a, b) => b.length - a.length)[0];
}

function keyOf(input: RequestInfo | URL): string {
  const url = new URL(input instanceof Request ? input.url : String(input), self.location.href);
  if (url.pathname.endsWith(`/${ENTRY}`)) url.search = '';
  return url.href;
}

/** Every file started here, by key: none is fetched twice, even once Pagefind has taken its response. */
const started = new Set<string>();

/** Starts fetching `url` now, unless it was already; Pagefind's own request for it will be given this response. */
function fetchEarly(url: string): void {
  const key = keyOf(url);
  if (started.has(key)) return;
  started.add(key);
  const response = ownFetch(url).then(unzipped);
  // A failed fetch is not an error here: Pagefind's own request for the file is given it and says so.
  response.catch(() => undefined);
  early.set(key, response);
  const bundle = bundleOf(url);
  if (bundle && url.endsWith('.pf_meta')) chunkLists.set(bundle, chunksOf(response));
}

/**
 * Each bundle's index chunks, read from its metadata as fetched here (meta-chunks.ts), before Pagefind's script
 * and WebAssembly are in; null where the metadata could not be read so.
 */
const chunkLists = new Map<string, Promise<IndexChunk[] | null>>();

/** The chunk list of a metadata response, read from a copy (Pagefind reads the response itself). */
function chunksOf(response: Promise<Response>): Promise<IndexChunk[] | null> {
  return response
    .then((r) => (r.ok ? r.clone().arrayBuffer() : null))
    .then((bytes) => (bytes ? metaChunks(new Uint8Array(bytes)) : null))
    .catch(() => null);
}

/**
 * Starts fetching, in every bundle, the index chunk Pagefind will fetch for each word of `term` (chunkFor), while
 * Pagefind is not answering yet: the page sends an opened URL's searches as soon as its script has read the
 * query, and Pagefind fetches their chunks only once its WebAssembly and metadata are in — a round trip after.
 * Once Pagefind answers, it fetches them itself; a chunk it has fetched is never fetched again (`started`).
 */
function prefetchChunks(term: string | null): void {
  if (pagefindAnswers || !term) return;
  const words = term.replace(/"/g, ' ').split(/\s+/).filter(Boolean);
  for (const bundle of bundles)
    void chunkLists.get(bundle)?.then((chunks) => {
      if (pagefindAnswers || !chunks) return;
      for (const word of words) {
        const name = chunkFor(chunks, word);
        if (name) fetchEarly(`${bundle}index/${name}.pf_index`);
      }
    });
}

/** Pagefind's own files that it gunzips itself (in JavaScript) once fetched: metadata, WebAssembly, chunks. */
const GZIPPED = /\.(pf_meta|pf_index|pf_fragment|pf_filter|pagefind)$/;

/**
 * `response` with its body gunzipped by the browser (`DecompressionStream`): Pagefind takes a body that starts
 * with its own signature as already decompressed (pagefind.js `decompress`), so its JavaScript gunzip is
 * skipped — 55 KB of WebAssembly and the metadata before the first search. Anything else (not gzip: a host
 * that decoded it already; no `DecompressionStream`) is left as it is for Pagefind.
 */
async function unzipped(response: Response): Promise<Response> {
  if (!response.ok || typeof DecompressionStream === 'undefined') return response;
  if (!GZIPPED.test(new URL(response.url || 'x:/').pathname)) return response;
  const bytes = await response.arrayBuffer();
  const head = new Uint8Array(bytes, 0, Math.min(2, bytes.byteLength));
  const init = { status: response.status, statusText: response.statusText, headers: response.headers };
  if (head[0] !== 0x1f || head[1] !== 0x8b) return new Response(bytes, init);
  const body = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(await new Response(body).arrayBuffer(), init);
}

/** Pagefind's WebAssembly, by its name in any bundle. */
const WASM = /\/wasm\.[^/]+\.pagefind$/;
/** The first WebAssembly fetched (the first bundle's), gunzipped: every later instance is handed it. */
let wasmBody: Promise<ArrayBuffer> | null = null;

// Pagefind fetches through the global `fetch`: a request for a file already under way takes that response
// (once); anything else goes to the network as usual, its body gunzipped by the browser as above. Every
// bundle's instance asks for its own bundle's WebAssembly (the same file in each), though only the first one's
// is instantiated: the others are handed the first's bytes, so the WebAssembly is fetched once.
self.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
  const key = keyOf(input);
  if (wasmBody && WASM.test(new URL(key).pathname)) {
    early.delete(key);
    return wasmBody.then((bytes) => new Response(bytes.slice(0)));
  }
  let response = early.get(key);
  if (response === undefined) {
    started.add(key);
    response = ownFetch(input, init).then(unzipped);
  } else early.delete(key);
  if (WASM.test(new URL(key).pathname))
    wasmBody = response.then((r) => {
      if (!r.ok) throw new Error(`${r.status} fetching the search WebAssembly`);
      return r.clone().arrayBuffer();
    });
  return response;
};

/**
 * The index files of one bundle, fetched as early as they can be: the entry file (with Pagefind's own
 * cache-busting `?ts=`, so it is never stale), and the metadata and WebAssembly it names unless the page named
 * them already (`first`; a page older than its index named others, and these are fetched then). Pagefind is
 * handed the entry only once those are under way: given it as soon as it came, Pagefind could ask for them
 * first, and each would be fetched twice.
 */
function prefetchBundle(bundle: string, withWasm: boolean): void {
  if (prefetched.has(bundle)) return;
  prefetched.add(bundle);
  const url = `${bundle}${ENTRY}?ts=${Date.now()}`;
  const entry = ownFetch(url).then(async (response) => {
    if (!response.ok) return response;
    // An entry that does not parse is Pagefind's to report: it is handed over as it came.
    const parsed = await response
      .clone()
      .json()
      .then((entry: PagefindEntry) => entry)
      .catch(() => null);
    if (parsed) firstFiles(bundle, parsed, withWasm).forEach(fetchEarly);
    return response;
  });
  early.set(keyOf(url), entry);
}

/** The bundles whose entry (and the files it names) were fetched here. */
const prefetched = new Set<string>();

/**
 * At the first line: the first bundle's files, and with no opened query every other bundle's too. With an opened
 * query, the other bundles' files are fetched only when the page asks for them (`openRest`), after the first
 * bundle's results: they are not bytes the first results wait for.
 */
const fetchedAtOnce = setup.query ? bundles.slice(0, 1) : bundles;
(setup.first ?? [])
  .filter((url) => fetchedAtOnce.some((bundle) => bundleOf(url) === bundle))
  .forEach(fetchEarly);
fetchedAtOnce.forEach((bundle, k) => prefetchBundle(bundle, k === 0));

/**
 * Pagefind's script (the first bundle's: every bundle's instance is made by it), asked for here, before the
 * opened query is read below: that reading
 * (opened-query.ts, its groups compiled) took 30–40 ms of the worker's first task in traced cold opens of the
 * seeds, and the script was asked for only after it — on the path to the index's first answer.
 */
const pagefindScript: Promise<PagefindModule> = (() => {
  // A plain variable, not a template literal: Vite would wrap a template in its preload helper, one more file
  // (and round trip) before this script can run.
  const script = `${bundles[0] ?? '/pagefind/'}pagefind.js`;
  return import(/* @vite-ignore */ script) as Promise<PagefindModule>;
})();

/**
 * The words the page will look up first for the opened URL's query (opened-query.ts): their index chunks are
 * fetched from now on, and they are searched as soon as Pagefind answers. In a cold open the page script runs
 * only after the page's first style and layout, by which time Pagefind had answered and sat idle until the
 * page's searches came (Chromium traces of the seeds: 40–100 ms). Read without the character table
 * (`foldWithoutTable`): a traditional query's words here are not the page's (its fold fetches the table
 * first), so they are searched for nothing and the page's own searches go to Pagefind as sent.
 */
const openedWords = setup.query
  ? firstLookupWords(setup.query, foldWithoutTable, setup.groups, setup.queryWords)
  : [];
/** Answers to the opened query's words, searched before the page asked, each handed out once (`answer`). */
const searchedEarly = new Map<string, Promise<IndexSearchAnswer | null>>();

/** Probes started this far apart, this many of them (see `answering`). */
const PROBE_SPACING_MS = 10;
const PROBES = 5;

/**
 * Resolves once `pagefind`'s index answers. Pagefind's `init` returns before its metadata and WebAssembly are
 * in, and a call made meanwhile checks again every 50 ms, so a search sent early waits up to 50 ms longer than
 * the index needs. Five empty preloads (each cheap: no term, no chunk) started 10 ms apart check, between them,
 * every 10 ms; the first to see the index answering resolves this.
 */
function answering(pagefind: PagefindInstance): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let started = 0;
    let answered = false;
    const probe = () => {
      if (answered) return;
      started++;
      pagefind.preload('').then(() => {
        answered = true;
        resolve();
      }, reject);
      if (started < PROBES) setTimeout(probe, PROBE_SPACING_MS);
    };
    probe();
  });
}

/**
 * One Pagefind instance per bundle (Pagefind 1.6's `createInstance`), so that each bundle can be searched on
 * its own: the page shows the first bundle's results while the others are still searched (progressive
 * search), and merges their answers as Pagefind's own merged search would (bundle-merge.ts). They share one
 * WebAssembly instance (the script's, instantiated once: a later instance's `init` finds it there), so the
 * first bundle's instance is made and answering before any other is made: two instances instantiating at once
 * would each set the script's WebAssembly, and the first one's index would then point into the other's memory.
 */
const instances: Promise<PagefindInstance>[] = [];

async function openBundle(k: number): Promise<PagefindInstance> {
  const bundle = bundles[k] as string;
  if (k > 0) await instanceOf(0);
  prefetchBundle(bundle, k === 0);
  const module = await pagefindScript;
  // Record URLs already carry the site's base path.
  const instance = module.createInstance({ basePath: bundle, baseUrl: '/' });
  await instance.init();
  await answering(instance);
  if (k === 0)
    for (const word of openedWords) {
      const early = searchOf(instance, word, {});
      // A failed early search is not an error here: the page's own search of the word is given it and says so.
      early.catch(() => undefined);
      searchedEarly.set(word, early);
    }
  return instance;
}

/** Bundle `k`'s instance, opened on first use (the first bundle's at once; see `openRest`). */
function instanceOf(k: number): Promise<PagefindInstance> {
  let opening = instances[k];
  if (!opening) {
    opening = openBundle(k);
    instances[k] = opening;
  }
  return opening;
}

/**
 * Opens every bundle after the first. With an opened URL's query, only once the page asks for one: the first
 * results come from the first bundle, and the others' metadata is not fetched before them (bytes before the
 * first result). Without one, as soon as the first answers, so that the reader's first query finds them in.
 */
function openRest(): void {
  for (let k = 1; k < bundles.length; k++) void instanceOf(k);
}

/** Whether Pagefind answers: from then on it fetches what a search needs at once, and nothing is prefetched. */
let pagefindAnswers = false;
prefetchChunks(openedWords.join(' '));
/**
 * `ready` once the bundles opened at once answer: with an opened query, the first (its results come from it
 * first); without one, every bundle, so that the reader's first query finds the whole index in.
 */
instanceOf(0)
  .then(async () => {
    pagefindAnswers = true;
    if (!setup.query) {
      openRest();
      await Promise.all(instances);
    }
  })
  .then(
    () => post({ ready: true }),
    (error: unknown) => post({ ready: false, error: String(error) }),
  );

/** A search's answer as the page receives it (index-protocol.ts). */
async function searchOf(
  pagefind: PagefindInstance,
  term: string | null,
  options: Record<string, unknown>,
): Promise<IndexSearchAnswer | null> {
  const response = await pagefind.search(term, options);
  if (!response) return null;
  const results = response.results.map(({ id, score, words }): IndexResult => ({ id, score, words }));
  const { unfilteredResultCount, filters, totalFilters } = response;
  return { results, unfilteredResultCount, filters, totalFilters };
}

/** The bundles a request names (`bundle`), else all of them. */
function instancesFor(request: { bundle?: number }): Promise<PagefindInstance[]> {
  if (request.bundle !== undefined) {
    if (!Number.isInteger(request.bundle) || request.bundle < 0 || request.bundle >= bundles.length)
      return Promise.reject(new Error(`no search bundle ${request.bundle}`));
    return instanceOf(request.bundle).then((instance) => [instance]);
  }
  return Promise.all(bundles.map((_, k) => instanceOf(k)));
}

/**
 * Bundle `k`'s answer to a word, without filters: an answer searched early (the opened query's word in the first
 * bundle) is handed over, once.
 */
function searchIn(k: number, term: string): Promise<IndexSearchAnswer | null> {
  const early = k === 0 ? searchedEarly.get(term) : undefined;
  if (early) {
    searchedEarly.delete(term);
    return early;
  }
  return instancesFor({ bundle: k }).then(([instance]) => searchOf(instance as PagefindInstance, term, {}));
}

/**
 * Each bundle's answer to a word, searched once: the first bundle's, searched for the first results, is the one
 * the complete search merges (bundle-merge.ts `keptLookups`).
 */
const bundleLookup = keptLookups<IndexResult>(searchIn, bundles.length);

/**
 * The clause view (clause-view.ts) of the first `count` bundles merged, for ranking unfiltered searches here
 * (`rank`): a filtered search, which needs the records' filter values, is ranked on the page.
 */
const rankingViews = new Map<number, ClauseSearch>();

function rankingView(count: number): ClauseSearch {
  let view = rankingViews.get(count);
  if (!view) {
    const search = searchOfBundles(bundleLookup, count);
    const pageOnly = (what: string) => () =>
      Promise.reject(new Error(`${what}: asked of the page, not here`));
    view = clauseView(
      {
        search: (term, options) =>
          term === null || Object.keys(options?.filters ?? {}).length > 0
            ? Promise.reject(new Error('the worker ranks unfiltered searches of a term only'))
            : search(term),
        preload: pageOnly('preloading'),
        filters: pageOnly('filter values'),
      },
      pageOnly('filter values'),
      pageOnly('a clause file'),
    );
    rankingViews.set(count, view);
  }
  return view;
}

/** The words of a ranking plan's lookups (for their index chunks, fetched before Pagefind answers). */
function planWords(plan: RankPlan): string {
  return [plan.loose, ...plan.terms.flatMap((t) => t.exact)].join(' ');
}

async function answer(request: IndexRequest): Promise<unknown> {
  switch (request.method) {
    case 'search': {
      const unfiltered = Object.keys(request.options.filters ?? {}).length === 0;
      // Without filters, each bundle's answer to a word is searched once (`bundleLookup`), an answer searched
      // early among them.
      if (request.term !== null && unfiltered) {
        if (request.bundle === undefined) return searchOfBundles(bundleLookup, bundles.length)(request.term);
        await instancesFor(request);
        return bundleLookup(request.bundle, request.term);
      }
      const chosen = await instancesFor(request);
      return mergeAnswers(await Promise.all(chosen.map((i) => searchOf(i, request.term, request.options))));
    }
    case 'rank': {
      const count = request.bundles ?? bundles.length;
      if (!Number.isInteger(count) || count < 1 || count > bundles.length)
        throw new Error(`cannot rank over ${count} search bundles`);
      const view = rankingView(count);
      const { ranked } = await rankedSearch((term) => view.search(term), request.plan);
      return rankedAnswer(ranked);
    }
    case 'preload': {
      const chosen = await instancesFor(request);
      await Promise.all(chosen.map((i) => i.preload(request.term, request.options)));
      return null;
    }
    case 'filters': {
      const chosen = await instancesFor({});
      return mergeFilterCounts(await Promise.all(chosen.map((i) => i.filters())));
    }
  }
}

function post(message: IndexMessage): void {
  self.postMessage(message);
}

self.addEventListener('message', (event: MessageEvent<IndexRequest>) => {
  const request = event.data;
  if (request.method === 'search' || request.method === 'preload') prefetchChunks(request.term);
  if (request.method === 'rank') prefetchChunks(planWords(request.plan));
  answer(request).then(
    (result) => post({ id: request.id, result }),
    (error: unknown) =>
      post({ id: request.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
