/** Where the site is deployed, for the URLs written into downloads. */
export interface UrlContext {
  /** The site origin (Astro `site`), e.g. `https://example.org`; without it URLs stay root-relative. */
  site?: string | undefined;
  /** The deployment base path (Astro `base`), `/` or e.g. `/atlas/`. */
  base: string;
}

/**
 * Rounds away binary floating-point noise: unit conversion turns 1.017万吨 into 10169.999999999998 吨, which
 * must print as 10170. Twelve significant digits are far more than any plan states, and far fewer than the
 * 15–17 where the noise lives.
 */
export function cleanNumber(value: number): number {
  return Number.isFinite(value) ? Number(value.toPrecision(12)) : value;
}
