/**
 * The pages' second thread (./page-threads.ts says why): imports the prerender bundle Astro's thread renders from,
 * gives it what its build environment needs (the plans' summaries and model files, each page's stylesheets), then
 * renders pages from the last of Astro's order backwards, each one it claims before Astro's thread does, and
 * writes each page's body to a file for Astro's thread to hand to Astro, which writes it where it belongs.
 *
 * Node runs this file itself, stripping the types (no tsx: its loader would be a round trip for every module the
 * bundle imports), so its imports name their `.ts` files and it uses only erasable TypeScript.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import {
  FREE,
  threadCpuSeconds,
  WORKER,
  type PageThreadJob,
  type PageThreadMessage,
} from './page-threads-job.ts';

const job = workerData as PageThreadJob;
const port = parentPort;
if (port === null) throw new Error('page-threads-worker.ts runs as a worker thread');
const post = (message: PageThreadMessage) => port.postMessage(message);

// The slot src/loaders/plan-models.ts reads (its module is bundled into the prerender entry, so only the shared
// symbol is named here): the summaries the pages' corpus is made from and where the whole plans are.
(globalThis as Record<symbol, unknown>)[Symbol.for('plan-atlas.plan-models')] = {
  dir: job.modelDir,
  generation: job.generation,
  summaries: new Map((job.summaries as { id: string }[]).map((summary) => [summary.id, summary])),
};

interface RouteData {
  component: string;
  route: string;
}
interface BuildApp {
  setInternals(internals: unknown): void;
  setOptions(options: unknown): void;
  render(request: Request, options: { routeData: RouteData }): Promise<Response>;
}
const { app, manifest } = (await import(pathToFileURL(job.entryFile).href)) as {
  app: BuildApp;
  manifest: { routes: { routeData: RouteData }[] };
};
// What the build environment reads of Astro's internals and options while it renders (astro's
// core/build/environment.js: each page's stylesheets and scripts) and where its logger writes.
app.setInternals({
  pagesByKeys: job.head.styles,
  entrySpecifierToBundleMap: job.head.entrySpecifierToBundleMap,
});
app.setOptions({
  settings: { scripts: job.head.scripts },
  logger: {
    options: {
      destination: {
        write(event: { level: string; label: string | null; message: string }) {
          if (event.level === 'warn' || event.level === 'error')
            post({ kind: 'log', level: event.level, label: event.label, message: event.message });
          return true;
        },
      },
    },
  },
});

const routes = new Map(
  manifest.routes.map(({ routeData }) => [`${routeData.component}\0${routeData.route}`, routeData]),
);
const claims = new Int32Array(job.claims);
let rendered = 0;
for (let k = job.items.length - 1; k >= 0; k--) {
  const item = job.items[k]!;
  // Astro's thread has reached this page: every page before it is its.
  if (Atomics.compareExchange(claims, item.index, FREE, WORKER) !== FREE) break;
  try {
    const routeData = routes.get(`${item.component}\0${item.route}`);
    if (routeData === undefined) throw new Error(`no route ${item.route} (${item.component}) in the bundle`);
    const response = await app.render(new Request(item.url), { routeData });
    writeFileSync(join(job.dir, `${item.index}.body`), Buffer.from(await response.arrayBuffer()));
    post({ kind: 'page', index: item.index, status: response.status, headers: [...response.headers] });
    rendered++;
  } catch (error) {
    post({
      kind: 'failed',
      index: item.index,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
    break;
  }
}
post({
  kind: 'finished',
  rendered,
  heapMb: Math.round(process.memoryUsage().heapUsed / 1e6),
  cpuSeconds: threadCpuSeconds(),
});
