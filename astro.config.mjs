// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import planAtlasSearch from './src/integrations/pagefind.ts';
import dataDownloads from './src/integrations/data-downloads.ts';
import departmentForwards from './src/integrations/department-forwards.ts';
import pageThreads from './src/integrations/page-threads.ts';

// `site` makes citations and canonical URLs absolute; `base` lets the site live under a sub-path.
// Both come from the environment so one build can be deployed anywhere.
const site = process.env.PLAN_ATLAS_SITE || undefined;
const base = process.env.PLAN_ATLAS_BASE || '/';

/**
 * Extra `script-src` sources for every page. Pagefind (search) compiles WebAssembly, which needs
 * "'wasm-unsafe-eval'"; nothing else may be added without a reason in this comment.
 * @type {string[]}
 */
const extraScriptSources = ["'wasm-unsafe-eval'"];

export default defineConfig({
  ...(site ? { site } : {}),
  base,
  // Where `astro preview` finds the site; `npm run build` (scripts/build.ts) stages there atomically.
  outDir: process.env.PLAN_ATLAS_OUT_DIR || './dist',
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // One cached stylesheet for every page instead of a copy inlined in each.
    inlineStylesheets: 'never',
  },
  vite: {
    build: {
      // Scripts are always files, which the CSP hashes; the one inline script, the search page's boot script,
      // is allowed by its own hash (src/browser/search/boot.ts says why it is inline).
      assetsInlineLimit: 0,
    },
  },
  integrations: [
    // Hand-written prose pages (/about/) are MDX; plan text is rendered from the model as data, never MDX
    // (README "MDX"). No GFM autolinks or tables, and no smart quotes or dashes that would change wording.
    mdx({ gfm: false, smartypants: false }),
    // The sitemap needs absolute URLs, so it exists only when `site` is known.
    ...(site ? [sitemap()] : []),
    // The former one-department pages, written as static files after the pages (src/lib/forwarding.ts).
    departmentForwards(),
    // plans.json and the clause and department tables, written plan by plan after the pages (README "Build memory").
    dataDownloads(),
    // The pages rendered on two threads, Astro's and a worker beside it, with PLAN_ATLAS_PAGE_THREADS=2 (README
    // "Build memory": faster, but over the 2 GB goal at 3,000 plans); by default Astro's thread alone.
    pageThreads(),
    // Clause-level Pagefind index of the built /data/plans.json, written into the output after the build.
    planAtlasSearch(),
  ],
  security: {
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", ...extraScriptSources] },
      styleDirective: { resources: ["'self'"] },
    },
  },
});
