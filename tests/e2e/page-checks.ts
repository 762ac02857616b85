/**
 * The checks behind issue 9's "done when", run in the browser on whatever page is open: the phone-first layout
 * rules (`layoutProblems`) and the draft mark beside every mention of a draft plan (`unmarkedMentions`).
 * `page-checks.spec.ts` runs each on small hand-written pages that break its rule, so a check that could no
 * longer fail would be caught; `phone.spec.ts` runs them on every page type of the built site.
 */
import type { Page } from '@playwright/test';

export interface LayoutProblems {
  /** How far the page scrolls sideways (0 when it fits the screen). */
  pageScroll: number;
  /** Elements reaching past the screen's edges, outside the frames that scroll on purpose. */
  tooWide: string[];
  /** Table cells holding text whose content box is narrower than two characters. */
  narrowCells: string[];
  /** Charts wider than the screen or their figure, and chart text outside its chart. */
  chartsOutside: string[];
}

/** Everything at the current width that breaks the phone-first rules, described for a failure message. */
export async function layoutProblems(page: Page): Promise<LayoutProblems> {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const describe = (e: Element) =>
      `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}.${[...e.classList].join('.')} "${(e.textContent ?? '').trim().slice(0, 30)}"`;
    const hidden = (e: Element) => {
      for (let n: Element | null = e; n; n = n.parentElement) {
        const s = getComputedStyle(n);
        if (s.display === 'none' || s.visibility === 'hidden') return true;
        // Visually hidden for screen readers only (the stacked tables' header row, .visually-hidden).
        if (s.clipPath.startsWith('inset(50%') || (s.position === 'absolute' && n.clientWidth <= 1))
          return true;
      }
      return false;
    };
    // Frames that scroll sideways on purpose (the compare matrix): their content may be wider.
    const inScroller = (e: Element) => {
      for (let n = e.parentElement; n && n !== document.body; n = n.parentElement) {
        const s = getComputedStyle(n);
        if ((s.overflowX === 'auto' || s.overflowX === 'scroll') && n.scrollWidth > n.clientWidth)
          return true;
      }
      return false;
    };
    const tooWide = [...document.querySelectorAll('body *')]
      .filter((e) => {
        const box = e.getBoundingClientRect();
        if (box.width === 0 || (box.right <= vw + 0.5 && box.left >= -0.5)) return false;
        return !hidden(e) && !inScroller(e) && !e.closest('.skip-link');
      })
      .map(describe);
    const narrowCells = [...document.querySelectorAll('td, th')]
      .filter((cell) => {
        if (hidden(cell) || (cell.textContent ?? '').trim().length < 2) return false;
        const s = getComputedStyle(cell);
        const content = cell.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
        return content < 2 * parseFloat(s.fontSize);
      })
      .map(describe);
    const chartsOutside: string[] = [];
    for (const svg of document.querySelectorAll('svg.plan-atlas-chart')) {
      const box = svg.getBoundingClientRect();
      if (box.width === 0) continue; // the layout not shown at this width
      if (box.left < -0.5 || box.right > vw + 0.5) chartsOutside.push(`${svg.id}: wider than the screen`);
      const frame = svg.closest('figure')!.getBoundingClientRect();
      if (box.right > frame.right + 0.5) chartsOutside.push(`${svg.id}: wider than its figure`);
      for (const text of svg.querySelectorAll('text')) {
        const t = text.getBoundingClientRect();
        if (
          t.left < box.left - 1 ||
          t.right > box.right + 1 ||
          t.top < box.top - 1 ||
          t.bottom > box.bottom + 1
        )
          chartsOutside.push(`${svg.id}: "${text.textContent}" outside the chart`);
      }
    }
    return {
      pageScroll: document.documentElement.scrollWidth - vw,
      tooWide: tooWide.slice(0, 5),
      narrowCells: narrowCells.slice(0, 5),
      chartsOutside: chartsOutside.slice(0, 5),
    };
  });
}

export const NO_LAYOUT_PROBLEMS: LayoutProblems = {
  pageScroll: 0,
  tooWide: [],
  narrowCells: [],
  chartsOutside: [],
};

/**
 * Every visible mention of a draft plan in `main` — by its title, or by its region standing alone — whose
 * holder (its table row, list item, chart, search result, section or paragraph) does not say 征求意见稿.
 * A page's own `h1` names a place (the region page 达州市), not the plan's values, and is left out.
 */
export async function unmarkedMentions(
  page: Page,
  plan: { title: string; region: string },
): Promise<string[]> {
  return page.locator('main').evaluate((main, { title, region }) => {
    const out: string[] = [];
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').trim();
      // The plan by its title, or by its region standing alone (人行达州市中心支行 is a department).
      if (!text.includes(title) && text !== region) continue;
      const element = node.parentElement;
      if (!element || !element.checkVisibility() || element.closest('.visually-hidden')) continue;
      if (element.closest('h1')) continue;
      // What names the plan together: its table row, list item, chart, result, section or paragraph.
      const holder =
        element.closest('tr, li, figure, .search-hit, section, header') ??
        element.closest('p, h1, h2, h3, h4, dd') ??
        element;
      // What a reader sees of it: a mark hidden with display: none does not count.
      const seen = holder instanceof HTMLElement ? holder.innerText : (holder.textContent ?? '');
      if (!seen.includes('征求意见稿'))
        out.push(`${holder.tagName.toLowerCase()}: ${seen.replace(/\s+/g, '').slice(0, 60)}`);
    }
    return out;
  }, plan);
}

/**
 * Starts counting layout shifts not caused by input from the page's first paint (call before `page.goto`);
 * the returned function reads the sum so far (Cumulative Layout Shift, without its session windows).
 */
export async function countLayoutShifts(page: Page): Promise<() => Promise<number>> {
  await page.addInitScript(() => {
    (window as unknown as { layoutShift: number }).layoutShift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
      })[])
        if (!entry.hadRecentInput) (window as unknown as { layoutShift: number }).layoutShift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  return () => page.evaluate(() => (window as unknown as { layoutShift: number }).layoutShift);
}
