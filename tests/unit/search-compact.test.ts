/**
 * The written bundle made smaller (src/lib/search/build/compact.ts): records renamed to short names behind a
 * prefix of the bundle's key and a hash of their clause files, each fragment replaced by a file per clause, the
 * metadata and the entry file rewritten to match. Runs Pagefind on a few hand-written records.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decode } from 'cborg';
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { compactBundle, fragmentNames } from '../../src/lib/search/build/compact';
import { unsigned } from '../../src/lib/search/build/fragments';
import {
  bundleNumberOf,
  CLAUSE_DIR,
  clauseFile,
  shortNameOf,
} from '../../src/lib/search/browser/clause-file';
import { bundleDir, bundleKey } from '../../src/lib/search/build/shards';
import { RECORD_VALUES_FILE, type BundleValues } from '../../src/lib/search/browser/record-values';

const work = mkdtempSync(join(tmpdir(), 'plan-atlas-search-compact-'));
afterAll(async () => {
  await pagefind.close();
  rmSync(work, { recursive: true, force: true });
});

const records = [
  { url: '/plans/a/#1', content: 'qaaaa qbbbb qcccc', text: '推进公转铁' },
  { url: '/plans/a/#2', content: 'qbbbb qdddd', text: '发展新能源' },
  { url: '/plans/b/#1', content: 'qaaaa qeeee qffff qgggg', text: '节能减排' },
];
/** Each record's clauses: its own text, and for /plans/a/#1 a second clause (a chapter of two). */
const clausesOf = (url: string, text: string) => [
  { url, meta: { kind: 'clause', text } },
  ...(url === '/plans/a/#1'
    ? [{ url: '/plans/a/#1-1', meta: { kind: 'clause', text: `${text}（一）` } }]
    : []),
];
const metaOf = (texts: Record<string, string>) => (url: string) =>
  texts[url] === undefined
    ? undefined
    : { clauses: clausesOf(url, texts[url]), layout: `${url.length}`, values: `0.0.0~p${url.length}` };
const textsOf = (list: typeof records) => Object.fromEntries(list.map((r) => [r.url, r.text]));

/** Writes `list` as a Pagefind bundle (no meta given to Pagefind) into a new directory. */
async function written(list: typeof records, name: string): Promise<string> {
  const dir = join(work, name);
  const { index } = await pagefind.createIndex({ writePlayground: false });
  for (const { url, content } of list)
    await index!.addCustomRecord({
      url,
      content,
      language: 'zh-cn',
      filters: { plan: [url.split('/')[2]!] },
    });
  await index!.writeFiles({ outputPath: dir });
  await index!.deleteIndex();
  return dir;
}

const entryOf = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { hash: string; page_count: number }>;
  };
const metaPages = (dir: string) => {
  const { hash } = entryOf(dir).languages['zh-cn']!;
  const path = join(dir, `pagefind.${hash}.pf_meta`);
  return (decode(unsigned(readFileSync(path), path)) as [string, [string, number, string][]])[1];
};
const metaChunks = (dir: string) => {
  const { hash } = entryOf(dir).languages['zh-cn']!;
  const path = join(dir, `pagefind.${hash}.pf_meta`);
  return (decode(unsigned(readFileSync(path), path)) as [string, unknown, [string, string, string][]])[2];
};
const clauseOf = (dir: string, record: string, clause: number) =>
  JSON.parse(readFileSync(join(dir, clauseFile(record, clause)), 'utf8')) as unknown;

