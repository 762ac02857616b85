/**
 * What only the whole corpus tells: the slugs of several texts of one government's plan (a draft and the final,
 * two copies), which texts are versions of each other, and each plan's parent — the plan of the nearest
 * division above it (莱芜区 → 济南市's plan, else 山东省's, else the national plan).
 */
import { citationIndex, citedParent } from '../lineage/cited-parent';
import type { ParentSource, Plan, PlanHead } from '../model/plan';
import { versionSlug } from './slug';

/** A parsed plan before the corpus is linked: the whole plan, or (streaming ingest) the plan without its text. */
export interface ParsedPlan<P extends PlanHead = Plan> {
  plan: P;
  /** True when the sidecar set the slug: it is kept as given (the conflict policy is the ingest's). */
  explicitSlug: boolean;
  /** True when the sidecar set the parent. */
  explicitParent: boolean;
}

/** The key of the government that issued a plan: its division code, else its printed name; null if unknown. */
export function governmentKey(plan: PlanHead): string | null {
  const own = plan.regionPath[plan.regionPath.length - 1];
  if (own) return own.code;
  if (plan.level === 'national') return 'national';
  return plan.region === null ? null : `name:${plan.region}`;
}

/**
 * Gives every generated slug shared by several texts a distinct one: the final text (else the first file)
 * keeps it, a draft becomes `<slug>-draft`, further texts are numbered. Slugs set in a sidecar are taken first.
 */
export function assignVersionSlugs<T extends ParsedPlan<PlanHead>>(parsed: T[]): T[] {
  const taken = new Set(parsed.filter((p) => p.explicitSlug).map((p) => p.plan.id));
  const auto = parsed
    .map((entry, order) => ({ entry, order }))
    .filter(({ entry }) => !entry.explicitSlug)
    .sort(
      (a, b) =>
        Number(a.entry.plan.status === 'draft') - Number(b.entry.plan.status === 'draft') ||
        a.order - b.order,
    );
  const ids = new Map<T, string>();
  for (const { entry } of auto) {
    const id = versionSlug(entry.plan.id, entry.plan.status, (slug) => taken.has(slug));
    taken.add(id);
    ids.set(entry, id);
  }
  return parsed.map((entry) => {
    const id = ids.get(entry);
    if (id === undefined || id === entry.plan.id) return entry;
    return { ...entry, plan: { ...entry.plan, id } };
  });
}

/**
 * Versions of the same government's plan, and each plan's parent plan where the corpus has one: the sidecar's,
 * else the nearest division above's, else the one a cited 《…方案》 names (`parentSource` says which). A
 * citation that would close a circle of parents is not followed.
 */
export function linkPlans<P extends PlanHead>(parsed: ParsedPlan<P>[]): P[] {
  const byGovernment = new Map<string, P[]>();
  for (const { plan } of parsed) {
    const key = governmentKey(plan);
    if (key === null) continue;
    const plans = byGovernment.get(key);
    if (plans === undefined) byGovernment.set(key, [plan]);
    else plans.push(plan);
  }
  // The text a child links to: the final one where there is one, else the first.
  const preferred = (plans: P[]) => plans.find((p) => p.status === 'final') ?? plans[0];
  const sameGovernment = (a: P, b: P) => {
    const key = governmentKey(a);
    return key !== null && key === governmentKey(b);
  };
  const citations = citationIndex(parsed.map((p) => p.plan));
  const linked = parsed.map(({ plan, explicitParent }) => {
    const key = governmentKey(plan);
    const versions =
      key === null ? [] : (byGovernment.get(key) ?? []).filter((p) => p !== plan).map((p) => p.id);
    let parent = plan.parent;
    let parentSource: ParentSource | null = parent === null ? null : 'sidecar';
    if (explicitParent) return { ...plan, versions, parent, parentSource };
    // Only a plan placed in the division list has a known place in the tree.
    if (plan.regionPath.length > 0) {
      const ancestors = plan.regionPath
        .slice(0, -1)
        .reverse()
        .map((d) => d.code);
      const found = [...ancestors, 'national']
        .map((code) => byGovernment.get(code))
        .find((plans) => plans !== undefined && plans.length > 0);
      parent = found ? (preferred(found)?.id ?? null) : null;
      parentSource = parent === null ? null : 'division';
    }
    if (parent === null) {
      parent = citedParent(plan, citations, sameGovernment)?.id ?? null;
      parentSource = parent === null ? null : 'citation';
    }
    return { ...plan, versions, parent, parentSource };
  });
  return withoutCitedCycles(linked);
}

/** Drops citation links that lead back to their own plan; sidecar cycles are the ingest's to report. */
function withoutCitedCycles<P extends PlanHead>(plans: P[]): P[] {
  const parentOf = new Map(plans.map((p) => [p.id, p.parent]));
  return plans.map((plan) => {
    if (plan.parentSource !== 'citation') return plan;
    const seen = new Set<string>([plan.id]);
    for (let next = plan.parent; next !== null && next !== undefined; next = parentOf.get(next) ?? null) {
      if (next === plan.id) {
        parentOf.set(plan.id, null);
        return { ...plan, parent: null, parentSource: null };
      }
      if (seen.has(next)) break;
      seen.add(next);
    }
    return plan;
  });
}
