/**
 * The plans the pages of this build were made from, handed to the search index step (./pagefind.ts) in
 * memory. Why: the index must be built from exactly the model the pages show; reading it back from the
 * published `/data/plans.json` meant parsing and re-validating a file that grows by ~160 KB per plan (about
 * 470 MB at 3,000 plans, near V8's longest string) after the pages were written — time, and a second copy of
 * every plan in memory at the build's peak.
 *
 * Why a process-wide slot: pages are rendered from a bundle Astro builds and imports in this process, so the
 * page code and the integration see different instances of this module; `globalThis` is the one object they
 * share (as in ./ingest-report.ts).
 */
import type { Plan } from '../lib/model/plan';

const SLOT = Symbol.for('plan-atlas.built-plans');

type Slot = { [SLOT]?: readonly Plan[] };

/** Called once by the site's corpus (src/site/corpus.ts) with the plans every page reads. */
export function recordBuiltPlans(plans: readonly Plan[]): void {
  (globalThis as Slot)[SLOT] = plans;
}

/** The plans the pages of this build were made from, if the pages have been rendered in this process. */
export function builtPlans(): readonly Plan[] | undefined {
  return (globalThis as Slot)[SLOT];
}
