/**
 * Cold opens of a search URL as a reader's browser runs them: Chromium driven over a bare DevTools connection
 * to the page alone, the site served by a process of its own (scripts/bench-search.ts reports both these and
 * its Playwright-driven opens).
 *
 * Why: Playwright attaches to every worker a page starts and holds it paused until its own Node process has
 * switched the worker's network and runtime reporting on, then reports each of the worker's requests to that
 * process; and the benchmark's server ran in that same process, which was meanwhile reading and gzipping every
 * response body. A cold open of the search page waits on its index worker, so all of that lay on the path the
 * measurement was of. Alternated on one build (10 runs each, load average ~20): first results median 509 ms
 * this way against 871 ms through Playwright, the worker's first line 133 against 264 ms after navigation.
 * Here nothing is attached to the worker and nothing but the server serves files; what is read back is the
 * page's own performance marks and when its first results were drawn (by a MutationObserver in the page, as
 * the Playwright-driven open does), handed over through a binding once the page says `done`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/** One cold open: ms from navigation to the first results drawn, and the page's marks (`search:…` → ms). */
export interface PlainCold {
  ms: number;
  marks: Record<string, number>;
}

/** A site served by a child process (tests/e2e/static-server.ts, uncompressed as the benchmark serves). */
export async function serveInOwnProcess(dir: string): Promise<{ url: string; close(): void }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      `const { serveStatic } = await import(${JSON.stringify(join(ROOT, 'tests/e2e/static-server.ts'))});` +
        `const site = await serveStatic(${JSON.stringify(dir)}); console.log(site.url);`,
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  // Never outlives the benchmark, even one that fails.
  const stop = () => child.kill();
  process.once('exit', stop);
  const url = await new Promise<string>((resolveUrl, reject) => {
    child.once('exit', (code) => reject(new Error(`the site's server exited (${code})`)));
    child.stdout.once('data', (data) => resolveUrl(String(data).trim()));
  });
  return {
    url,
    close: () => {
      process.off('exit', stop);
      child.kill();
    },
  };
}

/** The page's side: when the first results were drawn, and once the page is done, its marks. */
const IN_PAGE = `(() => {
  let first = -1;
  new MutationObserver(() => {
    const state = document.querySelector('[data-search-results]')?.dataset.searchState;
    if (first < 0 && (state === 'partial' || state === 'results' || state === 'done')) first = performance.now();
    if (state !== 'done') return;
    const marks = Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)]));
    globalThis.__planAtlasColdOpen(JSON.stringify({ ms: Math.round(first), marks }));
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-search-state'] });
})();`;

/** A Chromium of its own, spoken to over the DevTools protocol with no client library. */
export class PlainChromium {
  private nextId = 1;
  private readonly waiting = new Map<
    number,
    { resolve(result: unknown): void; reject(error: Error): void }
  >();
  private readonly listeners = new Set<
    (message: { method?: string; params?: unknown; sessionId?: string }) => void
  >();

  private constructor(
    private readonly process: ChildProcess,
    private readonly socket: WebSocket,
    private readonly profile: string,
  ) {
    socket.addEventListener('message', (event) => {
      const message = JSON.parse(String(event.data)) as {
        id?: number;
        error?: { message: string };
        result?: unknown;
        method?: string;
        params?: unknown;
        sessionId?: string;
      };
      const waiter = message.id === undefined ? undefined : this.waiting.get(message.id);
      if (waiter) {
        this.waiting.delete(message.id!);
        if (message.error) waiter.reject(new Error(message.error.message));
        else waiter.resolve(message.result);
      } else for (const listener of this.listeners) listener(message);
    });
  }

