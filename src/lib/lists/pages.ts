/**
 * Splitting a list of plans into numbered pages (compare topics, department categories): the first page keeps
 * the list's own URL, the others add their number (`/compare/<topic>/2/`), so a page bookmarked before the
 * corpus grew still opens at its start. Pure.
 */

export interface ListPage<T> {
  /** 1-based. */
  number: number;
  items: T[];
}

/** `items` in pages of `size` (the last may be shorter); one empty page for no items. */
export function splitPages<T>(items: readonly T[], size: number): ListPage<T>[] {
  if (!Number.isInteger(size) || size < 1)
    throw new Error(`page size must be a positive integer, got ${size}`);
  const pages: ListPage<T>[] = [];
  for (let start = 0; start < items.length; start += size)
    pages.push({ number: pages.length + 1, items: items.slice(start, start + size) });
  return pages.length > 0 ? pages : [{ number: 1, items: [] }];
}

/** The route parameter of a page: none for the first, its number for the others. */
export function pageParam(number: number): string | undefined {
  return number === 1 ? undefined : String(number);
}

/** The path of page `number` of a list at `path` (which ends in a slash). */
export function pagePath(path: string, number: number): string {
  return number === 1 ? path : `${path}${number}/`;
}

/** What a page covers, by the first and last of its items' labels: 河北省—山东省, or one label. */
export function pageSpan(labels: readonly string[]): string {
  const first = labels[0];
  const last = labels[labels.length - 1];
  if (first === undefined || last === undefined) return '';
  return first === last ? first : `${first}—${last}`;
}

/**
 * The page numbers a pager lists: all of them up to `all`, else the first, the last and `around` either side
 * of the current one, with `null` where numbers are left out (so a pager of 120 pages stays a few links).
 */
export function pagerNumbers(current: number, last: number, all = 15, around = 4): (number | null)[] {
  if (last <= all) return Array.from({ length: last }, (_, i) => i + 1);
  const shown = new Set([1, last]);
  for (let n = Math.max(1, current - around); n <= Math.min(last, current + around); n++) shown.add(n);
  const sorted = [...shown].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  sorted.forEach((n, i) => {
    if (i > 0 && n - (sorted[i - 1] as number) > 1) out.push(null);
    out.push(n);
  });
  return out;
}
