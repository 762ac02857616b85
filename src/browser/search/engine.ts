/**
 * The exact-match layer over Pagefind: one loose search for candidates, BM25 order and counts, and the exact
 * searches that tell literal matches apart (src/lib/search/browser/rank.ts orders them). Also the filter
 * counts, taken on the counting Pagefind (main.ts `counter`) once its filter index is loaded.
 */
import { countLookup, type CountLookup } from '../../lib/search/browser/counts';
import { foldQuery, foldReady } from '../../lib/search/browser/fold-on-demand';
import { nearSpans, nearVariants } from '../../lib/search/browser/near';
import type { ParsedQuery } from '../../lib/search/browser/query';
import type { Ranked } from '../../lib/search/browser/rank';
import { rankedOf, rankedSearch, rankPlanOf } from '../../lib/search/browser/ranked-search';
import type { FilterKey } from '../../lib/search/browser/record-meta';
import { lookupOf, runsOf, type Run } from '../../lib/search/browser/tokens';
import type { Filters, Pagefind, PagefindResult, ShownResult } from './pagefind';

export type Counts = Record<string, Record<string, number>>;

/** Filter counts and what they count (null `counted`: the query has no countable lookup; see counts.ts). */
export interface FilterCounts {
  counted: CountLookup | null;
  values: Counts | null;
}

export interface Outcome {
  query: ParsedQuery;
  ranked: Ranked[];
  /** Each ranked result, to load its clause when shown. */
  results: Map<string, ShownResult>;
  /** For near matches (tier `near`), the wordings found in each clause. */
  near: Map<string, string[]>;
  /** Wordings near the query that clauses print, with how many clauses print each, most first. */
  suggestions: { wording: string; count: number }[];
}

let filtersLoaded: Promise<unknown> | null = null;

/** Loads the counting Pagefind's filter index once; `onLoaded` runs when it is in. */
export function loadFilters(counter: Pagefind, onLoaded: () => void = () => {}): Promise<unknown> {
  filtersLoaded ??= counter.filters();
  // Whoever asked first, every caller's `onLoaded` runs once the index is in.
  return filtersLoaded.then(onLoaded);
}

/** What a search may skip: near matches (when nothing prints the query). */
export interface SearchOptions {
  near?: boolean;
}

/**
 * Searches and ranks (ranked-search.ts). Unfiltered, on an index in a worker that ranks (pagefind.ts
 * `ranked`), the worker runs the searches and ranks them, and sends the page only the ranked ids: every
 * result's word positions and scores stayed in the worker (at 3,000 plans, thousands of results for a word
 * such as 节能, whose copy into the page and ranking there were one task of 40-100 ms on the page's thread).
 * Filtered, the page ranks its clause view's answers itself (the clause view filters clauses on the page).
 */
export async function runSearch(
  pf: Pagefind,
  query: ParsedQuery,
  filters: Filters,
  options: SearchOptions = {},
): Promise<Outcome> {
  const plan = rankPlanOf(query);
  const filtered = Object.values(filters).some(Boolean);
  let ranked: Ranked[];
  let results: Map<string, ShownResult>;
  if (!filtered && pf.ranked) {
    const answer = await pf.ranked(plan);
    ranked = rankedOf(answer);
    results = new Map(answer.ids.map((id) => [id, pf.shown(id)]));
  } else ({ ranked, results } = await rankedSearch((term) => pf.search(term, { filters }), plan));
  // Filter counts are never taken here: they come after the results are drawn (countsAfter).
  const outcome: Outcome = { query, ranked, results, near: new Map(), suggestions: [] };
  if (options.near !== false && !ranked.some((r) => r.tier === 'literal'))
    await addNear(pf, outcome, filters);
  return outcome;
}

/** Clauses loaded to look for near matches, at most. */
const NEAR_CANDIDATES = 30;

/**
 * When nothing prints the query: its near matches (near.ts), ranked after the literal and synonym tiers and
 * before the related one, and the wordings they print as suggestions. Candidates come from Pagefind (every
 * piece of a variant present); each is checked on its text, so only real near matches are shown.
 */
