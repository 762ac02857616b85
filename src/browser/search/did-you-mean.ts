/**
 * “Did you mean” on the search page: when no clause prints the query, the nearest names the site knows
 * (src/lib/search/browser/did-you-mean.ts over /search/vocabulary.json, fetched on the first such search), each
 * searched before it is offered, so a proposal always leads to clauses — and the typed wording is never said
 * to be found.
 */
import { foldQuery, foldReady } from '../../lib/search/browser/fold-on-demand';
import { proposals, type VocabularyTerm } from '../../lib/search/browser/did-you-mean';
import type { ParsedQuery } from '../../lib/search/browser/query';
import { runSearch } from './engine';
import type { Filters, Pagefind } from './pagefind';

/** At most this many proposals are searched (and offered) per query. */
const MAX_CHECKED = 4;

let vocabulary: Promise<VocabularyTerm[]> | null = null;

function loadVocabulary(url: string): Promise<VocabularyTerm[]> {
  vocabulary ??= fetch(url)
    .then((response) => {
      if (!response.ok) throw new Error(`${response.status} fetching ${url}`);
      return response.json() as Promise<{ terms: VocabularyTerm[] }>;
    })
    .then((data) => data.terms)
    .catch((error: unknown) => {
      vocabulary = null;
      throw error;
    });
  return vocabulary;
}

export interface CheckedProposal {
  /** The known term proposed. */
  term: string;
  /** The whole query with the term in place of the wording it replaces. */
  query: string;
  /** Clauses the proposed query finds printing it (包含) or through a synonym or department name. */
  count: number;
}

/** Replaces the first `wording` in `raw` by `term`. */
function replaced(raw: string, wording: string, term: string): string {
  const at = raw.indexOf(wording);
  return at === -1 ? term : raw.slice(0, at) + term + raw.slice(at + wording.length);
}

/**
 * The proposals for the terms of a query nothing printed, each with the number of clauses its search finds
 * under the same filters; proposals that find nothing are dropped.
 */
export async function checkedProposals(
  pf: Pagefind,
  query: ParsedQuery,
  filters: Filters,
  vocabularyUrl: string,
  parse: (q: string) => Promise<ParsedQuery | null>,
): Promise<CheckedProposal[]> {
  const terms = await loadVocabulary(vocabularyUrl);
  await foldReady(terms.map(([term]) => term));
  const candidates = query.terms
    .flatMap((term) =>
      proposals(term.text, terms, foldQuery).map((p) => ({
        term: p.term,
        query: replaced(query.raw, term.text, p.term),
      })),
    )
    .slice(0, MAX_CHECKED);
  const checked = await Promise.all(
    candidates.map(async (candidate) => {
      const parsed = await parse(candidate.query);
      if (!parsed) return null;
      const outcome = await runSearch(pf, parsed, filters, { near: false });
      const count = outcome.ranked.filter((r) => r.tier === 'literal' || r.tier === 'synonym').length;
      return count > 0 ? { ...candidate, count } : null;
    }),
  );
  return checked.filter((c): c is CheckedProposal => c !== null);
}
