/**
 * `npm run bench:pages [-- --sizes 1000,3000] [--keep] [--lighthouse]`: page budgets at national scale (issue 13:
 * every page ≤150 KB gzipped with its CSS and JS, ≤3,000 elements, Lighthouse ≥95, at 3,000 plans). Prints
 * figures against the goals; asserts nothing.
 *
 * Why not `npm run bench:scale`: a whole build at 3,000 plans writes ~90,000 department pages, 3,000 plan pages
 * and the search index, which takes far longer than the pages whose size grows with the plan count. This bench
 * builds the same synthetic corpus (scripts/bench/corpus.ts) with the same code, `npm run build`'s own script,
 * in a temporary copy of the project from which the routes with one page per plan are left out (a plan, its
 * departments, its seed text, its go-to citations) and without the steps after the pages (search index,
 * department forwarding pages, whole-corpus downloads). Every page that lists plans, summarises them
 * or is one of a bounded number of pages (home, /plans/, /regions/ and each region, /departments/ and its
 * categories, /indicators/ and each indicator, /compare/ and its topics, /search/, /data/, /go/, /about/, the
 * 404) is rendered exactly as in a full build from all N plans, since each of them reads the whole corpus.
 * A plan page's weight does not depend on how many other plans exist.
 *
 * With `--lighthouse` the largest size's site is also served as a static host behind a CDN would (gzipped) and
 * Lighthouse scores (scripts/bench/lighthouse.ts) the heaviest page of each type; the search page is scored
 * without a query, as this build has no index (`npm run bench:search` measures searching).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { seedTemplates, writeCorpus } from './bench/corpus';
import { measureSite, type PageFigures } from './bench/pages';
import { scorePages, type ByDesign } from './bench/lighthouse';
import { projectCopy } from './bench/project';
import { runMeasured } from './bench/process-tree';
import { serveStatic } from '../tests/e2e/static-server';
import { buildNodeArgs } from './build/command';

/** Audits failed on purpose, by page: the not-found page asks search engines not to index it; the search page
 * of this build has no index to load (it is scored without a query; `npm run bench:search` measures searching). */
const BY_DESIGN: Readonly<Record<string, ByDesign>> = {
  '404.html': { 'is-crawlable': 'the not-found page is noindex' },
  'search/index.html': { 'errors-in-console': 'this build has no search index to load' },
};

const GOALS = { pageGzipBytes: 150 * 1024, pageElements: 3000 };
const ROOT = resolve(import.meta.dirname, '..');
const argument = (name: string) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const SIZES = (argument('--sizes') ?? process.env['PLAN_ATLAS_BENCH_SIZES'] ?? '1000,3000')
  .split(',')
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0)
  .sort((a, b) => a - b);
const KEEP = process.argv.includes('--keep');
const LIGHTHOUSE = process.argv.includes('--lighthouse');

/** Routes with a page (or file) per plan: left out, their weight does not grow with the corpus. */
const PER_PLAN_ROUTES = [
  'src/pages/plans/[plan].astro',
  'src/pages/departments/[plan]',
  'src/pages/data/seeds',
  'src/pages/data/goto/[plan].json.ts',
];

/**
 * Steps after the pages, as astro.config.mjs names them, left out: the search index, the department forwarding
 * pages (one per plan and department) and the downloads that hold every plan whole (hundreds of MB at 3,000).
 */
const LATER_STEPS = ['planAtlasSearch(),', 'departmentForwards(),', 'dataDownloads(),'];