async function addNear(pf: Pagefind, outcome: Outcome, filters: Filters): Promise<void> {
  const { query } = outcome;
  const [term] = query.terms;
  if (query.terms.length !== 1 || !term || term.group) return;
  const runs = term.highlight[0] ?? [];
  if (runs.length !== 1) return;
  const variants = nearVariants(runs[0] as Run);
  if (variants.length === 0) return;
  const lookups = [
    ...new Set(
      variants.map((v) =>
        [v.left, v.right]
          .filter((side) => side.length > 0)
          .map((side) => lookupOf(side).loose)
          .join(' '),
      ),
    ),
  ];
  const responses = await Promise.all(lookups.map((l) => pf.search(l, { filters })));
  const candidates = new Map<string, PagefindResult>();
  for (const response of responses)
    for (const r of response?.results ?? []) if (!candidates.has(r.id)) candidates.set(r.id, r);
  const shown = new Set(outcome.ranked.map((r) => r.id));
  const pool = [...candidates.values()].slice(0, NEAR_CANDIDATES);
  const data = await Promise.all(pool.map((r) => r.data()));
  await foldReady(data.map((d) => d.meta.text));
  const byWording = new Map<string, number>();
  const near: Ranked[] = [];
  pool.forEach((result, i) => {
    const text = data[i]?.meta.text ?? '';
    const textRuns = runsOf(foldQuery(text));
    const wordings = new Set<string>();
    for (const variant of variants)
      for (const found of nearSpans(textRuns, variant)) wordings.add(text.slice(...found.whole));
    if (wordings.size === 0) return;
    for (const w of wordings) byWording.set(w, (byWording.get(w) ?? 0) + 1);
    outcome.near.set(result.id, [...wordings]);
    outcome.results.set(result.id, result);
    if (!shown.has(result.id)) near.push({ id: result.id, tier: 'near' });
  });
  outcome.ranked = [...outcome.ranked, ...near];
  outcome.suggestions = [...byWording]
    .filter(([wording]) => foldQuery(wording).replace(/\s+/g, '') !== query.folded.replace(/\s+/g, ''))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([wording, count]) => ({ wording, count }));
}

/**
 * How many results the query gives without each active filter (for the “no results” help): one search per
 * filter set.
 */
export async function countsWithoutEachFilter(
  pf: Pagefind,
  query: ParsedQuery,
  filters: Filters,
): Promise<{ key: FilterKey; value: string; count: number }[]> {
  const active = Object.entries(filters).filter((e): e is [FilterKey, string] => Boolean(e[1]));
  return Promise.all(
    active.map(async ([key, value]) => {
      const others: Filters = { ...filters };
      delete others[key];
      const outcome = await runSearch(pf, query, others);
      return { key, value, count: outcome.ranked.length };
    }),
  );
}

/**
 * Counts per filter value of the clauses shown as 包含 (or, for a synonym or department group, 包含 and those
 * found through the group): the counted lookup of counts.ts, searched on the counting Pagefind with its
 * filter index loaded, or none when no single lookup gives them (several terms). Each filter's own selection
 * is left out of its counts, so a reader sees what switching value would give: with one filter set that is
 * Pagefind's `totalFilters`; with several, one more search per filter set.
 */
async function countsOf(counter: Pagefind, query: ParsedQuery, filters: Filters): Promise<FilterCounts> {
  const counted = countLookup(query);
  if (!counted) return { counted, values: null };
  const response = await counter.search(counted.lookup, { filters });
  if (!response) return { counted, values: null };
  const values: Counts = { ...response.filters };
  const active = Object.keys(filters) as FilterKey[];
  for (const key of active) {
    if (active.length === 1) {
      values[key] = response.totalFilters[key] ?? {};
      continue;
    }
    const others: Filters = { ...filters };
    delete others[key];
    values[key] = (await counter.search(counted.lookup, { filters: others }))?.filters[key] ?? {};
  }
  return { counted, values };
}

/**
 * The filter counts of a query, on the counting Pagefind (its filter index loaded first if need be). Asked for
 * once a search's results are drawn; on a large corpus counting runs in the counting Pagefind's own worker,
 * so it never delays the results of a search typed meanwhile.
 */
export async function filterCounts(
  counter: Pagefind,
  query: ParsedQuery,
  filters: Filters,
): Promise<FilterCounts> {
  await loadFilters(counter);
  return countsOf(counter, query, filters);
}
