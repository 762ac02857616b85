/**
 * Large corpora are indexed as several Pagefind bundles searched together (Pagefind's multisite merge).
 * Pagefind's WebAssembly compares every result with every posting of the query's words, so one search costs
 * about results × postings; split into n bundles of whole plans, each costs 1/n² of that, n of them 1/n. On
 * the seeds there is one bundle; at 100× the seeds (~20,000 clauses) four.
 */
import type { PlanSummary } from '../../model/plan';

/** Clauses per bundle before the corpus is split. */
export const SHARD_CLAUSES = 5000;

/** How many bundles a corpus of this many clauses is split into. */
export function shardCount(clauses: number): number {
  return Math.max(1, Math.ceil(clauses / SHARD_CLAUSES));
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

/**
 * Which bundle each plan goes to: whole plans, largest first into the lightest bundle, so bundles are even.
 * Deterministic for a given list of plans.
 */
export function assignShards(
  plans: readonly PlanSummary[],
  count = shardCount(clauseCount(plans)),
): Map<string, number> {
  const load = new Array<number>(count).fill(0);
  const out = new Map<string, number>();
  const bySize = [...plans].sort((a, b) => b.clauses.length - a.clauses.length || a.id.localeCompare(b.id));
  for (const plan of bySize) {
    let lightest = 0;
    for (let k = 1; k < count; k++) if ((load[k] as number) < (load[lightest] as number)) lightest = k;
    out.set(plan.id, lightest);
    load[lightest] = (load[lightest] as number) + plan.clauses.length;
  }
  return out;
}
