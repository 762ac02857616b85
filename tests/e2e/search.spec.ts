/**
 * Search in Chromium against the built site: a relevance set (queries and the clauses that must come first),
 * the Chinese specifics of the issue, URL state and Back, filters with counts, keyboard navigation, the page
 * without JavaScript, hostile text, and axe.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { buildFold, searchClauses } from '../../src/integrations/pagefind';
import { foldsTraditional } from '../../src/lib/search/browser/fold-on-demand';
import { paths } from '../../src/lib/urls';
import { builtPlans, E2E_BASE, pageUrl } from './harness';
import { expect, test } from './fixtures';

const plans = builtPlans();
const records = searchClauses(plans, E2E_BASE);
const planId = (source: string) => plans.find((p) => p.source === source)?.id ?? source;
const QIANJIANG = planId('000_5b537b9a7be6a6a5.txt');
const DAZHOU = planId('001_fe432f922416074d.txt');
const GUIZHOU = planId('002_9e3084a1a31ff5d6.txt');
const LAIWU = planId('003_a39c52263945813a.txt');
const LANGFANG = planId('004_5c114cb50a3ad106.txt');
const url = (plan: string, clause: string) => `${E2E_BASE}plans/${plan}/#${clause}`;

/** Permalinks of the records whose wording contains `text` (spaces ignored): what a literal search must rank first. */
function containing(text: string): string[] {
  const needle = buildFold(text).replace(/\s+/g, '');
  return records.filter((r) => buildFold(r.meta.text).replace(/\s+/g, '').includes(needle)).map((r) => r.url);
}

async function search(page: Page, query: string, params = ''): Promise<void> {
  await page.goto(`${pageUrl(paths.search())}?q=${encodeURIComponent(query)}${params}`);
  await expect(page.locator('[data-search-results]')).toHaveAttribute('data-search-state', 'done');
}

/** The permalinks of the results shown, without the `hl` parameter the links carry. */
/**
 * Holds back the scripts matching `script` until the page (or its worker) has asked for an index chunk, or 8 s
 * have passed, recording every request. `chunksWhileHeld` is how many chunks were asked for before the script
 * was let through (-1 until it was asked for).
 */
async function holdUntilChunkAsked(
  page: Page,
  script: string | RegExp,
): Promise<{ requested: string[]; chunksWhileHeld: () => number }> {
  const requested: string[] = [];
  let chunkAsked: () => void = () => {};
  const chunkSeen = new Promise<void>((resolve) => (chunkAsked = resolve));
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    requested.push(path);
    if (path.endsWith('.pf_index')) chunkAsked();
  });
  let chunksWhileHeld = -1;
  await page.context().route(script, async (route) => {
    await Promise.race([chunkSeen, new Promise((resolve) => setTimeout(resolve, 8_000))]);
    chunksWhileHeld = requested.filter((path) => path.endsWith('.pf_index')).length;
    await route.continue();
  });
  return { requested, chunksWhileHeld: () => chunksWhileHeld };
}