describe('compactBundle', () => {
  it('replaces every fragment by a file per clause, named after the short name the metadata lists', async () => {
    const dir = await written(records, 'one');
    const before = metaPages(dir);
    const oldMeta = `pagefind.${entryOf(dir).languages['zh-cn']!.hash}.pf_meta`;
    const result = compactBundle(dir, '3', metaOf(textsOf(records)));
    const after = metaPages(dir);
    expect(result.pages).toBe(3);
    expect(result.clauses).toBe(4);
    expect(result.metaAfter).toBeGreaterThan(0);
    // Same pages in the same order with the same word counts: only the names changed.
    expect(after.map(([, words, group]) => [words, group])).toEqual(
      before.map(([, words, group]) => [words, group]),
    );
    const stamp = after[0]![0].slice(2, 8);
    const shorts = fragmentNames('3', stamp, 3);
    expect(after.map(([name]) => shortNameOf(name))).toEqual(shorts);
    // The clauses' word counts follow the short name; the filter values are in the values file, by number.
    for (const [name] of after) expect(name).toMatch(/^3_[0-9a-f]{6}[0-9a-z]+~\d+$/);
    const values = JSON.parse(readFileSync(join(dir, RECORD_VALUES_FILE), 'utf8')) as BundleValues;
    expect(values.records).toBe(`3_${stamp}`);
    expect(values.values).toEqual(after.map(([name]) => `0.0.0~p${name.slice(name.indexOf('~') + 1)}`));
    expect(existsSync(join(dir, 'fragment'))).toBe(false);
    expect(existsSync(join(dir, oldMeta))).toBe(false);
    // Every clause of every record in a file of its own, exactly the clause given.
    const texts = textsOf(records);
    const files: string[] = [];
    for (const [name] of after) {
      const first = clauseOf(dir, name, 0) as { url: string };
      const expected = clausesOf(first.url, texts[first.url]!);
      expected.forEach((clause, k) => {
        expect(clauseOf(dir, name, k)).toEqual(clause);
        files.push(clauseFile(name, k).slice(`${CLAUSE_DIR}/`.length));
      });
    }
    expect(readdirSync(join(dir, CLAUSE_DIR)).sort()).toEqual(files.sort());
    expect(files).toHaveLength(4);
  });

  it('renames every index chunk to a short name the metadata lists, its bytes unchanged', async () => {
    const dir = await written(records, 'chunks');
    const chunkFiles = () =>
      new Map(
        readdirSync(join(dir, 'index')).map((file) => [
          file,
          readFileSync(join(dir, 'index', file)).toString('hex'),
        ]),
      );
    const before = chunkFiles();
    const result = compactBundle(dir, 'k', metaOf(textsOf(records)));
    const chunks = metaChunks(dir);
    expect(result.chunks).toBe(chunks.length);
    expect(chunks.length).toBeGreaterThan(0);
    const stamp = chunks[0]![2].slice(2, 8);
    expect(chunks.map(([, , name]) => name)).toEqual(fragmentNames('k', stamp, chunks.length));
    const after = chunkFiles();
    expect([...after.keys()].sort()).toEqual(chunks.map(([, , name]) => `${name}.pf_index`).sort());
    // Only renamed: the same chunk bytes, and the same words from and to.
    expect([...after.values()].sort()).toEqual([...before.values()].sort());
    expect(chunks.every(([from, to]) => from.length > 0 && to.length > 0)).toBe(true);
  });

  it('renames every record when any clause changes, so no cached clause file is stale', async () => {
    const a = await written(records, 'same-a');
    const b = await written(records, 'same-b');
    compactBundle(a, '0', metaOf(textsOf(records)));
    compactBundle(b, '0', metaOf({ ...textsOf(records), '/plans/b/#1': '节能降碳' }));
    const namesA = metaPages(a).map(([name]) => name);
    const namesB = metaPages(b).map(([name]) => name);
    expect(namesA.filter((name) => namesB.includes(name))).toEqual([]);
    // …and the same bundle compacts to the same names.
    const c = await written(records, 'same-c');
    compactBundle(c, '0', metaOf(textsOf(records)));
    expect(metaPages(c).map(([name]) => name)).toEqual(namesA);
  });

  it('refuses a fragment whose record has no meta, naming the URL', async () => {
    const dir = await written(records, 'missing');
    const texts = textsOf(records);
    delete texts['/plans/a/#2'];
    expect(() => compactBundle(dir, '0', metaOf(texts))).toThrow(
      /no record meta for the fragment of \/plans\/a\/#2/,
    );
  });
});

describe('fragmentNames', () => {
  it.each([
    ['0', 'abcdef', 3, ['0_abcdef0', '0_abcdef1', '0_abcdef2']],
    ['n', '012345', 38, ['n_0123450', 'n_012345a', 'n_012345z', 'n_01234510', 'n_01234511']],
  ])('bundle %s, stamp %s, %i pages', (key, stamp, count, some) => {
    const names = fragmentNames(key, stamp, count);
    expect(names).toHaveLength(count);
    expect(new Set(names).size).toBe(count);
    for (const name of some) expect(names).toContain(name);
  });

  it.each(['', 'a-b', 'A', '0_'])('refuses the key “%s”', (key) => {
    expect(() => fragmentNames(key, 'abcdef', 1)).toThrow(/bundle key/);
  });
});

describe('bundleKey', () => {
  it.each([
    [0, '0'],
    [1, '1'],
    [35, 'z'],
    [36, '10'],
  ])('bundle %i has key %s, which the page reads back from a record id', (k, key) => {
    expect(bundleKey(bundleDir(k))).toBe(key);
    const [name] = fragmentNames(key, 'abcdef', 1);
    expect(bundleNumberOf(`${name}~0.0.0~3p0`)).toBe(k);
  });

  it.each(['pagefind-0', 'pagefind-01', 'other', 'pagefind-'])('refuses %s', (dir) => {
    expect(() => bundleKey(dir)).toThrow(/not a search bundle directory/);
  });
});
