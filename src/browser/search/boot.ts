/**
 * The search page's first script: starts loading the index before anything else, then the page script.
 *
 * Opening a search URL waits on a chain — Pagefind's script, its worker, its metadata and WebAssembly, then the
 * query's index chunks. The page script (main.ts) with its query folding and synonyms is as large as
 * Pagefind's own script; loaded first, it would hold the whole chain back (scripts/bench-search.ts, cold open).
 * So this small module starts the chain and the page script loads beside it, sharing the one load
 * (pagefind.ts keeps it).
 */
import { loadPagefind } from './pagefind';

performance.mark('search:boot');
const form = document.querySelector<HTMLFormElement>('form[data-search]');
const bundles = JSON.parse(form?.dataset['bundles'] ?? '[]') as string[];
// A search URL's query builds the word segmenter with its own search; a blank page warms it up instead.
const opened = new URLSearchParams(window.location.search).get('q')?.trim() ?? '';
if (form)
  void loadPagefind(bundles, { warmUp: opened === '' }).catch((error: unknown) => console.error(error));

void import('./main');
