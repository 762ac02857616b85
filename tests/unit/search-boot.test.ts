/**
 * The search page's inline boot script (src/browser/search/boot.ts): its text alone, run with only a page's
 * globals, starts the index worker the page's meta names and keeps what the worker says until the page script
 * takes it over. Run in a context of its own, a reference to anything outside the function would throw.
 */
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { bootScript, type BootedIndexWorker } from '../../src/browser/search/boot';

class FakeWorker {
  static started: FakeWorker[] = [];
  readonly listeners = new Map<string, Set<(event: unknown) => void>>();
  constructor(
    readonly script: string,
    readonly options: { type: string; name: string },
  ) {
    FakeWorker.started.push(this);
  }
  addEventListener(type: string, listener: (event: unknown) => void) {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)!.add(listener);
  }
  removeEventListener(type: string, listener: (event: unknown) => void) {
    this.listeners.get(type)?.delete(listener);
  }
  emit(type: string, event: unknown) {
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
}

/** Runs the boot script in a page whose meta says `setup` (no meta when undefined), opened with `search`. */
function boot(setup: string | undefined, withWorker = true, search = '') {
  FakeWorker.started = [];
  const marks: string[] = [];
  const window: { planAtlasIndexWorker?: BootedIndexWorker } = {};
  runInNewContext(bootScript(), {
    window,
    performance: { mark: (name: string) => marks.push(name) },
    document: {
      querySelector: (selector: string) =>
        selector === 'meta[name="plan-atlas-search"]' && setup !== undefined ? { content: setup } : null,
    },
    JSON,
    location: { search },
    URLSearchParams,
    ...(withWorker ? { Worker: FakeWorker } : {}),
  });
  return { window, marks, workers: FakeWorker.started };
}

describe('the boot script', () => {
  it('starts the worker the meta names, telling it the rest of the meta in its name', () => {
    const setup = { bundles: ['/pagefind/', '/pagefind-1/'], worker: '/_astro/index-worker-x.js' };
    const { window, marks, workers } = boot(JSON.stringify(setup));
    expect(marks).toEqual(['search:boot']);
    expect(workers).toHaveLength(1);
    const [worker] = workers;
    expect(worker!.script).toBe('/_astro/index-worker-x.js');
    expect(worker!.options.type).toBe('module');
    expect(JSON.parse(worker!.options.name)).toEqual({ bundles: ['/pagefind/', '/pagefind-1/'] });
    expect(window.planAtlasIndexWorker?.worker).toBe(worker);
    expect(window.planAtlasIndexWorker?.bundles).toEqual(['/pagefind/', '/pagefind-1/']);
  });

  it("tells the worker the opened URL's query, trimmed, and no query when there is none", () => {
    const meta = JSON.stringify({ bundles: ['/pagefind/'], worker: '/w.js' });
    const opened = boot(meta, true, `?q=${encodeURIComponent(' 公转铁 ')}&plan=x`).workers[0]!;
    expect(JSON.parse(opened.options.name)).toEqual({ bundles: ['/pagefind/'], query: '公转铁' });
    for (const search of ['', '?plan=x', '?q=', '?q=%20%20'])
      expect(JSON.parse(boot(meta, true, search).workers[0]!.options.name)).toEqual({ bundles: ['/pagefind/'] });
  });

  it('keeps what the worker says until released, in order, and nothing after', () => {
    const { window, workers } = boot(JSON.stringify({ bundles: ['/pagefind/'], worker: '/w.js' }));
    const worker = workers[0]!;
    worker.emit('message', { data: { ready: true } });
    worker.emit('error', { message: 'late failure' });
    const booted = window.planAtlasIndexWorker!;
    expect(booted.early).toEqual([{ data: { ready: true } }, { message: 'late failure' }]);
    booted.release();
    worker.emit('message', { data: { id: 0, result: null } });
    expect(booted.early).toHaveLength(2);
    expect(worker.listeners.get('message')?.size ?? 0).toBe(0);
    expect(worker.listeners.get('error')?.size ?? 0).toBe(0);
  });

  it('starts nothing without a worker script, a meta or workers', () => {
    expect(boot(JSON.stringify({ bundles: ['/pagefind/'] })).workers).toHaveLength(0);
    expect(boot(undefined).workers).toHaveLength(0);
    const noWorkers = boot(JSON.stringify({ bundles: ['/pagefind/'], worker: '/w.js' }), false);
    expect(noWorkers.workers).toHaveLength(0);
    expect(noWorkers.window.planAtlasIndexWorker).toBeUndefined();
  });
});
