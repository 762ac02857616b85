/**
 * Phone first, and drafts never passed off as adopted: every page type at 320, 375 and 1280 px has no element
 * wider than the viewport (outside the frames that scroll on purpose), no table cell narrower than two
 * characters of text, and every chart with all its text inside its box; every page type that shows a value
 * or clause of the draft plan (达州, 征求意见稿) marks it; 按目标值 sorts by value; the copy button is reached by
 * a tap and covers no text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { paths } from '../../src/lib/urls';
import { clauseQuote, fullCitation, quoteWithCitation, referenceOf } from '../../src/lib/citation';
import { builtPlans, E2E_BASE, E2E_SITE, OUT_DIR, pageUrl } from './harness';
import { expect, test } from './fixtures';
import { layoutProblems, NO_LAYOUT_PROBLEMS, unmarkedMentions } from './page-checks';

const plans = builtPlans();
const draft = plans.find((p) => p.status === 'draft');
const draftDepartment = draft?.departments.find((d) =>
  draft.clauses.some((c) => c.responsibility?.departments.some((m) => m.departmentId === d.id)),
);
const draftIndicator = draft?.targets.find((t) => t.indicatorId !== 'unclassified')?.indicatorId;
/** The region pages along the draft's breadcrumbs (四川省, 达州市), as its built plan page links them. */
const draftRegions = draft
  ? [
      ...new Set(
        [
          ...readFileSync(join(OUT_DIR, 'plans', draft.id, 'index.html'), 'utf8').matchAll(
            new RegExp(`href="${E2E_BASE}regions/([a-z0-9-]+)/"`, 'g'),
          ),
        ].map((m) => m[1] as string),
      ),
    ]
  : [];

const PAGES: [string, string][] = [
  ['home', paths.home()],
  ['plans', paths.plans()],
  // Every plan: each has its own tables (annexes, the lineage comparison) and longest words.
  ...plans.map((p): [string, string] => [`plan ${p.id}`, paths.plan(p.id)]),
  ['regions', paths.regions()],
  ['region province', paths.region('sichuan-sheng')],
  ['indicators', paths.indicators()],
  ['indicator energy-intensity', paths.indicator('energy-intensity')],
  ['indicator sludge-treatment', paths.indicator('sludge-treatment')],
  ['indicator unclassified', paths.indicator('unclassified')],
  ['departments', paths.departments()],
  ...(draft && draftDepartment
    ? ([
        ['department', paths.department(draft.id, draftDepartment.id)],
        ['department category', paths.departmentCategory(draftDepartment.category)],
      ] as [string, string][])
    : []),
  ['compare', paths.compare()],
  ['compare topic', paths.compareTopic('industry-green-upgrade')],
  ['search', `${paths.search()}?q=${encodeURIComponent('能耗')}`],
  ['data', paths.data('')],
  ['about', paths.about()],
  ['go to clause', `${paths.goTo()}?q=${encodeURIComponent('贵州 九（九）')}`],
  ...draftRegions
    .filter((slug) => slug !== 'sichuan-sheng')
    .map((slug): [string, string] => [`region ${slug}`, paths.region(slug)]),
];