async function hitUrls(page: Page): Promise<string[]> {
  return page
    .locator('a[data-search-hit]')
    .evaluateAll((links) => links.map((a) => (a.getAttribute('href') ?? '').replace(/\?hl=[^#]*/, '')));
}

/**
 * The relevance set: for each query, the clauses that must come first (in any order among themselves). Written
 * from the seeds by hand; `containing` checks each list is exactly the clauses printing the wording.
 */
const RELEVANCE: { query: string; first: string[]; wording?: string }[] = [
  {
    query: '公转铁',
    first: [url(QIANJIANG, '3-4-1'), url(LAIWU, '3-4'), url(LANGFANG, '3-4'), url(DAZHOU, '3-4')],
  },
  {
    query: '公轉鐵',
    wording: '公转铁',
    first: [url(QIANJIANG, '3-4-1'), url(LAIWU, '3-4'), url(LANGFANG, '3-4'), url(DAZHOU, '3-4')],
  },
  { query: '659.1', first: [url(QIANJIANG, '2-p1'), url(QIANJIANG, 'annex-2-table-1')] },
  { query: 'PUE', first: [url(LANGFANG, '3-1')] },
  { query: 'LNG', first: [url(DAZHOU, '3-4')] },
  { query: 'VOCs', first: [url(LAIWU, '3-9')] },
  {
    query: '两高',
    first: [
      url(QIANJIANG, '4-3-1'),
      url(QIANJIANG, '4-3-2'),
      url(QIANJIANG, '4-5-3'),
      url(LAIWU, '4-3'),
      url(GUIZHOU, '4-3'),
      url(GUIZHOU, '5-2'),
    ],
  },
  {
    query: '"超低排放改造"',
    wording: '超低排放改造',
    first: [
      url(GUIZHOU, '3-1'),
      url(GUIZHOU, '3-8'),
      url(QIANJIANG, '3-1-2'),
      url(QIANJIANG, '3-8-2'),
      url(LANGFANG, '3-8'),
      url(DAZHOU, '3-8'),
    ],
  },
];

test.describe('relevance', () => {
  for (const { query, first, wording } of RELEVANCE) {
    test(`${query}: the clauses printing it come first`, async ({ page }) => {
      const literal = containing(wording ?? query);
      // The hand-written list names clauses that print the wording; the seeds may hold a few more.
      expect(literal).toEqual(expect.arrayContaining(first));
      await search(page, query);
      const hits = await hitUrls(page);
      const top = hits.slice(0, literal.length);
      expect(top.length).toBe(Math.min(literal.length, hits.length));
      for (const hit of top) expect(literal, `${hit} ranks among the literal matches`).toContain(hit);
      for (const clause of first) expect(top, `${clause} comes first`).toContain(clause);
    });
  }

  // Queries the segmenter splits, numbers, Latin tokens and department names: every clause printing the query
  // comes before every clause that does not.
  for (const query of [
    '两高',
    '生态环境局',
    '公转铁',
    '659.1',
    '14.5%',
    'PUE',
    'LNG',
    'VOCs',
    '節能減排',
    '区交通局',
    '有机物',
  ]) {
    test(`${query}: literal matches before all others`, async ({ page }) => {
      const literal = new Set(containing(query));
      expect(literal.size).toBeGreaterThan(0);
      await search(page, query);
      const hits = await hitUrls(page);
      expect(hits.length).toBeGreaterThan(0);
      const firstOther = hits.findIndex((h) => !literal.has(h));
      const lastLiteral = hits.findLastIndex((h) => literal.has(h));
      if (firstOther !== -1)
        expect(lastLiteral, `${hits[firstOther]} ranks before a literal match`).toBeLessThan(firstOther);
      expect(hits.filter((h) => literal.has(h)).length).toBe(Math.min(literal.size, hits.length));
    });
  }

  test('a quoted phrase matches exactly: nothing but the clauses printing it', async ({ page }) => {
    await search(page, '“能效标杆水平”');
    expect((await hitUrls(page)).sort()).toEqual(containing('能效标杆水平').sort());
  });

  test('an abbreviation finds the clauses printing its full form (COD → 化学需氧量)', async ({ page }) => {
    const full = containing('化学需氧量');
    await search(page, 'COD');
    expect((await hitUrls(page)).sort()).toEqual(expect.arrayContaining(full.sort()));
    await expect(page.locator('.search-hit mark').first()).toHaveText('化学需氧量');
  });

  test('a department name finds every clause it is responsible for', async ({ page }) => {
    const plan = plans.find((p) => p.id === QIANJIANG)!;
    const department = plan.departments.find((d) => d.name === '区交通局')!;
    const clauses = plan.clauses.filter((c) =>
      c.responsibility?.departments.some((m) => m.departmentId === department.id),
    );
    expect(clauses.length).toBeGreaterThan(0);
    await search(page, department.name);
    const hits = await hitUrls(page);
    for (const clause of clauses) expect(hits).toContain(url(QIANJIANG, clause.id));
  });
});

test.describe('results', () => {
  test('show the plan, the printed number and heading, and an excerpt that keeps decimals', async ({
    page,
  }) => {
    await search(page, '659.1');
    // Both literal matches (the clause and the annex table that repeats the value) come first, in any order.
    expect((await hitUrls(page)).slice(0, 2).sort()).toEqual(
      [url(QIANJIANG, '2-p1'), url(QIANJIANG, 'annex-2-table-1')].sort(),
    );
    const hit = page.locator('.search-hit', { has: page.locator('a[href$="#2-p1"]') });
    await expect(hit.locator('.search-hit__plan')).toHaveText('黔江区“十四五”节能减排综合工作实施方案');
    await expect(hit.locator('.search-hit__number')).not.toBeEmpty();
    await expect(hit.locator('mark')).toHaveText(['659.1']);
    await expect(hit.locator('.search-hit__excerpt')).toContainText('659.1吨、103.9吨');
    await expect(page.locator('[data-search-status]')).toContainText('找到 2 个');
  });

  test('every result links to a clause permalink with data-search-hit, and Enter lands on the clause', async ({
    page,
  }) => {
    await search(page, '公转铁');
    const links = page.locator('.search-results a');
    const count = await links.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) {
      await expect(links.nth(i)).toHaveAttribute('data-search-hit', '');
      await expect(links.nth(i)).toHaveAttribute(
        'href',
        new RegExp(`^${E2E_BASE}plans/[a-z0-9-]+/\\?hl=[^#]+#[a-z0-9-]+$`),
      );
    }
    const first = (await hitUrls(page))[0]!;
    await links.first().focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => `${u.pathname}${u.hash}` === first);
    const id = first.split('#')[1]!;
    expect(await page.locator(`[id="${id}"]`).evaluate((el) => el.matches(':target'))).toBe(true);
  });

  test('hostile text is shown as text', async ({ page }) => {
    await search(page, '"alert"');
    await expect(page.locator('.search-hit').first()).toBeVisible();
    await expect(
      page.locator('.search-results script, .search-results img, .search-results svg'),
    ).toHaveCount(0);
    await expect(page.locator('.search-results')).toContainText('alert(1)');
    await expect(page.locator('.search-results')).toContainText(/<(svg|img|script)/);
  });

  test('says so when nothing matches', async ({ page }) => {
    await search(page, '不存在的词语组合');
    await expect(page.locator('[data-search-status]')).toHaveText('没有找到包含“不存在的词语组合”的条款。');
    await expect(page.locator('a[data-search-hit]')).toHaveCount(0);
  });
});

test.describe('loading', () => {
  test("a search URL searches in the site's index worker, which fetches each index file once and nothing else does", async ({
    page,
  }) => {
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(new URL(worker.url()).pathname));
    await search(page, '公转铁');
    await expect(page.locator('a[data-search-hit]').first()).toBeVisible();
    // One worker of the site's own (on the seeds, counting is done by the same one); Pagefind's own worker,
    // which would cut queries with the browser's Chinese word segmenter, is never started.
    expect(workers.filter((path) => /\/index-worker[^/]*\.js$/.test(path))).toHaveLength(1);
    expect(requested.filter((path) => path.endsWith('/pagefind-worker.js'))).toHaveLength(0);
    // The worker starts the entry, metadata and WebAssembly itself and hands them to Pagefind: a file fetched
    // twice would show here. Pagefind's script is the worker's to fetch, not preloaded by the page.
    for (const file of [
      /\/pagefind\.js$/,
      /\/pagefind-entry\.json$/,
      /\.pf_meta$/,
      /\/wasm\.[^/]+\.pagefind$/,
    ])
      expect(
        requested.filter((path) => file.test(path)),
        String(file),
      ).toHaveLength(1);
    expect(await page.locator('link[href*="/pagefind"]').count()).toBe(0);
    // The build named the metadata and WebAssembly in the page, so the worker asked for them at its first
    // line, before the entry file that would otherwise have told it their names.
    const first = await page.evaluate(
      () =>
        (
          JSON.parse(
            document.querySelector<HTMLMetaElement>('meta[name="plan-atlas-search"]')?.content ?? '{}',
          ) as { first?: string[] }
        ).first ?? [],
    );
    expect(first.map((url) => url.replace(/^.*\//, '')).sort()).toEqual(
      requested
        .filter((path) => /\.pf_meta$|\/wasm\.[^/]+\.pagefind$/.test(path))
        .map((path) => path.replace(/^.*\//, ''))
        .sort(),
    );
    const at = (file: RegExp) => requested.findIndex((path) => file.test(path));
    expect(at(/\.pf_meta$/)).toBeLessThan(at(/\/pagefind-entry\.json$/));
    expect(at(/\/wasm\.[^/]+\.pagefind$/)).toBeLessThan(at(/\/pagefind-entry\.json$/));
  });

  test("a result loads its own clause's file, never its chapter's fragment", async ({ page }) => {
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await search(page, '公转铁');
    const hits = page.locator('a[data-search-hit]');
    await expect(hits.first()).toBeVisible();
    expect(requested.filter((path) => path.endsWith('.pf_fragment'))).toEqual([]);
    // One file per result shown, each fetched once, from the bundle's clause directory.
    const files = requested.filter((path) => /\/pagefind[^/]*\/clause\/[^/]+\.json$/.test(path));
    expect(new Set(files).size).toBe(files.length);
    expect(files).toHaveLength(await hits.count());
  });

  test('the page preloads, from its head, exactly the modules its scripts import before they run, each fetched once', async ({
    page,
  }) => {
    const statuses = new Map<string, number[]>();
    page.on('response', (response) => {
      const path = new URL(response.url()).pathname;
      statuses.set(path, [...(statuses.get(path) ?? []), response.status()]);
    });
    await search(page, '公转铁');
    await expect(page.locator('a[data-search-hit]').first()).toBeVisible();
    const { preloads, entries, beforeScript, head, worker } = await page.evaluate(() => {
      const script = performance.getEntriesByName('search:script')[0]?.startTime ?? 0;
      const setup =
        document.querySelector<HTMLMetaElement>('meta[name="plan-atlas-search"]')?.content ?? '{}';
      return {
        worker: new URL((JSON.parse(setup) as { worker: string }).worker, location.href).pathname,
        preloads: [...document.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map(
          (link) => new URL(link.href).pathname,
        ),
        entries: [...document.querySelectorAll<HTMLScriptElement>('script[type="module"][src]')].map(
          (element) => new URL(element.src).pathname,
        ),
        // The page's own requests (not its worker's) for scripts started before the page script ran.
        beforeScript: performance
          .getEntriesByType('resource')
          .filter((entry) => entry.startTime < script && /\.js$/.test(new URL(entry.name).pathname))
          .map((entry) => new URL(entry.name).pathname),
        head: [
          ...document.head.querySelectorAll(
            'script:not([src]), link[rel="modulepreload"], link[rel="stylesheet"]',
          ),
        ].map((element) =>
          element instanceof HTMLScriptElement ? 'boot' : (element as HTMLLinkElement).rel,
        ),
      };
    });
    // Named by the build from the built scripts: files of the site, each fetched once (the preload serves the
    // page script's import).
    expect(preloads.length).toBeGreaterThan(0);
    for (const path of preloads) expect(statuses.get(path), path).toEqual([200]);
    // Every module the page asked for before its script ran is one of its scripts or preloaded, and every preload
    // is such a module (the index worker's script, which the boot script asked for, is not a module of the page).
    const modules = [...new Set(beforeScript)].filter((path) => !entries.includes(path) && path !== worker);
    expect(modules.sort()).toEqual([...preloads].sort());
    // In the head after the boot script, before the stylesheets.
    expect(head.lastIndexOf('modulepreload')).toBeLessThan(head.indexOf('stylesheet'));
    expect(head.indexOf('boot')).toBeLessThan(head.indexOf('modulepreload'));
  });

  test('the boot script, inline in the head before the stylesheets and allowed by the CSP, starts the worker the page script uses', async ({
    page,
  }) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(new URL(worker.url()).pathname));
    await search(page, '公转铁');
    const first = await hitUrls(page);
    expect(first.length).toBeGreaterThan(0);
    expect(violations).toEqual([]);
    // Inline, before any stylesheet: it runs as the parser reaches it, not after the page's first layout.
    const order = await page.evaluate(() =>
      [...document.head.querySelectorAll('script, link[rel="stylesheet"]')].map((element) =>
        element instanceof HTMLScriptElement
          ? element.src
            ? 'script file'
            : element.text.includes('plan-atlas-search')
              ? 'boot'
              : 'inline script'
          : 'stylesheet',
      ),
    );
    expect(order.indexOf('boot')).toBeGreaterThanOrEqual(0);
    expect(order.indexOf('boot')).toBeLessThan(order.indexOf('stylesheet'));
    const marks = await page.evaluate(() =>
      performance
        .getEntriesByType('mark')
        .filter((m) => m.name === 'search:boot' || m.name === 'search:script')
        .map((m) => m.name),
    );
    expect(marks).toEqual(['search:boot', 'search:script']);
    // The page script took the booted worker over rather than starting another.
    expect(workers.filter((path) => /\/index-worker[^/]*\.js$/.test(path))).toHaveLength(1);
    expect(await page.evaluate(() => 'planAtlasIndexWorker' in window)).toBe(false);

    // A page whose boot script did not run (here: taken out) still searches, in a worker the page script starts.
    await page.route(/\/search\/(\?.*)?$/, async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(
        /<script>\(function bootSearchIndex[\s\S]*?<\/script>/,
        '',
      );
      await route.fulfill({ response, body: html });
    });
    workers.length = 0;
    await search(page, '公转铁');
    expect(await hitUrls(page)).toEqual(first);
    expect(await page.evaluate(() => performance.getEntriesByName('search:boot').length)).toBe(0);
    expect(workers.filter((path) => /\/index-worker[^/]*\.js$/.test(path))).toHaveLength(1);
  });

  test("an opened URL's index chunks are fetched while Pagefind's script is still loading, each once", async ({
    page,
  }) => {
    await search(page, '公转铁');
    const shown = await hitUrls(page);
    expect(shown.length).toBeGreaterThan(0);
    // Pagefind's script is held back until an index chunk has been asked for (or 8 s have passed): only a
    // worker that fetches the searches' chunks before Pagefind answers asks for one meanwhile.
    const { requested, chunksWhileHeld } = await holdUntilChunkAsked(page, /\/pagefind\.js$/);
    await search(page, '公转铁');
    expect(await hitUrls(page)).toEqual(shown);
    expect(chunksWhileHeld()).toBeGreaterThan(0);
    // Pagefind was handed the chunks already fetched: none was fetched twice.
    const chunks = requested.filter((path) => path.endsWith('.pf_index'));
    expect(chunks.length).toBeGreaterThan(0);
    expect(new Set(chunks).size).toBe(chunks.length);
  });

  test("an opened URL's query is searched by the worker before the page script runs: its index chunks are fetched meanwhile", async ({
    page,
  }) => {
    await search(page, '公转铁');
    const shown = await hitUrls(page);
    expect(shown.length).toBeGreaterThan(0);
    // The page's own script (the search page's module, not the header's) is held back until an index chunk
    // has been asked for (or 8 s have passed): only a worker told the query by the boot script asks for one
    // meanwhile, as the page sends no search before its script runs.
    const script = await page.evaluate(
      () =>
        [...document.querySelectorAll<HTMLScriptElement>('script[type="module"][src]')]
          .map((s) => s.src)
          .find((src) => /\/index\.astro_[^/]*\.js$/.test(src)) ?? '',
    );
    expect(script).not.toBe('');
    const { requested, chunksWhileHeld } = await holdUntilChunkAsked(page, script);
    await search(page, '公转铁');
    expect(chunksWhileHeld()).toBeGreaterThan(0);
    // The answers searched early are the page's: the same clauses, in the same order.
    expect(await hitUrls(page)).toEqual(shown);
    const chunks = requested.filter((path) => path.endsWith('.pf_index'));
    expect(new Set(chunks).size).toBe(chunks.length);
  });

  test("an opened URL's traditional query, read by the worker without the character table, gives the simplified query's clauses", async ({
    page,
  }) => {
    await search(page, '公转铁');
    const shown = await hitUrls(page);
    expect(shown.length).toBeGreaterThan(0);
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    // The worker reads 公轉鐵 without the table, so the words it searches early are not the page's: they are
    // searched for nothing and none of their answers is handed to the page's searches of 公转铁's words.
    await search(page, '公轉鐵');
    expect(await hitUrls(page)).toEqual(shown);
    const chunks = requested.filter((path) => path.endsWith('.pf_index'));
    expect(chunks.length).toBeGreaterThan(0);
    expect(new Set(chunks).size).toBe(chunks.length);
  });

  test('without workers, Pagefind searches on the page and finds the same clauses', async ({ page }) => {
    await search(page, '公转铁');
    const inWorker = await hitUrls(page);
    expect(inWorker.length).toBeGreaterThan(0);
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    await page.addInitScript(() => {
      delete (window as { Worker?: unknown }).Worker;
    });
    await search(page, '公转铁');
    expect(await hitUrls(page)).toEqual(inWorker);
    expect(workers).toEqual([]);
  });

  test('the traditional → simplified table is fetched for a traditional query, not for a simplified one', async ({
    page,
  }) => {
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    const table = () => requested.filter((path) => /\/t2s-map\.[^/]*\.js$/.test(path));
    await search(page, '公转铁');
    const shown = await hitUrls(page);
    expect(shown.length).toBeGreaterThan(0);
    // What the page folded holds no character the table folds (著 would need it), so it was never fetched.
    const texts = shown.map((url) => records.find((r) => r.url === url)?.meta.text ?? '');
    expect(
      texts.filter((text) => Array.from(text).some((ch) => foldsTraditional(ch.codePointAt(0)!))),
    ).toEqual([]);
    expect(table()).toEqual([]);
    await search(page, '公轉鐵');
    expect(table()).toHaveLength(1);
    expect(await hitUrls(page)).toEqual(expect.arrayContaining(shown));
  });
});

test.describe('a reader whose browser prefers traditional Chinese', () => {
  test.use({ locale: 'zh-TW' });

  test('has the traditional → simplified table loaded while the page is idle, before typing anything', async ({
    page,
  }) => {
    // For other readers the table is fetched only for a text that needs it (the test above, in the default
    // locale: never for a simplified query).
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(pageUrl(paths.search()));
    expect(await page.evaluate(() => navigator.languages)).toEqual(['zh-TW']);
    await expect.poll(() => requested.filter((path) => /\/t2s-map\.[^/]*\.js$/.test(path)).length).toBe(1);
    await page.locator('[data-search-input]').fill('公轉鐵');
    await expect(page.locator('[data-search-results]')).toHaveAttribute('data-search-state', 'done');
    expect(requested.filter((path) => /\/t2s-map\.[^/]*\.js$/.test(path))).toHaveLength(1);
    expect((await hitUrls(page)).length).toBeGreaterThan(0);
  });
});

test.describe('URL state', () => {
  test('reads the query and filters from the URL', async ({ page }) => {
    await search(page, '生态环境局', `&plan=${encodeURIComponent('莱芜区')}`);
    await expect(page.locator('[data-search-input]')).toHaveValue('生态环境局');
    await expect(page.locator('select[data-filter="plan"]')).toHaveValue('莱芜区');
    const hits = await hitUrls(page);
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect(hit).toContain(`/plans/${LAIWU}/`);
  });

  test('writes the query back while typing, and Back returns to the previous search', async ({ page }) => {
    await page.goto(pageUrl(paths.search()));
    const input = page.locator('[data-search-input]');
    const results = page.locator('[data-search-results]');
    await input.fill('两高');
    await expect(results).toHaveAttribute('data-search-state', 'done');
    await expect(page).toHaveURL(/\?q=%E4%B8%A4%E9%AB%98$/);
    await input.press('Enter');
    const length = await page.evaluate(() => history.length);
    await input.fill('公转');
    await input.pressSequentially('铁');
    await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent('公转铁')}$`));
    await expect(page.locator('a[data-search-hit]').first()).toHaveAttribute('href', /#/);
    // Typing after a committed search adds one entry, however many keystrokes.
    expect(await page.evaluate(() => history.length)).toBe(length + 1);
    await page.goBack();
    await expect(input).toHaveValue('两高');
    await expect(page).toHaveURL(/\?q=%E4%B8%A4%E9%AB%98$/);
    await expect(results).toHaveAttribute('data-search-state', 'done');
    expect(await hitUrls(page)).toContain(url(LAIWU, '4-3'));
  });
});

test.describe('filters', () => {
  test('narrow the results, show counts and go into the URL', async ({ page }) => {
    await search(page, '生态环境局');
    const level = page.locator('select[data-filter="level"]');
    const county = level.locator('option[value="区县"]');
    const label = await county.textContent();
    const count = Number(/（(\d+)）/.exec(label ?? '')?.[1]);
    expect(count).toBeGreaterThan(0);
    await level.selectOption('区县');
    await expect(page).toHaveURL(new RegExp(`level=${encodeURIComponent('区县')}`));
    await expect(page.locator('[data-search-results]')).toHaveAttribute('data-search-state', 'done');
    await expect(page.locator('[data-search-status]')).toContainText(`找到 ${count} 个`);
    const countyPlans = new Set(plans.filter((p) => p.level === 'county').map((p) => p.id));
    for (const hit of await hitUrls(page)) expect(countyPlans.has(hit.split('/')[3]!)).toBe(true);
    // The level filter's own counts ignore its selection, so the reader can switch.
    await expect(level.locator('option[value="市级"]')).toHaveText(/市级（\d+）/);
    await page.goBack();
    await expect(level).toHaveValue('');
  });

  test('the boxes are as wide as their places, not as their options', async ({ page }) => {
    // A box sized by its options has every option's text measured in the page's first layout, which the
    // page script and the search worker wait behind on a cold open (issue 10).
    await page.setViewportSize({ width: 1280, height: 900 });
    await search(page, '公转铁');
    const boxes = page.locator('.search-filter select');
    const widths = async () => boxes.evaluateAll((all) => all.map((b) => b.getBoundingClientRect().width));
    const before = await widths();
    await boxes.evaluateAll((all) => {
      for (const box of all as HTMLSelectElement[]) {
        const option = document.createElement('option');
        option.text = '一个比任何选项都长得多的选项，用来看方框是否随选项变宽'.repeat(2);
        box.append(option);
      }
    });
    expect(await widths()).toEqual(before);
  });

  for (const [key, value] of [
    ['part', '重点工程'],
    ['department', '交通运输'],
  ] as const) {
    test(`the ${key} filter keeps only matching clauses`, async ({ page }) => {
      await search(page, '节能', `&${key}=${encodeURIComponent(value)}`);
      await expect(page.locator(`select[data-filter="${key}"]`)).toHaveValue(value);
      const hits = await hitUrls(page);
      expect(hits.length).toBeGreaterThan(0);
      const allowed = new Set(records.filter((r) => r.filters[key].includes(value)).map((r) => r.url));
      for (const hit of hits) expect(allowed.has(hit), hit).toBe(true);
    });
  }

  test('the plan filter lists the plans under their provinces, and the province filter narrows to them', async ({
    page,
  }) => {
    await page.goto(pageUrl(paths.search()));
    const groups = page.locator('select[data-filter="plan"] optgroup');
    const provinces = [...new Set(records.map((r) => r.filters.province[0]!))];
    expect(await groups.evaluateAll((g) => g.map((x) => x.getAttribute('label')))).toEqual(
      expect.arrayContaining(provinces),
    );
    const chongqing = records.find((r) => r.url.includes(`/${QIANJIANG}/`))!.filters;
    await expect(
      page.locator(`select[data-filter="plan"] optgroup[label="${chongqing.province[0]}"] option`),
    ).toHaveText([chongqing.plan[0]!]);
    await search(page, '节能', `&province=${encodeURIComponent(chongqing.province[0]!)}`);
    const hits = await hitUrls(page);
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect(hit).toContain(`/${QIANJIANG}/`);
  });

  test("past the list limit, the plan filter offers the chosen province's plans (from /search/plans.json)", async ({
    page,
  }) => {
    // The seeds are far under the limit: the page is served as a large corpus's would be, its plan filter
    // empty and pointing at /search/plans.json.
    await page.route(`**${paths.search()}`, async (route) => {
      const response = await route.fetch();
      const html = (await response.text())
        .replace(/(<select name="plan"[^>]*>)[\s\S]*?(<\/select>)/, '$1<option value="">全部</option>$2')
        .replace('data-search ', `data-search data-plans="${E2E_BASE}search/plans.json" `);
      await route.fulfill({ response, body: html });
    });
    await page.goto(pageUrl(paths.search()));
    const plan = page.locator('select[data-filter="plan"]');
    await expect(plan.locator('option')).toHaveCount(1);
    const guizhou = records.find((r) => r.url.includes(`/${GUIZHOU}/`))!.filters;
    await page.locator('select[data-filter="province"]').selectOption(guizhou.province[0]!);
    await expect(plan.locator('option')).toHaveText(['全部', guizhou.plan[0]!]);
    await plan.selectOption(guizhou.plan[0]!);
    await expect(page).toHaveURL(new RegExp(`plan=${encodeURIComponent(guizhou.plan[0]!)}`));
  });

  test('the indicator filter lists indicators and keeps the clauses stating them', async ({ page }) => {
    await page.goto(pageUrl(paths.search()));
    expect(await page.locator('select[data-filter="indicator"] option').count()).toBeGreaterThan(2);
    const value = records.find((r) => r.filters.indicator.length > 0)!.filters.indicator[0]!;
    await search(page, '2025', `&indicator=${encodeURIComponent(value)}`);
    for (const hit of await hitUrls(page)) {
      expect(records.find((r) => r.url === hit)?.filters.indicator).toContain(value);
    }
  });
});

test.describe('keyboard', () => {
  test('/ focuses the box; arrows move through results; ↑ from the first returns to the box', async ({
    page,
  }) => {
    await search(page, '公转铁');
    await page.locator('h1').click();
    await page.keyboard.press('/');
    const input = page.locator('[data-search-input]');
    await expect(input).toBeFocused();
    await expect(input).toHaveValue('公转铁');
    const links = page.locator('a[data-search-hit]');
    await page.keyboard.press('ArrowDown');
    await expect(links.nth(0)).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(links.nth(1)).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(links.nth(0)).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(input).toBeFocused();
  });

  test('typing / into the box types it', async ({ page }) => {
    await page.goto(pageUrl(paths.search()));
    const input = page.locator('[data-search-input]');
    await input.focus();
    await page.keyboard.type('a/b');
    await expect(input).toHaveValue('a/b');
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the page explains itself and links to the plans; the header form submits here', async ({ page }) => {
    await page.goto(`${pageUrl(paths.search())}?q=${encodeURIComponent('两高')}`);
    await expect(page.locator('main')).toContainText('搜索结果需要启用 JavaScript');
    for (const plan of plans)
      await expect(page.locator(`main a[href="${E2E_BASE}plans/${plan.id}/"]`)).toBeVisible();
    await expect(page.locator('[data-search-filters]')).toBeHidden();
    const header = page.locator('header form[role="search"]');
    await expect(header).toHaveAttribute('action', `${E2E_BASE}search/`);
    await header.locator('input[name="q"]').fill('公转铁');
    await header.locator('input[name="q"]').press('Enter');
    await expect(page).toHaveURL(new RegExp(`${E2E_BASE}search/\\?q=${encodeURIComponent('公转铁')}$`));
  });
});

test('the search page with results has no axe violations, light and dark', async ({ page }) => {
  await search(page, 'VOCs');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const results = await new AxeBuilder({ page }).analyze();
    expect(
      results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`),
      scheme,
    ).toEqual([]);
  }
});