/** The project copy (./bench/project.ts) without the per-plan routes and the steps after the pages. */
function listRoutesCopy(dir: string): void {
  projectCopy(ROOT, dir);
  for (const route of PER_PLAN_ROUTES) rmSync(join(dir, route), { recursive: true, force: true });
  const config = join(dir, 'astro.config.mjs');
  let text = readFileSync(config, 'utf8');
  for (const step of LATER_STEPS) {
    if (!text.includes(step))
      throw new Error(`astro.config.mjs no longer names ${step}: update scripts/bench-pages.ts`);
    // Only the call goes; the array stays valid.
    text = text.replace(step, '');
  }
  writeFileSync(config, text);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const gb = (bytes: number | null) => (bytes === null ? 'unknown' : `${(bytes / 1024 ** 3).toFixed(2)} GB`);

function line(label: string, p: PageFigures): string {
  const ok = p.totalGzip <= GOALS.pageGzipBytes && p.elements <= GOALS.pageElements;
  return `  ${label.padEnd(40)} ${kb(p.totalGzip).padStart(9)} gz (HTML ${kb(p.htmlGzip).padStart(8)}) ${String(p.elements).padStart(6)} elements  ${ok ? 'within budget' : 'OVER BUDGET'}`;
}

/** `departments/category/x/index.html` → `departments/category/x/`; `404.html` as it is. */
const urlPath = (page: string) =>
  page
    .split(sep)
    .join('/')
    .replace(/(^|\/)index\.html$/, '$1');

const work = mkdtempSync(join(tmpdir(), 'plan-atlas-bench-pages-'));
let lastOut: string | null = null;
try {
  const site = join(work, 'site');
  listRoutesCopy(site);
  const templates = seedTemplates(join(ROOT, 'seeds'));
  for (const plans of SIZES) {
    const seeds = join(work, `seeds-${plans}`);
    const outDir = join(work, `dist-${plans}`);
    writeCorpus(seeds, plans, templates);
    const scored = LIGHTHOUSE && plans === SIZES[SIZES.length - 1];
    // Served gzipped, as a CDN would; the server reads files per request, so it can start before the build and
    // give it its origin (canonical URLs are absolute, as in a deployment).
    const server = scored ? await serveStatic(outDir, '/', { compress: true }) : null;
    const env = {
      ...process.env,
      PLAN_ATLAS_SEEDS: seeds,
      PLAN_ATLAS_OUT_DIR: outDir,
      ...(server ? { PLAN_ATLAS_SITE: new URL(server.url).origin } : {}),
    };
    try {
      console.error(`${plans} plans: npm run build without per-plan routes and search index…`);
      const build = await runMeasured(process.execPath, buildNodeArgs(site), { cwd: site, env });
      const figures = measureSite(outDir);
      console.log(`\n== ${plans} plans: list and summary pages ==`);
      console.log(
        `build: ${build.seconds.toFixed(1)} s, peak memory ${gb(build.peakTreeRss)}; ${figures.htmlPages} HTML pages`,
      );
      console.log(
        `pages that list every plan (goal ≤ ${kb(GOALS.pageGzipBytes)} gz with CSS+JS, ≤ ${GOALS.pageElements} elements):`,
      );
      for (const page of figures.listPages) console.log(line(page.page, page));
      console.log('heaviest page of each type (pages of the type):');
      for (const page of figures.heaviestByType) {
        const most = page.mostElements;
        console.log(
          line(`${page.type} (${page.pages})`, page) +
            ` ${page.page}` +
            (most.page === page.page ? '' : `; most elements: ${most.elements} (${most.page})`),
        );
      }
      if (server) {
        // The heaviest page of each type, and the one with the most elements where that is another page.
        const pages = figures.heaviestByType.flatMap((page) => {
          const url = new URL(urlPath(page.page), server.url).href;
          const byDesign = BY_DESIGN[page.page];
          const chosen: [string, string, ByDesign?][] = [
            byDesign ? [page.type, url, byDesign] : [page.type, url],
          ];
          if (page.mostElements.page !== page.page)
            chosen.push([
              `${page.type} (most elements)`,
              new URL(urlPath(page.mostElements.page), server.url).href,
            ]);
          return chosen;
        });
        await scorePages(pages);
      }
    } finally {
      await server?.close();
    }
    if (lastOut && !KEEP) rmSync(lastOut, { recursive: true, force: true });
    lastOut = outDir;
  }
} finally {
  if (KEEP) console.log(`Kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
