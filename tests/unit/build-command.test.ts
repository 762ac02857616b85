import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildNodeArgs, withoutTsxLoader } from '../../scripts/build/command';

const ROOT = resolve(import.meta.dirname, '../..');

describe('buildNodeArgs', () => {
  let dir: string | null = null;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = null;
  });
  const projectWith = (build: string) => {
    dir = mkdtempSync(join(tmpdir(), 'plan-atlas-build-command-'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ scripts: { build } }));
    return dir;
  };

  it("is npm run build's own command: Node with tsx as its loader, running the build script", () => {
    const args = buildNodeArgs(ROOT);
    expect(args.slice(0, 2)).toEqual(['--import', 'tsx']);
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
