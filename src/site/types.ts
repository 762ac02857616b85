/** One step of a breadcrumb trail; the last one is the current page and has no path. */
export interface Crumb {
  label: string;
  /** Root-relative path from src/lib/urls.ts. */
  path?: string;
  /** A region's crumb, where that level's own plan is in the corpus: a link to it beside the region's. */
  plan?: { path: string; label: string };
  /** The trail starts here (全国, the top of the region tree): no 首页 before it. */
  root?: boolean;
}
