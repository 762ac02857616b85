/**
 * Heap limits of a worker thread that take effect. A worker's `resourceLimits` are V8 resource constraints, and
 * V8 lets its own flags override them: the build's processes start with `--max-old-space-size` and (the pages'
 * step) `--max-semi-space-size=64` (scripts/build.ts), so every worker they started got the same heap as the
 * main thread — a 1,280 MB old generation and a 128 MB new space — whatever `resourceLimits` said (checked:
 * a worker given a 48 MB young generation under `--max-semi-space-size=64` reported a 128 MB new space and the
 * main thread's 1,472 MB heap limit). A V8 flag is read when an isolate's heap is set up, so clearing the two
 * flags once the main thread's heap exists leaves that heap as it is and lets each later worker's limits apply.
 */
import { setFlagsFromString } from 'node:v8';
import type { ResourceLimits } from 'node:worker_threads';

/** Both heap limits, in MB: a worker given only one would get V8's default for the other (a quarter of memory). */
export interface WorkerHeap {
  maxOldGenerationSizeMb: number;
  maxYoungGenerationSizeMb: number;
}

let flagsCleared = false;

/**
 * The `resourceLimits` to start a worker with so that `heap` is its heap. Clears the process's heap flags (once):
 * a worker started afterwards without limits of its own gets V8's defaults, not the flags' sizes, so every worker
 * of a process that calls this should be given its limits here.
 */
export function workerHeapLimits(heap: WorkerHeap): ResourceLimits {
  if (!flagsCleared) {
    // 0 is V8's "not set": the constraints given to the isolate decide.
    setFlagsFromString('--max-old-space-size=0');
    setFlagsFromString('--max-semi-space-size=0');
    flagsCleared = true;
  }
  return { ...heap };
}

/** V8's default young generation (16 MB semi-spaces, three of them counted), in MB. */
export const DEFAULT_YOUNG_GENERATION_MB = 48;

/**
 * This process's old generation as its command line or NODE_OPTIONS set it (`--max-old-space-size`), in MB; null
 * when V8 chose it.
 */
export function processOldGenerationMb(
  args: readonly string[] = [...process.execArgv, ...(process.env['NODE_OPTIONS'] ?? '').split(/\s+/)],
): number | null {
  let found: number | null = null;
  for (let k = 0; k < args.length; k++) {
    const arg = args[k] as string;
    const joined = /^--max[-_]old[-_]space[-_]size=(\d+)$/.exec(arg);
    if (joined) found = Number(joined[1]);
    else if (/^--max[-_]old[-_]space[-_]size$/.test(arg) && /^\d+$/.test(args[k + 1] ?? ''))
      found = Number(args[++k]);
  }
  return found;
}

/**
 * The heap of a build worker that is bounded by the process's own limit, not by a size of its own (the ingest's,
 * the downloads' and the forwards' workers, whose heaps grow with the corpus): the main thread's old generation,
 * so such a worker runs out of heap no sooner than it did under the flags, and V8's default young generation. Under
 * the pages' step's flags each of them had the main thread's 128 MB new space (`--max-semi-space-size=64`, there
 * for the rendering's garbage: scripts/build.ts), resident once filled.
 */
export function buildWorkerHeapLimits(): ResourceLimits {
  const old = processOldGenerationMb();
  const limits = workerHeapLimits({
    maxOldGenerationSizeMb: old ?? 0,
    maxYoungGenerationSizeMb: DEFAULT_YOUNG_GENERATION_MB,
  });
  // Without a flag V8 sizes the worker's old generation as it sized the main thread's.
  if (old === null) delete limits.maxOldGenerationSizeMb;
  return limits;
}
