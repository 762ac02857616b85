/**
 * How many items a page lists one by one before it summarises, groups or pages them (issue 13: every page
 * ≤150 KB gzipped and ≤3,000 elements at 3,000 plans, whatever lists all plans). Each limit is set from the
 * elements one item costs on its page, so a page at the limit stays within the budget with room for the rest
 * of the page; `npm run bench:scale` reports what the pages weigh.
 */
export const LIST_LIMITS = {
  /**
   * A bar chart draws a row per target or plan (about 12 elements across its wide and phone layouts, and its
   * data table row as many again): past this many rows an indicator's chart becomes a distribution whose
   * markup grows with the distinct values only, and its table a summary by province.
   */
  barChartRows: 60,
  /** A table or list with a row per plan (home, /plans/): past this, plans are counted by province. */
  planRows: 150,
  /** Plans named one by one in a page's side list (no target, outcomes, other units): past this, a count. */
  namedPlans: 40,
  /** Most frequent wordings listed for the targets no catalogue indicator covers; the rest are in the CSV. */
  wordings: 60,
  /** Most and least ambitious values shown by name under a distribution; the rest are in the CSV. */
  extremes: 10,
  /**
   * Plans per page of a compare topic (each plan brings its clauses on the topic, about 45 elements): the
   * topic is split into numbered pages in the site's plan order.
   */
  comparePlansPerPage: 40,
  /**
   * A region page's (and /regions/') tree of divisions and plans (src/lib/regions/tree.ts `listingWithin`):
   * the elements it may spend, and what a division's line and a plan's summary cost (measured on the built
   * pages: 5 and 21, rounded up). The divisions right below are always listed — their plans by name only if
   * their summaries alone would exceed it — and further levels as long as they fit: 宁夏's 5 prefectures and
   * 22 counties, not 四川's 21 and 183. With five distributions beside it, a page stays near 2,000 elements.
   */
  regionTree: { elements: 1000, division: 6, plan: 22 },
  /** Plans per page of a department category (each plan brings its departments' clause lists, about 75 elements). */
  categoryPlansPerPage: 25,
} as const;
