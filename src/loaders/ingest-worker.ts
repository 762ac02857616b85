/**
 * The ingest's second thread (./parallel-ingest.ts starts it through ./ingest-worker.mjs). First it takes seeds
 * from the shared counter, parses each as the loader's own thread does, parks its text in the build's cache and
 * sends back its head (or why it was refused), until no seed is left, and says `parsed`. Then, once the corpus is
 * linked, it may be sent a share of the linked plans to make whole (`complete`: validated, written as model
 * files, summarised), answers `completed` for each, `all-completed` at the end, and ends; or it is sent `close`.
 */
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { SeedError } from '../lib/errors';
import { ingestSeedOutcome, readSeed, type SeedEntry } from '../lib/ingest';
import { enrichments, loadKnowledge } from '../lib/knowledge';
import type { ParsedPlan } from '../lib/regions/corpus';
import type { PlanHead, PlanSummary, Warning } from '../lib/model/plan';
import { completeParked, parkPlanText } from './plan-models';
import { threadCpuSeconds } from './thread-cpu';

export interface IngestJob {
  seedDir: string;
  entries: SeedEntry[];
  /** Where texts are parked (`PlanModelWriter.textDirectory`). */
  textDir: string;
  /** One Int32: the next seed's index, taken with `Atomics.add` by both threads. */
  next: SharedArrayBuffer;
}

/** A plan for the worker to make whole: its place in the corpus, its linked head, where its text is parked. */
export interface ToComplete {
  k: number;
  head: PlanHead;
  parkedAt: string;
}

export type ToIngestWorker = { type: 'complete'; plans: ToComplete[]; modelDir: string } | { type: 'close' };

/** What the worker sends (an Error's own fields do not survive structured cloning, so a refusal is spelt out). */
export type FromIngestWorker =
  | { type: 'seed'; index: number; parsed: ParsedPlan<PlanHead> & { warnings: Warning[] }; parkedAt: string }
  | { type: 'seed'; index: number; refused: { file: string; line: number; reason: string } }
  | { type: 'parsed'; seeds: number; cpuSeconds: number }
  | { type: 'completed'; k: number; summary: PlanSummary; json: string }
  | { type: 'completed'; k: number; invalid: string }
  | { type: 'all-completed'; cpuSeconds: number };

/** The name a seed's text is parked under by this thread (the loader's own thread numbers its files). */
export const parkedName = (index: number): string => `w${index}.json`;

const port = parentPort;
if (port) {
  const { seedDir, entries, textDir, next } = workerData as IngestJob;
  const claim = new Int32Array(next);
  const knowledge = loadKnowledge();
  const options = { enrichments: enrichments(knowledge), vocabularies: knowledge.vocabularies };
  let seeds = 0;
  for (let index = Atomics.add(claim, 0, 1); index < entries.length; index = Atomics.add(claim, 0, 1)) {
    seeds++;
    const parkedAt = join(textDir, parkedName(index));
    const outcome = ingestSeedOutcome(
      readSeed(seedDir, entries[index] as SeedEntry),
      knowledge.plan,
      options,
      (plan) => parkPlanText(parkedAt, plan),
    );
    port.postMessage(
      (outcome instanceof SeedError
        ? { type: 'seed', index, refused: { file: outcome.file, line: outcome.line, reason: outcome.reason } }
        : { type: 'seed', index, parsed: outcome, parkedAt }) satisfies FromIngestWorker,
    );
  }
  port.postMessage({ type: 'parsed', seeds, cpuSeconds: threadCpuSeconds() } satisfies FromIngestWorker);
  port.on('message', (message: ToIngestWorker) => {
    if (message.type === 'complete') {
      for (const { k, head, parkedAt } of message.plans) {
        try {
          const { json, summary } = completeParked(parkedAt, head, message.modelDir);
          port.postMessage({ type: 'completed', k, summary, json } satisfies FromIngestWorker);
        } catch (error) {
          port.postMessage({
            type: 'completed',
            k,
            invalid: (error as Error).message,
          } satisfies FromIngestWorker);
        }
      }
      port.postMessage({ type: 'all-completed', cpuSeconds: threadCpuSeconds() } satisfies FromIngestWorker);
    }
    port.close();
  });
}
