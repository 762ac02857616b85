/**
 * The former department pages written in a worker thread beside the page rendering (./department-forwards.ts
 * starts it as the pages' corpus is loaded, and waits for it once the pages are written).
 *
 * Why: they were written after the pages, on Astro's thread, with the other core idle — ~90,000 files at 3,000
 * plans (17.9 s of a build at a load average of ~15) — and they need nothing the pages make: each plan's id,
 * label and departments (sent here, not the summaries), so they are the same bytes.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { writeDepartmentForwards, type ForwardedPlan } from './department-forwards';

export interface ForwardsJob {
  plans: ForwardedPlan[];
  outDir: string;
  base: string;
  site: string | undefined;
}

/** How many pages were written and how long it took. */
export interface ForwardsDone {
  written: number;
  milliseconds: number;
}

const port = parentPort;
if (port) {
  const started = performance.now();
  const { plans, outDir, base, site } = workerData as ForwardsJob;
  const written = writeDepartmentForwards(plans, outDir, base, site);
  port.postMessage({ written, milliseconds: performance.now() - started } satisfies ForwardsDone);
}