for (const width of [320, 375, 1280]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });

    for (const [name, path] of PAGES) {
      test(`${name}: nothing wider than the screen, no one-character columns, charts inside their box`, async ({
        page,
      }) => {
        await page.goto(pageUrl(path));
        if (path.startsWith(paths.search()))
          await expect(page.locator('[data-search-results]')).toHaveAttribute('data-search-state', 'done');
        expect(await layoutProblems(page)).toEqual(NO_LAYOUT_PROBLEMS);
      });
    }
  });
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 800 } });

  test('the indicator table reflows: the page is no longer thousands of pixels of one-character lines', async ({
    page,
  }) => {
    await page.goto(pageUrl(paths.indicator('energy-intensity')));
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    // Was 14,870 px with the 出处 column one character wide; each row is now a card of a few lines.
    expect(height).toBeLessThan(6000);
    const row = page.locator('table[data-chart-table] tbody tr').first();
    await expect(row.locator('td[data-label="出处"]')).toBeVisible();
    const box = await row.locator('td[data-label="出处"]').boundingBox();
    expect(box!.width).toBeGreaterThan(250);
  });

  test('/plans/ is a card per plan with its status in sight, and its sort buttons are there to tap', async ({
    page,
  }) => {
    await page.goto(pageUrl(paths.plans()));
    const rows = page.locator('table[data-plans-table] tbody tr');
    await expect(rows).toHaveCount(plans.length);
    for (const row of await rows.all()) {
      // Not off to the right in a frame that scrolls sideways: across, inside the screen as the page opens
      // (the box's x does not move as the page scrolls down, so no scrolling that could bring it in).
      const box = (await row.locator('.badge').boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(375);
    }
    const sort = page.getByRole('button', { name: '量化目标' });
    await expect(sort).toBeVisible();
    await sort.click();
    const counts = await rows.locator('td[data-label="量化目标"]').allTextContents();
    expect(counts.map(Number)).toEqual([...counts.map(Number)].sort((a, b) => a - b));
  });

  test('charts show their phone layout, labels over the bars, at a legible size', async ({ page }) => {
    await page.goto(pageUrl(paths.home()));
    for (const chart of ['energy-intensity', 'pollutant-reductions']) {
      const figure = page.locator(`figure[data-chart="${chart}"]`);
      await expect(figure.locator('.chart__variant--wide')).toBeHidden();
      const svg = figure.locator('.chart__variant--narrow svg');
      await expect(svg).toBeVisible();
      const fontPx = await svg
        .locator('text.row-label')
        .first()
        .evaluate((t) => t.getBoundingClientRect().height);
      expect(fontPx, `${chart}: row label height`).toBeGreaterThan(11);
    }
    // 莱芜区 20.8% (the longest bar) is inside the chart, label and all.
    const laiwu = page.locator(
      'figure[data-chart="energy-intensity"] .chart__variant--narrow a.mark[data-plan="laiwu-qu"]',
    );
    await expect(laiwu.locator('text.value-label')).toHaveText('20.8%');
  });

  test('the copy button is reached by tapping ¶ and covers none of the clause’s text', async ({ page }) => {
    const plan = plans[0]!;
    const clause = plan.clauses.find((c) => c.kind !== 'preamble' && c.paragraphs.join('').length > 80)!;
    await page.goto(pageUrl(paths.plan(plan.id)));
    const holder = page.locator(`[id="${clause.id}"]`);
    await holder.locator('a.permalink').click();
    const button = holder.locator('button.copy-cite[data-copy="citation"]');
    await expect(button).toBeVisible();
    const overlaps = await holder.evaluate((el) => {
      const tools = el.querySelector('.clause-tools')!.getBoundingClientRect();
      const range = document.createRange();
      const hits: string[] = [];
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement?.closest('.clause-tools')) continue;
        range.selectNodeContents(node);
        for (const r of range.getClientRects()) {
          const x = Math.min(r.right, tools.right) - Math.max(r.left, tools.left);
          const y = Math.min(r.bottom, tools.bottom) - Math.max(r.top, tools.top);
          if (x > 1 && y > 1) hits.push((node.textContent ?? '').slice(0, 20));
        }
      }
      return hits;
    });
    expect(overlaps).toEqual([]);
  });
});

/**
 * A phone's tap is not a click: the browser moves its pointer there first, and what :hover and :focus-within
 * show before the click lands is under the finger when it does. Tapping ¶ must follow the link (the address
 * bar then holds the clause's permalink, to share), not press a copy button that the tap itself revealed.
 */
