/**
 * The search code that runs in the browser must not pull in build-time code: Node built-ins, zod, YAML or the
 * curated-data loaders would swell the page's bundle or fail there. The boundary is by construction — the
 * browser modules live in src/lib/search/browser/ and src/browser/search/ — and this test walks their
 * imports to keep it so.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const ENTRY = join(ROOT, 'src/browser/search/main.ts');
// src/lib/width.ts: the width fold, shared with recognition at ingest and import-free.
const ALLOWED_DIRS = ['src/lib/search/browser/', 'src/browser/', 'src/lib/width.ts'];
const IMPORT = /(?:^|\n)\s*(?:import|export)\s(?:[^'"]*?\sfrom\s)?['"]([^'"]+)['"]/g;

/** Every module the entry reaches through static imports (type-only imports included: they are cheap to keep apart too). */
function reachable(entry: string): { modules: string[]; bare: string[] } {
  const seen = new Set<string>();
  const bare = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(IMPORT)) {
      const spec = match[1] as string;
      if (!spec.startsWith('.')) {
        bare.add(spec);
        continue;
      }
      const target = resolve(dirname(file), spec);
      visit(target.endsWith('.ts') ? target : `${target}.ts`);
    }
  };
  visit(entry);
  return { modules: [...seen].map((f) => relative(ROOT, f)), bare: [...bare] };
}

describe('the browser search bundle', () => {
  const { modules, bare } = reachable(ENTRY);

  it('reaches only browser modules', () => {
    expect(modules.length).toBeGreaterThan(5);
    for (const module of modules) {
      expect(
        ALLOWED_DIRS.some((dir) => module.startsWith(dir)),
        `${module} is reached from the search page`,
      ).toBe(true);
    }
  });

  it('imports no package and no Node built-in', () => {
    expect(bare).toEqual([]);
  });

  it('the walker sees a forbidden import when there is one', () => {
    // A build module imports zod and the loaders: the same walk from there must report them.
    const build = reachable(join(ROOT, 'src/lib/search/build/synonyms-file.ts'));
    expect(build.bare).toContain('zod');
    expect(build.modules.some((m) => m.startsWith('src/lib/curated/'))).toBe(true);
  });
});
