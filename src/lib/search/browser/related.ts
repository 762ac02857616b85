/**
 * Pages that cover a query: a compare topic of the national template or an indicator page whose names,
 * heading terms or keywords contain what was searched (or are contained in it). Offered next to results and
 * instead of a dead end. Pure; the list comes from the page (src/pages/search/index.astro).
 */

/** A page to suggest: its label, its URL and the words that name what it covers. */
export type RelatedPage = [label: string, url: string, words: string[]];

/**
 * The pages whose words match a searched wording, best first: a word equal to the wording, then a word that
 * contains it, then a word it contains (two characters or more). At most `limit`.
 */
export function relatedPages(
  wordings: readonly string[],
  pages: readonly RelatedPage[],
  fold: (s: string) => string,
  limit = 3,
): RelatedPage[] {
  const wanted = wordings.map((w) => fold(w).replace(/\s+/g, '')).filter((w) => w.length >= 2);
  if (wanted.length === 0) return [];
  const scored: { page: RelatedPage; score: number; at: number }[] = [];
  pages.forEach((page, at) => {
    let score = 0;
    for (const raw of page[2]) {
      const word = fold(raw).replace(/\s+/g, '');
      if (word.length < 2) continue;
      for (const w of wanted) {
        if (word === w) score = Math.max(score, 3);
        else if (word.includes(w)) score = Math.max(score, 2);
        else if (w.includes(word)) score = Math.max(score, 1);
      }
    }
    if (score > 0) scored.push({ page, score, at });
  });
  return scored
    .sort((a, b) => b.score - a.score || a.at - b.at)
    .slice(0, limit)
    .map((s) => s.page);
}
