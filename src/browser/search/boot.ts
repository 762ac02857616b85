/**
 * The search page's first script: starts loading the index before anything else.
 *
 * Opening a search URL waits on a chain — Pagefind's script, its metadata and WebAssembly, then the query's
 * index chunks and the first results' fragments. The page script (main.ts) with its query folding and
 * synonyms is as large as Pagefind's own script; run first, it would hold the whole chain back
 * (scripts/bench-search.ts, cold open). So the page names two scripts, this small one first: the browser
 * fetches both while it parses the page, runs this one as soon as it may, and main.ts after it, sharing the
 * one load (pagefind.ts keeps it).
 */
import { searchIndex } from './pagefind';
import { warmUpSegmenter } from './segmenter-warmup';

performance.mark('search:boot');
const form = document.querySelector<HTMLFormElement>('form[data-search]');
const bundles = JSON.parse(form?.dataset['bundles'] ?? '[]') as string[];
// A search URL's query builds the word segmenter with its own search; a blank page warms it up instead.
const opened = new URLSearchParams(window.location.search).get('q')?.trim() ?? '';
if (form)
  void searchIndex.load(bundles, { warmUp: opened === '' }).catch((error: unknown) => console.error(error));
window.planAtlasSearchIndex = searchIndex;
// The first search's segmenters would load the browser's segmentation data on this thread: a worker loads it now.
if (form) warmUpSegmenter();
