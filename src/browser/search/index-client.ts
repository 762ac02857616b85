/**
 * The page's side of the index worker (index-worker.ts): starts it and speaks to it as to Pagefind (the
 * `RecordSearch` interface of clause-view.ts), so the search engine does not know where Pagefind runs.
 */
import type { BootedIndexWorker } from './boot';
import type { IndexMessage, IndexRequest, IndexSearchAnswer, IndexWorkerSetup } from './index-protocol';
import type { BundleLookup } from '../../lib/search/browser/bundle-merge';
import type { Filters, RecordResult, RecordSearch, Response } from '../../lib/search/browser/clause-view';
import type { RankedAnswer, RankPlan } from '../../lib/search/browser/ranked-search';

/** Distributes a request over the two argument shapes TypeScript cannot tell apart from the method alone. */
type Ask = <T>(request: DistributiveOmit<IndexRequest, 'id'>) => Promise<T>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * An index worker as the page speaks to it: a Pagefind-like handle, usable at once (the worker keeps what it is
 * asked until its index answers, and meanwhile starts fetching the index chunks of the searches it was sent),
 * and `ready`, which resolves once its index answers (rejects if it never will).
 */
export interface IndexWorkerHandle {
  records: RecordSearch;
  /** One bundle's answer to a term (its place in the worker's bundles), for progressive search. */
  lookupIn: BundleLookup<RecordResult>;
  /**
   * Ranks a plan's unfiltered searches in the worker (ranked-search.ts) over its first `bundles` bundles (all
   * of them without): only the ranked ids come back.
   */
  rankIn(plan: RankPlan, bundles?: number): Promise<RankedAnswer>;
  /** Preloads a term's index chunks in one bundle. */
  preloadIn(bundle: number, term: string): Promise<void>;
  ready: Promise<void>;
}

/**
 * Starts an index worker (`script`: index-worker.ts as built) over `setup`'s bundles.
 * Each call starts a worker of its own (the page's results and, on a large corpus, the filter counts).
 */
export function startIndexWorker(script: string, setup: IndexWorkerSetup): IndexWorkerHandle {
  return speakTo(new Worker(script, { type: 'module', name: JSON.stringify(setup) }), []);
}

/**
 * The index worker the boot script started (boot.ts), taken over: what it said before now is read first, in
 * order, then what it says next.
 */
export function adoptIndexWorker(booted: BootedIndexWorker): IndexWorkerHandle {
  booted.release();
  return speakTo(booted.worker, booted.early);
}

/** A Pagefind-like handle on `worker`; `early` holds the events it sent before. */
function speakTo(worker: Worker, early: readonly Event[]): IndexWorkerHandle {
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let nextId = 0;
  let settleReady: { resolve(): void; reject(error: Error): void } | null = null;
  const ready = new Promise<void>((resolve, reject) => {
    settleReady = { resolve, reject };
  });
  const fail = (error: Error) => {
    settleReady?.reject(error);
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  const onMessage = (event: MessageEvent<IndexMessage>) => {
    const message = event.data;
    if ('ready' in message) {
      if (message.ready) settleReady?.resolve();
      else fail(new Error(`the search index did not load: ${message.error}`));
      return;
    }
    const waiting = pending.get(message.id);
    if (!waiting) return;
    pending.delete(message.id);
    if ('error' in message) waiting.reject(new Error(message.error));
    else waiting.resolve(message.result);
  };
  const onError = (event: Event) =>
    fail(
      new Error(
        `the search index worker failed: ${event instanceof ErrorEvent ? event.message : 'its script did not load'}`,
      ),
    );
  for (const event of early) {
    if (event instanceof MessageEvent) onMessage(event as MessageEvent<IndexMessage>);
    else onError(event);
  }
  worker.addEventListener('message', onMessage);
  worker.addEventListener('error', onError);
  const ask: Ask = <T>(request: DistributiveOmit<IndexRequest, 'id'>) =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ ...request, id } as IndexRequest);
    });
  const options = (filters?: Filters) => (filters ? { filters: filters as Record<string, string> } : {});
  const handle: RecordSearch = {
    async search(term, searchOptions) {
      const answer = await ask<IndexSearchAnswer | null>({
        method: 'search',
        term,
        options: options(searchOptions?.filters),
      });
      return answer satisfies Response<RecordResult> | null;
    },
    preload: (term, preloadOptions) =>
      ask<void>({ method: 'preload', term, options: options(preloadOptions?.filters) }),
    filters: () => ask({ method: 'filters' }),
  };
  // A request sent before the index answers fails with it if it never does; `ready` says so on its own.
  ready.catch(() => undefined);
  const lookupIn: BundleLookup<RecordResult> = (bundle, term) =>
    ask<IndexSearchAnswer | null>({ method: 'search', term, options: {}, bundle });
  const preloadIn = (bundle: number, term: string) =>
    ask<void>({ method: 'preload', term, options: {}, bundle });
  const rankIn = (plan: RankPlan, bundles?: number) =>
    ask<RankedAnswer>({ method: 'rank', plan, ...(bundles === undefined ? {} : { bundles }) });
  return { records: handle, lookupIn, rankIn, preloadIn, ready };
}
