/**
 * Searching a large corpus's bundles in parts (progressive search): the first bundle answers first and its
 * results are shown while the others are still searched; the complete answer is the merge of every bundle's.
 *
 * Pure (no DOM, no Pagefind): the index worker and the page (src/browser/search/) use it, tests check it.
 */

/** A search answer as a Pagefind instance gives it (the fields the page reads). */
export interface BundleAnswer<R extends { score: number }> {
  results: R[];
  unfilteredResultCount: number;
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}

/** Filter counts of several bundles summed, value by value (Pagefind 1.6's `mergeFilters`). */
export function mergeFilterCounts(
  counts: readonly Record<string, Record<string, number>>[],
): Record<string, Record<string, number>> {
  const merged: Record<string, Record<string, number>> = {};
  for (const one of counts)
    for (const [key, values] of Object.entries(one)) {
      const into = (merged[key] ??= {});
      for (const [value, count] of Object.entries(values)) into[value] = (into[value] ?? 0) + count;
    }
  return merged;
}

/**
 * The answers of several bundles as one, exactly as Pagefind 1.6 merges its instances' (`Pagefind.search`):
 * results in bundle order, then sorted by score, highest first (a stable sort: equal scores keep bundle order);
 * counts summed. So the merge of every bundle's answer is the answer one Pagefind over all of them gave.
 * Null when any bundle gave none (Pagefind's own search returns null only when superseded).
 */
export function mergeAnswers<R extends { score: number }>(
  answers: readonly (BundleAnswer<R> | null)[],
): BundleAnswer<R> | null {
  if (answers.some((a) => a === null)) return null;
  const all = answers as readonly BundleAnswer<R>[];
  return {
    results: all.flatMap((a) => a.results).sort((a, b) => b.score - a.score),
    unfilteredResultCount: all.reduce((n, a) => n + a.unfilteredResultCount, 0),
    filters: mergeFilterCounts(all.map((a) => a.filters)),
    totalFilters: mergeFilterCounts(all.map((a) => a.totalFilters)),
  };
}

/**
 * The complete ranking once the reader has started using the partial one: the results already shown stay
 * where they are (in the order shown, those the complete ranking still holds), and the others follow in the
 * complete ranking's order. Nothing under the reader's finger moves; every result of the complete answer is
 * there once.
 */
export function keepShown<T extends { id: string }>(shown: readonly string[], complete: readonly T[]): T[] {
  const byId = new Map(complete.map((r) => [r.id, r]));
  const kept = shown.flatMap((id) => {
    const r = byId.get(id);
    return r ? [r] : [];
  });
  const pinned = new Set(kept.map((r) => r.id));
  return [...kept, ...complete.filter((r) => !pinned.has(r.id))];
}

/** One bundle's lookup of a term (no filters: the clause view filters clauses itself). */
export type BundleLookup<R extends { score: number }> = (
  bundle: number,
  term: string,
) => Promise<BundleAnswer<R> | null>;

/** Bundle lookups kept per search (a word's lookup in one bundle), oldest dropped first. */
const KEPT_PER_BUNDLE = 256;

/**
 * Each bundle's lookups, kept: the first bundle's answer to a word, searched for the first results, is the one
 * the complete search merges, not searched again (a failed or superseded lookup is not kept).
 */
export function keptLookups<R extends { score: number }>(
  lookup: BundleLookup<R>,
  bundles: number,
): BundleLookup<R> {
  const kept = new Map<string, Promise<BundleAnswer<R> | null>>();
  const limit = KEPT_PER_BUNDLE * Math.max(1, bundles);
  return (bundle, term) => {
    const key = `${bundle} ${term}`;
    let answer = kept.get(key);
    if (!answer) {
      answer = lookup(bundle, term);
      answer.then(
        (a) => a === null && kept.delete(key),
        () => kept.delete(key),
      );
      if (kept.size >= limit) kept.delete(kept.keys().next().value as string);
      kept.set(key, answer);
    }
    return answer;
  };
}

/**
 * A search of the first `count` bundles, their answers merged (`mergeAnswers`): the first bundle alone for the
 * first results, all of them for the complete answer.
 */
export function searchOfBundles<R extends { score: number }>(
  lookup: BundleLookup<R>,
  count: number,
): (term: string) => Promise<BundleAnswer<R> | null> {
  return async (term) =>
    mergeAnswers(await Promise.all(Array.from({ length: count }, (_, k) => lookup(k, term))));
}
