/**
 * Where page generation goes, route by route: Astro logs every file it renders with the time that file took
 * (`├─ /plans/qianjiang-qu/index.html (+12ms)`); summed by route, they say which route grows with the corpus.
 * Only the logged times are counted: work done once for every page (the atlas, shared lookups) falls to the
 * first page that needs it.
 */
import { readdirSync } from 'node:fs';
import { basename, extname } from 'node:path';

/** `(+12ms)` or `(+1.2s)`, as Astro prints a file's render time. */
export const RENDERED = /[├└]─ (\/\S*) \(\+([\d.]+)(ms|s)\)/;

export interface RouteTime {
  /** `/plans/*\/`, `/departments/category/*\/*\/`, `/data/seeds/*.txt`… */
  route: string;
  files: number;
  seconds: number;
}

/**
 * The literal path segments of a project's routes: every folder and file name under `src/pages` that is not a
 * parameter (`[plan]`), file names without their source extension (`indicators.csv.ts` → `indicators.csv`).
 */
export function routeLiterals(pagesDir: string): Set<string> {
  const literals = new Set<string>();
  for (const entry of readdirSync(pagesDir, { withFileTypes: true, recursive: true })) {
    if (entry.name.includes('[')) continue;
    literals.add(entry.isFile() ? basename(entry.name, extname(entry.name)) : entry.name);
  }
  return literals;
}

/** `/compare/voc-control/2/index.html` → `/compare/*\/*\/`; `/data/seeds/x.txt` → `/data/seeds/*.txt`. */
export function routeOf(path: string, literals: ReadonlySet<string>): string {
  const segments = path.split('/').filter(Boolean);
  const page = segments[segments.length - 1] === 'index.html';
  if (page) segments.pop();
  const shown = segments.map((segment, i) => {
    // A literal, or a page file Astro names after its source (`404.astro` → `404.html`).
    if (literals.has(segment) || literals.has(basename(segment, '.html'))) return segment;
    const last = i === segments.length - 1 && !page;
    return last && extname(segment) ? `*${extname(segment)}` : '*';
  });
  return `/${shown.join('/')}${page && shown.length > 0 ? '/' : ''}`;
}

/** Sums the render times of a build's log lines by route, slowest route first. */
export function routeTimes(lines: Iterable<string>, literals: ReadonlySet<string>): RouteTime[] {
  const byRoute = new Map<string, RouteTime>();
  for (const line of lines) {
    const match = RENDERED.exec(line);
    if (!match) continue;
    const [, path, amount, unit] = match as unknown as [string, string, string, string];
    const route = routeOf(path, literals);
    const seconds = Number(amount) / (unit === 'ms' ? 1000 : 1);
    const found = byRoute.get(route);
    if (found) {
      found.files++;
      found.seconds += seconds;
    } else byRoute.set(route, { route, files: 1, seconds });
  }
  return [...byRoute.values()].sort((a, b) => b.seconds - a.seconds);
}