for (const [width, height] of [
  [360, 640],
  [414, 896],
] as const) {
  test.describe(`tapping on a ${width} × ${height} touch screen`, () => {
    test.use({
      viewport: { width, height },
      hasTouch: true,
      isMobile: true,
      permissions: ['clipboard-read', 'clipboard-write'],
    });

    const plan = plans.find((p) => p.region === '黔江区') ?? plans[0]!;
    const clause = plan.clauses.find((c) => c.kind !== 'preamble' && c.paragraphs.join('').length > 80)!;

    test('¶ opens the clause’s permalink with the clause in sight; its copy buttons then copy what they say', async ({
      page,
    }) => {
      const EMPTY = '(nothing copied)';
      await page.goto(pageUrl(paths.plan(plan.id)));
      await page.evaluate((text) => navigator.clipboard.writeText(text), EMPTY);
      const holder = page.locator(`[id="${clause.id}"]`);
      await holder.locator('> .clause-tools a.permalink').tap();
      await expect(page).toHaveURL(pageUrl(paths.clause(plan.id, clause.id)));
      expect(await page.evaluate(() => navigator.clipboard.readText()), 'nothing copied by the tap').toBe(
        EMPTY,
      );
      // The clause's start is on screen and not under the sticky table of contents.
      await expect
        .poll(() =>
          holder.evaluate((el) => {
            const box = el.getBoundingClientRect();
            const bar = document.querySelector('.toc')!.getBoundingClientRect();
            return box.top >= bar.bottom - 1 && box.top < window.innerHeight - 40;
          }),
        )
        .toBe(true);
      const permalink = new URL(paths.clause(plan.id, clause.id).slice(1), `${E2E_SITE}${E2E_BASE}`).href;
      await holder.locator('> .clause-tools button[data-copy="link"]').tap();
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(permalink);
      await holder.locator('> .clause-tools button[data-copy="quote"]').tap();
      await expect
        .poll(() => page.evaluate(() => navigator.clipboard.readText()))
        .toBe(
          quoteWithCitation(clauseQuote(clause), fullCitation(plan, referenceOf(plan, clause), permalink)),
        );
    });
  });
}

/**
 * The compare matrix scrolls sideways inside its frame, its topic column held at the left. On a phone that
 * column must leave room to read the plans' columns, and a link reached with the keyboard (a switch or
 * keyboard user, WCAG 2.4.11) must be scrolled clear of it, not left underneath.
 */
for (const width of [360, 414]) {
  test(`compare matrix at ${width} px: the held topic column leaves room, and no focused link is under it`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(pageUrl(paths.compare()));
    const frame = page.locator('.compare-wrap');
    const head = page.locator('.compare-matrix tbody th[scope="row"]').first();
    const frameWidth = (await frame.boundingBox())!.width;
    expect((await head.boundingBox())!.width, 'the held column').toBeLessThanOrEqual(frameWidth / 2);
    await frame.focus();
    const covered: string[] = [];
    for (let i = 0; i < 24; i++) {
      await page.keyboard.press('Tab');
      const seen = await page.evaluate(() => {
        const focused = document.activeElement!;
        if (!focused.closest('.compare-matrix td')) return null;
        const box = focused.getBoundingClientRect();
        const held = focused.closest('tr')!.querySelector('th[scope="row"]')!.getBoundingClientRect();
        return { text: focused.textContent!.trim(), left: box.left, heldRight: held.right };
      });
      if (seen && seen.left < seen.heldRight - 1) covered.push(`${seen.text} at ${Math.round(seen.left)} px`);
    }
    expect(covered).toEqual([]);
  });
}

/**
 * An annex table wider than a phone scrolls sideways in its frame; its columns keep room to be read there. At
 * 360 px 黔江's 附件1 gave its 指标 column two characters a line (非化/石能/源占/…, seven lines a name) while
 * the headers, never broken inside a word, took the rest.
 */
