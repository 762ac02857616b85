/**
 * What a step of `npm run build` (./pages.ts, ./search.ts, run as processes of their own by ../build.ts) tells
 * the build script: written as JSON to the file `PLAN_ATLAS_BUILD_RESULT` names, read once the step's process
 * has ended.
 */
import { readFileSync, writeFileSync } from 'node:fs';

export const RESULT_ENV = 'PLAN_ATLAS_BUILD_RESULT';

export interface StepResult {
  /** The first line of the error the step failed with, or null. */
  failure: string | null;
  /** The step's process's peak resident memory, in MB. */
  peakMb: number;
  /** The pages' step: the closing summary of the ingest (plans built, warnings, seeds refused). */
  summary?: string[];
  /** The pages' step: plans built and seeds refused. */
  plans?: number;
  refused?: number;
}

/** Writes this process's result (its peak memory added) where the build script asked. */
export function writeStepResult(result: Omit<StepResult, 'peakMb'>): void {
  const path = process.env[RESULT_ENV];
  if (!path) throw new Error(`${RESULT_ENV} is not set: run this step through npm run build`);
  const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
  writeFileSync(path, JSON.stringify({ ...result, peakMb } satisfies StepResult));
}

/** The result a step wrote, or null when it wrote none (it was killed or crashed). */
export function readStepResult(path: string): StepResult | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as StepResult;
  } catch {
    return null;
  }
}

/** The first line of an error's message. */
export function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? String(error);
}
