/**
 * Writes the former one-department pages (`/departments/<plan>/<department>/`) into the built site after Astro
 * has written its pages (`astro:build:done`), as static files (src/lib/forwarding.ts says why they are not Astro
 * routes). They come from the plans the pages were made from (./built-plans.ts), so every department the
 * departments pages anchor has its old URL, and no other.
 *
 * Not in the sitemap: the sitemap lists Astro's pages, and these only forward.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { forwardingPage } from '../lib/forwarding';
import { planLabel } from '../lib/model/label';
import type { Plan } from '../lib/model/plan';
import { builtPlans } from './built-plans';

/** Writes every department's forwarding page of `plans` under `outDir`; returns how many. */
export function writeDepartmentForwards(
  plans: Iterable<Pick<Plan, 'id' | 'region' | 'title' | 'departments'>>,
  outDir: string,
  base: string,
  site: string | undefined,
): number {
  let written = 0;
  for (const plan of plans) {
    const label = planLabel(plan);
    for (const department of plan.departments) {
      const page = forwardingPage(
        { planId: plan.id, planLabel: label, departmentId: department.id, departmentName: department.name },
        base,
        site,
      );
      const path = join(outDir, page.file);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, page.html);
      written++;
    }
  }
  return written;
}

export default function departmentForwards(): AstroIntegration {
  let base = '/';
  let site: string | undefined;
  return {
    name: 'plan-atlas-department-forwards',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        site = config.site;
      },
      'astro:build:done': ({ dir, logger }: { dir: URL; logger: AstroIntegrationLogger }) => {
        const started = performance.now();
        const built = builtPlans();
        if (built === undefined)
          throw new Error('no plans were handed over by the pages: the department forwards need them');
        // The summaries are enough: a forwarding page names the plan and the department, no text.
        const written = writeDepartmentForwards(built.plans, fileURLToPath(dir), base, site);
        logger.info(
          `${written} former department pages forward to their plans' departments pages (${Math.round(performance.now() - started)} ms)`,
        );
      },
    },
  };
}
