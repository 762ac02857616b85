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
  /**
   * Rows the home page draws as bars, over its headline chart and the four pollutant panels together: each
   * row is a mark in the wide and the phone drawing and a row of the chart's data table
   * (`ELEMENT_COSTS.homeChartMarks` and `homeChartTableRow`). Past this many the headline is drawn as a
   * distribution and the pollutants summarised (count, lowest, median, highest), each linking to its
   * indicator page: the home page's five charts at `barChartRows` each would be 300 rows, about 8,100
   * elements (6,911 at 50 plans before this limit).
   */
  homeChartRows: 40,
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

/** The element budget of every page (issue 13). */
export const PAGE_ELEMENTS = 3000;

/**
 * Elements one listed item brings to a page, measured on built pages (`npm run bench:scale -- --sizes 50,150
 * --keep`: the elements of a list or chart at n items and at m items, divided by the difference), rounded up;
 * and what a page holds besides its lists (`base`: layout, headings, text, fixed parts of its charts).
 * `tests/unit/budgets.test.ts` checks the chart marks against what the chart renderer draws.
 */
export const ELEMENT_COSTS = {
  /** A home chart row's marks in the wide and the phone drawing together (10.6 as the renderer draws them). */
  homeChartMarks: 11,
  /** A home chart row's row in the chart's data table (13.1 for the headline's, 15.1 for the pollutants'). */
  homeChartTableRow: 16,
  /** A plan's row in the home page's plan table (8.5: 427 elements for 50 rows, 1,279 for 150). */
  homePlanRow: 9,
  /** The home page without its charts' rows and its plan rows (319 at 50 plans). */
  homeBase: 350,
  /** A plan's row on /plans/ (18.0: the page has 1,029 elements at 50 plans, 2,831 at 150). */
  plansRow: 19,
  /** /plans/ without its rows (128). */
  plansBase: 130,
  /**
   * A plan named on /go/ (3.0: 224 elements at 50 plans, 524 at 150), the 404 page (2.0) or /departments/
   * (3.0), the most of the three.
   */
  namedPlan: 4,
  /** The largest of those pages without the plans it names (/departments/: 182). */
  namedPlanBase: 200,
  /**
   * A plan's column of the /compare/ matrix: its header and its cell on each of the 18 topics, the extras and
   * the totals (61.4: the matrix has 2,546 elements at 40 plans, 91 of them the topics' own).
   */
  compareColumn: 62,
  /** /compare/ without its plans' columns (219 at 40 plans). */
  compareBase: 230,
  /**
   * An indicator page's bar row: its marks in both drawings (as `homeChartMarks`) and its data-table row,
   * which has more columns than the home's (23.4: 1,215 elements for 52 rows of 单位地区生产总值能耗降低 at
   * 50 plans).
   */
  indicatorTableRow: 24,
  /**
   * A plan named in an indicator page's side lists, the three together (other units 1, outcomes 4 with
   * their source links, no target 3: counted from the page's template).
   */
  indicatorSideItem: 8,
  /** An indicator page without its bars and side lists (245 for 单位地区生产总值能耗降低 at 50 plans). */
  indicatorBase: 300,
} as const;

/**
 * The most elements each page that lists plans can reach, whatever the corpus: its base plus each list at its
 * limit. Every one must stay within `PAGE_ELEMENTS`.
 */
export function worstCaseElements(): Record<string, number> {
  const c = ELEMENT_COSTS;
  const l = LIST_LIMITS;
  return {
    '/': c.homeBase + l.homeChartRows * (c.homeChartMarks + c.homeChartTableRow) + l.planRows * c.homePlanRow,
    '/plans/': c.plansBase + l.planRows * c.plansRow,
    '/go/, 404, /departments/': c.namedPlanBase + l.planRows * c.namedPlan,
    '/compare/': c.compareBase + l.comparePlansPerPage * c.compareColumn,
    '/indicators/<id>/':
      c.indicatorBase +
      l.barChartRows * (c.homeChartMarks + c.indicatorTableRow) +
      l.namedPlans * c.indicatorSideItem,
  };
}
