/**
 * The downloads that hold every plan's text — `/data/plans.json`, `/data/clauses.csv`,
 * `/data/departments.csv` and the two tables with Chinese headings under `/data/zh/` — written into the built
 * site after Astro has written its pages (`astro:build:done`), plan by plan, straight to their files.
 *
 * Why not Astro endpoints: Astro gathers an endpoint's whole body in memory before it writes the file, and
 * these files grow with the corpus — at 3,000 plans `plans.json` alone is ~0.5 GB, held twice while its parts
 * are joined (README "Build memory"). Here one whole plan is in memory at a time, and the bytes are the same
 * as the endpoints wrote (`plansJsonParts`, `clausesCsvParts`, `departmentsCsvParts`; tests/unit/export.test.ts).
 * They come from the plans the pages were made from (./built-plans.ts). Not in the sitemap, which lists pages.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { loadDepartmentCatalogue } from '../lib/departments/catalogue';
import { clausesCsvParts, departmentsCsvParts, plansJsonParts, type UrlContext } from '../lib/export';
import type { Plan } from '../lib/model/plan';
import { builtPlans, type BuiltPlans } from './built-plans';

/** A file under the site's output and its text, part by part. */
interface DataFile {
  file: string;
  parts: () => Iterable<string>;
}

/** Every whole plan, in the pages' order, read one at a time as the caller goes on. */
function* models(built: BuiltPlans): Generator<Plan> {
  for (const plan of built.plans) yield built.model(plan.id);
}

/** The downloads written here, in the order they are written. */
export function dataFiles(built: BuiltPlans, urls: UrlContext): DataFile[] {
  const categories = new Map(loadDepartmentCatalogue().categories.map((c) => [c.id, c.name]));
  const categoryName = (id: string) => categories.get(id);
  return [
    { file: 'data/plans.json', parts: () => plansJsonParts(models(built), built.comparisons, urls) },
    { file: 'data/clauses.csv', parts: () => clausesCsvParts(models(built), urls, 'en') },
    { file: 'data/zh/clauses.csv', parts: () => clausesCsvParts(models(built), urls, 'zh') },
    {
      file: 'data/departments.csv',
      parts: () => departmentsCsvParts(models(built), urls, categoryName, 'en'),
    },
    {
      file: 'data/zh/departments.csv',
      parts: () => departmentsCsvParts(models(built), urls, categoryName, 'zh'),
    },
  ];
}

/** Writes each file's parts as they come; returns the bytes written. */
export function writeDataFiles(files: readonly DataFile[], outDir: string): number {
  let bytes = 0;
  for (const { file, parts } of files) {
    const path = join(outDir, file);
    mkdirSync(dirname(path), { recursive: true });
    const fd = openSync(path, 'w');
    try {
      for (const part of parts()) bytes += writeSync(fd, part, null, 'utf8');
    } finally {
      closeSync(fd);
    }
  }
  return bytes;
}

/** The Astro integration: writes the downloads above into the built site. */
export default function dataDownloads(): AstroIntegration {
  let base = '/';
  let site: string | undefined;
  return {
    name: 'plan-atlas-data-downloads',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        site = config.site || undefined;
      },
      'astro:build:done': ({ dir, logger }: { dir: URL; logger: AstroIntegrationLogger }) => {
        const started = performance.now();
        const built = builtPlans();
        if (built === undefined)
          throw new Error('no plans were handed over by the pages: the data downloads need them');
        const files = dataFiles(built, { site, base });
        const bytes = writeDataFiles(files, fileURLToPath(dir));
        logger.info(
          `${files.length} downloads of ${built.plans.length} plans written plan by plan (${(bytes / 1e6).toFixed(1)} MB, ${Math.round(performance.now() - started)} ms)`,
        );
      },
    },
  };
}
