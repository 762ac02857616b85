/**
 * What a built site weighs: file count and bytes of the output, and per HTML page its gzipped size and its
 * element count (what Lighthouse's DOM-size audit counts), for the pages that list every plan and the heaviest
 * page of every page type.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageFigures {
  /** Path under the output, e.g. `departments/index.html`. */
  page: string;
  /** The HTML, gzipped. */
  htmlGzip: number;
  /** The HTML with the stylesheets and scripts it links, each gzipped. */
  totalGzip: number;
  elements: number;
}

export interface SiteFigures {
  files: number;
  bytes: number;
  htmlPages: number;
  /** Bytes and files under each top-level folder of the output (`data`, `plans`, `pagefind`…), largest first. */
  folders: { folder: string; bytes: number; files: number }[];
  /** The largest files of the output, largest first, with their gzipped size (what a host serves them as). */
  largestFiles: { file: string; bytes: number; gzip: number }[];
  /** The pages that list every plan, as far as the site has them. */
  listPages: PageFigures[];
  /**
   * The heaviest page (by gzipped HTML) of every page type, heaviest first, with the page of that type that
   * has the most elements (often another one: a page of many short rows).
   */
  heaviestByType: (PageFigures & {
    type: string;
    pages: number;
    mostElements: { page: string; elements: number };
  })[];
}

/** Pages whose content grows with the number of plans. */
const LIST_PAGES = [
  'index.html',
  'plans/index.html',
  'regions/index.html',
  'departments/index.html',
  'indicators/index.html',
  'compare/index.html',
  'search/index.html',
  'data/index.html',
  'go/index.html',
  '404.html',
];

/** How many of the largest files `measureSite` names (and gzips). */
const LARGEST_FILES = 8;

/** Opening tags, SVG elements included; the site has no inline script or style whose text could hold a `<`. */
const ELEMENT = /<[a-zA-Z]/g;

const gzipped = (bytes: Buffer | string) => gzipSync(bytes).length;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * `departments/bench-1/fgw/index.html` → `departments/*\/*`: the first segment and the depth; a page at the top
 * other than the home page is its own type (`404.html`).
 */
export function pageType(page: string): string {
  const segments = page.split(sep).slice(0, -1);
  if (segments.length === 0) return page === 'index.html' ? '/' : page;
  return segments.map((segment, i) => (i === 0 || segment === 'category' ? segment : '*')).join('/');
}

function linkedAssetsGzip(outDir: string, html: string, cache: Map<string, number>): number {
  let total = 0;
  const refs = [
    ...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g),
    ...html.matchAll(/<script[^>]* src="([^"]+)"/g),
  ];
  for (const match of refs) {
    const href = (match[1] as string).replace(/^(?:[^/]+:\/\/[^/]+)?\/+/, '');
    // Assets live under `_astro/` whatever the base path.
    const path = join(outDir, href.slice(Math.max(0, href.indexOf('_astro/'))));
    if (!cache.has(path)) cache.set(path, existsSync(path) ? gzipped(readFileSync(path)) : 0);
    total += cache.get(path) as number;
  }
  return total;
}

/** One built page's figures: `page` is its path under `outDir` (`regions/sichuan-sheng/index.html`). */
export function measurePage(outDir: string, page: string, assets = new Map<string, number>()): PageFigures {
  const html = readFileSync(join(outDir, page), 'utf8');
  const htmlGzip = gzipped(html);
  return {
    page,
    htmlGzip,
    totalGzip: htmlGzip + linkedAssetsGzip(outDir, html, assets),
    elements: html.match(ELEMENT)?.length ?? 0,
  };
}

export function measureSite(outDir: string): SiteFigures {
  const all = files(outDir);
  const assets = new Map<string, number>();
  let bytes = 0;
  const heaviest = new Map<
    string,
    PageFigures & { type: string; pages: number; mostElements: { page: string; elements: number } }
  >();
  const listPages: PageFigures[] = [];
  let htmlPages = 0;
  const folders = new Map<string, { folder: string; bytes: number; files: number }>();
  const sizes: { file: string; bytes: number }[] = [];
  for (const file of all) {
    const size = statSync(file).size;
    bytes += size;
    const rel = relative(outDir, file);
    const folder = rel.includes(sep) ? (rel.split(sep)[0] as string) : '(top)';
    const entry = folders.get(folder) ?? { folder, bytes: 0, files: 0 };
    entry.bytes += size;
    entry.files++;
    folders.set(folder, entry);
    sizes.push({ file: rel, bytes: size });
    if (!file.endsWith('.html')) continue;
    htmlPages++;
    const page = relative(outDir, file);
    const html = readFileSync(file, 'utf8');
    const figures: PageFigures = {
      page,
      htmlGzip: gzipped(html),
      totalGzip: 0,
      elements: html.match(ELEMENT)?.length ?? 0,
    };
    const type = pageType(page);
    const known = heaviest.get(type);
    const mostElements =
      known && known.mostElements.elements >= figures.elements
        ? known.mostElements
        : { page, elements: figures.elements };
    if (!known || figures.htmlGzip > known.htmlGzip) {
      figures.totalGzip = figures.htmlGzip + linkedAssetsGzip(outDir, html, assets);
      heaviest.set(type, { ...figures, type, pages: (known?.pages ?? 0) + 1, mostElements });
    } else {
      known.pages++;
      known.mostElements = mostElements;
    }
    if (LIST_PAGES.includes(page)) {
      figures.totalGzip ||= figures.htmlGzip + linkedAssetsGzip(outDir, html, assets);
      listPages.push(figures);
    }
  }
  listPages.sort((a, b) => LIST_PAGES.indexOf(a.page) - LIST_PAGES.indexOf(b.page));
  const largest = sizes.sort((a, b) => b.bytes - a.bytes).slice(0, LARGEST_FILES);
  return {
    files: all.length,
    bytes,
    htmlPages,
    folders: [...folders.values()].sort((a, b) => b.bytes - a.bytes),
    largestFiles: largest.map((f) => ({ ...f, gzip: gzipped(readFileSync(join(outDir, f.file))) })),
    listPages,
    heaviestByType: [...heaviest.values()].sort((a, b) => b.htmlGzip - a.htmlGzip),
  };
}
