/**
 * The corpus as one administrative tree: every province-level unit of the official division list, and below
 * it the prefectures and counties that have a plan in or under them (province → prefecture → county), each
 * with the plans it issued. A division between a plan and its province is in the tree even when the corpus
 * holds no plan of its own (济南市 above 莱芜区), so pages can say so instead of skipping a level.
 *
 * Plans the list cannot place are kept, never dropped: the national plan, a place the list does not have
 * (a 新区 whose province is known sits under that province as `unlisted`; one whose province is unknown is
 * `unplaced`), and a plan whose text names no region (`unknown`).
 */
import type { Level, PlanSummary } from '../model/plan';
import type { Division, DivisionIndex } from './divisions';
import { slugOfDivision } from './slug';

/** Plan counts by the plans' own level; `unknown` for a place the division list does not have. */
export type LevelCounts = Record<Exclude<Level, 'national'> | 'unknown', number>;

export interface RegionNode {
  division: Division;
  /** The region page's slug, `/regions/<slug>/` (the division's slug, as a plan's default slug). */
  slug: string;
  /** The plans this division issued: final texts before drafts, then by id. */
  plans: PlanSummary[];
  /**
   * Plans of places the division list does not have (新区, 开发区), placed here by their province alone;
   * only a province has them.
   */
  unlisted: PlanSummary[];
  /** Divisions directly below with a plan in or under them, in code order. */
  children: RegionNode[];
  /** Plans of this division and everything below it, `unlisted` included. */
  total: number;
  /** `total` by the plans' level. */
  byLevel: LevelCounts;
}

/** A division directly below a region: its node when the corpus has a plan in or under it, else null. */
export interface ChildDivision {
  division: Division;
  slug: string;
  node: RegionNode | null;
}

export interface RegionTree {
  /** National plans (国务院), above every province. */
  national: PlanSummary[];
  /** Every province-level unit of the official list, in code order, with or without plans. */
  provinces: RegionNode[];
  /** Plans of a place the list does not have, whose province is unknown too. */
  unplaced: PlanSummary[];
  /** Plans whose text names no region. */
  unknown: PlanSummary[];
  /** Every node with at least one plan in or under it, in tree order (pre-order, code order). */
  nodes: RegionNode[];
  bySlug(slug: string): RegionNode | undefined;
  /** The node of the division a plan was issued by (or placed under, for an unlisted place); null if none. */
  nodeOf(plan: PlanSummary): RegionNode | null;
  /** The node and every node above it, top first: 山东省, 济南市, 莱芜区. */
  chain(node: RegionNode): RegionNode[];
  /** Every official division directly below a node (with a plan or not), in code order. */
  childDivisions(node: RegionNode): ChildDivision[];
}

const emptyCounts = (): LevelCounts => ({ province: 0, city: 0, county: 0, unknown: 0 });

/** Final texts first (the one a reader should quote), then drafts, each group by id. */
function byStatusThenId(a: PlanSummary, b: PlanSummary): number {
  return Number(a.status === 'draft') - Number(b.status === 'draft') || a.id.localeCompare(b.id);
}

