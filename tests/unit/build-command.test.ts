import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildNodeArgs, withoutTsxLoader, withTsxLoader } from '../../scripts/build/command';

const ROOT = resolve(import.meta.dirname, '../..');

describe('buildNodeArgs', () => {
  // Every project a test makes: one test makes two, and remembering only the last left the first behind.
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const projectWith = (build: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-atlas-build-command-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ scripts: { build } }));
    return dir;
  };

  it("is npm run build's own command: Node running the build script itself, without tsx's loader", () => {
    const args = buildNodeArgs(ROOT);
    expect(withoutTsxLoader(args)).toEqual(args);
    expect(existsSync(join(ROOT, args[args.length - 1] as string))).toBe(true);
  });

  it('reads the arguments after node', () => {
    expect(buildNodeArgs(projectWith('node  --import tsx scripts/x.ts '))).toEqual([
      '--import',
      'tsx',
      'scripts/x.ts',
    ]);
  });

  it('refuses a build script that is not a plain node command', () => {
    expect(() => buildNodeArgs(projectWith('tsx scripts/build.ts'))).toThrow(/not a plain/);
    expect(() => buildNodeArgs(projectWith('node scripts/a.ts && node scripts/b.ts'))).toThrow(/not a plain/);
  });
});

describe('withoutTsxLoader', () => {
  it("drops tsx's loader in either spelling and keeps every other argument in order", () => {
    expect(
      withoutTsxLoader(['--import', 'tsx', '--max-old-space-size=1280', '--import=tsx', '--cpu-prof']),
    ).toEqual(['--max-old-space-size=1280', '--cpu-prof']);
  });

  it('keeps other imports', () => {
    expect(withoutTsxLoader(['--import', './other.mjs', '--import=x'])).toEqual([
      '--import',
      './other.mjs',
      '--import=x',
    ]);
  });
});

describe('withTsxLoader', () => {
  it("puts tsx's loader first, once", () => {
    expect(withTsxLoader(['--max-old-space-size=1280'])).toEqual([
      '--import',
      'tsx',
      '--max-old-space-size=1280',
    ]);
    expect(withTsxLoader(['--import', 'tsx', '--cpu-prof'])).toEqual(['--import', 'tsx', '--cpu-prof']);
    expect(withTsxLoader(['--import=tsx'])).toEqual(['--import=tsx']);
  });
});
