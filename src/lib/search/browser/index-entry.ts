/**
 * What a Pagefind bundle's `pagefind-entry.json` says, and the files of the bundle a search fetches before its
 * first query: the metadata and, for the bundle whose script runs, the WebAssembly. The index worker
 * (src/browser/search/index-worker.ts) starts them the moment it knows them, and the build names them in the
 * search page (src/lib/search/build/search-page.ts) so that it knows them at its first line.
 */

/** `pagefind-entry.json` as Pagefind 1.6 writes it (the fields read here). */
export interface PagefindEntry {
  languages: Record<string, { hash: string; wasm: string | null; page_count: number }>;
}

/**
 * The index Pagefind loads when it is given no language, as in the index worker (a worker has no
 * `<html lang>`): the one with most records (pagefind.js `findIndex`).
 */
export function primaryIndex(entry: PagefindEntry): PagefindEntry['languages'][string] | undefined {
  return Object.values(entry.languages ?? {}).sort((a, b) => b.page_count - a.page_count)[0];
}

/**
 * The URLs of the files the search fetches from bundle `bundle` (its URL, ending in `/`) before its first
 * query: the metadata, and the WebAssembly when `withWasm` (the first bundle's: merged bundles use its
 * WebAssembly). Empty when the entry names no index.
 */
export function firstFiles(bundle: string, entry: PagefindEntry, withWasm: boolean): string[] {
  const index = primaryIndex(entry);
  if (!index) return [];
  const meta = `${bundle}pagefind.${index.hash}.pf_meta`;
  return withWasm ? [meta, `${bundle}wasm.${index.wasm ?? 'unknown'}.pagefind`] : [meta];
}
