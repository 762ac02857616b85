/**
 * A written Pagefind bundle made smaller where the search page pays before its first result: the metadata.
 *
 * Pagefind's metadata (`pagefind.<hash>.pf_meta`, loaded whole before the first query) holds, for every record,
 * the name of its fragment — a content hash such as `zh-cn_c085e06` — and its word count. The hashes are random,
 * so they do not compress: about 7.3 bytes per record gzipped, 870 KB at the 119,000 clause records of 3,000
 * plans. Renamed to the record's number in base 36 behind a prefix shared by the whole bundle, they compress to
 * about 3 bytes per record (measured: 36.3 KB → 17.9 KB for 4,950 records).
 *
 * Pagefind names fragments by content so a cached fragment is never stale. Our fragments are not kept: each is
 * replaced by its record's clause files (browser/clause-file.ts), named after the record's short name, and the
 * prefix keeps them fresh: it holds a hash of every clause file and layout of the bundle, so any change renames
 * them all. It also starts with the bundle's key, so records of merged bundles never share a name (the search
 * page keys results by it, and finds the bundle of a clause file by it).
 * The metadata also lists every index chunk (the words from and to, and the chunk's name, again a random hash
 * such as `zh-cn_58ea221`: about 12 bytes per chunk gzipped, ~200 chunks per bundle of 5,000 clauses). The chunks
 * are renamed the same way, `<key>_<stamp><chunk number in base 36>` with the stamp a hash of every chunk of the
 * bundle: 1,858 → 1,316 bytes gzipped for the 157 chunks of 3,960 records (measured), the same saving in every
 * bundle the page loads. Before they are renamed, the chunks are cut again to a size chosen for the bytes a
 * search fetches (rechunk.ts).
 *
 * The metadata is written back byte for byte as Pagefind encodes it (CBOR, with cborg), under a new content
 * hash that `pagefind-entry.json` names.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decode, encode } from 'cborg';
import { CLAUSE_DIR, clauseFile } from '../browser/clause-file';
import { LAYOUT_MARK } from '../browser/layout';
import { RECORD_VALUES_FILE, type BundleValues } from '../browser/record-values';
import { fragmentUrl, signed, unsigned } from './fragments';
import { rechunk, type MetaChunk } from './rechunk';

/** `pagefind-entry.json`: the languages of the bundle, each with the hash its metadata file is named by. */
interface Entry {
  languages: Record<string, { hash: string }>;
}

/** A page of Pagefind's metadata: its fragment's name, its word count, its fragment group ('' for none). */
type MetaPage = [name: string, words: number, group: string];

/** Characters of the bundle's fragment hash in every fragment name. */
const STAMP_LENGTH = 6;
/** Characters of the content hash in the metadata file's name (as long as Pagefind's own). */
const META_HASH_LENGTH = 13;

function isMetaPage(page: unknown): page is MetaPage {
  return (
    Array.isArray(page) &&
    page.length === 3 &&
    typeof page[0] === 'string' &&
    typeof page[1] === 'number' &&
    page[2] === ''
  );
}

/** The pages of decoded metadata, checked to be what this module knows how to rename. */
function pagesOf(meta: unknown, name: string): MetaPage[] {
  const pages: unknown = Array.isArray(meta) ? meta[1] : undefined;
  if (!Array.isArray(pages) || !pages.every(isMetaPage))
    throw new Error(
      `${name}: not Pagefind 1.6 metadata with ungrouped fragments ([version, [[hash, words, ''], …], …])`,
    );
  return pages;
}

function isMetaChunk(chunk: unknown): chunk is MetaChunk {
  return Array.isArray(chunk) && chunk.length === 3 && chunk.every((part) => typeof part === 'string');
}

/** The index chunks of decoded metadata, checked to be what this module knows how to rename. */
function chunksOf(meta: unknown, name: string): MetaChunk[] {
  const chunks: unknown = Array.isArray(meta) ? meta[2] : undefined;
  if (!Array.isArray(chunks) || !chunks.every(isMetaChunk))
    throw new Error(
      `${name}: not Pagefind 1.6 metadata with index chunks ([version, pages, [[from, to, hash], …], …])`,
    );
  return chunks;
}

/**
 * What the build writes for a record in place of its fragment: each clause's shown data, a file per clause
 * (browser/clause-file.ts), its clauses' word counts after its short name (layout.ts) and its filter values
 * in the bundle's values file (browser/record-values.ts).
 */
export interface FragmentRecord {
  clauses: readonly unknown[];
  layout?: string;
  values?: string;
}

/** The fragment names of a bundle: `<key>_<stamp><number in base 36>`, in page order. */
export function fragmentNames(key: string, stamp: string, count: number): string[] {
  if (!/^[0-9a-z]+$/.test(key)) throw new Error(`a bundle key is letters and digits, not “${key}”`);
  return Array.from({ length: count }, (_, k) => `${key}_${stamp}${k.toString(36)}`);
}

