/**
 * The browser tests' view of the built site. Global setup (global-setup.ts) builds the site once, with the
 * seeds plus the hostile seeds of tests/e2e/seeds/, into a temporary directory, serves it and records where
 * in the environment; tests read it from here.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import type { Plan } from '../../src/lib/model/plan';
import { readPublishedPlans } from '../../scripts/bench/published';

const CHECKOUT = resolve(import.meta.dirname, '../..');

/**
 * Where the e2e build lives: in the system's temporary folder, never in the checkout (an interrupted run
 * leaves nothing in the tree), named after the checkout's path so two checkouts on one machine never build
 * over each other and PLAN_ATLAS_E2E_REUSE=1 finds the previous build.
 */
const WORK_NAME = `plan-atlas-e2e-${createHash('sha256').update(CHECKOUT).digest('hex').slice(0, 12)}`;
export const WORK_DIR = join(tmpdir(), WORK_NAME);
/** Playwright's own output (traces, screenshots of failures): beside the build, also outside the checkout. */
export const RESULTS_DIR = join(tmpdir(), `${WORK_NAME}-results`);
export const OUT_DIR = join(WORK_DIR, 'dist');
export const SEEDS_DIR = join(WORK_DIR, 'seeds');
/** The e2e build runs under a sub-path and with a site origin, as a real deployment would. */
export const E2E_BASE = '/atlas/';
export const E2E_SITE = 'https://plan-atlas.example';

/** The served site's root URL (origin + base, ending in `/`), set by global setup. */
export function siteUrl(): string {
  const url = process.env['PLAN_ATLAS_E2E_URL'];
  if (!url)
    throw new Error('PLAN_ATLAS_E2E_URL is not set: run the browser tests through playwright.config.ts');
  return url;
}

/** The served URL of a root-relative public path (from src/lib/urls.ts), e.g. `/plans/x/#3`. */
export function pageUrl(path: string): string {
  return new URL(path.replace(/^\//, ''), siteUrl()).href;
}

/** Every built HTML file, as paths relative to OUT_DIR with `/` separators. */
export function htmlFiles(dir = OUT_DIR): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.html')) out.push(relative(OUT_DIR, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** The public path of a built HTML file: `plans/x/index.html` → `/plans/x/`. */
export function pathOf(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** The plans as built into /data/plans/<id>.json, in the order of the index /data/plans.json. */
export function builtPlans(): Plan[] {
  return readPublishedPlans(OUT_DIR);
}

export function seedFiles(): string[] {
  return existsSync(SEEDS_DIR)
    ? readdirSync(SEEDS_DIR)
        .filter((f) => f.endsWith('.txt'))
        .sort()
    : [];
}
