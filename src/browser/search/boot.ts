/**
 * The search page's first script: starts the index worker (index-worker.ts) while the page is still being
 * parsed. The page inlines it in its head, before its stylesheets (src/pages/search/index.astro, `bootScript`),
 * so it runs as the parser reaches it. A script file, even async, ran only once its response reached the page's
 * thread, and in a cold open that thread was busy with the page's first style and layout (100–200 ms in a fresh
 * Chromium, fonts included) by the time the file came: the worker, and all the index's loading, started after it.
 *
 * Inlined as its source text, `bootSearchIndex` must use nothing from outside its own body (no imports, no
 * module constants): tests/unit/search-boot.test.ts runs the text alone.
 */

/** The index worker as boot leaves it for the page script (main.ts, through pagefind.ts `loadPagefind`). */
export interface BootedIndexWorker {
  worker: Worker;
  /** The worker's bundles, as it was told them. */
  bundles: string[];
  /** What the worker sent (its `ready`) or raised before the page script listened to it, in order. */
  early: Event[];
  /** Stops keeping events: the page script listens from then on. */
  release(): void;
}

declare global {
  interface Window {
    /** Set by the boot script (src/browser/search/boot.ts) when it started the index worker. */
    planAtlasIndexWorker?: BootedIndexWorker;
  }
}

/**
 * Starts the index worker named by the page's `<meta name="plan-atlas-search">` — its `worker` script, told the
 * rest (index-protocol.ts `IndexWorkerSetup`: the bundles…) in its name, so that it starts fetching at its
 * first line, and the opened URL's query — and keeps what the worker says until the page script takes it over.
 */
export function bootSearchIndex(): void {
  performance.mark('search:boot');
  const meta = document.querySelector<HTMLMetaElement>('meta[name="plan-atlas-search"]');
  const { worker: script, ...setup } = JSON.parse(meta?.content || '{}') as {
    worker?: string;
    bundles?: string[];
    query?: string;
  };
  if (!script || typeof Worker === 'undefined') return;
  // The opened URL's query, so the worker searches it before the page script has even run.
  const query = new URLSearchParams(location.search).get('q')?.trim();
  if (query) setup.query = query;
  const bundles = setup.bundles ?? [];
  const worker = new Worker(script, { type: 'module', name: JSON.stringify(setup) });
  const early: Event[] = [];
  const keep = (event: Event) => {
    early.push(event);
  };
  worker.addEventListener('message', keep);
  worker.addEventListener('error', keep);
  window.planAtlasIndexWorker = {
    worker,
    bundles,
    early,
    release() {
      worker.removeEventListener('message', keep);
      worker.removeEventListener('error', keep);
    },
  };
}

/** The boot script as the page inlines it: `bootSearchIndex`'s source, called. */
export function bootScript(): string {
  return `(${bootSearchIndex.toString()})();`;
}
