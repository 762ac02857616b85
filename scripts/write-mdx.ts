import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { planToMdx } from '../src/lib/mdx/index';
import type { Plan } from '../src/lib/model/plan';

/** Writes one MDX file per plan, `<dir>/<plan id>.mdx`, for the site's content collection. */
export function writeMdx(plans: Plan[], dir: string): void {
  for (const plan of plans) writeFileSync(join(dir, `${plan.id}.mdx`), planToMdx(plan));
}