for (const width of [360, 414]) {
  test(`annex tables at ${width} px: a cell of five characters or more is at least four characters wide`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 800 });
    const withTables = plans.filter((p) => p.annexes.some((a) => a.blocks.some((b) => b.type === 'table')));
    expect(withTables.length, 'a plan with an annex table').toBeGreaterThan(0);
    for (const plan of withTables) {
      await page.goto(pageUrl(paths.plan(plan.id)));
      const narrow = await page.locator('.annex table').evaluateAll((tables) =>
        tables.flatMap((table) =>
          [...table.querySelectorAll('td, th')].flatMap((cell) => {
            const text = (cell.textContent ?? '').trim();
            if (text.length < 5) return [];
            const s = getComputedStyle(cell);
            const content = cell.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
            return content < 4 * parseFloat(s.fontSize)
              ? [`${text.slice(0, 10)} (${Math.round(content)} px)`]
              : [];
          }),
        ),
      );
      expect(narrow, plan.id).toEqual([]);
    }
  });
}

test('on a desktop the copy button is visible beside every clause without hovering', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const plan = plans[0]!;
  await page.goto(pageUrl(paths.plan(plan.id)));
  const clause = page.locator('.clause').nth(3);
  await expect(clause.locator('button.copy-cite[data-copy="citation"]')).toBeVisible();
  const text = await clause.locator('p, h2, h3, h4').first().boundingBox();
  const button = await clause.locator('button.copy-cite[data-copy="citation"]').boundingBox();
  expect(button!.x).toBeGreaterThanOrEqual(text!.x + text!.width);
});

test('按目标值 sorts the bars by value, not grouped by plan (sludge treatment)', async ({ page }) => {
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(pageUrl(paths.indicator('sludge-treatment')));
    const figure = page.locator('figure[data-chart="sludge-treatment"]');
    await figure.getByRole('button', { name: '按方案' }).click();
    await figure.getByRole('button', { name: '按目标值' }).click();
    const variant = width >= 1000 ? 'wide' : 'narrow';
    const drawn = await figure.locator(`.chart__variant--${variant} a.mark`).evaluateAll((marks) =>
      marks
        .map((a) => ({
          y: a.querySelector('rect')!.getBoundingClientRect().y,
          value: Number(
            /[\d.,]+/.exec(a.querySelector('text.value-label')!.textContent ?? '')![0].replace(/,/g, ''),
          ),
        }))
        .sort((a, b) => a.y - b.y)
        .map((m) => m.value),
    );
    expect(drawn.length).toBeGreaterThan(2);
    expect(drawn, `${width} px`).toEqual([...drawn].sort((a, b) => b - a));
  }
});

test('a national value in another unit is not drawn as the reference and the page says why', async ({
  page,
}) => {
  await page.goto(pageUrl(paths.indicator('cod-reduction')));
  await expect(page.locator('figure[data-chart="cod-reduction"] .reference')).toHaveCount(0);
  await expect(page.locator('[data-incomparable]')).toContainText('口径不同');
});

test('a plan that rarely writes 牵头 says so next to its departments’ roles', async ({ page }) => {
  const rare = plans.find((p) => {
    const roles = p.clauses.flatMap((c) => c.responsibility?.departments.map((m) => m.role) ?? []);
    return roles.length > 20 && roles.filter((r) => r === 'lead').length < roles.length * 0.1;
  });
  test.skip(!rare, 'no plan in the corpus rarely writes 牵头');
  await page.goto(pageUrl(paths.department(rare!.id, rare!.departments[0]!.id)));
  await expect(page.locator('[data-role-note]')).toContainText('牵头');
  const usual = plans.find(
    (p) =>
      p !== rare &&
      p.departments.length > 0 &&
      p.clauses.some((c) => c.responsibility?.departments.some((m) => m.role === 'lead')),
  );
  await page.goto(pageUrl(paths.department(usual!.id, usual!.departments[0]!.id)));
  await expect(page.locator('[data-role-note]')).toHaveCount(0);
});

