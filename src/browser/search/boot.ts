/**
 * The search page's first script: starts loading the index before anything else.
 *
 * Opening a search URL waits on a chain — the index worker's script, Pagefind's script, its metadata and
 * WebAssembly, then the query's index chunks and the first results' fragments. The page script (main.ts) with
 * its query folding and synonyms is as large as Pagefind's own script; run first, it would hold the whole chain
 * back (scripts/bench-search.ts, cold open). So this small script comes first, on its own: the page names it as
 * an async script in its head (src/pages/search/index.astro), so it runs as soon as it is fetched — before the
 * page is parsed and laid out — and hands the load to main.ts (pagefind.ts keeps it), telling it by an event
 * when main.ts ran first.
 */
import { SEARCH_INDEX_EVENT } from './handoff';
import { searchIndex, useWorkerScript } from './pagefind';

performance.mark('search:boot');
/** What the page tells this script (src/pages/search/index.astro): the index's bundles and the worker's script. */
const setup = JSON.parse(
  document.querySelector<HTMLMetaElement>('meta[name="plan-atlas-search"]')?.content ?? '{}',
) as { bundles?: string[]; worker?: string };
if (setup.worker) useWorkerScript(setup.worker);
if (setup.bundles?.length)
  void searchIndex.load(setup.bundles).catch((error: unknown) => console.error(error));
window.planAtlasSearchIndex = searchIndex;
window.dispatchEvent(new Event(SEARCH_INDEX_EVENT));
