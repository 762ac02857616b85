/**
 * A bundle's index cut again into chunks of the size chosen for what a search fetches
 * (src/lib/search/build/rechunk.ts): the same words with the same postings, in Pagefind's order, each chunk whole
 * words of about the target size, bounded in the metadata as Pagefind bounds its own. Runs Pagefind on
 * hand-made records. That searches still find what they should through the cut index is
 * tests/unit/search-chunk-bounds.test.ts, on the seeds.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decode, encode } from 'cborg';
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { arrayHead, arrayItems, itemEnd, textAt } from '../../src/lib/search/build/cbor-items';
import { unsigned } from '../../src/lib/search/build/fragments';
import {
  boundary,
  chunkTarget,
  MIN_CHUNK_BYTES,
  PAGEFIND_CHUNK_BYTES,
  rechunk,
  type MetaChunk,
} from '../../src/lib/search/build/rechunk';

const work = mkdtempSync(join(tmpdir(), 'plan-atlas-rechunk-'));
afterAll(async () => {
  await pagefind.close();
  rmSync(work, { recursive: true, force: true });
});

/** A distinct lowercase word for each k (letters only, as the search alphabet's tokens). */
const word = (k: number) => `q${(k * 7919).toString(26).replace(/\d/g, (d) => 'qrstuvwxyz'[Number(d)]!)}`;

/** A Pagefind bundle of `records` records of `perRecord` words, distinct across records, in a new directory. */
async function written(
  name: string,
  records: number,
  perRecord = 60,
): Promise<{ dir: string; chunks: MetaChunk[] }> {
  const dir = join(work, name);
  const { index } = await pagefind.createIndex({ writePlayground: false });
  for (let r = 0; r < records; r++)
    await index!.addCustomRecord({
      url: `/plans/m/#${r}`,
      content: Array.from({ length: perRecord }, (_, i) => word(r * perRecord + i)).join(' '),
      language: 'zh-cn',
    });
  await index!.writeFiles({ outputPath: dir });
  await index!.deleteIndex();
  const metaFile = readdirSync(dir).find((f) => f.endsWith('.pf_meta'))!;
  const meta = decode(unsigned(readFileSync(join(dir, metaFile)), metaFile)) as [
    string,
    unknown,
    MetaChunk[],
  ];
  return { dir, chunks: meta[2] };
}

/** Every word of the chunks with its entry (postings) as JSON, in chunk order. */
function entries(dir: string, chunks: readonly MetaChunk[]): [string, string][] {
  return chunks.flatMap(([, , name]) => {
    const path = join(dir, 'index', `${name}.pf_index`);
    return (decode(unsigned(readFileSync(path), path)) as [[string, unknown][]])[0].map(
      (w): [string, string] => [w[0], JSON.stringify(w)],
    );
  });
}

describe('rechunk', () => {
  it('cuts the index into chunks of whole words of about the target size, bounded as Pagefind bounds them', async () => {
    // 1,500 records × 60 distinct words: a few of Pagefind's own chunks, so several of the target size each.
    const { dir, chunks } = await written('many', 1500);
    const before = entries(dir, chunks);
    const files = chunks.map(([, , name]) => readFileSync(join(dir, 'index', `${name}.pf_index`)));
    const raw = files.reduce((n, f, k) => n + unsigned(f, String(k)).length, 0);
    const gz = files.reduce((n, f) => n + f.length, 0);
    const target = chunkTarget(raw, gz / raw);
    const cut = rechunk(dir, chunks);
    expect(cut.length).toBeGreaterThan(chunks.length);
    expect(readdirSync(join(dir, 'index')).sort()).toEqual(cut.map(([, , n]) => `${n}.pf_index`).sort());
    // The same words with the same postings, in the same order.
    expect(entries(dir, cut)).toEqual(before);
    for (const [k, [from, to, name]] of cut.entries()) {
      const path = join(dir, 'index', `${name}.pf_index`);
      const words = (decode(unsigned(readFileSync(path), path)) as [[string][]])[0];
      const size = words.reduce((n, w) => n + encode(w).length, 0);
      const last = encode(words[words.length - 1]!).length;
      // At least the target (but the last chunk), and under it before the last word.
      if (k + 1 < cut.length) expect(size).toBeGreaterThanOrEqual(target);
      expect(size - last).toBeLessThan(target);
      // Bounds: the first chunk's first word and the last chunk's last word whole, between two chunks the
      // shortest prefixes that tell them apart.
      const next = cut[k + 1];
      const nextFirst = next ? entries(dir, [next])[0]![0] : null;
      const lastWord = words[words.length - 1]![0];
      if (k === 0) expect(from).toBe(words[0]![0]);
      if (nextFirst === null) expect(to).toBe(lastWord);
      else expect([to, next![0]]).toEqual(boundary(lastWord, nextFirst));
      if (next) expect(to < next[0]).toBe(true);
    }
  });

  it('leaves a bundle alone whose chunks are no larger than the target', async () => {
    const { dir, chunks } = await written('few', 2, 10);
    const before = readdirSync(join(dir, 'index')).map((f) =>
      readFileSync(join(dir, 'index', f)).toString('hex'),
    );
    expect(rechunk(dir, chunks)).toEqual(chunks);
    expect(
      readdirSync(join(dir, 'index')).map((f) => readFileSync(join(dir, 'index', f)).toString('hex')),
    ).toEqual(before);
  });

  it('chooses larger chunks for a larger bundle and for text that compresses better, within bounds', () => {
    expect(chunkTarget(560_000, 0.43)).toBe(2041);
    expect(chunkTarget(14_000_000, 0.43)).toBe(10_207);
    expect(chunkTarget(14_000_000, 0.037)).toBe(34_797);
    expect(chunkTarget(100, 0.5)).toBe(MIN_CHUNK_BYTES);
    expect(chunkTarget(1e10, 0.5)).toBe(PAGEFIND_CHUNK_BYTES);
  });

  it('bounds two chunks by the shortest prefixes that tell them apart', () => {
    expect(boundary('fblfz', 'fblghalm')).toEqual(['fblf', 'fblg']);
    expect(boundary('apple', 'apricot')).toEqual(['app', 'apr']);
    expect(boundary('cath', 'cathartic')).toEqual(['cath', 'catha']);
  });

  it('finds where CBOR items end without decoding them, as cborg encodes them', () => {
    const values = [
      0,
      23,
      24,
      255,
      256,
      65_535,
      65_536,
      2 ** 32,
      -1,
      -25,
      -1000,
      1.5,
      true,
      null,
      'fblfz',
      '长江ü',
      [],
      [1, [2, [3, 'x']]],
      { a: [1, 2] },
      new Uint8Array([1, 2, 3]),
    ];
    for (const value of values) {
      const bytes = encode(value);
      expect(itemEnd(bytes, 0), JSON.stringify(value)).toBe(bytes.length);
    }
    const list = encode(values);
    expect(arrayItems(list, 0).map(([a, b]) => decode(list.subarray(a, b)))).toEqual(values);
    expect(textAt(encode('长江ü'), 0)).toBe('长江ü');
    for (const count of [0, 23, 24, 255, 256, 70_000]) {
      const head = arrayHead(count);
      expect([...encode(new Array(count).fill(0)).subarray(0, head.length)]).toEqual([...head]);
    }
    expect(() => itemEnd(Uint8Array.of(0x9f, 0x01, 0xff), 0)).toThrow(/indefinite/);
  });
});