export interface Compacted {
  /** Records (pages) of the bundle. */
  pages: number;
  /** Clause files written for them. */
  clauses: number;
  /** Index chunks of the bundle. */
  chunks: number;
  /** Bytes of the metadata file before and after. */
  metaBefore: number;
  metaAfter: number;
}

/**
 * Replaces every fragment of the bundle in `dir` by its clauses' files (`recordOf` gives them for the fragment's
 * URL; a fragment with none is refused), named after the record's short name (see above), and rewrites the
 * metadata and `pagefind-entry.json` to match. `key` tells this bundle's records from every other bundle's.
 */
export function compactBundle(
  dir: string,
  key: string,
  recordOf: (url: string) => FragmentRecord | undefined,
): Compacted {
  const entryPath = join(dir, 'pagefind-entry.json');
  const entry = JSON.parse(readFileSync(entryPath, 'utf8')) as Entry & Record<string, unknown>;
  const out: Compacted = { pages: 0, clauses: 0, chunks: 0, metaBefore: 0, metaAfter: 0 };
  for (const [language, index] of Object.entries(entry.languages)) {
    const metaPath = join(dir, `pagefind.${index.hash}.pf_meta`);
    const metaFile = readFileSync(metaPath);
    const meta: unknown = decode(unsigned(metaFile, metaPath));
    const pages = pagesOf(meta, metaPath);
    const digest = createHash('sha256');
    const records = pages.map(([name]) => {
      const path = join(dir, 'fragment', `${name}.pf_fragment`);
      const url = fragmentUrl(readFileSync(path), path);
      const record = recordOf(url);
      if (!record) throw new Error(`${path}: no record meta for the fragment of ${url}`);
      const files = record.clauses.map((clause) => JSON.stringify(clause));
      // The stamp covers every clause file, layout and values: any change renames them all (no stale cached file).
      digest.update(`\0${record.layout ?? ''}\0${record.values ?? ''}`);
      for (const file of files) digest.update(`\0${file}`);
      return { path, layout: record.layout, values: record.values, files };
    });
    const stamp = digest.digest('hex').slice(0, STAMP_LENGTH);
    const names = fragmentNames(key, stamp, pages.length).map(
      (short, k) => {
        const layout = records[k]?.layout;
        return layout ? `${short}${LAYOUT_MARK}${layout}` : short;
      },
    );
    mkdirSync(join(dir, CLAUSE_DIR), { recursive: true });
    records.forEach(({ path, files }, k) => {
      rmSync(path);
      const name = names[k] as string;
      files.forEach((file, c) => writeFileSync(join(dir, clauseFile(name, c)), file));
      (pages[k] as MetaPage)[0] = name;
      out.clauses += files.length;
    });
    rmSync(join(dir, 'fragment'), { recursive: true, force: true });
    const values = records.map((r) => r.values);
    if (values.some((v) => v !== undefined)) {
      if (values.some((v) => v === undefined)) throw new Error(`${dir}: some records carry no filter values`);
      const file: BundleValues = { records: `${key}_${stamp}`, values: values as string[] };
      writeFileSync(join(dir, RECORD_VALUES_FILE), JSON.stringify(file));
    }
    const chunks = rechunk(dir, chunksOf(meta, metaPath));
    (meta as unknown[])[2] = chunks;
    renameChunks(dir, key, chunks);
    const encoded = encode(meta);
    const hash = `${language}_${createHash('sha256').update(encoded).digest('hex').slice(0, META_HASH_LENGTH)}`;
    const compacted = signed(encoded);
    rmSync(metaPath);
    writeFileSync(join(dir, `pagefind.${hash}.pf_meta`), compacted);
    index.hash = hash;
    out.pages += pages.length;
    out.chunks += chunks.length;
    out.metaBefore += metaFile.length;
    out.metaAfter += compacted.length;
  }
  writeFileSync(entryPath, JSON.stringify(entry));
  return out;
}

/**
 * Renames the index chunk files of `chunks` (under `dir/index/`) to `<key>_<stamp><number in base 36>`, the stamp a
 * hash of every chunk's bytes, and the names in `chunks` with them.
 */
function renameChunks(dir: string, key: string, chunks: MetaChunk[]): void {
  const digest = createHash('sha256');
  const files = chunks.map(([, , name]) => {
    const path = join(dir, 'index', `${name}.pf_index`);
    const bytes = readFileSync(path);
    digest.update(bytes);
    return { path, bytes };
  });
  const names = fragmentNames(key, digest.digest('hex').slice(0, STAMP_LENGTH), chunks.length);
  files.forEach(({ path }) => rmSync(path));
  files.forEach(({ bytes }, k) => {
    writeFileSync(join(dir, 'index', `${names[k]}.pf_index`), bytes);
    (chunks[k] as MetaChunk)[2] = names[k] as string;
  });
}
