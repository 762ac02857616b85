/**
 * The import rules of the codebase, checked over every source file:
 * - `src/lib/` is plain TypeScript: it never imports Astro or the site (`src/site`, components, pages,
 *   layouts, integrations, browser scripts);
 * - browser code (`src/browser/` and the `<script>` blocks of `.astro` files, with everything they import,
 *   transitively) never imports Node built-ins, zod or OpenCC: none of them belongs in a page's bundle;
 * - rendering (pages, layouts, components, `src/site/`) never imports `src/lib/read/`: reading the seeds is
 *   ingest's job, and rendering uses what the model recorded;
 * - browser code reaches the traditional → simplified table (`t2s-map.ts`, 16 KB gzipped) only through the one
 *   dynamic import in `fold-on-demand.ts`, never through `fold.ts`, which installs it at once for Node.
 * Type-only imports (`import type`) are erased and do not count.
 */
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const SRC = join(ROOT, 'src');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const sourceFiles = filesUnder(SRC).filter((f) => /\.(ts|astro|mjs|mdx)$/.test(f) && !f.endsWith('.d.ts'));

/** Module specifiers a piece of TypeScript loads at run time: static, re-exported and dynamic imports. */
export function runtimeImports(code: string, fileName = 'x.ts'): string[] {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!node.importClause?.isTypeOnly) found.push(node.moduleSpecifier.text);
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      if (!node.isTypeOnly) found.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      found.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** An `.astro` file's build-time frontmatter and its bundled (not `is:inline`) browser scripts. */
function astroParts(text: string): { server: string; browser: string[] } {
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  const browser = [...text.matchAll(/<script(?![^>]*is:inline)[^>]*>([\s\S]*?)<\/script>/g)].map(
    (m) => m[1] ?? '',
  );
  return { server: front?.[1] ?? '', browser };
}

/** An `.mdx` page's ESM: its top-level `import` statements (the rest is Markdown and JSX). */
function mdxImports(text: string): string {
  return [...text.matchAll(/^import\s[^\n]*$/gm)].map((m) => m[0]).join('\n');
}

/** The file a relative specifier resolves to (`.ts`, `/index.ts`, or as written), or null for a package. */
function resolveRelative(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return base;
}

const isNodeBuiltin = (specifier: string) =>
  specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0] ?? '');
const under = (file: string, dir: string) => file.startsWith(join(SRC, dir) + '/');
const show = (file: string) => relative(ROOT, file);

interface Edge {
  from: string;
  specifier: string;
  /** The resolved file for a relative import, else null. */
  to: string | null;
}

function edgesOf(file: string, code: string): Edge[] {
  return runtimeImports(code).map((specifier) => ({
    from: file,
    specifier,
    to: resolveRelative(file, specifier),
  }));
}

/** Build-time imports per file (whole `.ts` files, `.astro` frontmatter, `.mdx` imports). */
const serverEdges = sourceFiles.flatMap((file) => {
  const text = readFileSync(file, 'utf8');
  if (file.endsWith('.mdx')) return edgesOf(file, mdxImports(text));
  return edgesOf(file, file.endsWith('.astro') ? astroParts(text).server : text);
});

/** Browser entry points: `src/browser/` files and the script blocks of `.astro` files. */
const browserEntries: Edge[] = [
  ...sourceFiles.filter((f) => under(f, 'browser')).map((f) => ({ from: f, specifier: f, to: f })),
  ...sourceFiles
    .filter((f) => f.endsWith('.astro'))
    .flatMap((f) => astroParts(readFileSync(f, 'utf8')).browser.flatMap((code) => edgesOf(f, code))),
];

