/**
 * Names the index's first files in the built search page once the index is written
 * (src/lib/search/build/search-page.ts says why): run by every path that writes the index.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PagefindEntry } from '../lib/search/browser/index-entry';
import { bundleDir } from '../lib/search/build/shards';
import { withFirstFiles } from '../lib/search/build/search-page';

/** The built search page under `outDir` (the site's base is in its URLs, not in the output's layout). */
export const SEARCH_PAGE = join('search', 'index.html');

/**
 * Rewrites `<outDir>/search/index.html` to name the first files of the bundles written under `outDir`
 * (bundle k in `bundleDir(k)`, as the page lists them). Nothing when the site has no search page.
 */
export function nameFirstIndexFiles(outDir: string): void {
  const page = join(outDir, SEARCH_PAGE);
  if (!existsSync(page)) return;
  const html = readFileSync(page, 'utf8');
  const entries = (k: number): PagefindEntry | null => {
    const path = join(outDir, bundleDir(k), 'pagefind-entry.json');
    return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as PagefindEntry) : null;
  };
  writeFileSync(page, withFirstFiles(html, entries));
}
