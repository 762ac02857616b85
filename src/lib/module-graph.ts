/**
 * The modules a page's scripts import statically, read from the built files with es-module-lexer (the lexer Vite
 * itself reads imports with). The build names them in the page (`<link rel="modulepreload">`,
 * src/lib/search/build/search-page.ts) because a browser asks for a module's imports only once the module's
 * own response has been handled on the page's thread — in a cold open of the search page, after its first style
 * and layout: one round trip more before the page script can run.
 */
import { ImportType, initSync, parse } from 'es-module-lexer';

/** Only a relative or root-relative specifier names a file of the site; anything else is left to the browser. */
const SITE_SPECIFIER = /^\.{0,2}\//;

/**
 * The modules `entries` (root-relative URLs of module scripts, e.g. `/_astro/main.js`) import statically, directly
 * or through each other, as root-relative URLs in the order first met; the entries themselves are not listed.
 * `source(url)` gives a module's code as built, or null when the site has no such file (then its own imports are
 * not followed). Dynamic imports are left out: they are asked for when the code runs, not before.
 */
export function staticImports(entries: readonly string[], source: (url: string) => string | null): string[] {
  initSync();
  const seen = new Set(entries);
  const found: string[] = [];
  const queue = [...entries];
  for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
    const code = source(url);
    if (code === null) continue;
    for (const specifier of parse(code, url)[0]) {
      if (specifier.t !== ImportType.Static || specifier.n === undefined || !SITE_SPECIFIER.test(specifier.n))
        continue;
      const imported = new URL(specifier.n, new URL(url, 'http://site.invalid')).pathname;
      if (seen.has(imported)) continue;
      seen.add(imported);
      found.push(imported);
      queue.push(imported);
    }
  }
  return found;
}
