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
import { processOldGenerationMb } from '../../src/integrations/worker-heap';

const work = mkdtempSync(join(tmpdir(), 'plan-atlas-worker-heap-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const HELPER = pathToFileURL(join(import.meta.dirname, '../../src/integrations/worker-heap.ts')).href;

/**
 * The heap limit (MB) of the main thread and of a worker given a 400 + 48 MB heap, with or without the helper, or
 * given `buildWorkerHeapLimits()` (`'build'`), in a process started with `flags`.
 */
function limits(
  withHelper: boolean | 'build',
  flags: readonly string[] = ['--max-old-space-size=1280', '--max-semi-space-size=64'],
): { main: number; worker: number } {
  const script = join(work, `limits-${withHelper}-${flags.length}.mts`);
  writeFileSync(
    script,
    `
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
import { getHeapStatistics } from 'node:v8';
import { buildWorkerHeapLimits, workerHeapLimits } from ${JSON.stringify(HELPER)};
const limitMb = () => Math.round(getHeapStatistics().heap_size_limit / 1048576);
if (isMainThread) {
  const heap = { maxOldGenerationSizeMb: 400, maxYoungGenerationSizeMb: 48 };
  const resourceLimits = ${withHelper === 'build' ? 'buildWorkerHeapLimits()' : withHelper ? 'workerHeapLimits(heap)' : 'heap'};
  const worker = new Worker(new URL(import.meta.url), { resourceLimits });
  worker.on('message', (worker) => console.log(JSON.stringify({ main: limitMb(), worker })));
} else parentPort.postMessage(limitMb());
`,
  );
  const run = spawnSync(process.execPath, ['--import', 'tsx', ...flags, script], { encoding: 'utf8' });
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

  it('gives a build worker the main thread’s old generation and V8’s default young one', () => {
    // 1,280 MB old + 48 MB young, not the main thread's 1,280 + 192 (three 64 MB semi-spaces).
    expect(limits('build')).toEqual({ main: 1472, worker: 1328 });
    // No flags: V8 sizes both threads' old generations alike; the worker's young generation is V8's default.
    const plain = limits('build', []);
    expect(plain.worker).toBeLessThanOrEqual(plain.main);
    expect(plain.worker).toBeGreaterThan(plain.main - 200);
  });
});

describe('processOldGenerationMb', () => {
  it.each([
    [['--max-old-space-size=1280'], 1280],
    [['--max_old_space_size=900', '--max-semi-space-size=64'], 900],
    [['--max-old-space-size', '700'], 700],
    [['--max-old-space-size=512', '--max-old-space-size=640'], 640],
    [['--max-semi-space-size=64', '--import', 'tsx'], null],
    [[], null],
  ])('reads %j as %s', (args, mb) => {
    expect(processOldGenerationMb(args)).toBe(mb);
  });
});
