/**
 * The downloads that grow with the corpus, written into the built site after Astro has written its pages
 * (`astro:build:done`), plan by plan, straight to their files:
 *
 * - `/data/plans.json`, the index of every plan (from the summaries), and `/data/plans/<id>.json`, each plan's
 *   whole data;
 * - the whole-corpus tables `/data/clauses.csv`, `/data/indicators.csv`, `/data/departments.csv` and their
 *   Chinese-headed twins under `/data/zh/`;
 * - each plan's rows of those tables, `/data/plans/<id>/<table>.csv` and `/data/plans/<id>/zh/<table>.csv`:
 *   at 3,000 plans `clauses.csv` is over 100 MB, too much to open for one plan's clauses.
 *
 * Why not Astro endpoints: Astro gathers an endpoint's whole body in memory before it writes the file, and
 * these files grow with the corpus (README "Build memory"). Here each whole plan is read once, every file of
 * it written, and its rows appended to the whole tables, so one whole plan is in memory at a time. They come
 * from the plans the pages were made from (./built-plans.ts). Not in the sitemap, which lists pages.
 *
 * Under `astro build` they are written by a worker thread while Astro renders the pages
 * (./data-downloads-worker.ts says why), started as soon as the pages' corpus is loaded; the build waits for
 * it once the pages are written. Where no corpus was handed over before the pages were done, they are written
 * then, in this thread.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { buildWorkerHeapLimits } from './worker-heap';
import { dirname, join, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { loadDepartmentCatalogue } from '../lib/departments/catalogue';
import {
  clausesTable,
  departmentsTable,
  indicatorsTable,
  planJson,
  plansIndexJson,
  type CsvLanguage,
  type PlanTable,
  type UrlContext,
} from '../lib/export';
import { loadIndicatorCatalogue } from '../lib/indicators/catalogue';
import type { Plan } from '../lib/model/plan';
import { paths } from '../lib/urls';
import { builtPlans, whenBuiltPlans, type BuiltPlans } from './built-plans';
import { planModelDir } from '../loaders/plan-models';
import type { DownloadsDone, DownloadsJob } from './data-downloads-worker';

/** The tables offered whole and per plan, by file name. */
export const PLAN_TABLES = ['clauses', 'indicators', 'departments'] as const;
const LANGUAGES: readonly CsvLanguage[] = ['en', 'zh'];

/** The path under the output of a root-relative public path (`/data/x.csv` → `data/x.csv`). */
const outPath = (path: string) => path.replace(/^\//, '');

/** A file written in pieces: opened once, appended to, closed. */
class FileSink {
  private readonly fd: number;
  bytes = 0;
  constructor(path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.fd = openSync(path, 'w');
  }
  write(text: string): void {
    if (text !== '') this.bytes += writeSync(this.fd, text, null, 'utf8');
  }
  close(): void {
    closeSync(this.fd);
  }
}

/** Writes a whole file at once; returns its bytes. */
function writeWhole(path: string, text: string): number {
  const sink = new FileSink(path);
  try {
    sink.write(text);
  } finally {
    sink.close();
  }
  return sink.bytes;
}

export interface DataDownloadsWritten {
  files: number;
  bytes: number;
}

/** The tables by name, made for this deployment's URLs. */
function planTables(
  built: BuiltPlans,
  urls: UrlContext,
): Record<(typeof PLAN_TABLES)[number], PlanTable<Plan>> {
  const categories = new Map(loadDepartmentCatalogue().categories.map((c) => [c.id, c.name]));
  const indicators = new Map(loadIndicatorCatalogue().indicators.map((i) => [i.id, i.name]));
  return {
    clauses: clausesTable(urls),
    indicators: indicatorsTable(urls, (id) => indicators.get(id), built.comparisons),
    departments: departmentsTable(urls, (id) => categories.get(id)),
  };
}

/** Writes every download above into `outDir`, reading each whole plan once, in the pages' order. */
export function writeDataDownloads(
  built: BuiltPlans,
  urls: UrlContext,
  outDir: string,
): DataDownloadsWritten {
  const tables = planTables(built, urls);
  let files = 1;
  let bytes = writeWhole(join(outDir, outPath(paths.data('plans.json'))), plansIndexJson(built.plans, urls));
  const whole = PLAN_TABLES.flatMap((name) =>
    LANGUAGES.map((language) => {
      const sink = new FileSink(join(outDir, 'data', language === 'zh' ? 'zh' : '', `${name}.csv`));
      sink.write(tables[name].header(language));
      return { name, language, sink };
    }),
  );
  try {
    for (const summary of built.plans) {
      const plan = built.model(summary.id);
      bytes += writeWhole(
        join(outDir, outPath(paths.planData(plan.id))),
        planJson(plan, built.comparisons, urls),
      );
      files++;
      // Each table's rows are made once for both headings.
      const rowsOf = new Map(PLAN_TABLES.map((name) => [name, tables[name].rowsInBoth(plan)]));
      for (const { name, language, sink } of whole) {
        const rows = (rowsOf.get(name) as Record<CsvLanguage, string>)[language];
        sink.write(rows);
        const own = tables[name].header(language) + rows;
        bytes += writeWhole(join(outDir, outPath(paths.planTable(plan.id, name, language))), own);
        files++;
      }
    }
  } finally {
    for (const { sink } of whole) {
      sink.close();
      bytes += sink.bytes;
      files++;
    }
  }
  return { files, bytes };
}

/** Writes the downloads in a worker thread (./data-downloads-worker.ts); resolves with what it wrote. */
export function writeInWorker(job: DownloadsJob): Promise<DownloadsDone> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./data-downloads-worker.mjs', import.meta.url), {
      workerData: job,
      resourceLimits: buildWorkerHeapLimits(),
    });
    let done: DownloadsDone | null = null;
    worker.on('message', (message: DownloadsDone) => (done = message));
    worker.on('error', (error) => reject(new Error('the data downloads worker failed', { cause: error })));
    worker.on('exit', (code) => {
      if (done) resolve(done);
      else reject(new Error(`the data downloads worker exited with code ${code} before writing everything`));
    });
  });
}

