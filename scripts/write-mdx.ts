import type { Plan } from '../src/lib/model/plan';

/** Writes one MDX file per plan; filled in when the MDX generator lands. */
export function writeMdx(_plans: Plan[], _dir: string): void {}