  /** Starts Debian's Chromium headless with `args`. */
  static async launch(args: readonly string[]): Promise<PlainChromium> {
    const profile = mkdtempSync(join(tmpdir(), 'plan-atlas-cdp-'));
    const chromium = spawn(
      '/usr/bin/chromium',
      ['--headless', ...args, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    process.once('exit', () => chromium.kill());
    const endpoint = await new Promise<string>((resolveUrl, reject) => {
      let said = '';
      chromium.once('exit', (code) => reject(new Error(`Chromium exited (${code}): ${said}`)));
      chromium.stderr!.on('data', (data) => {
        said += String(data);
        const found = /DevTools listening on (ws:\S+)/.exec(said);
        if (found) resolveUrl(found[1]!);
      });
    });
    const socket = new WebSocket(endpoint);
    await new Promise((opened, failed) => {
      socket.addEventListener('open', opened, { once: true });
      socket.addEventListener('error', failed, { once: true });
    });
    return new PlainChromium(chromium, socket, profile);
  }

  private send<T>(method: string, params: object = {}, sessionId?: string): Promise<T> {
    const id = this.nextId++;
    this.socket.send(JSON.stringify({ id, method, params, sessionId }));
    return new Promise<T>((resolveResult, reject) =>
      this.waiting.set(id, { resolve: resolveResult as (result: unknown) => void, reject }),
    );
  }

  /**
   * Opens `url` (a search URL) in a fresh browser context: nothing cached, a new page process. With `trace`, a
   * Chromium trace of every process over the open (`categories`) is written there as JSON (chrome://tracing's
   * format), for reading where the time went.
   */
  async coldOpen(
    url: string,
    timeoutMs = 30_000,
    trace?: { path: string; categories: readonly string[] },
  ): Promise<PlainCold> {
    const { browserContextId } = await this.send<{ browserContextId: string }>(
      'Target.createBrowserContext',
      {
        disposeOnDetach: true,
      },
    );
    try {
      const { targetId } = await this.send<{ targetId: string }>('Target.createTarget', {
        url: 'about:blank',
        browserContextId,
      });
      const { sessionId } = await this.send<{ sessionId: string }>('Target.attachToTarget', {
        targetId,
        flatten: true,
      });
      await this.send('Page.enable', {}, sessionId);
      await this.send('Runtime.enable', {}, sessionId);
      await this.send('Page.addScriptToEvaluateOnNewDocument', { source: IN_PAGE }, sessionId);
      await this.send('Runtime.addBinding', { name: '__planAtlasColdOpen' }, sessionId);
      let listener: Parameters<PlainChromium['listeners']['add']>[0] = () => undefined;
      const done = new Promise<PlainCold>((resolveCold, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no results from ${url} in ${timeoutMs} ms`)),
          timeoutMs,
        );
        listener = (message) => {
          if (message.sessionId !== sessionId || message.method !== 'Runtime.bindingCalled') return;
          clearTimeout(timer);
          resolveCold(JSON.parse((message.params as { payload: string }).payload) as PlainCold);
        };
        this.listeners.add(listener);
      });
      if (trace)
        await this.send('Tracing.start', {
          traceConfig: { includedCategories: trace.categories, recordMode: 'recordAsMuchAsPossible' },
          transferMode: 'ReportEvents',
        });
      await this.send('Page.navigate', { url }, sessionId);
      try {
        const cold = await done;
        if (trace) writeFileSync(trace.path, JSON.stringify({ traceEvents: await this.stopTracing() }));
        return cold;
      } finally {
        this.listeners.delete(listener);
      }
    } finally {
      await this.send('Target.disposeBrowserContext', { browserContextId });
    }
  }

  /** Ends the trace started in `coldOpen` and gathers its events. */
  private async stopTracing(): Promise<unknown[]> {
    const events: unknown[] = [];
    let listener: Parameters<PlainChromium['listeners']['add']>[0] = () => undefined;
    const complete = new Promise<void>((resolveComplete) => {
      listener = (message) => {
        if (message.method === 'Tracing.dataCollected')
          events.push(...(message.params as { value: unknown[] }).value);
        else if (message.method === 'Tracing.tracingComplete') resolveComplete();
      };
      this.listeners.add(listener);
    });
    await this.send('Tracing.end');
    await complete;
    this.listeners.delete(listener);
    return events;
  }

  async close(): Promise<void> {
    const exited = new Promise((ended) => this.process.once('exit', ended));
    // Asked to close, Chromium ends its helper processes with it; killed, they may go on writing the profile.
    void this.send('Browser.close').catch(() => undefined);
    const timer = setTimeout(() => this.process.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
    this.socket.close();
    try {
      rmSync(this.profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    } catch (error) {
      // A temporary profile left behind is not a failed measurement.
      console.warn(`could not remove ${this.profile}: ${String(error)}`);
    }
  }
}
