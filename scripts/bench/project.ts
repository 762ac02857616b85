/**
 * A copy of the project to build a benchmark corpus in, so the checkout is never written: what a build needs
 * of it, with node_modules linked rather than copied.
 */
import { cpSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

const PROJECT_FILES = [
  'astro.config.mjs',
  'package.json',
  'tsconfig.json',
  'src',
  'content',
  'public',
  'scripts',
];

/** Copies `project` into `dir` (created). */
export function projectCopy(project: string, dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const name of PROJECT_FILES) {
    cpSync(join(project, name), join(dir, name), {
      recursive: true,
      // Build output of the checkout's own ingest is not part of the project.
      filter: (source) => !source.startsWith(join(project, 'src', 'content', 'plans')),
    });
  }
  symlinkSync(join(project, 'node_modules'), join(dir, 'node_modules'), 'dir');
}
