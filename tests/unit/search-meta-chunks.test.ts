/**
 * The index worker's guess of the chunk Pagefind fetches for a word (src/lib/search/browser/meta-chunks.ts),
 * checked against what Pagefind's own script and WebAssembly fetch, on the built index of the seeds: for words
 * spread over every chunk, words past their chunk's bound, and words no chunk holds, each searched alone on a
 * fresh Pagefind (nothing loaded), as the page's first search of an opened URL is.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decode } from 'cborg';
import { describe, expect, it } from 'vitest';
import { chunkFor, metaChunks, type IndexChunk } from '../../src/lib/search/browser/meta-chunks';
import { unsigned } from '../../src/lib/search/build/fragments';
import { freshPagefind, seedsIndexForFile } from '../helpers/pagefind-node';

const { bundle } = seedsIndexForFile('meta-chunks');

const metaFile = () =>
  join(
    bundle,
    readdirSync(bundle).find((name) => name.endsWith('.pf_meta'))!,
  );

/** The index chunk files a fresh Pagefind fetches for a search of `word` alone. */
async function fetchedFor(word: string): Promise<string[]> {
  const pagefind = await freshPagefind(bundle);
  await pagefind.preload(''); // answering: the metadata and WebAssembly are in
  const fetched: string[] = [];
  const fetch = globalThis.fetch;
  globalThis.fetch = ((input: string | URL | Request, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    const chunk = /\/index\/([^/]+)\.pf_index$/.exec(url)?.[1];
    if (chunk) fetched.push(chunk);
    return fetch(input, init);
  }) as typeof globalThis.fetch;
  try {
    await pagefind.search(word);
  } finally {
    globalThis.fetch = fetch;
  }
  return fetched;
}

describe('the chunk list of the metadata', () => {
  it('is read as cborg decodes it, from the bytes Pagefind reads (gunzipped, signed)', () => {
    const file = readFileSync(metaFile());
    const decoded = (decode(unsigned(file, 'meta')) as unknown[])[2] as IndexChunk[];
    expect(decoded.length).toBeGreaterThan(10);
    expect(metaChunks(new Uint8Array(gunzipSync(file)))).toEqual(decoded);
  });

  it('is not guessed from bytes Pagefind would not read as its metadata', () => {
    const file = readFileSync(metaFile());
    expect(metaChunks(new Uint8Array(file))).toBeNull(); // still gzipped
    expect(metaChunks(new Uint8Array(gunzipSync(file)).subarray(0, 40))).toBeNull(); // cut short
    expect(metaChunks(new TextEncoder().encode('pagefind_dcd'))).toBeNull();
  });
});

describe('the chunk guessed for a word', () => {
  it(
    'is the one chunk a fresh Pagefind fetches for it: inside bounds, past a bound, and held by no chunk',
    { timeout: 300_000 },
    async () => {
      const chunks = metaChunks(new Uint8Array(gunzipSync(readFileSync(metaFile()))))!;
      const wordsOf = (name: string) =>
        (
          decode(unsigned(readFileSync(join(bundle, 'index', `${name}.pf_index`)), name)) as [[string][]]
        )[0].map(([word]) => word);
      const held = chunks.map(([, , name]) => wordsOf(name));
      const inBounds = (word: string, k: number) => word >= chunks[k]![0] && word <= chunks[k]![1];
      // Every twentieth chunk's first, middle and last word; every word past its own chunk's bound, at most 20.
      const sample = new Set<string>();
      held.forEach((words, k) => {
        if (k % 20 === 0) for (const at of [0, words.length >> 1, words.length - 1]) sample.add(words[at]!);
      });
      const past = held.flatMap((words, k) => words.filter((w) => !inBounds(w, k)));
      expect(past.length).toBeGreaterThan(0);
      past.filter((_, i) => i % Math.ceil(past.length / 20) === 0).forEach((w) => sample.add(w));
      // Words no chunk holds: before the first, after the last, between two chunks, and a prefix of a word.
      const nowhere = ['!', '~~~~', `${chunks[3]![1]}~`, held[5]![0]!.slice(0, 3)];
      const mismatched: string[] = [];
      for (const word of [...sample, ...nowhere]) {
        const guessed = chunkFor(chunks, word);
        const fetched = await fetchedFor(word);
        if (JSON.stringify(guessed === null ? [] : [guessed]) !== JSON.stringify(fetched))
          mismatched.push(`${word}: guessed ${guessed}, Pagefind fetched ${fetched.join(', ') || 'nothing'}`);
      }
      expect(sample.size).toBeGreaterThan(20);
      expect(mismatched).toEqual([]);
    },
  );

  it('is none for a word outside the search alphabet', () => {
    expect(chunkFor([['a', 'z', 'x']], '公转铁')).toBeNull();
    expect(chunkFor([['a', 'z', 'x']], '')).toBeNull();
  });
});
