/**
 * `npx tsx scripts/bench/large-variant.ts <built site> <large index dir> <out dir>`: the built site `<built site>`
 * (its pages and scripts) searching the large corpus that an earlier `bench-search.ts --keep` run indexed
 * (`<large index dir>` is that run's `large-site`), as bench-search.ts serves it: the index's bundles linked in
 * (not copied: 126,000 files at 3,000 plans), the search page told the corpus's size and bundles, its first files
 * and module preloads written again. For scripts/bench/cold-ab.ts, to compare two builds' cold opens on one index.
 */
import { cpSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readSearchSetup, withSearchSetup } from '../../src/lib/search/build/search-page';
import { finishSearchPage } from '../../src/integrations/search-page-files';

const [siteArg, indexArg, outArg] = process.argv.slice(2);
if (!siteArg || !indexArg || !outArg)
  throw new Error('usage: large-variant.ts <built site> <large index dir> <out dir>');
const [site, index, out] = [siteArg, indexArg, outArg].map((p) => resolve(p)) as [string, string, string];
const BUNDLE = /^pagefind(-\d+)?$/;

rmSync(out, { recursive: true, force: true });
cpSync(site, out, { recursive: true, filter: (src) => !BUNDLE.test(src.slice(site.length + 1)) });
const bundleDirs = readdirSync(index)
  .filter((d) => BUNDLE.test(d))
  .sort((a, b) => Number(a.split('-')[1] ?? 0) - Number(b.split('-')[1] ?? 0));
for (const dir of bundleDirs) symlinkSync(join(index, dir), join(out, dir));
const page = join(out, 'search', 'index.html');
const clauses = /data-clauses="(\d+)"/.exec(readFileSync(join(index, 'search', 'index.html'), 'utf8'))?.[1];
if (!clauses) throw new Error(`no data-clauses in ${index}'s search page`);
let html = readFileSync(page, 'utf8').replace(/data-clauses="\d+"/, `data-clauses="${clauses}"`);
html = withSearchSetup(html, {
  ...readSearchSetup(html),
  bundles: bundleDirs.map((dir) => `/${dir}/`),
  first: [],
});
writeFileSync(page, html);
finishSearchPage(out, '/');
console.log(`${out}: ${site}'s pages over ${bundleDirs.length} bundles of ${index}, ${clauses} clauses`);
