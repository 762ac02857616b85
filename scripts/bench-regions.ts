/**
 * `npm run bench:regions [-- --plans 3000] [--keep]`: the region pages of a national corpus against the page
 * budget (issue 13: ≤150 KB gzipped with CSS and JS, ≤3,000 elements; issue 14). Prints figures; asserts
 * nothing.
 *
 * A whole 3,000-plan build is the direct route (`npm run bench:scale -- --sizes 3000`) but takes far longer
 * than this needs. A region page shows only its own subtree: the plans in and under its division, the
 * official divisions below it, and the headline indicators' values of those plans. So this builds part of
 * the national corpus (scripts/bench/regions.ts, each plan written exactly as the whole corpus writes it):
 *
 * 1. the tree of the whole corpus is built from the division list alone (no parsing), and each region
 *    page's listing estimated; the provinces holding the largest listings are taken with every plan the
 *    whole corpus has in them, so their region pages are the ones the whole build makes;
 * 2. every other province keeps its plans at province and prefecture level, so /regions/ lists each province
 *    with its own plans and a link down, as it does for the whole corpus (only the counts differ).
 *
 * Then it builds that corpus with `npm run build`'s script in a temporary copy of the project and measures
 * every page under /regions/. The synthetic plans copy five seeds, so their values repeat; a real corpus's
 * values spread, and a strip plot then draws more marks (up to `STRIP_MARKS_MAX`, as values closer than a mark
 * share one): each page is also reported with a mark for every plan its strips count, up to that bound.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import type { Plan } from '../src/lib/model/plan';
import { loadDivisions } from '../src/lib/regions/divisions';
import { buildRegionTree, listingWithin, type RegionNode, type RegionTree } from '../src/lib/regions/tree';
import { STRIP } from '../src/lib/charts/strip';
import { LIST_LIMITS } from '../src/site/budgets';
import { seedTemplates, writeCorpus } from './bench/corpus';
import { measurePage, type PageFigures } from './bench/pages';
import { projectCopy } from './bench/project';
import { runMeasured } from './bench/process-tree';
import { corpusRegions, type CorpusRegion } from './bench/regions';
import { buildNodeArgs } from './build/command';

const GOALS = { pageGzipBytes: 150 * 1024, pageElements: 3000 };
const ROOT = resolve(import.meta.dirname, '..');
const plansArg = process.argv.indexOf('--plans');
const PLANS = plansArg > 0 ? Number(process.argv[plansArg + 1]) : 3000;
const KEEP = process.argv.includes('--keep');
/** Provinces built with every plan of the whole corpus: those holding the largest estimated listings. */
const DENSE_PROVINCES = 4;

/**
 * The most marks one strip plot can draw: one per bin of `binWidth` across the axis (and the two clamped at
 * its ends), for adopted plans and for drafts apart.
 */
const STRIP_MARKS_MAX = 2 * (Math.floor((STRIP.width - 2 * STRIP.margin) / STRIP.binWidth) + 3);

const divisions = loadDivisions();
const corpus = corpusRegions(PLANS);

/** The whole corpus as a tree, from the division list alone: what region pages list, without parsing. */
function corpusTree(regions: readonly CorpusRegion[]): RegionTree {
  const plans = regions.map((r) => {
    const division = divisions.get(r.code);
    if (!division) throw new Error(`no division ${r.code}`);
    const stub = {
      id: `bench-${r.index}`,
      status: 'final',
      level: r.level,
      region: r.region,
      province: r.province,
      regionPath: divisions.path(division),
    };
    return stub as unknown as Plan;
  });
  return buildRegionTree(plans, divisions);
}

interface Listing {
  node: RegionNode;
  /** Divisions listed (with or without a plan). */
  divisions: number;
  /** Plans listed one by one. */
  plans: number;
  depth: number;
  compact: boolean;
}

/** What a region page lists, as src/pages/regions/[region].astro decides it. */
function listingOf(tree: RegionTree, node: RegionNode): Listing {
  const entries = tree.childDivisions(node);
  const { elements, ...cost } = LIST_LIMITS.regionTree;
  const { depth, compact } = listingWithin(entries, elements, cost);
  let listedDivisions = entries.length;
  let listedPlans = node.plans.length + node.unlisted.length;
  const visit = (level: readonly RegionNode[], remaining: number) => {
    for (const child of level) {
      listedPlans += child.plans.length + child.unlisted.length;
      if (remaining > 0) {
        listedDivisions += child.children.length;
        visit(child.children, remaining - 1);
      }
    }
  };
  visit(node.children, depth);
  return { node, divisions: listedDivisions, plans: listedPlans, depth, compact };
}

/** Rough elements of a listing, only to rank pages: a division line about 6, a plan's summary about 24. */
const listingWeight = (l: Listing) => 6 * l.divisions + 24 * l.plans;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function regionPages(outDir: string): string[] {
  const root = join(outDir, 'regions');
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name === 'index.html')
    .map((e) => relative(outDir, join(e.parentPath, e.name)));
}

