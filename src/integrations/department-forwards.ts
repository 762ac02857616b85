/**
 * Writes the former one-department pages (`/departments/<plan>/<department>/`) into the built site as static
 * files (src/lib/forwarding.ts says why they are not Astro routes), beside the page rendering in a worker thread
 * (./department-forwards-worker.ts) or, without one, once Astro has written its pages (`astro:build:done`). They come from the plans the pages were made from (./built-plans.ts), so every department the
 * departments pages anchor has its old URL, and no other.
 *
 * Not in the sitemap: the sitemap lists Astro's pages, and these only forward.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve as resolvePath } from 'node:path';
import { Worker } from 'node:worker_threads';
import { buildWorkerHeapLimits } from './worker-heap';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { forwardingPage } from '../lib/forwarding';
import { planLabel } from '../lib/model/label';
import type { Plan } from '../lib/model/plan';
import { builtPlans, whenBuiltPlans } from './built-plans';
import type { ForwardsDone, ForwardsJob } from './department-forwards-worker';

/** What a plan's forwarding pages name of it: its id, its label's parts and each department's id and name. */
export interface ForwardedPlan extends Pick<Plan, 'id' | 'region' | 'title'> {
  departments: readonly { id: string; name: string }[];
}

/** Of each plan, only what its forwarding pages name (a worker is sent this, not the summaries). */
export function forwardedPlans(plans: Iterable<ForwardedPlan>): ForwardedPlan[] {
  return [...plans].map(({ id, region, title, departments }) => ({
    id,
    region,
    title,
    departments: departments.map(({ id: departmentId, name }) => ({ id: departmentId, name })),
  }));
}

/** Writes every department's forwarding page of `plans` under `outDir`; returns how many. */
export function writeDepartmentForwards(
  plans: Iterable<ForwardedPlan>,
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

/** Writes the forwarding pages in a worker thread (./department-forwards-worker.ts); resolves with what it wrote. */
export function writeForwardsInWorker(job: ForwardsJob): Promise<ForwardsDone> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./department-forwards-worker.mjs', import.meta.url), {
      workerData: job,
      resourceLimits: buildWorkerHeapLimits(),
    });
    let done: ForwardsDone | null = null;
    worker.on('message', (message: ForwardsDone) => (done = message));
    worker.on('error', (error) =>
      reject(new Error('the department forwards worker failed', { cause: error })),
    );
    worker.on('exit', (code) => {
      if (done) resolve(done);
      else
        reject(
          new Error(`the department forwards worker exited with code ${code} before writing everything`),
        );
    });
  });
}

/**
 * The Astro integration. Under `astro build` the pages are written by a worker thread beside the rendering,
 * started as soon as the pages' corpus is loaded (./department-forwards-worker.ts says why), and waited for
 * once the pages are written; where no corpus was handed over before then, they are written then, here.
 */
export default function departmentForwards(): AstroIntegration {
  let base = '/';
  let site: string | undefined;
  let outDir: string | null = null;
  /** The worker writing the pages beside the rendering, once the pages' corpus is loaded. */
  let writing: Promise<ForwardsDone> | null = null;
  return {
    name: 'plan-atlas-department-forwards',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        site = config.site;
        outDir = resolvePath(fileURLToPath(config.outDir));
      },
      'astro:build:start': () => {
        whenBuiltPlans('plan-atlas-department-forwards', (built) => {
          if (outDir === null || writing !== null) return;
          writing = writeForwardsInWorker({ plans: forwardedPlans(built.plans), outDir, base, site });
          // Awaited at astro:build:done; a failure is reported there, not as an unhandled rejection before.
          writing.catch(() => undefined);
        });
      },
      'astro:build:done': async ({ dir, logger }: { dir: URL; logger: AstroIntegrationLogger }) => {
        const started = performance.now();
        const built = builtPlans();
        if (built === undefined)
          throw new Error('no plans were handed over by the pages: the department forwards need them');
        if (writing !== null && outDir !== resolvePath(fileURLToPath(dir)))
          throw new Error(
            `the department forwards were written into ${outDir}, not the build's ${fileURLToPath(dir)}`,
          );
        // The summaries are enough: a forwarding page names the plan and the department, no text.
        const done = writing === null ? null : await writing;
        const { written, milliseconds } = done ?? {
          written: writeDepartmentForwards(built.plans, fileURLToPath(dir), base, site),
          milliseconds: performance.now() - started,
        };
        logger.info(
          `${written} former department pages forward to their plans' departments pages (${Math.round(milliseconds)} ms${done === null ? '' : ` in a worker beside the pages, waited for ${Math.round(performance.now() - started)} ms`})`,
        );
      },
    },
  };
}
