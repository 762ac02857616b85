/** Site URLs for pages and components: the public paths of src/lib/urls.ts under this build's base and site. */
import { absolute, withBase } from '../lib/urls';

export { paths } from '../lib/urls';

/** The deployment's origin when known (`PLAN_ATLAS_SITE`), else undefined. */
export const SITE: string | undefined = import.meta.env.SITE || undefined;
export const BASE: string = import.meta.env.BASE_URL;

/** A root-relative path under this build's base, for links. */
export function href(path: string): string {
  return withBase(BASE, path);
}

/** An absolute URL when the site is known, else the base-prefixed path (citations, canonical links). */
export function absoluteUrl(path: string): string {
  return absolute(SITE, BASE, path);
}
