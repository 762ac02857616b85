/**
 * When the search page searches what is typed (src/browser/search/main.ts `onInput`): a word put in at once —
 * an input method's committed word, a paste — is searched at once; a key typed alone waits for the next
 * (the debounce), so that a word typed letter by letter is not searched at every prefix.
 */
import type { Page } from '@playwright/test';
import { paths } from '../../src/lib/urls';
import { pageUrl } from './harness';
import { expect, test } from './fixtures';

/**
 * Puts `value` in the box as one edit (an input event, as an input method's commit or a paste gives it), then
 * lets the page run its tasks queued so far and the microtasks they start — not its timers' later tasks — and
 * returns the results' states seen meanwhile (data-search-state).
 */
function edit(page: Page, value: string, event: 'input' | 'compositionend' = 'input'): Promise<string[]> {
  return page.evaluate(
    async ([value, event]) => {
      const input = document.querySelector<HTMLInputElement>('[data-search-input]')!;
      const list = document.querySelector<HTMLElement>('[data-search-results]')!;
      // Every state from this edit on, kept for `searchedSince` (the observer of an earlier edit stops).
      const w = window as unknown as { statesObserver?: MutationObserver; states: string[] };
      w.statesObserver?.disconnect();
      w.states = [];
      const observer = new MutationObserver(() => w.states.push(list.dataset['searchState'] ?? ''));
      observer.observe(list, { attributes: true, attributeFilter: ['data-search-state'] });
      w.statesObserver = observer;
      const before = input.value;
      input.value = value;
      const data = value.startsWith(before) ? value.slice(before.length) : value;
      input.dispatchEvent(
        event === 'input'
          ? new InputEvent('input', { bubbles: true, inputType: 'insertText', data })
          : new CompositionEvent('compositionend', { bubbles: true, data }),
      );
      // A zero timeout: after every task and microtask the edit started, before the debounce's timer.
      await new Promise((resolve) => setTimeout(resolve, 0));
      return [...w.states];
    },
    [value, event] as const,
  );
}

/** Resolves once the results of a search started since the last edit are done. */
async function searchedSince(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const states = (window as unknown as { states: string[] }).states;
    return states.includes('busy') && states.at(-1) === 'done';
  });
}

async function openWarm(page: Page): Promise<void> {
  await page.goto(pageUrl(paths.search()));
  await page.waitForSelector('form[data-search-ready]', { state: 'attached' });
}

test('a word put in at once is searched at once; a key typed alone waits for the next', async ({ page }) => {
  await openWarm(page);
  // A committed word (Chromium gives an input method's word as the composition's end, after its own inputs).
  expect(await edit(page, '节能', 'compositionend')).toContain('busy');
  await searchedSince(page);
  expect(await page.locator('a[data-search-hit]').count()).toBeGreaterThan(0);
  // One more character typed: nothing is searched before the pause, then the longer query is.
  expect(await edit(page, '节能减')).toEqual([]);
  await searchedSince(page);
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent('节能减')}$`));
  // A pasted word over it, as one input event: at once again.
  expect(await edit(page, '公转铁')).toContain('busy');
  await searchedSince(page);
  // The same value put in again by an input event: searched again, after the pause (nothing new was typed).
  expect(await edit(page, '公转铁')).toEqual([]);
  await searchedSince(page);
  // A committed word, then Safari's input event after the composition's end with the same value: searched once.
  expect(await edit(page, '碳达峰', 'compositionend')).toContain('busy');
  expect(await edit(page, '碳达峰')).toEqual([]);
  await expect(page.locator('[data-search-results]')).toHaveAttribute('data-search-state', 'done');
  // Well past the pause a second search would have waited for.
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as unknown as { states: string[] }).states)).not.toContain('busy');
});

test('a word typed letter by letter is not searched at each letter', async ({ page }) => {
  await openWarm(page);
  expect(await edit(page, 'P')).toEqual([]);
  expect(await edit(page, 'PU')).toEqual([]);
  expect(await edit(page, 'PUE')).toEqual([]);
  await searchedSince(page);
  await expect(page).toHaveURL(/q=PUE$/);
  expect(await page.locator('a[data-search-hit]').count()).toBeGreaterThan(0);
});
