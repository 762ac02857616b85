/**
 * The search page's index setup (src/lib/search/build/search-page.ts): read from the built HTML and written back
 * naming each bundle's first files — the metadata its entry names and, for the first bundle only, the
 * WebAssembly — as the index worker would have found them from the entry (src/lib/search/browser/index-entry.ts);
 * and the modules its scripts import, preloaded (src/lib/module-graph.ts).
 */
import { describe, expect, it } from 'vitest';
import { firstFiles, primaryIndex, type PagefindEntry } from '../../src/lib/search/browser/index-entry';
import {
  moduleScripts,
  readSearchSetup,
  withFirstFiles,
  withModulePreloads,
  withSearchSetup,
} from '../../src/lib/search/build/search-page';
import { staticImports } from '../../src/lib/module-graph';

const page = (setup: object) =>
  `<head><meta name="plan-atlas-search" content="${JSON.stringify(setup).replace(/"/g, '&quot;')}"><script>x</script></head>`;

const entry = (hash: string, pages: number, wasm: string | null = null): PagefindEntry => ({
  languages: { 'zh-cn': { hash: `zh-cn_${hash}`, wasm, page_count: pages } },
});

describe('the search page setup', () => {
  it('reads the setup the page was written with, quotes and all', () => {
    const setup = { bundles: ['/atlas/pagefind/'], worker: '/atlas/_astro/index-worker-x.js' };
    expect(readSearchSetup(page(setup))).toEqual(setup);
  });

  it('names the metadata of every bundle and the WebAssembly of the first, and keeps the rest of the page', () => {
    const html = page({ bundles: ['/pagefind/', '/pagefind-1/'], worker: '/w.js' });
    const entries = [entry('aaa', 10), entry('bbb', 12, 'zh')];
    const written = withFirstFiles(html, (k) => entries[k] ?? null);
    expect(readSearchSetup(written)).toEqual({
      bundles: ['/pagefind/', '/pagefind-1/'],
      worker: '/w.js',
      first: [
        '/pagefind/pagefind.zh-cn_aaa.pf_meta',
        '/pagefind/wasm.unknown.pagefind',
        '/pagefind-1/pagefind.zh-cn_bbb.pf_meta',
      ],
    });
    expect(written.replace(/<meta[^>]*>/, '')).toBe(html.replace(/<meta[^>]*>/, ''));
    // Written again (a second index build): the names are replaced, not added to.
    expect(readSearchSetup(withFirstFiles(written, (k) => entries[k] ?? null)).first).toHaveLength(3);
  });

  it('names nothing for a bundle without an entry', () => {
    const html = page({ bundles: ['/pagefind/'], worker: '/w.js' });
    expect(readSearchSetup(withFirstFiles(html, () => null)).first).toEqual([]);
  });

  it('picks, as Pagefind does without a page language, the index with most records', () => {
    const two: PagefindEntry = {
      languages: {
        en: { hash: 'en_1', wasm: 'en', page_count: 3 },
        'zh-cn': { hash: 'zh-cn_2', wasm: null, page_count: 30 },
      },
    };
    expect(primaryIndex(two)?.hash).toBe('zh-cn_2');
    expect(firstFiles('/p/', two, true)).toEqual(['/p/pagefind.zh-cn_2.pf_meta', '/p/wasm.unknown.pagefind']);
    expect(firstFiles('/p/', { languages: {} }, true)).toEqual([]);
  });

  it('refuses a page without the setup', () => {
    expect(() => readSearchSetup('<head></head>')).toThrow(/plan-atlas-search/);
    expect(() => withSearchSetup('<head></head>', { bundles: [] })).toThrow(/plan-atlas-search/);
  });
});

describe('the modules the search page preloads', () => {
  const files: Record<string, string> = {
    '/_astro/main.js':
      'import{a as e}from"./shared.js";import"./shortcut.js";const l=()=>import(`./lazy.js`);e(l);',
    '/_astro/form.js': 'import"./shortcut.js";',
    '/_astro/shared.js': 'import{t}from"../_astro/deep/table.js";export const a=(f)=>f(t);',
    '/_astro/shortcut.js': 'export const s=1;console.log(import.meta.url);',
    '/_astro/deep/table.js': 'export const t=[];',
    '/_astro/lazy.js': 'import"./never.js";',
  };
  const source = (url: string) => files[url] ?? null;

  it('are every module the page scripts import statically, through each other, each once, and no dynamic import', () => {
    expect(staticImports(['/_astro/form.js', '/_astro/main.js'], source)).toEqual([
      '/_astro/shortcut.js',
      '/_astro/shared.js',
      '/_astro/deep/table.js',
    ]);
    // An entry another entry imports is not preloaded: the page asks for it already.
    expect(staticImports(['/_astro/main.js', '/_astro/shortcut.js'], source)).not.toContain(
      '/_astro/shortcut.js',
    );
    // A module the site does not have is named (the browser would ask for it anyway), its imports not followed.
    expect(
      staticImports(['/x.js'], (url) =>
        url === '/x.js' ? 'import"./gone.js";import"https://cdn.invalid/y.js";' : null,
      ),
    ).toEqual(['/gone.js']);
  });

  it('are written before the stylesheets, after the boot script and the CSP, once however often the page is written', () => {
    const html =
      '<head><meta name="plan-atlas-search" content="{}"><script>boot()</script><meta http-equiv="content-security-policy" content="x">' +
      '<link rel="stylesheet" href="/a.css"><link rel="stylesheet" href="/b.css"></head>' +
      '<body><script type="module" src="/_astro/form.js"></script><script type="module" src="/_astro/main.js"></script></body>';
    expect(moduleScripts(html)).toEqual(['/_astro/form.js', '/_astro/main.js']);
    const once = withModulePreloads(html, ['/_astro/shortcut.js', '/_astro/shared.js']);
    expect(once).toBe(
      html.replace(
        '<link rel="stylesheet" href="/a.css">',
        '<link rel="modulepreload" href="/_astro/shortcut.js"><link rel="modulepreload" href="/_astro/shared.js"><link rel="stylesheet" href="/a.css">',
      ),
    );
    expect(withModulePreloads(once, ['/_astro/shared.js'])).toBe(
      withModulePreloads(html, ['/_astro/shared.js']),
    );
    expect(withModulePreloads(once, [])).toBe(html);
  });
});
