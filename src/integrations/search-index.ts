/**
 * The search index of the built plans, written as one or more Pagefind bundles (shards.ts decides how many),
 * with bundles indexed in parallel where there are several: each bundle's records are built and indexed by a
 * worker thread with a Pagefind service of its own (./search-worker.ts), as many workers as the machine has
 * cores (`PLAN_ATLAS_SEARCH_WORKERS` overrides). One Pagefind service indexes one record at a time, and the
 * records' own building (folding, tokens) and the fragments' lightening are JavaScript on one thread, so
 * on one process the index of a large corpus used one core of two.
 *
 * A bundle's records are the same, in the same order, whichever worker builds them, and Pagefind writes the
 * same bytes for the same records, so the index does not depend on the number of workers
 * (tests/unit/search-index.test.ts compares one worker with two).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import type { Plan, PlanSummary } from '../lib/model/plan';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { filterValues, planLabels, recordsOfPlan } from '../lib/search/build/records';
import { loadSearchNames } from '../lib/search/build/names';
import { FILTER_TABLE_FILE, type FilterTable } from '../lib/search/browser/layout';
import { assignShards, bundleDir, clauseCount, shardLayout } from '../lib/search/build/shards';
import { buildOptions, writeBundle } from './search-bundle';
import type { BuiltPlans } from './built-plans';
import type { FromWorker, ToWorker, WorkerSetup } from './search-worker';

/** The plans of one bundle (their ids) with their filter labels, in the order the pages list them. */
export interface BundlePlans {
  dir: string;
  plans: { id: string; label: string }[];
}

/**
 * The plans split into bundles of whole plans (shards.ts); `count` overrides the number and `first` the first
 * bundle's clauses, for the benchmark and tests.
 */
export function bundlePlans(plans: readonly PlanSummary[], count?: number, first?: number): BundlePlans[] {
  const shards = assignShards(plans, shardLayout(clauseCount(plans), { count, first }));
  const used = Math.max(1, ...[...shards.values()].map((k) => k + 1));
  const labels = planLabels(plans);
  const bundles: BundlePlans[] = Array.from({ length: used }, (_, k) => ({ dir: bundleDir(k), plans: [] }));
  for (const plan of plans) {
    bundles[shards.get(plan.id) ?? 0]!.plans.push({ id: plan.id, label: labels.get(plan.id) as string });
  }
  return bundles;
}

/**
 * How many indexing workers may write their bundle's files at once: `PLAN_ATLAS_SEARCH_WRITERS`, else one
 * (./search-bundle.ts `WriteSlot` says why).
 */
export function writerCount(env = process.env['PLAN_ATLAS_SEARCH_WRITERS']): number {
  const asked = env ? Number(env) : 1;
  if (!Number.isInteger(asked) || asked < 1)
    throw new Error(`PLAN_ATLAS_SEARCH_WRITERS must be a whole number ≥ 1, not “${env}”`);
  return asked;
}

/** How many indexing workers: `PLAN_ATLAS_SEARCH_WORKERS`, else one per core; never more than bundles. */
export function workerCount(bundles: number, env = process.env['PLAN_ATLAS_SEARCH_WORKERS']): number {
  const asked = env ? Number(env) : availableParallelism();
  if (!Number.isInteger(asked) || asked < 1)
    throw new Error(`PLAN_ATLAS_SEARCH_WORKERS must be a whole number ≥ 1, not “${env}”`);
  return Math.min(asked, bundles);
}

export interface IndexOptions {
  base: string;
  /**
   * Plan `id` as the JSON text of its model file, when the caller can read it without parsing it: what a worker
   * is sent. Without it a worker is sent `model(id)` made into JSON again.
   */
  modelJson?: (id: string) => string;
  /** Bundles (default: as shards.ts decides). */
  bundles?: number;
  /** Worker threads (default: workerCount). 1 indexes in this thread, without a worker. */
  workers?: number;
}

/**
 * Writes the search index of the built plans into `outDir`, reading each whole plan (`built.model`) only when
 * its bundle is written: one plan at a time, in this thread or sent to a worker as it asks for it.
 * Returns the bundle directories, the record count and the number of workers.
 */
export async function writeSearchIndex(
  built: Pick<BuiltPlans, 'plans' | 'model'>,
  outDir: string,
  options: IndexOptions,
): Promise<{ dirs: string[]; records: number; workers: number }> {
  return writeBundles(bundlePlans(built.plans, options.bundles), built.model, outDir, {
    ...options,
    table: filterValues(built.plans, loadSearchNames()),
  });
}

/**
 * Writes bundles already split (`bundlePlans`), reading each whole plan with `model` only when its bundle is
 * written: the search step of `npm run build`, run in a process of its own (scripts/build-search.ts), starts
 * here with the bundles the pages' process handed over.
 */
export async function writeBundles(
  bundles: readonly BundlePlans[],
  model: (id: string) => Plan,
  outDir: string,
  options: Omit<IndexOptions, 'bundles'> & { table: FilterTable },
): Promise<{ dirs: string[]; records: number; workers: number }> {
  const written = await writeBundlesOnly(bundles, model, outDir, options);
  // The page reads the records' layouts with the same lists (clause-view.ts), from the first bundle.
  writeFileSync(
    join(outDir, bundles[0]?.dir ?? bundleDir(0), FILTER_TABLE_FILE),
    JSON.stringify(options.table),
  );
  return written;
}

