/**
 * The hand-off from ingest to the site: an Astro content loader (`{ name, load }`) over the seeds and the
 * curated knowledge in content/. Each plan becomes one entry of the `plans` collection, which names it (its id,
 * and the whole plan's digest); the whole plan, validated by the zod `Plan`, is written once to the build's
 * cache for the pages of that plan, and its summary (`PlanSummary`: the text in outline, not the text) is
 * handed over in memory (./plan-models.ts says why not as the entry). Seeds are parsed one at a time and each
 * plan's text is put away as soon as it is parsed, so the corpus is never held whole (README "Build memory").
 * Pages and data files read the collection and the models, never files in the working directory.
 *
 * A seed that cannot become a plan is refused with `file:line: reason` and left out; the others load. Under
 * `astro dev`, a change to a seed, a sidecar or a file of content/ reloads the collection, so the page updates.
 */
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { CONTENT_DIR } from '../lib/curated/load';
import { type IngestResult } from '../lib/ingest';
import { loadKnowledge } from '../lib/knowledge';
import { SeedError } from '../lib/errors';
import { z } from 'zod';
import type { PlanHead } from '../lib/model/plan';
import { recordIngestReport, reportOf } from '../integrations/ingest-report';
import { ingestDirectoryInParallel, type ParallelIngest, type ThreadShare } from './parallel-ingest';
import { PlanModelWriter } from './plan-models';

/** A collection entry: the plan's id (its summary and model are read through ./plan-models.ts). */
export const PlanEntry = z.object({ id: z.string().min(1) });
export type PlanEntry = z.infer<typeof PlanEntry>;

export interface PlanLoaderOptions {
  /** Seed directory; default `PLAN_ATLAS_SEEDS`, else `seeds/`. */
  seeds?: string;
}

async function sync(context: LoaderContext, seedDir: string): Promise<void> {
  const { store, logger, parseData, generateDigest, config } = context;
  const started = performance.now();
  const models = new PlanModelWriter(fileURLToPath(config.cacheDir));
  // Two threads parse the seeds (./parallel-ingest.ts says why); the plans are the same as on one.
  const ingest = await ingestDirectoryInParallel(seedDir, loadKnowledge(), models);
  const ingested = ingest.result;
  const seconds = (performance.now() - started) / 1000;
  const result: IngestResult<PlanHead> = { ...ingested, plans: [], errors: [...ingested.errors] };
  // Each plan made whole, on both threads: validated, its model written; the digest is the whole plan's, so a
  // changed sentence reloads its page under `astro dev`.
  const completed = await ingest.complete(ingested.plans, (json) => generateDigest(json));
  store.clear();
  for (const plan of completed) {
    const { head } = plan;
    try {
      if ('invalid' in plan) throw new Error(plan.invalid);
      const data = await parseData({ id: head.id, data: { id: head.id } satisfies PlanEntry });
      store.set({ id: head.id, data, digest: plan.digest });
      result.plans.push(head);
    } catch (error) {
      result.errors.push(
        new SeedError(head.source, 0, `invalid plan: ${(error as Error).message.split('\n')[0]}`),
      );
    }
  }
  models.publish();
  for (const warning of result.warnings) logger.warn(`${warning.file}:${warning.line}: ${warning.message}`);
  for (const error of result.errors) logger.error(error.message);
  recordIngestReport(reportOf(result, seedDir));
  // The ingest time is read by `npm run bench:scale`, which builds as `npm run build` does and ingests once.
  logger.info(
    `${result.plans.length} plans from ${relative(process.cwd(), seedDir) || '.'}, ingested in ${seconds.toFixed(1)} s, made whole in ${((performance.now() - started) / 1000 - seconds).toFixed(1)} s (${sharesLine(ingest.shares())})`,
  );
}

/** Which thread parsed and completed what, with its CPU time (`npm run bench:scale` shows the log). */
function sharesLine({ loader, worker }: ReturnType<ParallelIngest['shares']>): string {
  const share = (who: string, t: ThreadShare) =>
    `${t.seeds} seeds parsed and ${t.plans} plans completed on ${who}, ${t.cpuSeconds.toFixed(1)} s of its CPU`;
  return worker
    ? `${share("the loader's thread", loader)}; ${share('a second thread', worker)}`
    : share("the loader's thread alone", loader);
}

const inside = (dir: string, path: string): boolean => path === dir || path.startsWith(dir + sep);

export function planLoader(options: PlanLoaderOptions = {}): Loader {
  return {
    name: 'plan-atlas-plans',
    schema: PlanEntry,
    load: async (context) => {
      const seedDir = resolve(options.seeds ?? process.env['PLAN_ATLAS_SEEDS'] ?? 'seeds');
      await sync(context, seedDir);
      const { watcher, logger } = context;
      if (!watcher) return;
      watcher.add([seedDir, CONTENT_DIR]);
      const reload = async (path: string) => {
        const changed = resolve(path);
        if (!inside(seedDir, changed) && !inside(CONTENT_DIR, changed)) return;
        logger.info(`reloading plans: ${relative(process.cwd(), changed)} changed`);
        try {
          await sync(context, seedDir);
        } catch (error) {
          // Broken curated data while editing: keep serving the last good plans and say why.
          logger.error((error as Error).message);
        }
      };
      watcher.on('change', reload);
      watcher.on('add', reload);
      watcher.on('unlink', reload);
    },
  };
}
