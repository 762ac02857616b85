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
