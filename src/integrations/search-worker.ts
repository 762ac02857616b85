/**
 * An indexing worker (a worker thread started by ./search-index.ts through ./search-worker.mjs): builds the
 * records of the bundles it is handed and writes each with a Pagefind service of its own — one process per
 * worker, since one service indexes one record at a time — so several bundles are indexed at once.
 *
 * Protocol: the worker says `ready`; it is sent one `bundle` at a time (its directory, whether it is merged,
 * and its plans with their filter labels, in bundle order) and answers `written` with the record count, or is
 * sent `done`, closes its service and exits. An error ends the worker, which the parent reports.
 */
import { parentPort, workerData } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import type { Plan } from '../lib/model/plan';
import { recordsOfPlan } from '../lib/search/build/records';
import { buildOptions, writeBundle } from './search-bundle';

export interface WorkerSetup {
  base: string;
  outDir: string;
}

export type ToWorker =
  { type: 'bundle'; dir: string; merged: boolean; plans: { plan: Plan; label: string }[] } | { type: 'done' };

export type FromWorker = { type: 'ready' } | { type: 'written'; dir: string; records: number };

const port = parentPort;
if (port) {
  const { base, outDir } = workerData as WorkerSetup;
  const options = buildOptions(base);
  port.on('message', (message: ToWorker) => {
    if (message.type === 'done') {
      void pagefind.close().then(() => port.close());
      return;
    }
    const records = message.plans.flatMap(({ plan, label }) => recordsOfPlan(plan, label, options));
    // A new Pagefind process for every bundle (close() ends this one; the next createIndex starts another):
    // one service kept for every bundle grew from bundle to bundle, to ~0.95 GB each at 3,000 plans
    // (~15 bundles each) against ~0.55–0.69 GB for one bundle.
    writeBundle(pagefind, { dir: message.dir, records }, outDir, message.merged)
      .then(() => pagefind.close())
      .then(
        () =>
          port.postMessage({
            type: 'written',
            dir: message.dir,
            records: records.length,
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
