/**
 * The search page's index setup, `<meta name="plan-atlas-search" content="{…}">` (src/pages/search/index.astro),
 * read and written back in the built HTML. The boot script hands it to the index worker
 * (src/browser/search/boot.ts), and the worker starts fetching what it names at its first line.
 *
 * The page is written before the index, so the index's file names — the metadata's content hash above all —
 * are added after the index is written (`first`): without them, the worker learnt them from
 * `pagefind-entry.json`, one round trip before it could fetch them. The modules the page's scripts import are
 * named after the site is written as well (`withModulePreloads`), from the built files.
 */
import { firstFiles, type PagefindEntry } from '../browser/index-entry';

/** The setup the search page carries. */
export interface SearchPageSetup {
  /** Bundle URLs, each ending in `/`; the first holds Pagefind's script. */
  bundles: string[];
  /** The index worker's script. */
  worker?: string;
  /** Index files to fetch before Pagefind asks (metadata, WebAssembly), once the index is written. */
  first?: string[];
  /** The synonym and department groups, `[forms, kind]`, in the index's numbering (src/browser/search/main.ts). */
  groups?: unknown[];
  /** The words a query is read without and the jurisdiction prefixes (query.ts `QueryWords`). */
  queryWords?: unknown;
}

const SETUP_META = /(<meta name="plan-atlas-search" content=")([^"]*)(")/;

const unescaped = (value: string) =>
  value.replace(/&(quot|#34|#39|lt|gt|amp);/g, (_, name: string) =>
    name === 'amp' ? '&' : name === 'lt' ? '<' : name === 'gt' ? '>' : name === '#39' ? "'" : '"',
  );
const escaped = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** The setup in the search page's HTML; throws when the page has none. */
export function readSearchSetup(html: string): SearchPageSetup {
  const found = SETUP_META.exec(html);
  if (!found) throw new Error('the search page has no <meta name="plan-atlas-search">');
  return JSON.parse(unescaped(found[2]!)) as SearchPageSetup;
}

/** The HTML with its setup replaced by `setup`. */
export function withSearchSetup(html: string, setup: SearchPageSetup): string {
  if (!SETUP_META.test(html)) throw new Error('the search page has no <meta name="plan-atlas-search">');
  return html.replace(SETUP_META, (_, start: string, _content: string, end: string) => {
    return `${start}${escaped(JSON.stringify(setup))}${end}`;
  });
}

/**
 * The HTML naming, in its setup, the first files of each bundle as written: `entryOf(k)` is bundle k's
 * `pagefind-entry.json` (null when it has none).
 */
export function withFirstFiles(html: string, entryOf: (k: number) => PagefindEntry | null): string {
  const setup = readSearchSetup(html);
  const first = setup.bundles.flatMap((bundle, k) => {
    const entry = entryOf(k);
    return entry ? firstFiles(bundle, entry, k === 0) : [];
  });
  return withSearchSetup(html, { ...setup, first });
}

/** The module scripts the page runs (`<script type="module" src>`), in document order. */
export function moduleScripts(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"[^>]*>/g)].map((m) =>
    unescaped(m[1]!),
  );
}

/**
 * Where the preloads go: before the head's first stylesheet (after the boot script and the CSP's meta, which
 * governs only what follows it), with any written there before.
 */
const PRELOADS = /((?:<link rel="modulepreload" href="[^"]*">)*)(<link rel="stylesheet"|<\/head>)/;

/**
 * The HTML with a `<link rel="modulepreload">` for each of `modules` before its stylesheets, replacing those
 * written before. A module script's imports are asked for only once its response has been handled on the
 * page's thread, which in a cold open is after the page's first style and layout (src/lib/module-graph.ts);
 * preloaded, they come with the page's other files.
 */
export function withModulePreloads(html: string, modules: readonly string[]): string {
  if (!PRELOADS.test(html)) throw new Error('the search page has no head to preload its modules from');
  const links = modules.map((url) => `<link rel="modulepreload" href="${escaped(url)}">`).join('');
  return html.replace(PRELOADS, (_, _written: string, next: string) => `${links}${next}`);
}
