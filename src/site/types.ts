/** One step of a breadcrumb trail; the last one is the current page and has no path. */
export interface Crumb {
  label: string;
  /** Root-relative path from src/lib/urls.ts. */
  path?: string;
}
