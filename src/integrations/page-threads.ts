/**
 * The pages rendered on two threads. Astro renders a static site's pages one after another on one thread, so on
 * a 2-core machine the other core idled through most of the pages' step (~100 s of rendering at 3,000 plans;
 * README "Build memory"). Astro lets an integration replace its prerenderer (`setPrerenderer`): this one wraps
 * Astro's own, and starts a worker thread (./page-threads-worker.ts) that imports the same prerender bundle and
 * renders pages from the end of Astro's order backwards while Astro's thread renders from the front. Each page is
 * claimed first (`Atomics.compareExchange` on a shared array), so each is rendered once, by whichever thread
 * gets to it first, and the two meet wherever their speeds put them. Astro still asks for every page in its own
 * order and writes every file: for a page the worker made, the wrapper hands over the body the worker wrote to a
 * file, so `dist/` is the same bytes as one thread makes. Should the worker stop before it is done (out of its
 * bounded heap, or failing on a page), Astro's thread renders the pages it had claimed and not delivered, and the
 * build goes on with a warning: the bytes are the same, only slower.
 *
 * The worker starts once the data downloads' worker is done (./data-downloads.ts): both hold the plans'
 * summaries beside Astro's thread, and the pages' step is the build's peak of memory at 3,000 plans, so the two
 * never hold them at once; while the downloads are written the second core is theirs anyway.
 *
 * The default (`PLAN_ATLAS_PAGE_THREADS`, 2). At 3,000 plans the worker holds ~0.3 GB of its own (its copy of the
 * summaries and the atlas), which put the pages' process over the 2 GB goal until the worker's heap limits took
 * effect (./worker-heap.ts; README "Build memory"). With 1 the pages render on Astro's thread alone, as Astro
 * does; the wrapper then only logs that thread's CPU time.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration, AstroIntegrationLogger, AstroPrerenderer } from 'astro';
import type { Plugin } from 'vite';
import { downloadsWritten } from './data-downloads';
import { workerHeapLimits, type WorkerHeap } from './worker-heap';
import { planModelDir, modelGeneration, planSummaries } from '../loaders/plan-models';
import {
  FREE,
  MAIN,
  pageUrl,
  threadCpuSeconds,
  type HeadData,
  type PageItem,
  type PageThreadJob,
  type PageThreadMessage,
} from './page-threads-job';

/** The environment variable that sets the threads (1 or 2; default 2: the module's comment says why). */
export const PAGE_THREADS_ENV = 'PLAN_ATLAS_PAGE_THREADS';

/**
 * The worker's heap. Without limits that apply (./worker-heap.ts) it had the pages' process's own: a 128 MB new
 * space (the step's `--max-semi-space-size=64`) and a 1,280 MB old generation. Its young generation is V8's
 * default size (16 MB semi-spaces: at 3,000 plans the pages' process then peaked 76 MB lower, the worker's CPU
 * per page the same, README "Build memory"); its old generation, ~0.3 GB live at 3,000 plans, is bounded, and
 * should the worker run out of it, it is stopped and Astro's thread renders the pages it had claimed.
 */
const WORKER_HEAP: WorkerHeap = { maxOldGenerationSizeMb: 640, maxYoungGenerationSizeMb: 48 };

/** A page the worker rendered, waited for by Astro's thread. */
interface Rendered {
  promise: Promise<Extract<PageThreadMessage, { kind: 'page' }>>;
  resolve(message: Extract<PageThreadMessage, { kind: 'page' }>): void;
  reject(error: Error): void;
}

