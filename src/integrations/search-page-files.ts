/**
 * Writes into the built search page what is known only once the site and its index are written: the index's
 * first files and the modules its scripts import (src/lib/search/build/search-page.ts says why each). Run by
 * every path that writes the index.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PagefindEntry } from '../lib/search/browser/index-entry';
import { bundleDir } from '../lib/search/build/shards';
import { moduleScripts, withFirstFiles, withModulePreloads } from '../lib/search/build/search-page';
import { staticImports } from '../lib/module-graph';

/** The built search page under `outDir` (the site's base is in its URLs, not in the output's layout). */
export const SEARCH_PAGE = join('search', 'index.html');

/**
 * Rewrites `<outDir>/search/index.html` (a site built with base path `base`) to name the first files of the
 * bundles written under `outDir` (bundle k in `bundleDir(k)`, as the page lists them) and to preload the
 * modules its scripts import. Nothing when the site has no search page.
 */
export function finishSearchPage(outDir: string, base: string): void {
  const page = join(outDir, SEARCH_PAGE);
  if (!existsSync(page)) return;
  const html = readFileSync(page, 'utf8');
  const entries = (k: number): PagefindEntry | null => {
    const path = join(outDir, bundleDir(k), 'pagefind-entry.json');
    return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as PagefindEntry) : null;
  };
  const prefix = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  const built = (url: string): string | null => {
    const file = url.startsWith(prefix) ? join(outDir, url.slice(prefix.length)) : null;
    return file && existsSync(file) ? readFileSync(file, 'utf8') : null;
  };
  const preloads = staticImports(moduleScripts(html), built);
  writeFileSync(page, withModulePreloads(withFirstFiles(html, entries), preloads));
}
