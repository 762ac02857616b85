/**
 * The search page's first script: starts loading the index before anything else.
 *
 * Opening a search URL waits on a chain — the index worker's script, Pagefind's script, its metadata and
 * WebAssembly, then the query's index chunks and the first results' fragments. The page script (main.ts) with
 * its query folding and synonyms is as large as Pagefind's own script; run first, it would hold the whole chain
 * back (scripts/bench-search.ts, cold open). So the page names two scripts, this small one first: the browser
 * fetches both while it parses the page, runs this one as soon as it may, and main.ts after it, sharing the
 * one load (pagefind.ts keeps it).
 */
import { searchIndex } from './pagefind';

performance.mark('search:boot');
const form = document.querySelector<HTMLFormElement>('form[data-search]');
const bundles = JSON.parse(form?.dataset['bundles'] ?? '[]') as string[];
if (form) void searchIndex.load(bundles).catch((error: unknown) => console.error(error));
window.planAtlasSearchIndex = searchIndex;