test.describe('the draft is marked 征求意见稿 wherever its values or clauses appear', () => {
  test.skip(!draft, 'no draft plan in the corpus');

  test('its plan page links the region pages along its breadcrumbs', () => {
    expect(draftRegions.length).toBeGreaterThanOrEqual(2);
  });

  test('charts: its row is named as a draft and hatched, in both layouts', async ({ page }) => {
    for (const path of [paths.home(), paths.indicator(draftIndicator!)]) {
      await page.goto(pageUrl(path));
      const marks = page.locator(`figure.chart a.mark[data-plan="${draft!.id}"]`);
      expect(await marks.count(), path).toBeGreaterThan(0);
      for (const mark of await marks.all()) {
        await expect(mark).toHaveClass(/mark-draft/);
        // The layout not shown at this width is out of the accessibility tree: its label is checked as text.
        if (await mark.isVisible()) await expect(mark).toHaveAccessibleName(/征求意见稿/);
        else await expect(mark).toHaveAttribute('aria-label', /征求意见稿/);
        await expect(mark.locator('rect.bar-status')).toHaveCount(1);
      }
      await expect(
        page
          .locator('figure.chart .row-label')
          .filter({ hasText: `${draft!.region}（征求意见稿）` })
          .first(),
      ).toBeAttached();
    }
  });

  const marked: [string, () => string][] = [
    ['home', () => paths.home()],
    ['plans', () => paths.plans()],
    ['plan', () => paths.plan(draft!.id)],
    ['indicator', () => paths.indicator(draftIndicator!)],
    // /indicators/ shows no plan's values: the catalogue only (each plan's targets are on its page).
    ['departments', () => paths.departments()],
    ['department', () => paths.department(draft!.id, draftDepartment!.id)],
    ['department category', () => paths.departmentCategory(draftDepartment!.category)],
    ['compare', () => paths.compare()],
    ['compare topic', () => paths.compareTopic('industry-green-upgrade')],
    ['regions', () => paths.regions()],
    ...draftRegions.map((slug): [string, () => string] => [`region ${slug}`, () => paths.region(slug)]),
  ];
  for (const [name, path] of marked) {
    test(`${name} page`, async ({ page }) => {
      await page.goto(pageUrl(path()));
      await expect(
        page.locator('main').getByText('征求意见稿', { exact: true }).filter({ visible: true }).first(),
      ).toBeVisible();
      // Not only somewhere on the page: wherever the draft is named beside its values (a table row, a list
      // item, a chart, a compare cell), the mark is there too. Its own page says it once, in its header.
      if (name === 'plan') return;
      const unmarked = await unmarkedMentions(page, { title: draft!.title, region: draft!.region! });
      expect(unmarked).toEqual([]);
    });
  }

  test('the indicator table marks the draft’s rows, and only them', async ({ page }) => {
    await page.goto(pageUrl(paths.indicator(draftIndicator!)));
    const rows = page.locator('table[data-chart-table] tbody tr');
    for (const row of await rows.all()) {
      const isDraft = (await row.getAttribute('data-plan')) === draft!.id;
      await expect(row.locator('[data-status="draft"]')).toHaveCount(isDraft ? 1 : 0);
    }
  });

  test('search results from the draft say so', async ({ page }) => {
    await page.goto(`${pageUrl(paths.search())}?q=${encodeURIComponent(draft!.region ?? draft!.title)}`);
    await expect(page.locator('[data-search-results]')).toHaveAttribute('data-search-state', 'done');
    const hit = page.locator('.search-hit').filter({ hasText: draft!.title }).first();
    await expect(hit.locator('.search-hit__plan .badge')).toHaveText('征求意见稿');
    const other = page.locator('.search-hit').filter({ hasNotText: draft!.title }).first();
    if ((await other.count()) > 0) await expect(other.locator('.badge--status')).toHaveCount(0);
  });

  test('plans.json carries the status with the plan', async ({ page }) => {
    const response = await page.request.get(pageUrl(paths.data('plans.json')));
    const data = (await response.json()) as { plans: { id: string; status: string }[] };
    expect(data.plans.find((p) => p.id === draft!.id)?.status).toBe('draft');
  });
});
