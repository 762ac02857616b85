/**
 * The seeds ingested on two threads: the loader's own and a worker (./ingest-worker.ts). Each takes the next
 * seed from a shared counter, so neither waits for the other and a slow seed holds up only its own thread; once
 * the corpus is linked, each makes half of the plans whole (validated by the zod `Plan`, written as model files,
 * summarised).
 *
 * Why: ingest is the build's longest stretch on one thread before the pages — at 3,000 plans ~20 s of parsing and
 * ~1.3 s per 300 plans of making the plans whole, on a quiet machine (README "Build memory") — and nothing else
 * runs beside it, so the second core idled through it. Each seed is parsed on its own (every warning and refusal
 * is the seed's), the outcomes are linked into a corpus in the seeds' order (`linkIngested`) and the summaries
 * kept in the plans' order, so the plans are the same whichever thread parsed or completed which.
 *
 * The worker needs a second or so to load the parser and the curated knowledge; the loader's thread parses
 * meanwhile, and if it has taken every seed by the time the worker could, the worker is stopped unused and the
 * loader's thread does the rest alone (a handful of seeds is parsed before the worker has started).
 */
import { Worker } from 'node:worker_threads';
import { buildWorkerHeapLimits } from '../integrations/worker-heap';
import { SeedError } from '../lib/errors';
import {
  ingestSeedOutcome,
  linkIngested,
  listSeedDirectory,
  readSeed,
  type IngestResult,
  type SeedOutcome,
} from '../lib/ingest';
import { enrichments, type Knowledge } from '../lib/knowledge';
import type { PlanHead, PlanSummary } from '../lib/model/plan';
import type { FromIngestWorker, IngestJob, ToComplete, ToIngestWorker } from './ingest-worker';
import { threadCpuSeconds } from './thread-cpu';
import { completeParked, type PlanModelWriter } from './plan-models';

/** Threads that ingest: `PLAN_ATLAS_INGEST_THREADS` (1 or 2), else 2. */
export function ingestThreads(env = process.env['PLAN_ATLAS_INGEST_THREADS']): 1 | 2 {
  if (env === undefined || env === '') return 2;
  if (env === '1' || env === '2') return Number(env) as 1 | 2;
  throw new Error(`PLAN_ATLAS_INGEST_THREADS must be 1 or 2, not “${env}”`);
}

/** A linked plan made whole (its digest, of its model's JSON), or why it is not a valid plan. */
export type CompletedPlan = { head: PlanHead; digest: string } | { head: PlanHead; invalid: string };

export interface ParallelIngest {
  /** The corpus, linked: as `ingestDirectoryHolding` makes it, the directory's own warnings first. */
  result: IngestResult<PlanHead>;
  /**
   * Makes each linked plan whole as `PlanModelWriter.complete` does — its model file written, its summary
   * kept in the order of `heads` — and returns each one's `digest` of its JSON, or why it is invalid, in that
   * order. Call once.
   */
  complete(heads: readonly PlanHead[], digest: (json: string) => string): Promise<CompletedPlan[]>;
  /**
   * What each thread did, for the log: seeds parsed and plans completed, and its CPU seconds (the machine's
   * load moves these far less than wall time); the worker's is null when it was stopped unused.
   */
  shares(): { loader: ThreadShare; worker: ThreadShare | null };
}

export interface ThreadShare {
  seeds: number;
  plans: number;
  cpuSeconds: number;
}

/** Lets messages from the worker be handled between two plans of this thread's own share. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Ingests every seed of `seedDir` as `ingestDirectoryHolding` does, each plan's text parked by `models`, on
 * `threads` threads.
 */
