/** Where the site is deployed, for the URLs written into downloads. */
export interface UrlContext {
  /** The site origin (Astro `site`), e.g. `https://example.org`; without it URLs stay root-relative. */
  site?: string | undefined;
  /** The deployment base path (Astro `base`), `/` or e.g. `/atlas/`. */
  base: string;
}
