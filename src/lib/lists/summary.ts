/**
 * Summaries that stand in for a list of every plan on a page (issue 13: a page stays within its budget
 * however many plans there are): values grouped by a key (the province) with count, lowest, median and
 * highest. Pure; the full rows are in the downloads.
 */

export interface ValueSummary {
  count: number;
  min: number;
  median: number;
  max: number;
}

/** Count, lowest, median and highest of `values`; null for none. */
export function summarise(values: readonly number[]): ValueSummary | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1
      ? (sorted[mid] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { count: sorted.length, min: sorted[0] as number, median, max: sorted[sorted.length - 1] as number };
}

/** Items grouped by `key`, groups in order of first appearance, items in input order. */
export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
