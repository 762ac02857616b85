/**
 * A crawl of the whole build (every HTML file, not a sample): every internal link, resource and fragment
 * resolves, ids are unique per page, and the sitemap lists exactly the pages that exist.
 */
import { test, expect } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { E2E_BASE, E2E_SITE, htmlFiles, OUT_DIR, pathOf } from './harness';

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', '#39': "'", '#x27': "'", lt: '<', gt: '>' };
const decode = (s: string) => s.replace(/&(amp|quot|#39|#x27|lt|gt);/g, (_, e: string) => ENTITIES[e] ?? '');

interface Page {
  file: string;
  ids: string[];
  links: string[];
}

function readPage(file: string): Page {
  const html = readFileSync(join(OUT_DIR, file), 'utf8');
  const ids = [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => decode(m[1] as string));
  const links = [...html.matchAll(/\s(?:href|src|action|data-permalink|data-print)="([^"]*)"/g)].map((m) =>
    decode(m[1] as string),
  );
  return { file, ids, links };
}

const files = htmlFiles();
const pages = new Map(files.map((file) => [pathOf(file), readPage(file)]));
const origin = new URL(E2E_SITE).origin;

/** The file a site URL serves, or null; paths are under the base. */
function fileOf(url: URL): string | null {
  if (!url.pathname.startsWith(E2E_BASE)) return null;
  const path = decodeURIComponent(url.pathname.slice(E2E_BASE.length));
  const file = path === '' || path.endsWith('/') ? `${path}index.html` : path;
  return existsSync(join(OUT_DIR, file)) ? file : null;
}

test('the build has pages', () => {
  expect(files.length).toBeGreaterThan(10);
});

test('every internal link, resource and fragment of every page resolves', () => {
  const broken: string[] = [];
  const external = new Set<string>();
  for (const [path, page] of pages) {
    const here = new URL(`${E2E_BASE}${path.slice(1)}`, E2E_SITE);
    for (const link of page.links) {
      if (/^(mailto|tel|data):/.test(link)) continue;
      const url = new URL(link, here);
      if (url.origin !== origin) {
        external.add(url.href);
        continue;
      }
      const file = fileOf(url);
      if (file === null) {
        broken.push(`${page.file}: ${link} (no such file)`);
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment !== '' && file.endsWith('.html')) {
        const target = pages.get(pathOf(file));
        if (!target?.ids.includes(fragment)) broken.push(`${page.file}: ${link} (no element #${fragment})`);
      }
    }
  }
  expect(broken).toEqual([]);
  // The site stands alone: nothing is loaded or linked from elsewhere.
  expect([...external]).toEqual([]);
});

test('ids are unique on every page', () => {
  const duplicates = [...pages.values()].flatMap((page) => {
    const seen = new Set<string>();
    return page.ids
      .filter((id) => (seen.has(id) ? true : (seen.add(id), false)))
      .map((id) => `${page.file}: #${id}`);
  });
  expect(duplicates).toEqual([]);
});

test('the sitemap lists every page and only pages that exist', () => {
  const index = readFileSync(join(OUT_DIR, 'sitemap-index.xml'), 'utf8');
  const sitemaps = [...index.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => new URL(m[1] as string));
  const listed = sitemaps.flatMap((sitemap) => {
    const file = fileOf(sitemap);
    expect(file, `${sitemap.href} is in the build`).not.toBeNull();
    return [...readFileSync(join(OUT_DIR, file as string), 'utf8').matchAll(/<loc>([^<]*)<\/loc>/g)].map(
      (m) => new URL(m[1] as string),
    );
  });
  expect(listed.filter((url) => fileOf(url) === null).map((u) => u.href)).toEqual([]);
  const inSitemap = new Set(listed.map((url) => fileOf(url)));
  // Pages that ask not to be indexed (404, the former one-department pages that forward) stay out of it.
  const noindex = (file: string) =>
    /<meta name="robots" content="noindex"/.test(readFileSync(join(OUT_DIR, file), 'utf8'));
  const pagesMissing = files.filter((file) => !inSitemap.has(file) && !noindex(file));
  expect(files.filter((file) => inSitemap.has(file) && noindex(file))).toEqual([]);
  expect(pagesMissing).toEqual([]);
});
