/**
 * Pagefind's records are chapters; the page's results are clauses (src/lib/search/browser/clause-view.ts).
 * Through the built index of the seeds, searched by Pagefind's own script and WebAssembly and the page's query
 * path: a match in a record's later clause links to that clause, a phrase never runs from one clause into the
 * next, a filter is checked on each clause's own values, and filter counts count clauses.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSearch } from '../../src/browser/search/engine';
import { searchClauses, searchRecords } from '../../src/integrations/pagefind';
import { CLAUSE_DIR, clauseFile } from '../../src/lib/search/browser/clause-file';
import { clauseOf, lookupParts } from '../../src/lib/search/browser/clause-view';
import { foldQuery } from '../../src/lib/search/browser/fold';
import { parseQuery } from '../../src/lib/search/browser/query';
import { freshClausePagefind, seedsIndexForFile } from '../helpers/pagefind-node';

const { plans, bundle } = seedsIndexForFile('clause-view');

const clauses = searchClauses(plans, '/');
const records = searchRecords(plans, '/');
const flat = (s: string) => foldQuery(s).replace(/\s+/g, '');
const CJK = /^\p{Script=Han}+$/u;

/** The URLs of the literal results of `raw` (with filters), on a fresh Pagefind seen as clauses. */
async function literalUrls(raw: string, filters: Record<string, string> = {}): Promise<string[]> {
  const outcome = await runSearch(await freshClausePagefind(bundle), parseQuery(raw, foldQuery)!, filters, {
    near: false,
  });
  const literal = outcome.ranked.filter((r) => r.tier === 'literal');
  return Promise.all(literal.map(async (r) => (await outcome.results.get(r.id)!.data()).url));
}

describe('lookup parts', () => {
  it('cuts a lookup into bare words and quoted phrases, each phrase with its length', () => {
    expect(lookupParts('abcd "efgh ijkl mnop" qrst')).toEqual([
      { words: ['abcd'] },
      { words: ['efgh', 'ijkl', 'mnop'] },
      { words: ['qrst'] },
    ]);
  });
});

