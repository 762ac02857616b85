/**
 * Search a journalist can trust (issue 10), in Chromium against the built site: no 包含 claim without the
 * wording highlighted, words no plan prints find nothing, department names as people type them, question
 * forms, near matches, ways on from a dead end, excerpts and annex rows that explain themselves, the searched
 * words marked on the clause page, and a filter panel that does not shift the page.
 */
import type { Page } from '@playwright/test';
import { buildFold, searchClauses } from '../../src/integrations/pagefind';
import { paths } from '../../src/lib/urls';
import { builtPlans, E2E_BASE, pageUrl } from './harness';
import { countLayoutShifts } from './page-checks';
import { NOWHERE, PROPOSALS } from './relevance';
import { expect, test } from './fixtures';

const plans = builtPlans();
const records = searchClauses(plans, E2E_BASE);
const fold = (s: string) => buildFold(s).replace(/\s+/g, '');

async function search(page: Page, query: string, params = ''): Promise<void> {
  await page.goto(`${pageUrl(paths.search())}?q=${encodeURIComponent(query)}${params}`);
  // 'done' comes after the help and the filter counts, several searches more: slow on a loaded machine.
  await expect(page.locator('[data-search-results]')).toHaveAttribute('data-search-state', 'done', {
    timeout: 15_000,
  });
}

interface Hit {
  url: string;
  match: string;
  label: string;
  marks: string[];
}