/**
 * Elements a page would gain if each strip plot drew as many marks as it can: one per plan it counts (方案数),
 * up to `STRIP_MARKS_MAX`, less the marks it draws now.
 */
function stripHeadroom(html: string): number {
  let headroom = 0;
  for (const section of html.split('data-distribution="').slice(1)) {
    const svg = /<svg[^>]*strip-chart[\s\S]*?<\/svg>/.exec(section)?.[0] ?? '';
    const marks = (svg.match(/<circle /g) ?? []).length;
    const counted = /方案数<\/th>\s*<td[^>]*>(\d+)</.exec(section);
    const plans = counted ? Number(counted[1]) : marks;
    headroom += Math.max(0, Math.min(STRIP_MARKS_MAX, plans) - marks);
  }
  return headroom;
}

const whole = corpusTree(corpus);
const listings = whole.nodes
  .map((node) => listingOf(whole, node))
  .sort((a, b) => listingWeight(b) - listingWeight(a));
console.log(`== region pages of a ${PLANS}-plan corpus (${whole.nodes.length} region pages) ==`);
console.log('largest listings (divisions and plans a page lists one by one), from the tree alone:');
for (const l of listings.slice(0, 8))
  console.log(
    `  ${l.node.division.name.padEnd(10, '　')} ${String(l.divisions).padStart(4)} divisions, ${String(l.plans).padStart(4)} plans, ${l.depth} levels below in full${l.compact ? ', plans by name only' : ''}`,
  );

const provinceOf = (node: RegionNode) => whole.chain(node)[0] as RegionNode;
const dense = new Set<string>();
for (const l of listings) {
  if (dense.size >= DENSE_PROVINCES) break;
  dense.add(provinceOf(l.node).division.code);
}
// One province whose page lists a level below its prefectures, if any: a different shape of page.
const deeper = listings.find((l) => l.depth > 0 && l.node.division.level === 'province');
if (deeper) dense.add(deeper.node.division.code);

const part = corpus.filter(
  (r) => dense.has(r.code.slice(0, 2)) || r.level === 'province' || r.level === 'city',
);
console.log(
  `built: every plan of ${[...dense].map((code) => divisions.get(code)?.name).join('、')}; elsewhere the province and prefecture plans — ${part.length} of ${PLANS} plans`,
);

const work = mkdtempSync(join(tmpdir(), 'plan-atlas-bench-regions-'));
try {
  const site = join(work, 'site');
  projectCopy(ROOT, site);
  const seeds = join(work, 'seeds');
  const outDir = join(work, 'dist');
  writeCorpus(seeds, part, seedTemplates(join(ROOT, 'seeds')));
  console.error(`${part.length} plans: npm run build…`);
  const build = await runMeasured(process.execPath, buildNodeArgs(site), {
    cwd: site,
    env: { ...process.env, PLAN_ATLAS_SEEDS: seeds, PLAN_ATLAS_OUT_DIR: outDir },
  });
  console.log(
    `build: ${build.seconds.toFixed(0)} s wall, peak memory of all build processes ${((build.peakTreeRss ?? 0) / 1024 ** 3).toFixed(2)} GB`,
  );

  const assets = new Map<string, number>();
  const measured = regionPages(outDir).map((page) => {
    const figures = measurePage(outDir, page, assets);
    const bound = figures.elements + stripHeadroom(readFileSync(join(outDir, page), 'utf8'));
    return { ...figures, bound };
  });
  const slugOf = (p: PageFigures) => p.page.split('/').slice(1, -1).join('/') || '(index)';
  // Only the pages the whole corpus would build the same: /regions/ and the dense provinces' subtrees.
  const faithful = measured.filter((p) => {
    const slug = slugOf(p);
    if (slug === '(index)') return true;
    const node = whole.bySlug(slug);
    return node !== undefined && dense.has(node.division.code.slice(0, 2));
  });
  const line = (p: (typeof measured)[number]) => {
    const ok = p.totalGzip <= GOALS.pageGzipBytes && p.bound <= GOALS.pageElements;
    return `  ${slugOf(p).padEnd(30)} ${kb(p.totalGzip).padStart(9)} gz (HTML ${kb(p.htmlGzip).padStart(8)})  ${String(p.elements).padStart(5)} elements, ${String(p.bound).padStart(5)} with a mark per value  ${ok ? 'within budget' : 'OVER BUDGET'}`;
  };
  console.log(
    `${faithful.length} region pages as the ${PLANS}-plan build makes them (goal ≤ ${kb(GOALS.pageGzipBytes)} gzipped with CSS+JS, ≤ ${GOALS.pageElements} elements):`,
  );
  console.log('most elements:');
  for (const p of [...faithful].sort((a, b) => b.bound - a.bound).slice(0, 6)) console.log(line(p));
  console.log('heaviest:');
  for (const p of [...faithful].sort((a, b) => b.totalGzip - a.totalGzip).slice(0, 3)) console.log(line(p));
  const index = faithful.find((p) => slugOf(p) === '(index)');
  if (index) console.log(`/regions/ (counts differ from the whole corpus only):\n${line(index)}`);
} finally {
  if (KEEP) console.log(`Kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
