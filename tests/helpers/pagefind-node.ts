/**
 * A written search index searched by Pagefind's own script and WebAssembly (`pagefind.js` of the bundle), in
 * Node: `fetch` of a `file:` URL reads the file, as a static host would serve it. Each `freshPagefind` is a new
 * copy of the module with nothing loaded yet, as a newly opened search page: Pagefind keeps every index chunk
 * it has loaded, so a search run after others can find what a first search would not.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { writeSearchIndex } from '../../src/integrations/search-index';
import type { Plan } from '../../src/lib/model/plan';
import type { PagefindModule } from '../../src/browser/search/pagefind';
import { clauseView, type ClauseSearch } from '../../src/lib/search/browser/clause-view';
import { clauseFile } from '../../src/lib/search/browser/clause-file';
import { FILTER_TABLE_FILE, type FilterTable } from '../../src/lib/search/browser/layout';
import { RECORD_VALUES_FILE, type BundleValues } from '../../src/lib/search/browser/record-values';
import type { ClauseData } from '../../src/lib/search/browser/record-meta';
import { ingestedSeeds } from './seeds';

let installed = false;

function installFileFetch(): void {
  if (installed) return;
  installed = true;
  const web = globalThis.fetch;
  globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.protocol !== 'file:') return web(input, init);
    const path = fileURLToPath(new URL(url.pathname, url));
    const type = path.endsWith('.pagefind') ? 'application/wasm' : 'application/octet-stream';
    return new Response(readFileSync(path), { headers: { 'content-type': type } });
  }) as typeof fetch;
}

let copies = 0;

/** A new Pagefind over the bundle at `bundleDir` (a directory holding `pagefind.js`), with nothing loaded. */
export async function freshPagefind(bundleDir: string): Promise<PagefindModule> {
  installFileFetch();
  const url = `${pathToFileURL(`${bundleDir}/pagefind.js`).href}?copy=${++copies}`;
  const pagefind = (await import(url)) as PagefindModule;
  // Result URLs as the search page gets them: the records' own, not under the bundle's file URL.
  await pagefind.options({ baseUrl: '/' });
  await pagefind.init();
  return pagefind;
}

/**
 * A fresh Pagefind over the bundle at `bundleDir` seen as clauses, as the search page sees it (clause-view.ts):
 * its filter table, record values and results' clause files read from the bundle.
 */
export async function freshClausePagefind(bundleDir: string): Promise<ClauseSearch> {
  const records = await freshPagefind(bundleDir);
  return clauseView(
    records,
    async () => ({
      table: JSON.parse(readFileSync(`${bundleDir}/${FILTER_TABLE_FILE}`, 'utf8')) as FilterTable,
      bundles: [JSON.parse(readFileSync(`${bundleDir}/${RECORD_VALUES_FILE}`, 'utf8')) as BundleValues],
    }),
    async (record, clause) =>
      JSON.parse(readFileSync(`${bundleDir}/${clauseFile(record, clause)}`, 'utf8')) as ClauseData,
  );
}

/**
 * The seeds' search index, written once for the calling test file into a temporary directory that is removed
 * after it (registers the file's `beforeAll`/`afterAll`): the seeds' plans and the bundle's directory.
 */
export function seedsIndexForFile(name: string): { plans: Plan[]; bundle: string } {
  const plans = ingestedSeeds().plans;
  const byId = new Map(plans.map((p) => [p.id, p]));
  const work = mkdtempSync(join(tmpdir(), `plan-atlas-${name}-`));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  beforeAll(async () => {
    await writeSearchIndex({ plans, model: (id) => byId.get(id)! }, work, { base: '/', workers: 1 });
  }, 180_000);
  return { plans, bundle: join(work, 'pagefind') };
}
