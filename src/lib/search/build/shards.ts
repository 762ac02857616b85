/**
 * Large corpora are indexed as several Pagefind bundles searched together (Pagefind's multisite merge).
 * Pagefind's WebAssembly compares every result with every posting of the query's words, so one search costs
 * about results × postings; split into n bundles of whole plans, each costs 1/n² of that, n of them 1/n. On
 * the seeds there is one bundle; at 100× the seeds (~20,000 clauses) five, at 600× twenty-five.
 *
 * The first bundle is special: the page searches it alone first and draws its results before the others
 * answer (progressive search, src/browser/search/main.ts), so what a reader waits for before the first results
 * is that bundle's search, and what they see first is its plans' best clauses. So it is small (`FIRST_CLAUSES`,
 * a quarter of the others), and its plans are chosen for the reader (`readerOrder`) rather than for balance;
 * the other bundles hold the rest, even.
 */
import type { PlanSummary } from '../../model/plan';

/** Clauses per bundle before the corpus is split. */
export const SHARD_CLAUSES = 5000;

/** Clauses of the first bundle when the corpus is split: the part searched before the first results. */
export const FIRST_CLAUSES = 1250;

/** How a corpus is cut: the number of bundles and the clauses the first one aims at. */
export interface ShardLayout {
  count: number;
  /** Clauses the first bundle is filled to, in reader order (`assignShards`). */
  first: number;
}

/**
 * The layout of a corpus of this many clauses: one bundle up to `SHARD_CLAUSES`; past that a first bundle of
 * `first` clauses (`FIRST_CLAUSES`) and the rest in bundles of at most `SHARD_CLAUSES`. `count` forces the
 * number of bundles, all of about even size unless `first` is given too (the benchmark and tests compare
 * layouts).
 */
export function shardLayout(
  clauses: number,
  { count, first }: { count?: number | undefined; first?: number | undefined } = {},
): ShardLayout {
  if (count !== undefined && (!Number.isInteger(count) || count < 1))
    throw new Error(`bundles must be a whole number ≥ 1, not ${count}`);
  if (first !== undefined && !(first > 0)) throw new Error(`the first bundle's clauses must be > 0, not ${first}`);
  if (count !== undefined) return { count, first: first ?? clauses / count };
  if (clauses <= SHARD_CLAUSES) return { count: 1, first: clauses };
  const f = first ?? FIRST_CLAUSES;
  return { count: 1 + Math.max(1, Math.ceil((clauses - f) / SHARD_CLAUSES)), first: f };
}

/** How many bundles a corpus of this many clauses is split into. */
export function shardCount(clauses: number): number {
  return shardLayout(clauses).count;
}

/** The bundle directory of shard `k` under the site root: `pagefind/`, then `pagefind-1/`… */
export function bundleDir(k: number): string {
  return k === 0 ? 'pagefind' : `pagefind-${k}`;
}

/**
 * The short key of bundle directory `dir` (shard k's key is k in base 36), which its fragment names start with
 * (compact.ts), so merged bundles never share a fragment name.
 */
export function bundleKey(dir: string): string {
  if (dir === bundleDir(0)) return '0';
  const k = /^pagefind-([1-9]\d*)$/.exec(dir)?.[1];
  if (k === undefined) throw new Error(`not a search bundle directory: ${dir}`);
  return Number(k).toString(36);
}

/** The clauses of all plans. */
export function clauseCount(plans: readonly PlanSummary[]): number {
  return plans.reduce((n, p) => n + p.clauses.length, 0);
}

type Ordered = Pick<PlanSummary, 'id' | 'level' | 'province' | 'status' | 'issued'>;

const LEVELS = ['national', 'province', 'city', 'county', null] as const;

/**
 * The plans in the order the first bundle takes them: the levels in turn (national, province, city, county,
 * unknown: one plan of each level a round, so the few national and provincial plans, which the others carry out,
 * come first, and every level's own wording — a 区交通局 is only in a district's plan — is there); within a
 * level the provinces in turn (so the first results come from many places, not one province's plans); within a
 * province final before draft, then the newest issued (the plan in force). Deterministic: ties go by id.
 */
export function readerOrder<P extends Ordered>(plans: readonly P[]): P[] {
  const byId = (a: P, b: P) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const inProvince = (a: P, b: P) =>
    Number(a.status === 'draft') - Number(b.status === 'draft') ||
    (b.issued ?? '').localeCompare(a.issued ?? '') ||
    byId(a, b);
  const levels = LEVELS.map((level) => {
    const provinces = new Map<string, P[]>();
    for (const plan of plans.filter((p) => p.level === level)) {
      const key = plan.province ?? '\uffff';
      const group = provinces.get(key);
      if (group === undefined) provinces.set(key, [plan]);
      else group.push(plan);
    }
    const groups = [...provinces.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, group]) => group.sort(inProvince));
    return roundRobin(groups);
  });
  return roundRobin(levels);
}

/** The lists' first items in turn, then their second items…, skipping lists that have run out. */
function roundRobin<T>(lists: readonly T[][]): T[] {
  const out: T[] = [];
  const total = lists.reduce((n, l) => n + l.length, 0);
  for (let i = 0; out.length < total; i++)
    for (const list of lists) if (i < list.length) out.push(list[i] as T);
  return out;
}

/**
 * Which bundle each plan goes to, whole plans. Bundle 0 takes plans in `readerOrder` while each brings its
 * clauses nearer to `layout.first`; the rest go largest first into the lightest of the other bundles, so those
 * are even. Deterministic for a given list of plans.
 */
export function assignShards(
  plans: readonly PlanSummary[],
  layout: ShardLayout = shardLayout(clauseCount(plans)),
): Map<string, number> {
  const out = new Map<string, number>();
  if (layout.count <= 1) {
    for (const plan of plans) out.set(plan.id, 0);
    return out;
  }
  let first = 0;
  for (const plan of readerOrder(plans)) {
    const size = plan.clauses.length;
    if (out.size > 0 && Math.abs(first + size - layout.first) >= Math.abs(first - layout.first)) break;
    out.set(plan.id, 0);
    first += size;
  }
  const load = new Array<number>(layout.count).fill(0);
  const rest = plans.filter((p) => !out.has(p.id));
  const bySize = rest.sort((a, b) => b.clauses.length - a.clauses.length || a.id.localeCompare(b.id));
  for (const plan of bySize) {
    let lightest = 1;
    for (let k = 2; k < layout.count; k++) if ((load[k] as number) < (load[lightest] as number)) lightest = k;
    out.set(plan.id, lightest);
    load[lightest] = (load[lightest] as number) + plan.clauses.length;
  }
  return out;
}
