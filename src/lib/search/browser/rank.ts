/**
 * The exact-match layer: orders Pagefind's loose results so that clauses printing every term of the query
 * literally come first, then clauses that match through a synonym, then the rest; Pagefind's BM25 order is
 * kept within each tier. Works on ids only, so no clause has to be loaded to rank it.
 */

/** How a result matched the query. */
/**
 * `literal`: prints every term; `synonym`: through a synonym or department group; `near`: the query's units in
 * order with a short gap or one slip (near.ts); `related`: holds every indexed piece of the query, apart.
 */
export type Tier = 'literal' | 'synonym' | 'near' | 'related';

export interface Ranked {
  id: string;
  tier: Tier;
}

export interface TermSets {
  /** Ids whose text contains the term as typed, or null when the loose results all do. */
  literal: ReadonlySet<string> | null;
  /** True when the term is a synonym group (loose results contain some form of it, not necessarily this one). */
  group: boolean;
}

/**
 * Whether `positions` (a result's matched word positions, as Pagefind reports them) hold `length` consecutive
 * positions: a literal match of a query whose bigrams can only chain in order (see `chain` in query.ts).
 */
export function hasRun(positions: readonly number[], length: number): boolean {
  if (length <= 1) return positions.length > 0;
  // A typed array sorts numbers natively (no comparator call per pair): this runs for every loose result.
  const sorted = Float64Array.from(positions).sort();
  let run = 1;
  for (let i = 1; i < sorted.length; i++) {
    const step = (sorted[i] as number) - (sorted[i - 1] as number);
    if (step === 0) continue; // a position repeated (two words at one place) neither extends nor breaks a run
    run = step === 1 ? run + 1 : 1;
    if (run >= length) return true;
  }
  return false;
}

/** Intersection of sets; null (no constraint) for an empty list. */
export function intersect(sets: readonly ReadonlySet<string>[]): Set<string> | null {
  if (sets.length === 0) return null;
  const [first, ...rest] = [...sets].sort((a, b) => a.size - b.size);
  const out = new Set<string>();
  for (const id of first as ReadonlySet<string>) if (rest.every((s) => s.has(id))) out.add(id);
  return out;
}

/**
 * Ranks the loose results (`looseIds`, best first) by tier. A literal id Pagefind's loose search did not return
 * (it can cut a prefix short at an index chunk boundary) is added after the literal ones it did — unless a term
 * is a synonym group, whose loose word is exact, so an id it did not return does not match.
 */
export function rank(looseIds: readonly string[], terms: readonly TermSets[]): Ranked[] {
  const isLiteral = (id: string) => terms.every((t) => t.literal === null || t.literal.has(id));
  // A synonym match: every term that is not a group matches literally; groups match by construction.
  const isSynonym = (id: string) => terms.every((t) => t.group || t.literal === null || t.literal.has(id));
  const literal: Ranked[] = [];
  const synonym: Ranked[] = [];
  const related: Ranked[] = [];
  const seen = new Set<string>();
  for (const id of looseIds) {
    if (seen.has(id)) continue;
    seen.add(id);
    if (isLiteral(id)) literal.push({ id, tier: 'literal' });
    else if (isSynonym(id)) synonym.push({ id, tier: 'synonym' });
    else related.push({ id, tier: 'related' });
  }
  // Only when every term has a literal set: a term without one (null) is satisfied by loose results alone.
  const extra = terms.every((t) => t.literal !== null)
    ? intersect(terms.flatMap((t) => (t.literal ? [t.literal] : [])))
    : null;
  if (extra) {
    for (const id of extra) {
      if (!seen.has(id)) {
        seen.add(id);
        literal.push({ id, tier: 'literal' });
      }
    }
  }
  return [...literal, ...synonym, ...related];
}