describe('clauses of chapter records', () => {
  it(
    "links a match in a record's later clause to that clause, not the record's first",
    { timeout: 120_000 },
    async () => {
      // Four characters printed by exactly one clause, which is not the first of its record.
      const later = records
        .filter((r) => r.meta.clauses.length >= 3)
        .flatMap((r) => r.meta.clauses.slice(1).map((c) => c.meta.text));
      let found: { query: string; url: string } | null = null;
      for (const text of later) {
        for (let i = 0; i + 4 <= text.length && !found; i++) {
          const query = text.slice(i, i + 4);
          if (!CJK.test(query)) continue;
          const holding = clauses.filter((c) => flat(c.meta.text).includes(query));
          if (holding.length === 1) found = { query, url: holding[0]!.url };
        }
        if (found) break;
      }
      expect(found).not.toBeNull();
      const first = records.find((r) => r.meta.clauses.some((c) => c.url === found!.url))!.url;
      expect(first).not.toBe(found!.url);
      expect(await literalUrls(found!.query)).toEqual([found!.url]);
    },
  );

  it(
    'finds no phrase that runs from the end of one clause into the start of the next',
    { timeout: 120_000 },
    async () => {
      // Two characters: the last of a clause and the first of the next in its record, printed together nowhere.
      const spanning: string[] = [];
      for (const record of records) {
        const texts = record.meta.clauses.map((c) => c.meta.text.trim());
        for (let k = 0; k + 1 < texts.length; k++) {
          const pair = `${texts[k]!.slice(-1)}${texts[k + 1]!.slice(0, 1)}`;
          if (CJK.test(pair) && pair.length === 2 && !clauses.some((c) => flat(c.meta.text).includes(pair)))
            spanning.push(pair);
        }
      }
      expect(spanning.length).toBeGreaterThanOrEqual(3);
      for (const pair of spanning.slice(0, 5)) expect(await literalUrls(pair), pair).toEqual([]);
    },
  );

  it(
    "checks a filter on each clause's own values: a record-mate without the department is not shown",
    { timeout: 120_000 },
    async () => {
      // A record with a clause of a department category and a clause without it, both printing one word.
      let setup: { query: string; category: string; shown: string; hidden: string } | null = null;
      for (const record of records) {
        const cs = record.meta.clauses;
        for (const a of cs) {
          for (const category of a.filters.department) {
            const b = cs.find((c) => !c.filters.department.includes(category));
            if (!b) continue;
            const text = flat(a.meta.text);
            for (let i = 0; i + 2 <= text.length; i++) {
              const query = text.slice(i, i + 2);
              if (CJK.test(query) && flat(b.meta.text).includes(query)) {
                setup = { query, category, shown: a.url, hidden: b.url };
                break;
              }
            }
            if (setup) break;
          }
          if (setup) break;
        }
        if (setup) break;
      }
      expect(setup).not.toBeNull();
      const { query, category, shown, hidden } = setup!;
      const unfiltered = await literalUrls(query);
      expect(unfiltered).toContain(shown);
      expect(unfiltered).toContain(hidden);
      const filtered = await literalUrls(query, { department: category });
      expect(filtered).toContain(shown);
      expect(filtered).not.toContain(hidden);
      // Every clause shown under the filter is of the category, and every such clause printing the word is shown.
      const expected = clauses
        .filter((c) => c.filters.department.includes(category) && flat(c.meta.text).includes(query))
        .map((c) => c.url);
      expect(filtered.sort()).toEqual(expected.sort());
    },
  );

  it('counts clauses per filter value, not records', { timeout: 120_000 }, async () => {
    const pf = await freshClausePagefind(bundle);
    await pf.filters();
    const query = parseQuery('节能', foldQuery)!;
    const response = (await pf.search(query.terms[0]!.exact[0]!))!;
    const holding = clauses.filter((c) => flat(c.meta.text).includes('节能'));
    expect(response.results).toHaveLength(holding.length);
    const byPart = new Map<string, number>();
    for (const c of holding) for (const part of c.filters.part) byPart.set(part, (byPart.get(part) ?? 0) + 1);
    expect(response.totalFilters['part']).toEqual(Object.fromEntries(byPart));
  });

  it('writes a file per clause, each exactly the clause a result shows, and no fragment', () => {
    const dir = join(bundle, CLAUSE_DIR);
    const files = readdirSync(dir);
    expect(files).toHaveLength(clauses.length);
    expect(existsSync(join(bundle, 'fragment'))).toBe(false);
    const byUrl = new Map(clauses.map((c) => [c.url, c]));
    for (const file of files) {
      const data = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { url: string };
      const clause = byUrl.get(data.url);
      expect(clause, data.url).toBeDefined();
      expect(data).toEqual({ url: clause!.url, meta: clause!.meta, filters: clause!.filters });
      byUrl.delete(data.url);
    }
    expect(byUrl.size).toBe(0);
  });

  it(
    "shows each result with its own clause's data: the clause its record's layout puts the match in",
    { timeout: 120_000 },
    async () => {
      const recordByFirst = new Map(records.map((r) => [r.url, r]));
      for (const raw of ['公转铁', '节能', '两高', '生态环境局']) {
        const outcome = await runSearch(
          await freshClausePagefind(bundle),
          parseQuery(raw, foldQuery)!,
          {},
          {
            near: false,
          },
        );
        expect(outcome.ranked.length, raw).toBeGreaterThan(0);
        for (const { id, tier } of outcome.ranked) {
          const data = await outcome.results.get(id)!.data();
          const { record, clause } = clauseOf(id);
          // The record is known by its first clause's file; the result is its record's clause of that number.
          const first = JSON.parse(readFileSync(join(bundle, clauseFile(record, 0)), 'utf8')) as {
            url: string;
          };
          const expected = recordByFirst.get(first.url)!.meta.clauses[clause]!;
          expect(data).toEqual({ url: expected.url, meta: expected.meta, filters: expected.filters });
          if (tier === 'literal') expect(flat(data.meta.text), `${raw} ${data.url}`).toContain(flat(raw));
        }
      }
    },
  );
});
