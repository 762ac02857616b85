/**
 * Loads the browser's text-segmentation data on the other core while the index loads.
 *
 * Pagefind cuts every query with `Intl.Segmenter` (zh-CN: a grapheme and a word segmenter), even ours, which
 * are ASCII tokens. The first segmenter a browser process creates loads ICU's break-iterator data: 20–430 ms
 * of the page's thread measured in Debian's Chromium on the shared machine, paid by an opened search URL's
 * first search, after the index answers — on the path to the first results. The data is loaded once per
 * process, so a worker that creates the same segmenters first pays for it beside the page: the page's first
 * segmenter then costs ~0.1 ms (measured the same way, alternating with and without the worker).
 *
 * The worker is a file of the site's own (segmenter-worker.ts): the pages' Content-Security-Policy allows
 * scripts from 'self' only, so a worker made from a Blob would be refused.
 */

/** Starts the worker (if the browser has workers and segmenters); it is ended once the data is in. */
export function warmUpSegmenter(): void {
  if (typeof Worker === 'undefined' || typeof Intl.Segmenter === 'undefined') return;
  try {
    const worker = new Worker(new URL('./segmenter-worker.ts', import.meta.url), { type: 'module' });
    const end = () => worker.terminate();
    worker.addEventListener('message', () => {
      // scripts/bench-search.ts shows whether the data was in before the index answered (search:index-ready).
      performance.mark('search:segmenter');
      end();
    });
    worker.addEventListener('error', end);
  } catch (error) {
    // Without the worker, the first search loads the data itself: slower, not wrong.
    console.error(error);
  }
}
