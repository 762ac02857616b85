/**
 * A group's form is looked up by its form token (tokens.ts `formToken`), one word, instead of its runs' bigrams.
 * Through the built index of the seeds, searched by Pagefind's own script and WebAssembly seen as clauses (the
 * page's path): for every form of every synonym and department group that some clause prints, the clauses its
 * token finds are exactly those the exact lookups of its runs find (what the page looked up before), and each
 * prints every run of the form in its text.
 */
import { describe, expect, it } from 'vitest';
import { searchClauses } from '../../src/integrations/pagefind';
import type { ClauseSearch } from '../../src/lib/search/browser/clause-view';
import { foldQuery } from '../../src/lib/search/browser/fold';
import { compileSynonyms, printsForm } from '../../src/lib/search/browser/synonyms';
import { aloneCode, formToken, lookupOf, runsOf, type Run } from '../../src/lib/search/browser/tokens';
import { loadSearchGroups } from '../../src/lib/search/build/groups';
import { freshClausePagefind, seedsIndexForFile } from '../helpers/pagefind-node';

const { plans, bundle } = seedsIndexForFile('form-tokens');
const groups = compileSynonyms(loadSearchGroups().groups, foldQuery);

/** The exact lookup of one run, as the page wrote it before form tokens (query.ts `exactOf`). */
const exactOf = (run: Run) => lookupOf(run).exact ?? `"${aloneCode(run[0]!)}"`;

async function clauseIds(pf: ClauseSearch, lookup: string): Promise<Set<string>> {
  return new Set((await pf.search(lookup))?.results.map((r) => r.id) ?? []);
}

describe('form tokens', () => {
  it('find exactly the clauses the exact lookups of the form’s runs find', { timeout: 120_000 }, async () => {
    const texts = searchClauses(plans, '/').map((c) => runsOf(foldQuery(c.meta.text)));
    const printed = groups.flatMap((group) =>
      group.runs.flatMap((form, f) => (texts.some((t) => printsForm(t, form)) ? [{ group, form, f }] : [])),
    );
    // Synonyms and departments alike, enough of them to mean something.
    expect(printed.filter((p) => p.group.kind === 'synonym').length).toBeGreaterThan(10);
    expect(printed.filter((p) => p.group.kind === 'department').length).toBeGreaterThan(10);
    const pf = await freshClausePagefind(bundle);
    for (const { group, form, f } of printed) {
      const byToken = await clauseIds(pf, `"${formToken(group.index, f)}"`);
      const perRun = await Promise.all(form.map((run) => clauseIds(pf, exactOf(run))));
      const byRuns = [...perRun[0]!].filter((id) => perRun.every((ids) => ids.has(id)));
      expect([...byToken].sort(), group.forms[f]).toEqual(byRuns.sort());
      expect(byToken.size, group.forms[f]).toBeGreaterThan(0);
    }
  });

  it('find nothing for a form no clause prints', async () => {
    const pf = await freshClausePagefind(bundle);
    const texts = searchClauses(plans, '/').map((c) => runsOf(foldQuery(c.meta.text)));
    const unprinted = groups
      .flatMap((group) => group.runs.map((form, f) => ({ group, form, f })))
      .filter(({ form }) => !texts.some((t) => printsForm(t, form)))
      .slice(0, 20);
    expect(unprinted.length).toBeGreaterThan(0);
    for (const { group, f } of unprinted)
      expect((await clauseIds(pf, `"${formToken(group.index, f)}"`)).size, group.forms[f]).toBe(0);
  });
});
