/**
 * What the pages' second thread (./page-threads.ts) is told, and how both threads name a page: shared by the
 * integration, which Vite loads, and the worker, which Node runs itself, stripping the types — so this module is
 * erasable TypeScript and imports nothing.
 */

/** A page's claim in the shared `claims` array: nobody's yet, Astro's thread's, the worker's. */
export const FREE = 0;
export const MAIN = 1;
export const WORKER = 2;

/** One page the worker may render: its place in Astro's order, its URL and its route (by component and pattern). */
export interface PageItem {
  index: number;
  url: string;
  component: string;
  route: string;
}

/** What a page's head needs of Astro's build internals (`headElements` of its build environment). */
export interface HeadData {
  /** Each page's stylesheets, by Astro's page key (`route` + separator + `component`). */
  styles: Map<string, { styles: unknown[] }>;
  /** Built file of each entry specifier (page scripts). */
  entrySpecifierToBundleMap: Map<string, string>;
  /** Scripts injected by integrations (`settings.scripts`). */
  scripts: unknown[];
}

export interface PageThreadJob {
  /** The prerender bundle's entry module, which the worker imports as Astro's thread did. */
  entryFile: string;
  /** The plan models' slot the bundle's corpus reads (src/loaders/plan-models.ts): dir, generation, summaries. */
  modelDir: string;
  generation: number;
  summaries: unknown[];
  head: HeadData;
  /** The pages the worker may take, in Astro's order; it takes them from the last. */
  items: PageItem[];
  /** One Int32 per index of `items`' `index` space: FREE, MAIN or WORKER, claimed with compareExchange. */
  claims: SharedArrayBuffer;
  /** Where the worker writes each page it rendered (`<index>.body`), for Astro's thread to hand over. */
  dir: string;
}

/** The worker's message for a page it rendered (or failed to), and its last message. */
export type PageThreadMessage =
  | { kind: 'page'; index: number; status: number; headers: [string, string][] }
  | { kind: 'failed'; index: number; error: string }
  | { kind: 'log'; level: string; label: string | null; message: string }
  | { kind: 'finished'; rendered: number; heapMb: number; cpuSeconds: number };

/** CPU time of the calling thread so far, user + system, in seconds. */
export function threadCpuSeconds(): number {
  const { user, system } = process.threadCpuUsage();
  return (user + system) / 1e6;
}

/**
 * The URL Astro's build requests a page with (`getUrlForPath` in astro/dist/core/build/generate.js, for pages in
 * the `directory` format, trailing slashes `always`, the only configuration this site builds with): the worker
 * renders each page from the same URL, and Astro's thread finds the page the worker took by it. A page whose URL
 * this got wrong is rendered by Astro's thread, and the page the worker made of it is reported as never asked
 * for (./page-threads.ts).
 */
export function pageUrl(pathname: string, base: string, origin: string): string {
  const withSlash = (path: string) => (path.endsWith('/') ? path : `${path}/`);
  const trimmed = pathname.replace(/^\/+/, '').replace(/\/+$/, '');
  const path = trimmed === '' ? withSlash(base) : `${withSlash(base)}${trimmed}/`;
  return new URL(path.replace(/\/{2,}/g, '/'), origin).href;
}
