/**
 * Words past their index chunk's bound are found together with other words, through the built index of the
 * seeds and the search page's own query path (src/browser/search/engine.ts), searched by Pagefind's own script
 * and WebAssembly.
 *
 * Pagefind's metadata bounds each index chunk by prefixes (`chunk_meta`: a chunk ending in `fblfz` before one
 * starting with `fblghalm` is bounded by `fblf`), so some words sort past the bound of the chunk that holds them,
 * and the search page looks several words up at once (one loose search of every word). Were such a word looked
 * up in no chunk when another word of the search is found in one, a reader searching two words would be told
 * that nothing prints both where clauses do. Each search here runs on a fresh Pagefind (nothing loaded), as a
 * newly opened search page: a chunk loaded by an earlier search would hide the miss.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decode } from 'cborg';
import { describe, expect, it } from 'vitest';
import { runSearch } from '../../src/browser/search/engine';
import { searchClauses } from '../../src/integrations/pagefind';
import { foldQuery } from '../../src/lib/search/browser/fold';
import { parseQuery } from '../../src/lib/search/browser/query';
import { unsigned } from '../../src/lib/search/build/fragments';
import { freshClausePagefind, seedsIndexForFile } from '../helpers/pagefind-node';

const { plans, bundle } = seedsIndexForFile('chunk-bounds');

/** Words past their bound searched (each with a partner, on two fresh Pagefinds), at most. */
const SAMPLE = 80;

/** The bundle's index chunks as its metadata bounds them, each with the words it holds. */
function chunks(): { from: string; to: string; words: string[] }[] {
  const metaFile = readdirSync(bundle).find((name) => name.endsWith('.pf_meta'))!;
  const meta = decode(unsigned(readFileSync(join(bundle, metaFile)), metaFile)) as [
    string,
    unknown,
    [string, string, string][],
  ];
  return meta[2].map(([from, to, name]) => {
    const path = join(bundle, 'index', `${name}.pf_index`);
    const words = (decode(unsigned(readFileSync(path), path)) as [[string][]])[0].map(([word]) => word);
    return { from, to, words };
  });
}

/** The text of a token of one or two CJK characters (tokens.ts: four letters a–p each; `z` ends a lone one). */
function textOf(token: string): string | null {
  const match = /^([a-p]{4})([a-p]{4}|z)$/.exec(token);
  if (!match) return null;
  const char = (code: string) =>
    String.fromCharCode(parseInt([...code].map((l) => (l.charCodeAt(0) - 97).toString(16)).join(''), 16));
  return char(match[1]!) + (match[2] === 'z' ? '' : char(match[2]!));
}

describe('a word past its chunk bound searched with another word', () => {
  it(
    'finds every clause holding both, on a fresh Pagefind, through the page query path',
    { timeout: 300_000 },
    async () => {
      const all = chunks();
      const chunkOf = new Map<string, number>();
      all.forEach(({ words }, k) => words.forEach((w) => chunkOf.set(w, k)));
      const inBounds = (w: string) => w >= all[chunkOf.get(w)!]!.from && w <= all[chunkOf.get(w)!]!.to;
      const allPast = [...chunkOf.keys()].filter((w) => !inBounds(w) && textOf(w) !== null);
      // Two fresh Pagefinds per pair: at most SAMPLE words, spread evenly over the index.
      const taken = Math.min(SAMPLE, allPast.length);
      const past = Array.from(
        { length: taken },
        (_, j) => allPast[Math.floor((j * allPast.length) / taken)]!,
      );
      const records = searchClauses(plans, '/').map((r) => ({
        url: r.url,
        words: new Set(r.content.split(' ')),
      }));
      const pairs: [string, string][] = [];
      for (const w of past) {
        // A two-character word of a record holding `w`, inside its own chunk's bounds, in another chunk.
        const partner = records
          .filter((r) => r.words.has(w))
          .flatMap((r) => [...r.words])
          .find((v) => /^[a-p]{8}$/.test(v) && chunkOf.get(v) !== chunkOf.get(w) && inBounds(v));
        if (partner) pairs.push([w, partner]);
      }
      // The seeds have words past their bounds in most chunks; the test means nothing without them.
      expect(past.length).toBeGreaterThanOrEqual(40);
      expect(pairs.length).toBeGreaterThanOrEqual(40);
      const missed: string[] = [];
      for (const [w, v] of pairs) {
        const query = parseQuery(`${textOf(w)} ${textOf(v)}`, foldQuery)!;
        expect(query.loose).toBe(`${w} ${v}`);
        const holding = records.filter((r) => r.words.has(w) && r.words.has(v)).map((r) => r.url);
        const outcome = await runSearch(await freshClausePagefind(bundle), query, {}, { near: false });
        const literal = outcome.ranked.filter((r) => r.tier === 'literal');
        const urls = await Promise.all(
          literal.map(async (r) => (await outcome.results.get(r.id)!.data()).url),
        );
        // Pagefind's own loose search of both words, alone on a fresh Pagefind, finds them too.
        const loose = await (await freshClausePagefind(bundle)).search(query.loose);
        const looseUrls = await Promise.all((loose?.results ?? []).map(async (r) => (await r.data()).url));
        if (urls.sort().join() !== holding.sort().join() || !holding.every((u) => looseUrls.includes(u)))
          missed.push(
            `${query.raw}: ${urls.length} literal, ${looseUrls.length} loose, ${holding.length} hold both`,
          );
      }
      expect(missed).toEqual([]);
    },
  );
});
