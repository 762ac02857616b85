/**
 * Lighthouse scores (performance, accessibility, best practices, SEO) of given pages of a built site, as a
 * phone (Lighthouse's default: Moto G class device, throttled 4G) and as a desktop, in Debian's Chromium
 * (/usr/bin/chromium; `CHROME_PATH` overrides). Prints the scores against the goal of 95 and, for a score under
 * it, the audits that failed; asserts nothing (scores vary with the machine's load).
 *
 * Each page is scored `PLAN_ATLAS_LIGHTHOUSE_RUNS` times (default: the caller's; 1 for bench:pages' many page
 * types at national scale, 3 for bench:lighthouse) and the median of each category reported, with the range of the performance score where runs differ.
 */
import { launch } from 'chrome-launcher';
import lighthouse, { desktopConfig, type Result } from 'lighthouse';

const GOAL = 95;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const CHROME = process.env['CHROME_PATH'] ?? '/usr/bin/chromium';
/** Runs per page: `PLAN_ATLAS_LIGHTHOUSE_RUNS`, else the caller's default. */
const runsOr = (fallback: number) =>
  Math.max(1, Number(process.env['PLAN_ATLAS_LIGHTHOUSE_RUNS'] ?? fallback) || fallback);

/** The middle value (the lower middle of an even count). */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] as number;
}

const scoreOf = (lhr: Result, category: string) => Math.round((lhr.categories[category]?.score ?? 0) * 100);

/**
 * Audits a page fails on purpose, by audit id, with the reason printed beside its score: a category whose
 * every failing audit is one of these is reported "by design", not under the goal.
 */
export type ByDesign = Readonly<Record<string, string>>;

/**
 * Scores each `[label, url, byDesign?]` as a phone and as a desktop, `defaultRuns` times each unless
 * `PLAN_ATLAS_LIGHTHOUSE_RUNS` says otherwise; returns the lines naming scores under the goal.
 */
export async function scorePages(
  pages: readonly (readonly [string, string, ByDesign?])[],
  defaultRuns = 1,
): Promise<string[]> {
  const RUNS = runsOr(defaultRuns);
  const labelWidth = Math.max(10, ...pages.map(([label]) => label.length + 2));
  const chrome = await launch({
    chromePath: CHROME,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  const below: string[] = [];
  try {
    console.log(`Lighthouse ${CATEGORIES.join(' / ')} (goal ≥ ${GOAL} each; median of ${RUNS} run(s)):`);
    for (const [form, config] of [
      ['mobile', undefined],
      ['desktop', desktopConfig],
    ] as const) {
      for (const [label, url, byDesign = {}] of pages) {
        const results: Result[] = [];
        for (let run = 0; run < RUNS; run++) {
          const result = await lighthouse(
            url,
            { port: chrome.port, logLevel: 'error', output: 'json', onlyCategories: [...CATEGORIES] },
            config,
          );
          if (!result) throw new Error(`${url}: Lighthouse returned nothing`);
          results.push(result.lhr);
        }
        const scores = CATEGORIES.map((c) => median(results.map((lhr) => scoreOf(lhr, c))));
        const performance = results.map((lhr) => scoreOf(lhr, 'performance'));
        const range =
          Math.min(...performance) === Math.max(...performance)
            ? ''
            : `  (performance ${Math.min(...performance)}–${Math.max(...performance)})`;
        const lhr = results.find((r) => scoreOf(r, 'performance') === scores[0]) ?? (results[0] as Result);
        const failingIn = (category: string) =>
          Object.values(lhr.audits)
            .filter(
              (a) =>
                a.score !== null &&
                a.score < 0.9 &&
                lhr.categories[category]?.auditRefs.some((r) => r.id === a.id && r.weight > 0),
            )
            .map((a) => ({ id: a.id, shown: a.displayValue ? `${a.id} (${a.displayValue})` : a.id }));
        const under = CATEGORIES.filter((_, i) => (scores[i] as number) < GOAL);
        const intended = under.filter((c) => {
          const failing = failingIn(c);
          return failing.length > 0 && failing.every((a) => a.id in byDesign);
        });
        const misses = under.filter((c) => !intended.includes(c));
        for (const category of misses) {
          const failing = failingIn(category).map((a) => a.shown);
          below.push(`${form} ${label} ${category}: ${failing.join(', ') || '(no single audit)'}`);
        }
        const designed = intended.flatMap((c) => failingIn(c).map((a) => `${c} ${a.id}: ${byDesign[a.id]}`));
        console.log(
          `  ${form.padEnd(8)}${label.padEnd(labelWidth)}${scores.map((s) => String(s).padStart(4)).join('')}${misses.length ? '  below goal' : ''}${range}${designed.length ? `  by design (${designed.join('; ')})` : ''}`,
        );
      }
    }
    console.log(
      below.length === 0 ? `  every score ≥ ${GOAL}` : `  below goal:\n    ${below.join('\n    ')}`,
    );
  } finally {
    chrome.kill();
  }
  return below;
}
