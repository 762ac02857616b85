/**
 * How every search benchmark types a query on a warm search page and times what the reader sees: the query set
 * as the box's value and one input event (as an input method commits a word), then the results list's
 * `data-search-state` watched from inside the page. Shared by bench-search.ts, bench/warm-ab.ts and
 * bench/trace-warm.ts, so that the three time the same thing.
 */
import type { Page } from 'playwright-core';

export interface TypedTiming {
  /** ms from the input event to the first results drawn (the first bundle's, state `partial`, or the complete ones). */
  results: number;
  /** ms to the complete results (state `results` or `done`). */
  complete: number;
  /** ms to done (help and filter counts; state `done`), or -1 when not waited for. */
  counts: number;
  /** Results shown when the wait ended. */
  hits: number;
  /** The first result's link as first drawn, without its `?hl=` highlight. */
  firstTop: string;
}

/**
 * Types `query` on `page` and times it. `until` is the state the wait ends at: `complete` (the complete results)
 * or `done` (the counts too). Under a Chromium trace, `trace:input`, `trace:first` and `trace:complete` time
 * stamps mark the three moments (console.timeStamp does nothing otherwise).
 */
export async function typeAndTime(
  page: Page,
  query: string,
  until: 'complete' | 'done',
): Promise<TypedTiming> {
  // The page records the times and Node waits for them: a page promise left pending until the results was
  // reported collected by Playwright in 100x runs ("Resulting promise was garbage collected"), ending the run.
  // Everything below runs in the page: no named inner functions, since tsx would wrap them with a naming helper
  // (`__name`) that the page does not have.
  await page.evaluate(
    ([q, end]) => {
      const input = document.querySelector<HTMLInputElement>('[data-search-input]')!;
      const list = document.querySelector<HTMLElement>('[data-search-results]')!;
      const started = performance.now();
      const timing = { results: -1, complete: -1, counts: -1, hits: 0, firstTop: '', ended: false };
      (window as unknown as { typedTiming?: typeof timing }).typedTiming = timing;
      let busy = false;
      const observer = new MutationObserver(() => {
        const state = list.dataset['searchState'];
        if (state === 'busy') busy = true;
        if (!busy) return;
        if ((state === 'partial' || state === 'results' || state === 'done') && timing.results < 0) {
          timing.results = performance.now() - started;
          console.timeStamp('trace:first');
          timing.firstTop = (list.querySelector('a[data-search-hit]')?.getAttribute('href') ?? '').replace(
            /\?hl=[^#]*/,
            '',
          );
        }
        if ((state === 'results' || state === 'done') && timing.complete < 0) {
          timing.complete = performance.now() - started;
          console.timeStamp('trace:complete');
        }
        if (state === 'done') timing.counts = performance.now() - started;
        if (timing.complete >= 0 && (end === 'complete' || timing.counts >= 0)) {
          observer.disconnect();
          timing.hits = list.querySelectorAll('[data-search-hit]').length;
          timing.ended = true;
        }
      });
      observer.observe(list, { attributes: true, attributeFilter: ['data-search-state'] });
      console.timeStamp('trace:input');
      input.value = q;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    },
    [query, until] as const,
  );
  // Polled from Node; the times themselves are taken in the page, as the states change.
  await page.waitForFunction(
    () => (window as unknown as { typedTiming?: { ended: boolean } }).typedTiming?.ended,
    undefined,
    {
      polling: 20,
      timeout: 120_000,
    },
  );
  const { results, complete, counts, hits, firstTop } = await page.evaluate(
    () => (window as unknown as { typedTiming: TypedTiming }).typedTiming,
  );
  return { results, complete, counts, hits, firstTop };
}
