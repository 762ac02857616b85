/**
 * An indexing worker (a worker thread started by ./search-index.ts through ./search-worker.mjs): builds the
 * records of the bundles it is handed and writes each with a Pagefind service of its own — one process per
 * worker, since one service indexes one record at a time — so several bundles are indexed at once.
 *
 * Protocol: the worker says `ready`; it is sent one `bundle` at a time (its directory, whether it is merged,
 * and how many plans it holds), asks for the bundle's plans one at a time (`next`, answered by `plan`: the
 * whole plan as JSON text and its filter label, in bundle order), asks leave to write the bundle's files once every record
 * is sent (`may-write`, answered by `write`; it says `files-written` when they are written and its Pagefind
 * process stopped: one indexer writes at a time, ./search-bundle.ts `WriteSlot` says why) and answers
 * `written` with the record count once the bundle is written; or it is sent `done`, closes its service and
 * exits. An error ends the worker, which the parent reports.
 *
 * Why plan by plan: a plan's records go to Pagefind as they are made, so neither thread holds a bundle's
 * plans or its records at once. Handed over whole (~100 plans a bundle at 3,000 plans, cloned into the
 * worker) and indexed from one array of every record, they made the worker's memory peak with each bundle.
 */
import { parentPort, workerData } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import type { Plan } from '../lib/model/plan';
import { recordsOfPlan } from '../lib/search/build/records';
import type { FilterTable } from '../lib/search/browser/layout';
import { buildOptions, writeBundle, type WriteSlot } from './search-bundle';

export interface WorkerSetup {
  base: string;
  outDir: string;
  /** The filter values the records' layouts point into (layout.ts). */
  table: FilterTable;
}

export type ToWorker =
  | { type: 'bundle'; dir: string; merged: boolean; plans: number }
  /** A plan as the JSON text of its model (./search-index.ts `runWorker` says why text). */
  | { type: 'plan'; json: string; label: string }
  | { type: 'write' }
  | { type: 'done' };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'next' }
  | { type: 'may-write' }
  | { type: 'files-written' }
  | { type: 'written'; dir: string; records: number };

const port = parentPort;
if (port) {
  const { base, outDir, table } = workerData as WorkerSetup;
  const options = buildOptions(base, table);
  /** The bundle's next plan, as the parent sends it when asked. */
  let received: ((message: { json: string; label: string }) => void) | null = null;
  const nextPlan = () =>
    new Promise<{ json: string; label: string }>((resolve) => {
      received = resolve;
      port.postMessage({ type: 'next' } satisfies FromWorker);
    });
  /** Leave to write, as the parent grants it. */
  let granted: (() => void) | null = null;
  const slot: WriteSlot = {
    acquire: () =>
      new Promise<void>((resolve) => {
        granted = resolve;
        port.postMessage({ type: 'may-write' } satisfies FromWorker);
      }),
    release: () => port.postMessage({ type: 'files-written' } satisfies FromWorker),
  };
  async function* recordsOf(plans: number) {
    for (let k = 0; k < plans; k++) {
      const { json, label } = await nextPlan();
      yield* recordsOfPlan(JSON.parse(json) as Plan, label, options);
    }
  }
  port.on('message', (message: ToWorker) => {
    if (message.type === 'done') {
      void pagefind.close().then(() => port.close());
      return;
    }
    if (message.type === 'plan') {
      const resolve = received;
      received = null;
      resolve?.(message);
      return;
    }
    if (message.type === 'write') {
      const resolve = granted;
      granted = null;
      resolve?.();
      return;
    }
    // A new Pagefind process for every bundle (writeBundle stops this one once its files are written; the next
    // createIndex starts another): one service kept for every bundle grew from bundle to bundle, to ~0.95 GB
    // each at 3,000 plans (~15 bundles each) against ~0.55–0.69 GB for one bundle.
    writeBundle(
      pagefind,
      { dir: message.dir, records: recordsOf(message.plans) },
      outDir,
      message.merged,
      slot,
    ).then(
      (records) =>
        port.postMessage({
          type: 'written',
          dir: message.dir,
          records,
        } satisfies FromWorker),
      (error: unknown) => {
        // Thrown outside the promise so the worker ends with it and the parent's 'error' event reports it.
        setImmediate(() => {
          throw error;
        });
      },
    );
  });
  port.postMessage({ type: 'ready' } satisfies FromWorker);
}