async function writeBundlesOnly(
  bundles: readonly BundlePlans[],
  model: (id: string) => Plan,
  outDir: string,
  options: Omit<IndexOptions, 'bundles'> & { table: FilterTable },
): Promise<{ dirs: string[]; records: number; workers: number }> {
  const built = { model };
  const workers = options.workers ?? workerCount(bundles.length);
  const dirs = bundles.map((b) => b.dir);
  if (workers <= 1) {
    const recordOptions = buildOptions(options.base, options.table);
    let records = 0;
    try {
      for (const [k, bundle] of bundles.entries()) {
        const bundleRecords = (function* () {
          for (const { id, label } of bundle.plans)
            yield* recordsOfPlan(built.model(id), label, recordOptions);
        })();
        records += await writeBundle(pagefind, { dir: bundle.dir, records: bundleRecords }, outDir, k > 0);
        // A new Pagefind process for the next bundle: one kept for every bundle grows (./search-worker.ts).
        await pagefind.close();
      }
    } finally {
      await pagefind.close();
    }
    return { dirs, records, workers: 1 };
  }
  const queue = bundles.map((bundle, k) => ({ ...bundle, merged: k > 0 }));
  const setup: WorkerSetup = { base: options.base, outDir, table: options.table };
  const writes = new WritersAtATime(writerCount());
  const counts = await Promise.all(
    Array.from({ length: workers }, () =>
      runWorker(queue, options.modelJson ?? ((id) => JSON.stringify(model(id))), setup, writes),
    ),
  );
  return { dirs, records: counts.reduce((a, b) => a + b, 0), workers };
}

/**
 * Leave to write bundle files, granted to `writers` indexing workers at a time (default one), in the order
 * asked (./search-bundle.ts `WriteSlot` says why).
 */
export class WritersAtATime {
  private readonly writing = new Set<object>();
  private readonly waiting: { who: object; grant: () => void }[] = [];

  constructor(private readonly writers = 1) {}

  /** Calls `grant` when `who` may write: now if fewer than `writers` are writing, else once a turn is free. */
  ask(who: object, grant: () => void): void {
    if (this.writing.size < this.writers) {
      this.writing.add(who);
      grant();
    } else this.waiting.push({ who, grant });
  }

  /** `who` has written, or has failed: it no longer writes nor waits. */
  done(who: object): void {
    const at = this.waiting.findIndex((w) => w.who === who);
    if (at >= 0) this.waiting.splice(at, 1);
    if (!this.writing.delete(who)) return;
    const next = this.waiting.shift();
    if (!next) return;
    this.writing.add(next.who);
    next.grant();
  }
}

/**
 * One worker taking bundles from the shared queue until it is empty, sending each bundle's plans one at a time
 * as the worker asks for them (each read with `modelJson` only then); resolves with the records it indexed.
 *
 * A plan goes as its JSON text, which the worker parses: a string is copied whole into the worker, where a
 * parsed plan was parsed here and then cloned object by object (serialised here, deserialised there). On the
 * 300-plan corpus's model files, both sides' CPU: ~0.45 s as objects, ~0.27 s as text.
 */
function runWorker(
  queue: (BundlePlans & { merged: boolean })[],
  modelJson: (id: string) => string,
  setup: WorkerSetup,
  writes: WritersAtATime,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./search-worker.mjs', import.meta.url), { workerData: setup });
    // A worker that ends, however, gives up its leave to write, so the others never wait for it.
    worker.on('exit', () => writes.done(worker));
    let records = 0;
    let failed = false;
    /** The bundle the worker is writing, and how many of its plans it has been sent. */
    let current: { plans: BundlePlans['plans']; sent: number } | null = null;
    const send = (message: ToWorker) => worker.postMessage(message);
    const nextBundle = () => {
      const bundle = queue.shift();
      if (!bundle) {
        current = null;
        send({ type: 'done' });
        return;
      }
      current = { plans: bundle.plans, sent: 0 };
      send({ type: 'bundle', dir: bundle.dir, merged: bundle.merged, plans: bundle.plans.length });
    };
    const nextPlan = () => {
      const entry = current?.plans[current.sent];
      if (!current || !entry) throw new Error('a search indexing worker asked for a plan past its bundle');
      current.sent++;
      send({ type: 'plan', json: modelJson(entry.id), label: entry.label });
    };
    worker.on('message', (message: FromWorker) => {
      try {
        if (message.type === 'next') nextPlan();
        else if (message.type === 'may-write') writes.ask(worker, () => send({ type: 'write' }));
        else if (message.type === 'files-written') writes.done(worker);
        else {
          if (message.type === 'written') records += message.records;
          nextBundle();
        }
      } catch (error) {
        failed = true;
        queue.length = 0;
        void worker.terminate();
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    worker.on('error', (error) => {
      failed = true;
      // The other workers finish the bundle they have and stop: the build has failed.
      queue.length = 0;
      reject(new Error('a search indexing worker failed', { cause: error }));
    });
    worker.on('exit', (code) => {
      if (failed) return;
      if (code === 0) resolve(records);
      else reject(new Error(`a search indexing worker exited with code ${code}`));
    });
  });
}