/** Builds the tree of a corpus against the official division list. */
export function buildRegionTree(plans: readonly PlanSummary[], index: DivisionIndex): RegionTree {
  const nodes = new Map<string, RegionNode>();
  const parentOf = new Map<RegionNode, RegionNode>();
  const national: PlanSummary[] = [];
  const unplaced: PlanSummary[] = [];
  const unknown: PlanSummary[] = [];
  const placed = new Map<PlanSummary, RegionNode>();

  const nodeFor = (division: Division): RegionNode => {
    let node = nodes.get(division.code);
    if (node) return node;
    node = {
      division,
      slug: slugOfDivision(division, index),
      plans: [],
      unlisted: [],
      children: [],
      total: 0,
      byLevel: emptyCounts(),
    };
    nodes.set(division.code, node);
    const above = index.parent(division);
    if (above) {
      const parent = nodeFor(above);
      parent.children.push(node);
      parentOf.set(node, parent);
    }
    return node;
  };
  for (const province of index.children(null)) nodeFor(province);

  const count = (node: RegionNode, plan: PlanSummary) => {
    for (let n: RegionNode | undefined = node; n; n = parentOf.get(n)) {
      n.total++;
      n.byLevel[plan.level === null || plan.level === 'national' ? 'unknown' : plan.level]++;
    }
  };

  for (const plan of plans) {
    const own = plan.regionPath[plan.regionPath.length - 1];
    const division = own ? index.get(own.code) : undefined;
    if (division) {
      const node = nodeFor(division);
      node.plans.push(plan);
      placed.set(plan, node);
      count(node, plan);
      continue;
    }
    if (plan.level === 'national') {
      national.push(plan);
      continue;
    }
    if (plan.region === null) {
      unknown.push(plan);
      continue;
    }
    const province = index.named(plan.province ?? '').find((d) => d.level === 'province');
    if (!province) {
      unplaced.push(plan);
      continue;
    }
    const node = nodeFor(province);
    node.unlisted.push(plan);
    placed.set(plan, node);
    count(node, plan);
  }

  for (const node of nodes.values()) {
    node.plans.sort(byStatusThenId);
    node.unlisted.sort(byStatusThenId);
    node.children.sort((a, b) => a.division.code.localeCompare(b.division.code));
  }

  const provinces = index.children(null).map((d) => nodes.get(d.code) as RegionNode);
  const ordered: RegionNode[] = [];
  const visit = (node: RegionNode) => {
    if (node.total === 0) return;
    ordered.push(node);
    for (const child of node.children) visit(child);
  };
  provinces.forEach(visit);
  const bySlug = new Map(ordered.map((node) => [node.slug, node]));

  return {
    national,
    provinces,
    unplaced,
    unknown,
    nodes: ordered,
    bySlug: (slug) => bySlug.get(slug),
    nodeOf: (plan) => placed.get(plan) ?? null,
    chain(node) {
      const chain: RegionNode[] = [];
      for (let n: RegionNode | undefined = node; n; n = parentOf.get(n)) chain.unshift(n);
      return chain;
    },
    childDivisions(node) {
      return index.children(node.division).map((division) => {
        const child = nodes.get(division.code);
        return {
          division,
          slug: child?.slug ?? slugOfDivision(division, index),
          node: child && child.total > 0 ? child : null,
        };
      });
    },
  };
}

/** The plans of a node and of everything below it, in tree order: its own, its unlisted, then each child's. */
export function plansUnder(node: RegionNode): PlanSummary[] {
  return [...node.plans, ...node.unlisted, ...node.children.flatMap(plansUnder)];
}

/** What listing one division or one plan costs a page, in elements (src/site/budgets.ts). */
export interface ListingCost {
  /** A division's line: its name, level, counts. */
  division: number;
  /** A plan's summary: title, status, level, date, headline values, verdicts. */
  plan: number;
}

export interface Listing {
  /** Whole levels below the entries listed in full; deeper ones are counts and links. */
  depth: number;
  /**
   * The entries' plans alone exceed the budget (a municipality whose every district has a draft beside its
   * final text): they are listed by name only, without their summaries, and nothing below them.
   */
  compact: boolean;
}

/**
 * How a page lists `entries` — divisions, each with its node where it holds plans — within `budget` elements:
 * every entry, each with its own plans summarised (by name only when that alone exceeds the budget), then as
 * many levels below as fit. A level is shown whole or not at all, so a reader never meets half a level.
 */
export function listingWithin(entries: readonly ChildDivision[], budget: number, cost: ListingCost): Listing {
  const linesOf = (nodes: readonly RegionNode[]) =>
    nodes.reduce((sum, n) => sum + cost.division + cost.plan * (n.plans.length + n.unlisted.length), 0);
  let level = entries.flatMap((e) => (e.node !== null && e.node.total > 0 ? [e.node] : []));
  let spent = cost.division * (entries.length - level.length) + linesOf(level);
  if (spent > budget) return { depth: 0, compact: true };
  let depth = 0;
  for (;;) {
    const next = level.flatMap((n) => n.children.filter((c) => c.total > 0));
    spent += linesOf(next);
    if (next.length === 0 || spent > budget) return { depth, compact: false };
    depth++;
    level = next;
  }
}
