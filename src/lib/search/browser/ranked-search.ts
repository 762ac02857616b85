/**
 * A query's searches ranked: the loose search for candidates and the exact searches that tell literal matches
 * apart (rank.ts orders them). Pure (no DOM, no Pagefind): the page runs it over its clause view for filtered
 * searches (src/browser/search/engine.ts), and the index worker runs it over its own clause view for unfiltered
 * ones, so that only the ranked ids travel to the page (`RankedAnswer`), not every result's word positions.
 */
import type { ParsedQuery } from './query';
import { hasRun, rank, type Ranked, type TermSets } from './rank';

/** What ranking needs of a parsed query: its lookups (a structured-clonable part of `ParsedQuery`). */
export interface RankPlan {
  loose: string;
  chain: number | null;
  terms: { exact: string[]; group: boolean }[];
}

/** The ranking plan of a parsed query. */
export function rankPlanOf(query: ParsedQuery): RankPlan {
  return {
    loose: query.loose,
    chain: query.chain,
    terms: query.terms.map((t) => ({ exact: [...t.exact], group: t.group !== null })),
  };
}

/** A search result as ranking reads it: its id and its matched word positions. */
export interface RankHit {
  id: string;
  words: readonly number[];
}

/** A search's answer as ranking reads it (null: superseded, as Pagefind answers a search it dropped). */
export type RankFind<R extends RankHit> = (term: string) => Promise<{ results: R[] } | null>;

/** The ranked results a plan's searches give: literal and synonym tiers (related ones are not shown), with each result. */
export interface RankedResults<R extends RankHit> {
  ranked: Ranked[];
  results: Map<string, R>;
}

function idsOf(response: { results: RankHit[] } | null): string[] {
  return response?.results.map((r) => r.id) ?? [];
}

function intersectIds(responses: ({ results: RankHit[] } | null)[]): Set<string> {
  const sets = responses.map((r) => new Set(idsOf(r)));
  return sets.reduce((a, b) => new Set([...a].filter((id) => b.has(id))));
}

/**
 * Runs `plan`'s searches through `find` and ranks them. The loose search and the exact searches that do not
 * wait for another's answer run at once, so their index chunks are fetched in parallel. A result of the
 * `related` tier (every indexed piece of the query, but apart: scattered characters) is left out, as is an id
 * no search gave a result for.
 */
export async function rankedSearch<R extends RankHit>(
  find: RankFind<R>,
  plan: RankPlan,
): Promise<RankedResults<R>> {
  const exactResponses: ({ results: R[] } | null)[] = [];
  const termSets = async (term: RankPlan['terms'][number]): Promise<TermSets> => {
    const responses = await Promise.all(term.exact.map(find));
    exactResponses.push(...responses);
    return { literal: responses.length === 0 ? null : intersectIds(responses), group: term.group };
  };
  const [looseResponse, exact] = await Promise.all([
    find(plan.loose),
    plan.chain === null ? Promise.all(plan.terms.map(termSets)) : Promise.resolve(null),
  ]);
  const chain = plan.chain;
  // One run of distinct units: literal matches show in the loose results' positions, no exact search needed.
  const terms: TermSets[] = exact ?? [
    {
      literal: new Set(
        (looseResponse?.results ?? [])
          .filter((r) => chain !== null && hasRun(r.words, chain))
          .map((r) => r.id),
      ),
      group: false,
    },
  ];
  const results = new Map<string, R>((looseResponse?.results ?? []).map((r) => [r.id, r]));
  // A literal match the loose search missed (it can cut a prefix short) takes its result from an exact search.
  const spare = new Map<string, R>();
  for (const response of exactResponses)
    for (const r of response?.results ?? []) if (!results.has(r.id)) spare.set(r.id, r);
  const ranked = rank(idsOf(looseResponse), terms);
  for (const { id } of ranked) {
    const hit = spare.get(id);
    if (hit && !results.has(id)) results.set(id, hit);
  }
  // A related result holds every indexed piece of the query, but apart: scattered characters, not the words
  // searched for. Showing it would be noise under a query no clause prints, so it is not shown (near
  // matches, checked on the text, take its place).
  return { ranked: ranked.filter((r) => results.has(r.id) && r.tier !== 'related'), results };
}

/**
 * Ranked results as the index worker sends them: the ids in order, the literal ones first (`literal` of them),
 * then the synonym ones — the only tiers `rankedSearch` keeps. One array of strings and a number, whatever the
 * number of results, instead of each result's score and word positions.
 */
export interface RankedAnswer {
  ids: string[];
  literal: number;
}

/** The answer of a ranking (its tiers are literal ones, then synonym ones). */
export function rankedAnswer(ranked: readonly Ranked[]): RankedAnswer {
  const literal = ranked.findIndex((r) => r.tier !== 'literal');
  if (ranked.slice(literal < 0 ? ranked.length : literal).some((r) => r.tier !== 'synonym'))
    throw new Error('a ranked answer holds literal results, then synonym ones, and nothing else');
  return { ids: ranked.map((r) => r.id), literal: literal < 0 ? ranked.length : literal };
}

/** The ranking an answer stands for. */
export function rankedOf(answer: RankedAnswer): Ranked[] {
  return answer.ids.map((id, i) => ({ id, tier: i < answer.literal ? 'literal' : 'synonym' }));
}
