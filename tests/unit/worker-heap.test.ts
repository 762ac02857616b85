/**
 * A worker's heap limits under the build's heap flags (src/integrations/worker-heap.ts): V8's flags override a
 * worker's `resourceLimits`, so a worker of a process started with `--max-old-space-size` and
 * `--max-semi-space-size` got the main thread's heap whatever it asked for, unless the flags are cleared first.
 * Run in a Node process of its own started with the pages' step's flags.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const work = mkdtempSync(join(tmpdir(), 'plan-atlas-worker-heap-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const HELPER = pathToFileURL(join(import.meta.dirname, '../../src/integrations/worker-heap.ts')).href;

/** The heap limit (MB) of the main thread and of a worker given a 400 + 48 MB heap, with or without the helper. */
function limits(withHelper: boolean): { main: number; worker: number } {
  const script = join(work, `limits-${withHelper}.mts`);
  writeFileSync(
    script,
    `
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
import { getHeapStatistics } from 'node:v8';
import { workerHeapLimits } from ${JSON.stringify(HELPER)};
const limitMb = () => Math.round(getHeapStatistics().heap_size_limit / 1048576);
if (isMainThread) {
  const heap = { maxOldGenerationSizeMb: 400, maxYoungGenerationSizeMb: 48 };
  const resourceLimits = ${withHelper} ? workerHeapLimits(heap) : heap;
  const worker = new Worker(new URL(import.meta.url), { resourceLimits });
  worker.on('message', (worker) => console.log(JSON.stringify({ main: limitMb(), worker })));
} else parentPort.postMessage(limitMb());
`,
  );
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--max-old-space-size=1280', '--max-semi-space-size=64', script],
    { encoding: 'utf8' },
  );
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout.trim()) as { main: number; worker: number };
}

describe('workerHeapLimits', () => {
  it('gives a worker the heap it asks for under the build’s heap flags, the main thread keeping its own', () => {
    const without = limits(false);
    const withHelper = limits(true);
    // Without it the flags win: the worker has the main thread's heap (1,280 MB old + the young generation).
    expect(without.worker).toBe(without.main);
    expect(withHelper.main).toBe(without.main);
    // 400 MB old + 48 MB young.
    expect(withHelper.worker).toBe(448);
  });
});