/** Resolves once the worker writing the downloads beside the pages is done, or at once if none was started. */
let written: () => Promise<unknown> = () => Promise.resolve();
export const downloadsWritten = (): Promise<unknown> => written();

/** The Astro integration: writes the downloads above into the built site. */
export default function dataDownloads(): AstroIntegration {
  let base = '/';
  let site: string | undefined;
  let outDir: string | null = null;
  /** The worker writing the downloads beside the rendering, once the pages' corpus is loaded. */
  let writing: Promise<DownloadsDone> | null = null;
  return {
    name: 'plan-atlas-data-downloads',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        site = config.site || undefined;
        outDir = resolvePath(fileURLToPath(config.outDir));
      },
      'astro:build:start': () => {
        whenBuiltPlans('plan-atlas-data-downloads', (built) => {
          if (outDir === null || writing !== null) return;
          writing = writeInWorker({
            plans: [...built.plans],
            modelDir: planModelDir(),
            urls: { site, base },
            outDir,
          });
          // Awaited at astro:build:done; a failure is reported there, not as an unhandled rejection before.
          writing.catch(() => undefined);
          const started = writing;
          written = () => started;
        });
      },
      'astro:build:done': async ({ dir, logger }: { dir: URL; logger: AstroIntegrationLogger }) => {
        const started = performance.now();
        const built = builtPlans();
        if (built === undefined)
          throw new Error('no plans were handed over by the pages: the data downloads need them');
        if (writing !== null && outDir !== resolvePath(fileURLToPath(dir)))
          throw new Error(
            `the data downloads were written into ${outDir}, not the build's ${fileURLToPath(dir)}`,
          );
        const done = writing === null ? null : await writing;
        const { files, bytes, milliseconds } = done ?? {
          ...writeDataDownloads(built, { site, base }, fileURLToPath(dir)),
          milliseconds: performance.now() - started,
        };
        logger.info(
          // The process's memory after writing, for npm run bench:scale's readers: it must not grow with the corpus.
          `${files} downloads of ${built.plans.length} plans written plan by plan (${(bytes / 1e6).toFixed(1)} MB, ${Math.round(milliseconds)} ms${done === null ? '' : ` in a worker beside the pages (its heap ${done.heapMb} MB), waited for ${Math.round(performance.now() - started)} ms`}; process memory ${Math.round(process.memoryUsage().rss / 1e6)} MB)`,
        );
      },
    },
  };
}
