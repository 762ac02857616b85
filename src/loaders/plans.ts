/**
 * The hand-off from ingest to the site: an Astro content loader (`{ name, load }`) over the seeds and the
 * curated knowledge in content/. Each plan becomes one entry of the `plans` collection, validated by the zod
 * `Plan`; pages and data files read the collection, never files in the working directory.
 *
 * A seed that cannot become a plan is refused with `file:line: reason` and left out; the others load. Under
 * `astro dev`, a change to a seed, a sidecar or a file of content/ reloads the collection, so the page updates.
 */
import { relative, resolve, sep } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { CONTENT_DIR } from '../lib/curated/load';
import { ingestDirectory, type IngestResult } from '../lib/ingest';
import { enrichments, loadKnowledge } from '../lib/knowledge';
import { SeedError } from '../lib/errors';
import { Plan } from '../lib/model/plan';
import { recordIngestReport, reportOf } from '../integrations/ingest-report';

export interface PlanLoaderOptions {
  /** Seed directory; default `PLAN_ATLAS_SEEDS`, else `seeds/`. */
  seeds?: string;
}

function ingest(seedDir: string): IngestResult {
  const knowledge = loadKnowledge();
  return ingestDirectory(seedDir, knowledge.plan, {
    enrichments: enrichments(knowledge),
    vocabularies: knowledge.vocabularies,
  });
}

async function sync(context: LoaderContext, seedDir: string): Promise<void> {
  const { store, logger, parseData, generateDigest } = context;
  const started = performance.now();
  const ingested = ingest(seedDir);
  const seconds = (performance.now() - started) / 1000;
  const result: IngestResult = { ...ingested, plans: [], errors: [...ingested.errors] };
  store.clear();
  for (const plan of ingested.plans) {
    try {
      const data = await parseData({ id: plan.id, data: plan });
      store.set({ id: plan.id, data, digest: generateDigest(data) });
      result.plans.push(plan);
    } catch (error) {
      result.errors.push(
        new SeedError(plan.source, 0, `invalid plan: ${(error as Error).message.split('\n')[0]}`),
      );
    }
  }
  for (const warning of result.warnings) logger.warn(`${warning.file}:${warning.line}: ${warning.message}`);
  for (const error of result.errors) logger.error(error.message);
  recordIngestReport(reportOf(result, seedDir));
  // The ingest time is read by `npm run bench:scale`, which builds as `npm run build` does and ingests once.
  logger.info(
    `${result.plans.length} plans from ${relative(process.cwd(), seedDir) || '.'}, ingested in ${seconds.toFixed(1)} s`,
  );
}

const inside = (dir: string, path: string): boolean => path === dir || path.startsWith(dir + sep);

export function planLoader(options: PlanLoaderOptions = {}): Loader {
  return {
    name: 'plan-atlas-plans',
    schema: Plan,
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