function deferred(): Rendered {
  let resolve!: Rendered['resolve'];
  let reject!: Rendered['reject'];
  const promise = new Promise<Extract<PageThreadMessage, { kind: 'page' }>>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Awaited when Astro asks for the page; a failure before then is reported there.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

interface BuildApp {
  getSettings(): { scripts: { stage: string }[] };
}

/** Astro's pages as `astro:build:setup` hands them over: its build internals' map, filled in by the build. */
type Pages = ReadonlyMap<string, { styles: unknown[] }>;

export interface PageThreadsContext {
  entryFile: () => string;
  base: () => string;
  origin: () => string;
  dir: () => string;
  logger: () => AstroIntegrationLogger;
  pages: () => Pages;
}

/** Astro's prerenderer with a second thread beside it (the module's comment says how). */
export function twoThreads(
  astros: AstroPrerenderer,
  context: PageThreadsContext,
  second: boolean,
): AstroPrerenderer {
  /** This thread's CPU time when the pages' generation began, and the pages it rendered. */
  let cpuAtSetup = 0;
  let renderedHere = 0;
  let settings: { scripts: { stage: string }[] };
  let claims: Int32Array | null = null;
  /** Each page the worker may take, by the URL Astro requests it with. */
  const indexOf = new Map<string, number>();
  const rendered = new Map<number, Rendered>();
  const handedOver = new Set<number>();
  /** Pages the worker claimed but did not deliver (it failed or stopped): rendered on Astro's thread instead. */
  const takenBack = new Set<number>();
  let worker: Worker | null = null;
  let finished: Promise<Extract<PageThreadMessage, { kind: 'finished' }>> | null = null;
  let failure: Error | null = null;
  /** Set once Astro has rendered every page: a worker not started by then is not needed. */
  let closed = false;
  const renderedBy = (index: number) => {
    let found = rendered.get(index);
    if (!found) {
      rendered.set(index, (found = deferred()));
      // The worker has stopped: a page it claimed and never delivered will not come.
      if (failure !== null) found.reject(failure);
    }
    return found;
  };
  const fail = (error: Error) => {
    if (failure !== null) return;
    failure = error;
    context
      .logger()
      .warn(
        `${error.message}${error.cause ? ` (${String(error.cause)})` : ''}: Astro's thread renders its pages`,
      );
    for (const waiting of rendered.values()) waiting.reject(error);
  };

  function start(items: PageItem[]): void {
    if (closed) return;
    // A page script's built file is in internals this cannot see; the site injects none.
    if (settings.scripts.some((script) => script.stage === 'page'))
      throw new Error("an integration injects a page script: the pages' second thread cannot place it");
    const head: HeadData = {
      styles: new Map([...context.pages()].map(([key, page]) => [key, { styles: page.styles }])),
      entrySpecifierToBundleMap: new Map(),
      scripts: settings.scripts,
    };
    mkdirSync(context.dir(), { recursive: true });
    const job: PageThreadJob = {
      entryFile: context.entryFile(),
      modelDir: planModelDir(),
      generation: modelGeneration(),
      summaries: planSummaries(),
      head,
      items,
      claims: claims!.buffer as SharedArrayBuffer,
      dir: context.dir(),
    };
    const thread = new Worker(new URL('./page-threads-worker.ts', import.meta.url), {
      workerData: job,
      resourceLimits: workerHeapLimits(WORKER_HEAP),
    });
    worker = thread;
    finished = new Promise((resolve, reject) => {
      let last: Extract<PageThreadMessage, { kind: 'finished' }> | null = null;
      thread.on('message', (message: PageThreadMessage) => {
        if (message.kind === 'page') renderedBy(message.index).resolve(message);
        else if (message.kind === 'failed')
          fail(new Error(`the pages' second thread failed on page ${message.index}: ${message.error}`));
        else if (message.kind === 'log') {
          const text = message.label ? `[${message.label}] ${message.message}` : message.message;
          if (message.level === 'error') context.logger().error(text);
          else context.logger().warn(text);
        } else last = message;
      });
      // Out of its heap (`resourceLimits`), the worker is stopped with an error and the process goes on.
      thread.on('error', (error) => {
        fail(new Error("the pages' second thread failed", { cause: error }));
        reject(failure);
      });
      thread.on('exit', (code) => {
        if (last) resolve(last);
        else {
          fail(new Error(`the pages' second thread exited with code ${code} before it finished`));
          reject(failure);
        }
      });
    });
    finished.catch(() => undefined);
  }

  return {
    name: 'plan-atlas:two-threads',
    async setup() {
      cpuAtSetup = threadCpuSeconds();
      await astros.setup?.();
      const app = (astros as { app?: BuildApp }).app;
      if (app === undefined) throw new Error("Astro's prerenderer has no app: it is not the one this wraps");
      settings = app.getSettings();
    },
    async getStaticPaths() {
      const paths = await astros.getStaticPaths();
      const items: PageItem[] = [];
      const seen = new Set<string>();
      paths.forEach(({ pathname, route }, index) => {
        const url = pageUrl(pathname, context.base(), context.origin());
        // A path Astro renders twice (it keeps the first) stays Astro's thread's.
        if (seen.has(url)) indexOf.delete(url);
        else if (route.type === 'page') {
          indexOf.set(url, index);
          items.push({ index, url, component: route.component, route: route.route });
        }
        seen.add(url);
      });
      if (!second) return paths;
      claims = new Int32Array(new SharedArrayBuffer(Math.max(paths.length, 1) * 4));
      const usable = items.filter((item) => indexOf.get(item.url) === item.index);
      // The corpus is loaded by now (the routes' paths read it); the worker starts once the downloads are written.
      downloadsWritten().then(
        () => start(usable),
        () => undefined,
      );
      return paths;
    },
    async render(request, options) {
      const index = indexOf.get(request.url);
      if (
        index === undefined ||
        claims === null ||
        Atomics.compareExchange(claims, index, FREE, MAIN) === FREE
      ) {
        renderedHere++;
        return astros.render(request, options);
      }
      const page = await renderedBy(index).promise.catch(() => null);
      if (page === null) {
        takenBack.add(index);
        renderedHere++;
        return astros.render(request, options);
      }
      const file = join(context.dir(), `${index}.body`);
      const body = readFileSync(file);
      rmSync(file);
      handedOver.add(index);
      return new Response(body, { status: page.status, headers: page.headers });
    },
    async teardown() {
      closed = true;
      try {
        // CPU time of each thread (the load of a shared machine moves wall times, not these): Astro's thread's
        // from its paths to its last page, the second thread's whole life.
        const here = `${renderedHere} pages rendered on Astro's thread (${(threadCpuSeconds() - cpuAtSetup).toFixed(1)} s of its CPU)`;
        if (worker !== null && finished !== null) {
          const done = await finished.catch(() => null);
          const unasked = [...rendered.keys()].filter(
            (index) => !handedOver.has(index) && !takenBack.has(index),
          );
          if (unasked.length > 0)
            throw new Error(
              `the pages' second thread rendered ${unasked.length} pages Astro never asked for (first: #${unasked[0]}): their URLs are not the ones Astro requested`,
            );
          const back =
            takenBack.size > 0 ? `, ${takenBack.size} of them taken back from the second thread` : '';
          context
            .logger()
            .info(
              done === null
                ? `${here}${back}; the second thread stopped before it finished`
                : `${here}${back}, ${done.rendered} on a second thread (${done.cpuSeconds.toFixed(1)} s of its CPU; its heap ${done.heapMb} MB)`,
            );
        } else context.logger().info(`${here}, none on a second thread`);
      } finally {
        rmSync(context.dir(), { recursive: true, force: true });
        await astros.teardown?.();
      }
    },
  };
}

/** The Astro integration: the pages rendered on two threads (the module's comment says how and why). */
export default function pageThreads(): AstroIntegration {
  let entryFile: string | null = null;
  let base = '/';
  let origin = '';
  let dir = '';
  let logger: AstroIntegrationLogger | null = null;
  let pages: Pages | null = null;
  const threads = process.env[PAGE_THREADS_ENV] ?? '2';
  // Records where the prerender bundle's entry is written: the worker imports that file.
  const entryRecorder: Plugin = {
    name: 'plan-atlas:prerender-entry',
    writeBundle(output, bundle) {
      for (const fileName of Object.keys(bundle))
        if (fileName.startsWith('prerender-entry') && output.dir) entryFile = join(output.dir, fileName);
    },
  };
  return {
    name: 'plan-atlas-page-threads',
    hooks: {
      'astro:config:done': ({ config }) => {
        if (threads !== '1' && threads !== '2')
          throw new Error(`${PAGE_THREADS_ENV} must be 1 or 2, not “${threads}”`);
        base = config.base;
        // As Astro's build makes its requests' origin (astro/dist/core/build/index.js).
        origin = config.site ? new URL(config.site).origin : `http://localhost:${config.server.port}`;
        dir = join(fileURLToPath(config.cacheDir), 'plan-atlas', 'rendered');
      },
      'astro:build:setup': ({ updateConfig, pages: given }) => {
        pages = given;
        if (threads === '2') updateConfig({ plugins: [entryRecorder] });
      },
      'astro:build:start': ({ setPrerenderer, logger: given }) => {
        logger = given;
        setPrerenderer((astros) =>
          twoThreads(
            astros,
            {
              entryFile: () => {
                if (entryFile === null)
                  throw new Error('the prerender bundle was not written: no entry to render from');
                return entryFile;
              },
              base: () => base,
              origin: () => origin,
              dir: () => dir,
              logger: () => logger!,
              pages: () => {
                if (pages === null)
                  throw new Error("Astro's pages were not handed over at astro:build:setup");
                return pages;
              },
            },
            threads === '2',
          ),
        );
      },
    },
  };
}
