/**
 * Builds the site once for all browser tests and serves it as a static host would.
 *
 * The build (`npm run build`'s script) uses the seeds plus tests/e2e/seeds/ (hostile text) through
 * PLAN_ATLAS_SEEDS, a sub-path base and a site origin, into the e2e folder in the system's temporary
 * directory (harness.ts) through PLAN_ATLAS_OUT_DIR; nothing is written into the checkout. PLAN_ATLAS_E2E_REUSE=1 skips the build and serves the previous one
 * (for quick reruns while writing tests).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { E2E_BASE, E2E_SITE, OUT_DIR, SEEDS_DIR, WORK_DIR } from './harness';
import { serveStatic } from './static-server';
import { buildNodeArgs } from '../../scripts/build/command';

const ROOT = resolve(import.meta.dirname, '../..');

/** Runs the build as `npm run build` does (../../scripts/build/command.ts). */
function runBuild(env: Record<string, string>): void {
  execFileSync(process.execPath, buildNodeArgs(ROOT), {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
}

function build(): void {
  rmSync(WORK_DIR, { recursive: true, force: true });
  mkdirSync(SEEDS_DIR, { recursive: true });
  for (const dir of [join(ROOT, 'seeds'), join(ROOT, 'tests', 'e2e', 'seeds')]) {
    for (const file of readdirSync(dir)) cpSync(join(dir, file), join(SEEDS_DIR, file));
  }
  runBuild({
    PLAN_ATLAS_SEEDS: SEEDS_DIR,
    PLAN_ATLAS_BASE: E2E_BASE,
    PLAN_ATLAS_SITE: E2E_SITE,
    PLAN_ATLAS_OUT_DIR: OUT_DIR,
    // Strict: a seed of the test corpus that the build refuses is a failure, not a missing page.
    PLAN_ATLAS_STRICT: '1',
  });
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const reuse = process.env['PLAN_ATLAS_E2E_REUSE'] === '1' && existsSync(join(OUT_DIR, 'index.html'));
  if (!reuse) build();
  const site = await serveStatic(OUT_DIR, E2E_BASE);
  process.env['PLAN_ATLAS_E2E_URL'] = site.url;
  return async () => {
    await site.close();
  };
}