/** Every import reachable from the browser entries, each with the chain that reaches it. */
function browserClosure(): { edge: Edge; chain: string[] }[] {
  const out: { edge: Edge; chain: string[] }[] = [];
  const seen = new Set<string>();
  const queue: { edge: Edge; chain: string[] }[] = browserEntries.map((edge) => ({
    edge,
    chain: [show(edge.from)],
  }));
  while (queue.length > 0) {
    const item = queue.shift() as { edge: Edge; chain: string[] };
    out.push(item);
    const to = item.edge.to;
    if (to === null || seen.has(to) || !existsSync(to)) continue;
    seen.add(to);
    for (const edge of edgesOf(to, readFileSync(to, 'utf8'))) {
      const chain = item.chain.at(-1) === show(to) ? item.chain : [...item.chain, show(to)];
      queue.push({ edge, chain });
    }
  }
  return out;
}

describe('import rules', () => {
  it('finds the source files and the browser entry points it checks', () => {
    expect(sourceFiles.filter((f) => under(f, 'lib')).length).toBeGreaterThan(50);
    // MDX pages are rendering too: their imports are read (src/pages/about/index.mdx imports the site).
    expect(serverEdges.some((e) => e.from.endsWith('.mdx') && e.to !== null && under(e.to, 'site'))).toBe(
      true,
    );
    expect(browserEntries.length).toBeGreaterThan(2);
  });

  it('src/lib imports neither Astro nor the site', () => {
    const site = ['site', 'components', 'pages', 'layouts', 'integrations', 'browser'];
    const wrong = serverEdges
      .filter((e) => under(e.from, 'lib'))
      .filter(
        (e) =>
          /^(astro|astro:|@astrojs\/)/.test(e.specifier) ||
          (e.to !== null && site.some((dir) => under(e.to as string, dir))),
      )
      .map((e) => `${show(e.from)} imports ${e.specifier}`);
    expect(wrong).toEqual([]);
  });

  it('browser code never imports Node built-ins, zod or OpenCC, directly or through what it imports', () => {
    const wrong = browserClosure()
      .filter(({ edge }) => isNodeBuiltin(edge.specifier) || /^(zod|opencc-js)(\/|$)/.test(edge.specifier))
      .map(({ edge, chain }) => `${chain.join(' → ')} imports ${edge.specifier}`);
    expect(wrong).toEqual([]);
  });

  it('browser code fetches the traditional → simplified table only on demand', () => {
    const table = join(SRC, 'lib/search/browser/t2s-map.ts');
    const eager = join(SRC, 'lib/search/browser/fold.ts');
    const onDemand = join(SRC, 'lib/search/browser/fold-on-demand.ts');
    const closure = browserClosure();
    const wrong = closure
      .filter(({ edge }) => edge.to === eager || (edge.to === table && edge.from !== onDemand))
      .map(({ edge, chain }) => `${chain.join(' → ')} imports ${edge.specifier}`);
    expect(wrong).toEqual([]);
    // …and fold-on-demand.ts reaches it by a dynamic import, which the bundler splits into a file of its own.
    expect(closure.some(({ edge }) => edge.from === onDemand && edge.to === table)).toBe(true);
    expect(readFileSync(onDemand, 'utf8')).toMatch(/import\(['"]\.\/t2s-map['"]\)/);
    expect(readFileSync(onDemand, 'utf8')).not.toMatch(/^import[^;]*['"]\.\/t2s-map['"]/m);
  });

  it('rendering never imports src/lib/read', () => {
    const rendering = ['pages', 'layouts', 'components', 'site'];
    const wrong = serverEdges
      .filter((e) => rendering.some((dir) => under(e.from, dir)))
      .filter((e) => e.to !== null && under(e.to, 'lib/read'))
      .map((e) => `${show(e.from)} imports ${e.specifier}`);
    expect(wrong).toEqual([]);
  });
});

describe('runtimeImports', () => {
  it.each([
    ["import { a } from './a';", ['./a']],
    ["import type { A } from './a';", []],
    ["import { type A, b } from './a';", ['./a']],
    ["import './side-effect';", ['./side-effect']],
    ["export { a } from './a';", ['./a']],
    ["export type { A } from './a';", []],
    ["const m = await import('node:fs');", ['node:fs']],
  ])('%s', (code, expected) => {
    expect(runtimeImports(code)).toEqual(expected);
  });
});
