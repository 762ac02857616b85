/**
 * The Node arguments `npm run build` starts the build with, read from package.json's `build` script, so the
 * benchmarks and the browser tests start it exactly as `npm run build` does (`process.execPath` with these
 * arguments, from the project's root or a copy of it) and none drifts from it.
 *
 * Why it matters: started through tsx's command (`tsx scripts/build.ts`) the build had one more Node process
 * (~49 MB resident) that only waited for it, counted in every measured peak; `npm run build` runs Node on the
 * script itself (`node scripts/build.ts`, Node stripping its types), and gives tsx's loader to the one step that
 * needs it (`withTsxLoader`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The arguments after `node` in `root`'s package.json `build` script, e.g. `scripts/build.ts`. */
export function buildNodeArgs(root: string): string[] {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    scripts?: Record<string, string>;
  };
  const script = pkg.scripts?.['build'] ?? '';
  const [command, ...args] = script.trim().split(/\s+/);
  if (command !== 'node' || args.length === 0 || args.some((a) => /["'$&|;<>]/.test(a)))
    throw new Error(`package.json's build script is not a plain “node …” command: “${script}”`);
  return args;
}

/**
 * `execArgv` without tsx's loader (`--import tsx`, `--import=tsx`): the arguments for a step whose script Node
 * runs itself, stripping its types (scripts/build.ts says why the pages' step does).
 */
export function withoutTsxLoader(execArgv: readonly string[]): string[] {
  const args: string[] = [];
  for (let k = 0; k < execArgv.length; k++) {
    const arg = execArgv[k] as string;
    if (arg === '--import' && execArgv[k + 1] === 'tsx') k++;
    else if (arg !== '--import=tsx') args.push(arg);
  }
  return args;
}

/**
 * `execArgv` with tsx's loader (`--import tsx`) first, unless it is there already: the arguments for a step whose
 * script imports TypeScript without naming the files' extensions (scripts/build/search.ts).
 */
export function withTsxLoader(execArgv: readonly string[]): string[] {
  return withoutTsxLoader(execArgv).length === execArgv.length
    ? ['--import', 'tsx', ...execArgv]
    : [...execArgv];
}