export async function ingestDirectoryInParallel(
  seedDir: string,
  knowledge: Knowledge,
  models: PlanModelWriter,
  threads: 1 | 2 = ingestThreads(),
  /** False leaves every seed, and every plan to complete, to the worker (tests: so that it is seen to do them). */
  { loaderParses = true }: { loaderParses?: boolean } = {},
): Promise<ParallelIngest> {
  const cpuAtStart = threadCpuSeconds();
  const own: ThreadShare = { seeds: 0, plans: 0, cpuSeconds: 0 };
  const { entries, warnings } = listSeedDirectory(seedDir);
  const options = { enrichments: enrichments(knowledge), vocabularies: knowledge.vocabularies };
  const outcomes: (SeedOutcome<PlanHead> | undefined)[] = new Array(entries.length).fill(undefined);
  const next = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  const claim = new Int32Array(next);
  let worker: WorkerLink | null =
    threads > 1 && entries.length > 1
      ? new WorkerLink(
          new Worker(new URL('./ingest-worker.mjs', import.meta.url), {
            workerData: { seedDir, entries, textDir: models.textDirectory, next } satisfies IngestJob,
            resourceLimits: buildWorkerHeapLimits(),
          }),
          outcomes,
        )
      : null;
  const mine = () => (worker && !loaderParses ? entries.length : Atomics.add(claim, 0, 1));
  for (let index = mine(); index < entries.length; index = mine()) {
    own.seeds++;
    outcomes[index] = ingestSeedOutcome(readSeed(seedDir, entries[index]!), knowledge.plan, options, (plan) =>
      models.park(plan),
    );
  }
  if (worker) {
    // Every seed is taken; the seeds this thread has no outcome of are the worker's.
    if (outcomes.includes(undefined)) await worker.parsed;
    else {
      await worker.stop();
      worker = null;
    }
  }
  const ordered = outcomes.map((outcome, k) => {
    if (outcome === undefined) throw new Error(`seed ${entries[k]!.file} was taken but never ingested`);
    return outcome;
  });
  for (const [k, path] of worker?.parkedAt ?? []) {
    const outcome = ordered[k]!;
    if (!(outcome instanceof SeedError)) models.adopt(outcome.plan.source, path);
  }
  let linked: IngestResult<PlanHead>;
  try {
    linked = linkIngested(ordered, knowledge.plan);
  } catch (error) {
    await worker?.stop();
    throw error;
  }
  const link = worker;
  own.cpuSeconds = threadCpuSeconds() - cpuAtStart;
  return {
    shares: () => ({
      loader: own,
      worker: link ? { seeds: link.seeds, plans: link.plans, cpuSeconds: link.cpuSeconds } : null,
    }),
    result: { ...linked, warnings: [...warnings, ...linked.warnings] },
    complete: async (heads, digest) => {
      const done: ({ summary: PlanSummary; digest: string } | { invalid: string } | undefined)[] = new Array(
        heads.length,
      ).fill(undefined);
      const theirs = (k: number) => link !== null && (!loaderParses || k % 2 === 1);
      const fromWorker = link?.complete(
        heads.flatMap((head, k): ToComplete[] =>
          theirs(k) ? [{ k, head, parkedAt: models.parkedPath(head) }] : [],
        ),
        models.modelDirectory,
        (k, answer) => {
          done[k] = 'invalid' in answer ? answer : { summary: answer.summary, digest: digest(answer.json) };
        },
      );
      // Awaited below; a worker failing meanwhile must not be an unhandled rejection while this thread works.
      fromWorker?.catch(() => undefined);
      const cpuBefore = threadCpuSeconds();
      for (const [k, head] of heads.entries()) {
        if (theirs(k)) continue;
        own.plans++;
        try {
          const { json, summary } = completeParked(models.parkedPath(head), head, models.modelDirectory);
          done[k] = { summary, digest: digest(json) };
        } catch (error) {
          done[k] = { invalid: (error as Error).message };
        }
        if (link) await turn();
      }
      await fromWorker;
      own.cpuSeconds += threadCpuSeconds() - cpuBefore;
      return heads.map((head, k) => {
        const answer = done[k];
        if (answer === undefined) throw new Error(`plan ${head.id} was never completed`);
        if ('invalid' in answer) return { head, invalid: answer.invalid };
        models.keepSummary(head, answer.summary);
        return { head, digest: answer.digest };
      });
    },
  };
}

/** The loader's side of the worker: its parsed seeds into `outcomes`, where it parked each text, its plans completed. */
class WorkerLink {
  /** Where the worker parked the text of each seed it parsed, by the seed's index. */
  readonly parkedAt = new Map<number, string>();
  /** Seeds it parsed, plans it completed, its CPU seconds as it last reported them. */
  seeds = 0;
  plans = 0;
  cpuSeconds = 0;
  /** Resolves once the worker has parsed every seed it took; rejects if it fails or ends first. */
  readonly parsed: Promise<void>;
  private onCompleted:
    ((k: number, answer: { summary: PlanSummary; json: string } | { invalid: string }) => void) | null = null;
  private allCompleted: (() => void) | null = null;
  private failed: ((error: Error) => void) | null = null;
  private stopped = false;

  constructor(
    private readonly worker: Worker,
    outcomes: (SeedOutcome<PlanHead> | undefined)[],
  ) {
    this.parsed = new Promise<void>((resolve, reject) => {
      this.failed = reject;
      worker.on('message', (message: FromIngestWorker) => {
        if (message.type === 'parsed') {
          this.seeds = message.seeds;
          this.cpuSeconds = message.cpuSeconds;
          resolve();
        } else if (message.type === 'seed') {
          if ('refused' in message) {
            const { file, line, reason } = message.refused;
            outcomes[message.index] = new SeedError(file, line, reason);
          } else {
            outcomes[message.index] = message.parsed;
            this.parkedAt.set(message.index, message.parkedAt);
          }
        } else if (message.type === 'completed') {
          this.plans++;
          this.onCompleted?.(message.k, message);
        } else {
          this.cpuSeconds = message.cpuSeconds;
          this.allCompleted?.();
        }
      });
    });
    // Handled where it is awaited; a worker stopped unused must not fail the build as it ends.
    this.parsed.catch(() => undefined);
    worker.on('error', (error) => this.fail(new Error('the ingest worker failed', { cause: error })));
    worker.on('exit', (code) =>
      this.fail(new Error(`the ingest worker ended (code ${code}) before it was done`)),
    );
  }

  private fail(error: Error): void {
    if (!this.stopped) this.failed?.(error);
  }

  /** Stops a worker that took no seed. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.worker.terminate();
  }

  /** Has the worker make `plans` whole, each answer handed to `answer` as it comes; resolves when all are. */
  complete(
    plans: ToComplete[],
    modelDir: string,
    answer: (k: number, answer: { summary: PlanSummary; json: string } | { invalid: string }) => void,
  ): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.failed = reject;
      this.onCompleted = answer;
      this.allCompleted = () => {
        this.stopped = true;
        resolve();
      };
      const message: ToIngestWorker =
        plans.length > 0 ? { type: 'complete', plans, modelDir } : { type: 'close' };
      this.worker.postMessage(message);
      if (plans.length === 0) this.allCompleted();
    });
  }
}
