/**
 * The data downloads written in a worker thread beside the page rendering (./data-downloads.ts starts it as
 * the pages' corpus is loaded, and waits for it once the pages are written).
 *
 * Why: Astro renders the pages on one thread, so on a two-core machine the other core idled through the
 * pages' step, and the downloads were written after the pages, on the same thread (at 3,000 plans ~25 s of a
 * quiet build, 21,007 files and 1.3 GB). They need nothing the pages make: the plans' summaries (sent here in
 * the pages' order), each whole plan from the model files, and what targets are compared against, made here
 * from the same summaries by the function the pages' atlas uses. So they are the same bytes.
 */
import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import type { UrlContext } from '../lib/export';
import type { PlanSummary } from '../lib/model/plan';
import { readPlanModelIn } from '../loaders/plan-models';
import { atlasComparisons } from '../site/atlas';
import { indicatorList } from '../site/catalogues';
import { writeDataDownloads, type DataDownloadsWritten } from './data-downloads';

export interface DownloadsJob {
  /** Every plan's summary, in the order the pages list them (the atlas's `plans`). */
  plans: PlanSummary[];
  /** Where the whole plans' model files are (src/loaders/plan-models.ts). */
  modelDir: string;
  urls: UrlContext;
  outDir: string;
}

/** What was written, how long it took, and the worker's JavaScript heap at the end (MB, for the log). */
export type DownloadsDone = DataDownloadsWritten & { milliseconds: number; heapMb: number };

const port = parentPort;
if (port) {
  const started = performance.now();
  const { plans, modelDir, urls, outDir } = workerData as DownloadsJob;
  const written = writeDataDownloads(
    {
      plans,
      model: (id) => readPlanModelIn(modelDir, id),
      comparisons: atlasComparisons(plans, indicatorList(plans)),
    },
    urls,
    outDir,
  );
  const heapMb = Math.round(getHeapStatistics().total_heap_size / 2 ** 20);
  port.postMessage({ ...written, milliseconds: performance.now() - started, heapMb } satisfies DownloadsDone);
}
