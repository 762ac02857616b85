/**
 * The plans the pages of this build were made from, handed to the search index step (./pagefind.ts) in
 * memory: their summaries in the pages' order and a reader of each whole plan. Why: the index must be built
 * from exactly the model the pages show; reading it back from the published `/data/` files meant parsing them
 * again after the pages were written. Why a reader and not the plans: at 3,000 plans the whole models are
 * ~0.5 GB; the index step reads them one at a time (README "Build memory").
 *
 * Why a process-wide slot: pages are rendered from a bundle Astro builds and imports in this process, so the
 * page code and the integration see different instances of this module; `globalThis` is the one object they
 * share (as in ./ingest-report.ts).
 */
import type { VerdictContext } from '../lib/lineage/index';
import type { Plan, PlanSummary } from '../lib/model/plan';

const SLOT = Symbol.for('plan-atlas.built-plans');
const LISTENER = Symbol.for('plan-atlas.built-plans.listener');

export interface BuiltPlans {
  /** Every plan's summary, in the order the pages list them. */
  plans: readonly PlanSummary[];
  /** The whole plan of an id among `plans`. */
  model(id: string): Plan;
  /** What the pages held the plans' targets against (the national and parent values). */
  comparisons: VerdictContext;
}

type Slot = { [SLOT]?: BuiltPlans; [LISTENER]?: Map<string, (built: BuiltPlans) => void> };

/** Called once by the site's corpus (src/site/corpus.ts) with the plans every page reads. */
export function recordBuiltPlans(built: BuiltPlans): void {
  const slot = globalThis as Slot;
  slot[SLOT] = built;
  for (const listener of slot[LISTENER]?.values() ?? []) listener(built);
}

/**
 * Calls `listener` when the pages' corpus is loaded (as they start to render): work made from these plans alone
 * can then run beside the rendering (./data-downloads.ts, ./department-forwards.ts). One listener per `name`
 * (an integration's); a later call with the same name replaces it.
 */
export function whenBuiltPlans(name: string, listener: (built: BuiltPlans) => void): void {
  const slot = globalThis as Slot;
  (slot[LISTENER] ??= new Map()).set(name, listener);
}

/** The plans the pages of this build were made from, if the pages have been rendered in this process. */
export function builtPlans(): BuiltPlans | undefined {
  return (globalThis as Slot)[SLOT];
}