async function hits(page: Page): Promise<Hit[]> {
  return page.locator('.search-hit').evaluateAll((items) =>
    items.map((item) => ({
      url: (item.querySelector('a[data-search-hit]')?.getAttribute('href') ?? '').replace(/\?hl=[^#]*/, ''),
      match: (item as HTMLElement).dataset['match'] ?? '',
      label: item.querySelector('.search-hit__tier')?.textContent ?? '',
      marks: [...item.querySelectorAll('mark')].map((m) => m.textContent ?? ''),
    })),
  );
}

test.describe('no false claims', () => {
  for (const query of NOWHERE) {
    test(`${query}: no plan prints it, so nothing is claimed to contain it`, async ({ page }) => {
      expect(records.filter((r) => fold(r.meta.text).includes(fold(query)))).toEqual([]);
      await search(page, query);
      await expect(page.locator('[data-search-status]')).toContainText('没有找到');
      expect((await hits(page)).filter((h) => h.match === 'literal')).toEqual([]);
      // Never a page of noise: whatever is shown is a checked near match.
      for (const hit of await hits(page)) expect(hit.match).toBe('near');
    });
  }

  // Every 包含 label stands on a highlighted literal of every term, across kinds of query.
  for (const query of [
    '公转铁',
    '两高',
    'VOCs',
    '14.5%',
    '生态环境局',
    '环保局',
    '公转铁 新能源',
    '節能減排',
    '农委',
  ]) {
    test(`${query}: every hit labelled 包含 highlights each term as typed`, async ({ page }) => {
      await search(page, query);
      const shown = await hits(page);
      expect(shown.length).toBeGreaterThan(0);
      const terms = query.split(/\s+/).map(fold);
      for (const hit of shown.filter((h) => h.match === 'literal')) {
        expect(hit.label).toBe('包含');
        const marked = hit.marks.map(fold);
        for (const term of terms) expect(marked, `${hit.url} marks ${term}`).toContain(term);
      }
      for (const hit of shown.filter((h) => h.match !== 'literal')) expect(hit.label).not.toBe('包含');
    });
  }
});

test.describe('department names as people type them', () => {
  for (const [query, printed] of [
    ['环保局', /生态环境(局|厅)/],
    ['发改局', /发展改革(委|局)|发改(委|局)|发展和改革(委员会|局)/],
    ['农委', /农业农村(局|厅|委)|农委/],
    // A jurisdiction prefix no seed prints, read from content/search-synonyms.yaml (departmentPrefixes).
    ['自治区生态环境局', /生态环境(局|厅)/],
    ['環保局', /生态环境(局|厅)/],
  ] as const) {
    test(`${query} finds the department under the plans' own names, highlighted, labelled 部门别名`, async ({
      page,
    }) => {
      await search(page, query);
      const shown = await hits(page);
      expect(shown.length).toBeGreaterThan(0);
      for (const hit of shown) {
        expect(['literal', 'department']).toContain(hit.match);
        if (hit.match === 'department') {
          expect(hit.label).toBe('部门别名');
          expect(
            hit.marks.some((m) => printed.test(m)),
            `${hit.url} marks the plan's own name`,
          ).toBe(true);
        }
      }
      await expect(page.locator('[data-search-status]')).toContainText('部门别名');
    });
  }

  test('发改局 finds the development and reform body in every plan', async ({ page }) => {
    await search(page, '发改局');
    const more = page.locator('[data-search-more]');
    while (await more.isVisible()) {
      const before = await page.locator('.search-hit').count();
      await more.click();
      await expect.poll(() => page.locator('.search-hit').count()).toBeGreaterThan(before);
    }
    const plansHit = new Set((await hits(page)).map((h) => h.url.split('/plans/')[1]?.split('/')[0]));
    // Every plan that names the body among those responsible, under whatever name it prints.
    const naming = plans.filter((p) =>
      p.departments.some((d) => /发展改革|发改|发展和改革/.test([d.name, ...d.aliases].join(' '))),
    );
    expect(naming.length).toBeGreaterThanOrEqual(5);
    for (const plan of naming) expect(plansHit).toContain(plan.id);
  });
});

test.describe('ways people type', () => {
  test('a question form is left out, and says so', async ({ page }) => {
    await search(page, '公转铁有哪些');
    await expect(page.locator('[data-search-status]')).toContainText('已略去“有哪些”');
    const shown = await hits(page);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((h) => h.match === 'literal')).toBe(true);
  });

  test('垃圾发电 finds 垃圾焚烧发电 as a near match, highlighted, below nothing literal', async ({
    page,
  }) => {
    await search(page, '垃圾发电');
    const shown = await hits(page);
    expect(shown.length).toBeGreaterThan(0);
    for (const hit of shown) {
      expect(hit.match).toBe('near');
      expect(hit.label).toBe('相近');
    }
    expect(shown.flatMap((h) => h.marks)).toContain('垃圾焚烧发电');
    await expect(page.locator('[data-search-next]')).toContainText('垃圾焚烧发电');
  });
});

test.describe('did you mean', () => {
  for (const { typed, known } of PROPOSALS) {
    test(`${typed} proposes ${known} as a link with its clauses, and claims nothing for ${typed}`, async ({
      page,
    }) => {
      expect(records.filter((r) => fold(r.meta.text).includes(fold(typed)))).toEqual([]);
      await search(page, typed);
      await expect(page.locator('[data-search-status]')).toContainText(`没有找到包含“${typed}”`);
      expect((await hits(page)).filter((h) => h.match === 'literal')).toEqual([]);
      const next = page.locator('[data-search-next]');
      await expect(next).toContainText('你要找的是不是');
      const proposal = next.locator('a', { hasText: known }).first();
      await expect(proposal).toBeVisible();
      const item = next.locator('li', { has: page.locator('a', { hasText: known }) }).first();
      const count = Number(/（(\d+) 个条款）/.exec((await item.textContent()) ?? '')?.[1]);
      expect(count).toBeGreaterThan(0);
      await proposal.click();
      await expect(page.locator('[data-search-results]')).toHaveAttribute('data-search-state', 'done');
      await expect(page.locator('[data-search-input]')).toHaveValue(known);
      await expect(page.locator('[data-search-status]')).toContainText(`找到 ${count} 个`);
    });
  }

  test('a word no plan prints and no name resembles proposes nothing', async ({ page }) => {
    await search(page, '不存在的词语组合');
    await expect(page.locator('[data-search-status]')).toContainText('没有找到');
    await expect(page.locator('[data-search-next]')).not.toContainText('你要找的是不是');
  });
});

test.describe('no dead ends', () => {
  test('公转铁 in 贵州省 says what the other plans hold, and where the topic is compared', async ({
    page,
  }) => {
    await search(page, '公转铁', `&plan=${encodeURIComponent('贵州省')}`);
    await expect(page.locator('[data-search-status]')).toContainText('没有找到');
    const next = page.locator('[data-search-next]');
    await expect(next).toBeVisible();
    await expect(next).toContainText(/不限方案.*（4 个结果）/);
    await next.locator('a', { hasText: '不限方案' }).click();
    await expect(page.locator('[data-search-results]')).toHaveAttribute('data-search-state', 'done');
    expect(await hits(page)).toHaveLength(4);
  });

  test('a query names the compare topic that covers it', async ({ page }) => {
    await search(page, '公转铁');
    await expect(page.locator('[data-search-next] a', { hasText: '交通物流' })).toHaveAttribute(
      'href',
      /\/compare\/[a-z-]+\/$/,
    );
  });
});

test.describe('results that explain themselves', () => {
  test('an excerpt shows every term, in fragments when they are apart', async ({ page }) => {
    await search(page, '公转铁 新能源');
    const shown = await hits(page);
    expect(shown.length).toBeGreaterThan(0);
    for (const hit of shown) {
      expect(hit.marks.map(fold)).toContain(fold('公转铁'));
      expect(hit.marks.map(fold)).toContain(fold('新能源'));
    }
  });

  test('an annex table hit shows the row with its column labels', async ({ page }) => {
    await search(page, '659.1');
    const table = page.locator('.search-hit', { has: page.locator('.search-hit__rows') }).first();
    await expect(table.locator('.search-hit__rows')).toContainText('减排目标（吨）：659.1');
    await expect(table.locator('.search-hit__rows')).toContainText('主要污染物：氮氧化物（吨）');
  });

  test("a chapter's paragraph is titled with the chapter's heading", async ({ page }) => {
    const record = records.find((r) => r.url.endsWith('/#1-p1'))!;
    expect(record.meta.heading).not.toBe('');
    await search(page, `"${record.meta.text.slice(10, 22)}"`);
    const first = page.locator('.search-hit').first();
    await expect(first.locator('.search-hit__title')).toContainText(record.meta.heading);
  });

  test('the clause page marks the searched words on arrival, and they can be cleared', async ({ page }) => {
    await search(page, '公转铁');
    const link = page.locator('a[data-search-hit]').first();
    await expect(link).toHaveAttribute('href', /\?hl=/);
    await link.click();
    await page.waitForURL(/\/plans\//);
    const marks = page.locator('mark.search-term');
    await expect(marks.first()).toHaveText('公转铁');
    const note = page.locator('.search-term-note');
    await expect(note).toContainText('公转铁');
    await note.getByRole('button', { name: '清除标记' }).click();
    await expect(marks).toHaveCount(0);
    expect(new URL(page.url()).searchParams.has('hl')).toBe(false);
  });

  test('opening a search URL does not shift the page (filter panel in place from the first paint)', async ({
    page,
  }) => {
    const shift = await countLayoutShifts(page);
    await search(page, '公转铁');
    await expect(page.locator('[data-search-filters]')).toBeVisible();
    expect(await shift()).toBeLessThan(0.01);
  });
});

test.describe('filter counts count what the list shows', () => {
  /** The count in each option of a filter, by value, once the counts are in. */
  async function optionCounts(page: Page, key: string): Promise<Map<string, number>> {
    await expect(page.locator('[data-search-count-note]')).not.toBeEmpty();
    const texts = await page
      .locator(`select[data-filter="${key}"] option`)
      .evaluateAll((options) =>
        options.map((o) => [(o as HTMLOptionElement).value, o.textContent ?? ''] as const),
      );
    const out = new Map<string, number>();
    for (const [value, text] of texts) {
      const count = /（(\d+)）$/.exec(text)?.[1];
      if (value && count !== undefined) out.set(value, Number(count));
    }
    return out;
  }

  // Queries whose characters also stand apart in other clauses: a loose count would be larger.
  for (const query of ['公转铁', '碳达峰', '超低排放', '14.5%']) {
    test(`${query}: each plan's count is its clauses printing it (包含), and the note says so`, async ({
      page,
    }) => {
      await search(page, query);
      await expect(page.locator('[data-search-count-note]')).toHaveText('（数字为包含所查词语的条款数）');
      const counts = await optionCounts(page, 'plan');
      const printing = records.filter((r) => fold(r.meta.text).includes(fold(query)));
      expect(printing.length).toBeGreaterThan(0);
      const expected = new Map<string, number>();
      for (const r of printing)
        for (const plan of r.filters.plan) expected.set(plan, (expected.get(plan) ?? 0) + 1);
      for (const [plan, count] of counts) expect(count, plan).toBe(expected.get(plan) ?? 0);
      expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(printing.length);
    });
  }

  test('a synonym group counts its clauses and says so', async ({ page }) => {
    await search(page, 'VOCs');
    await expect(page.locator('[data-search-count-note]')).toHaveText(
      '（数字为包含所查词语或其同义词的条款数）',
    );
    const counts = await optionCounts(page, 'level');
    const shown = Number(
      /找到 (\d+) 个/.exec((await page.locator('[data-search-status]').textContent()) ?? '')?.[1],
    );
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(shown);
  });

  test('several words: no numbers, and the note says why', async ({ page }) => {
    await search(page, '公转铁 新能源');
    await expect(page.locator('[data-search-count-note]')).toHaveText('（数字仅在搜索一个词语时显示）');
    const texts = await page.locator('select[data-filter] option').allTextContents();
    for (const text of texts) expect(text).not.toMatch(/（\d+）/);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('says results need JavaScript, claims nothing about the query, and offers ways to look', async ({
    page,
  }) => {
    await page.goto(`${pageUrl(paths.search())}?q=${encodeURIComponent('公转铁')}`);
    const box = page.locator('[data-search-nojs]');
    await expect(box).toBeVisible();
    await expect(box).toContainText('搜索结果需要启用 JavaScript');
    await expect(box).toContainText('这并不表示没有条款包含它');
    // What to do: where the word is, and how to look for it without a script.
    await expect(box).toContainText('你要找的词在本页地址中“?q=”之后');
    await expect(box).toContainText('在页面中查找');
    await expect(page.locator('[data-search-status]')).toHaveText('');
    await expect(page.locator('main')).not.toContainText('没有找到');
    for (const target of [
      paths.departments(),
      paths.indicators(),
      paths.compare(),
      paths.data('clauses.csv'),
    ])
      await expect(box.locator(`a[href="${E2E_BASE}${target.slice(1)}"]`)).toHaveCount(1);
    expect(await box.locator(`a[href^="${E2E_BASE}plans/"]`).count()).toBeGreaterThan(0);
  });

  test('no control that needs JavaScript is shown', async ({ page }) => {
    await page.goto(`${pageUrl(paths.search())}?q=${encodeURIComponent('两高')}`);
    await expect(page.locator('[data-search-filters]')).toBeHidden();
    await expect(page.locator('[data-search-keys]')).toBeHidden();
    await expect(page.locator('[data-search-more]')).toBeHidden();
    await expect(page.locator('[data-search-nojs]')).toBeVisible();
  });
});
