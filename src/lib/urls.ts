/**
 * Every public URL of the site in one place. Paths are relative to the site root and end in a slash;
 * `withBase` prefixes the deployment's base path (Astro `base`), `absolute` adds the origin (`site`).
 * Changing a path here changes a public URL: don't.
 */

export const paths = {
  home: () => '/',
  plans: () => '/plans/',
  plan: (planId: string) => `/plans/${planId}/`,
  clause: (planId: string, clauseId: string) => `/plans/${planId}/#${clauseId}`,
  /** Every province with its plans, and the administrative tree down to the plans' counties. */
  regions: () => '/regions/',
  /** One division (province, prefecture or county) with its plans and those below it. */
  region: (regionSlug: string) => `/regions/${regionSlug}/`,
  /** A group of /regions/ for plans the division list cannot place: a place it lacks, or no region read. */
  regionGroup: (group: 'unplaced' | 'unknown') => `/regions/#${group}`,
  /** A province page's plans of places the division list lacks (新区, 开发区) under that province. */
  regionUnlisted: (regionSlug: string) => `/regions/${regionSlug}/#unlisted`,
  departments: () => '/departments/',
  /** One plan's departments on one page, each under its own anchor. */
  planDepartments: (planId: string) => `/departments/${planId}/`,
  department: (planId: string, departmentId: string) => `/departments/${planId}/#${departmentId}`,
  /**
   * Where a department had a page of its own until one page per plan replaced them (a page per department
   * was most of a national build's pages and render time); it stays as a small page that sends the reader on
   * to `department`, so links and citations made to it keep working on a static host.
   */
  legacyDepartment: (planId: string, departmentId: string) => `/departments/${planId}/${departmentId}/`,
  departmentCategory: (categoryId: string) => `/departments/category/${categoryId}/`,
  indicators: () => '/indicators/',
  indicator: (indicatorId: string) => `/indicators/${indicatorId}/`,
  compare: () => '/compare/',
  compareTopic: (topicId: string) => `/compare/${topicId}/`,
  search: () => '/search/',
  /** The names the site knows, fetched by the search page for “did you mean” (src/pages/search/vocabulary.json.ts). */
  searchVocabulary: () => '/search/vocabulary.json',
  /** Each province's plans as the plan filter names them, fetched by the search page past the list limit (src/pages/search/plans.json.ts). */
  searchPlans: () => '/search/plans.json',
  /** The compare topics and indicator pages the search page offers beside results (src/pages/search/pages.json.ts). */
  searchPages: () => '/search/pages.json',
  about: () => '/about/',
  data: (file: string) => `/data/${file}`,
  /** One plan's whole data (the `PublishedPlan` of `/data/schema.json`): `/data/plans/<plan>.json`. */
  planData: (planId: string) => `/data/plans/${planId}.json`,
  /** One plan's rows of a whole-corpus table: `/data/plans/<plan>/clauses.csv`, Chinese-headed under `zh/`. */
  planTable: (planId: string, table: string, language: 'en' | 'zh' = 'en') =>
    `/data/plans/${planId}/${language === 'zh' ? 'zh/' : ''}${table}.csv`,
  /** One plan's clause citations for the go-to-clause box: `/data/goto/<plan>.json`. */
  gotoClauses: (planId: string) => `/data/goto/${planId}.json`,
  /** The seed exactly as ingested, byte for byte: `/data/seeds/<plan>.txt`. */
  seedText: (planId: string) => `/data/seeds/${planId}.txt`,
  /** The go-to-clause page: `/go/?q=贵州 三（四）` resolves a plan and clause reference and jumps there. */
  goTo: () => '/go/',
} as const;

/** Prefixes a root-relative path with the deployment base (`/` or `/sub/path/`). */
export function withBase(base: string, path: string): string {
  const trimmed = base.replace(/\/+$/, '');
  return `${trimmed}${path}`;
}

/** An absolute URL when the site origin is known, else the base-prefixed path. */
export function absolute(site: string | undefined, base: string, path: string): string {
  const local = withBase(base, path);
  return site ? new URL(local, site).href : local;
}
