/**
 * The search step handed from the pages' process to a process of its own (`npm run build`, scripts/build.ts).
 *
 * Why: the search index is written after the pages, by Pagefind indexers running beside the process that
 * made them. That process keeps what it grew to while rendering (~1 GB resident at 300 plans, most of it not
 * JavaScript heap a collection would free), so the build's peak of all processes together was that plus the
 * indexers (2.2 GB at 300 plans). When `npm run build` asks for it (`PLAN_ATLAS_SEARCH_HANDOFF`, a file
 * path), the search integration writes here what the index is made from — the bundles of plans in the pages'
 * order with their filter labels, where the plans' model files are, the site's base — and the build script
 * indexes it in a new process once the pages' process has ended. Same bundles, same models, same records: the
 * index is byte-identical to the one written in the pages' process (`astro build` alone still does that).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { FilterTable } from '../lib/search/browser/layout';
import type { BundlePlans } from './search-index';

/** The environment variable naming the handoff file; unset, the index is written in the pages' process. */
export const SEARCH_HANDOFF_ENV = 'PLAN_ATLAS_SEARCH_HANDOFF';

export interface SearchHandoff {
  /** The site's base path (Astro `base`): record URLs are the permalinks under it. */
  base: string;
  /** Where the whole plans' model files are (src/loaders/plan-models.ts). */
  modelDir: string;
  /** The bundles of plans, as `bundlePlans` split them. */
  bundles: BundlePlans[];
  /** The filter values of all the plans (`filterValues`), which the records' layouts point into. */
  table: FilterTable;
}

export function writeSearchHandoff(path: string, handoff: SearchHandoff): void {
  writeFileSync(path, JSON.stringify(handoff));
}

export function readSearchHandoff(path: string): SearchHandoff {
  return JSON.parse(readFileSync(path, 'utf8')) as SearchHandoff;
}
