/**
 * What a reader takes away: the CSVs (every row names its plan, and a draft is a draft in every row, in both
 * the English- and the Chinese-headed variant) and the charts as files (SVG and PNG framed with their title,
 * sources and credit, a draft's hatching kept).
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { paths } from '../../src/lib/urls';
import { builtPlans, E2E_BASE, E2E_SITE, pageUrl } from './harness';
import { expect, test } from './fixtures';

const plans = builtPlans();
const draft = plans.find((p) => p.status === 'draft')!;
const draftIndicator = draft.targets.find((t) => t.indicatorId !== 'unclassified')!.indicatorId;

/** A CSV's header cells and records (RFC 4180: quoted cells may hold commas, quotes and newlines). */
function parseCsv(text: string): { header: string[]; rows: string[][] } {
  expect(text.charCodeAt(0), 'UTF-8 BOM').toBe(0xfeff);
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 1; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') ((cell += '"'), i++);
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') (record.push(cell), (cell = ''));
    else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(cell);
      records.push(record);
      ((record = []), (cell = ''), i++);
    } else cell += ch;
  }
  const [header, ...rows] = records;
  return { header: header!, rows };
}

async function csv(page: Page, file: string) {
  const response = await page.request.get(pageUrl(paths.data(file)));
  expect(response.status(), file).toBe(200);
  expect(response.headers()['content-type']).toContain('text/csv');
  return parseCsv(await response.text());
}

const TABLES = ['clauses', 'indicators', 'departments'] as const;

test.describe('CSV downloads', () => {
  for (const table of TABLES) {
    test(`${table}.csv and zh/${table}.csv: every row names its plan; the draft says so in every row`, async ({
      page,
    }) => {
      const en = await csv(page, `${table}.csv`);
      const zh = await csv(page, `zh/${table}.csv`);
      expect(en.header.slice(0, 4)).toEqual(['plan_id', 'plan_title', 'region', 'status']);
      expect(zh.header.slice(0, 4)).toEqual(['方案标识', '方案名称', '地区', '文件状态']);
      expect(zh.header).toHaveLength(en.header.length);
      expect(zh.rows).toHaveLength(en.rows.length);
      for (const [i, row] of en.rows.entries()) {
        const plan = plans.find((p) => p.id === row[0]);
        expect(plan, `row ${i + 1}`).toBeDefined();
        expect(row.slice(1, 4)).toEqual([plan!.title, plan!.region ?? '', plan!.status]);
        expect(zh.rows[i]!.slice(0, 4)).toEqual([
          plan!.id,
          plan!.title,
          plan!.region ?? '地区未识别',
          plan!.status === 'draft' ? '征求意见稿' : '正式文件',
        ]);
        expect(row[en.header.indexOf('url')], 'absolute URL when the site is known').toMatch(
          new RegExp(`^${E2E_SITE}${E2E_BASE}`),
        );
      }
      if (table !== 'departments' || draft.departments.length > 0)
        expect(en.rows.filter((r) => r[0] === draft.id).length).toBeGreaterThan(0);
    });
  }

  test('a chart’s CSV says draft in each of the draft’s rows', async ({ page }) => {
    const { header, rows } = await csv(page, `charts/${draftIndicator}.csv`);
    const status = header.indexOf('status');
    expect(header.slice(0, 4)).toEqual(['plan_id', 'plan', 'plan_title', 'status']);
    const draftRows = rows.filter((r) => r[0] === draft.id);
    expect(draftRows.length).toBeGreaterThan(0);
    for (const row of draftRows) expect(row[status]).toBe('draft');
    for (const row of rows.filter((r) => r[0] !== draft.id))
      expect(row[status]).toBe(plans.find((p) => p.id === row[0])!.status);
  });

  test('a chart’s Chinese-headed CSV has the English file’s rows, values in words, 征求意见稿 in the draft’s rows', async ({
    page,
  }) => {
    const en = await csv(page, `charts/${draftIndicator}.csv`);
    const zh = await csv(page, `zh/charts/${draftIndicator}.csv`);
    expect(zh.header).toEqual([
      '方案标识',
      '方案简称',
      '方案名称',
      '文件状态',
      '指标标识',
      '指标名称',
      '目标值',
      '原文数值',
      '单位',
      '比较方式',
      '目标性质',
      '基准年',
      '目标年',
      '范围',
      '目标所属地区',
      '链接',
    ]);
    expect(zh.header).toHaveLength(en.header.length);
    expect(zh.rows).toHaveLength(en.rows.length);
    const column = (name: string) => en.header.indexOf(name);
    const words: Record<string, Record<string, string>> = {
      status: { draft: '征求意见稿', final: '正式文件' },
      comparator: {
        '>=': '不低于',
        '>': '超过',
        '<=': '不高于',
        '<': '低于',
        '~': '左右',
        "'=": '等于',
        '': '',
      },
      ambition: { binding: '约束性目标', incentive: '激励目标', aspiration: '力争目标', '': '' },
    };
    for (const [i, row] of en.rows.entries()) {
      const translated = zh.rows[i]!;
      for (const [name, cell] of row.entries()) {
        const key = en.header[name]!;
        const expected = words[key] ? words[key][cell] : cell;
        expect(translated[name], `row ${i + 1} ${key}`).toBe(expected);
      }
      if (row[0] === draft.id) expect(translated[column('status')]).toBe('征求意见稿');
    }
    expect(zh.rows.filter((r) => r[0] === draft.id).length).toBeGreaterThan(0);
  });

  test('each chart offers its data with Chinese headers, saved under the chart’s Chinese name', async ({
    page,
  }) => {
    await page.goto(pageUrl(paths.indicator(draftIndicator)));
    const link = page
      .locator(`figure[data-chart="${draftIndicator}"]`)
      .getByRole('link', { name: '下载数据（CSV）' });
    await expect(link).toHaveAttribute('href', `${E2E_BASE}data/zh/charts/${draftIndicator}.csv`);
    await expect(link).toHaveAttribute('download', /^节能减排方案图谱-.+\.csv$/);
    await page.goto(pageUrl(paths.data('')));
    await expect(page.locator(`a[href="${E2E_BASE}data/zh/charts/${draftIndicator}.csv"]`)).toHaveCount(1);
    await expect(page.locator(`a[href="${E2E_BASE}data/charts/${draftIndicator}.csv"]`)).toHaveCount(1);
  });

  test('the downloads page offers both variants, the Chinese one saved under a Chinese name', async ({
    page,
  }) => {
    await page.goto(pageUrl(paths.data('')));
    for (const table of TABLES) {
      const zh = page.locator(`a[href="${E2E_BASE}data/zh/${table}.csv"]`);
      await expect(zh).toHaveText('中文列名版');
      await expect(zh).toHaveAttribute('download', /^节能减排方案图谱-.+\.csv$/);
      await expect(page.locator(`a[href="${E2E_BASE}data/${table}.csv"]`).first()).toBeVisible();
    }
  });
});

test.describe('the plans as JSON, and each plan’s own files', () => {
  test('every link of the downloads page answers, with the type it says', async ({ page }) => {
    await page.goto(pageUrl(paths.data('')));
    const links = await page
      .locator('main a[download]')
      .evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href')!, type: a.getAttribute('type')! })));
    const files = [...new Map(links.map((l) => [l.href, l])).values()];
    // plans.json, both schemas, the three tables in two headings, an example plan's four files, every chart's three.
    expect(files.length).toBeGreaterThanOrEqual(3 + 6 + 4);
    for (const { href, type } of files) {
      const response = await page.request.get(new URL(href, page.url()).href);
      expect(response.status(), href).toBe(200);
      expect(response.headers()['content-type'], href).toContain(
        type.replace('application/schema+json', 'json'),
      );
    }
  });

  test('plans.json is the index: every plan with its page and its own file, which the page links to', async ({
    page,
  }) => {
    const response = await page.request.get(pageUrl(paths.data('plans.json')));
    const index = (await response.json()) as {
      plans: { id: string; status: string; url: string; data: string }[];
    };
    expect(index.plans.map((p) => p.id)).toEqual(plans.map((p) => p.id));
    expect(index.plans.find((p) => p.id === draft.id)?.status).toBe('draft');
    for (const entry of index.plans) {
      expect(entry.url).toBe(`${E2E_BASE}plans/${entry.id}/`);
      expect(entry.data).toBe(`${E2E_BASE}data/plans/${entry.id}.json`);
    }
    await page.goto(pageUrl(paths.data('')));
    const first = index.plans[0]!;
    await expect(page.locator('[data-plan-example] a[type="application/json"]')).toHaveAttribute(
      'href',
      first.data,
    );
    const schema = (await (await page.request.get(pageUrl(paths.data('plans.schema.json')))).json()) as {
      properties: { plans: { items: { properties: Record<string, unknown> } } };
    };
    expect(Object.keys(schema.properties.plans.items.properties)).toEqual(Object.keys(index.plans[0]!));
  });

  test('a plan page links to its own data; the draft’s tables say 征求意见稿 in their file names and rows', async ({
    page,
  }) => {
    await page.goto(pageUrl(paths.plan(draft.id)));
    const links = page.locator('[data-plan-downloads]');
    await expect(links.getByRole('link', { name: '完整数据（JSON）' })).toHaveAttribute(
      'href',
      `${E2E_BASE}data/plans/${draft.id}.json`,
    );
    const whole = (await (await page.request.get(pageUrl(paths.planData(draft.id)))).json()) as {
      id: string;
      status: string;
    };
    expect(whole).toMatchObject({ id: draft.id, status: 'draft' });
    for (const table of TABLES) {
      const link = links.locator(`a[href="${E2E_BASE}data/plans/${draft.id}/zh/${table}.csv"]`);
      await expect(link).toHaveAttribute('download', /^节能减排方案图谱-.+（征求意见稿）-.+表\.csv$/);
      const own = await csv(page, `plans/${draft.id}/${table}.csv`);
      const all = await csv(page, `${table}.csv`);
      expect(own.header).toEqual(all.header);
      // The plan's rows of the whole table, in the same order.
      expect(own.rows).toEqual(all.rows.filter((r) => r[0] === draft.id));
      const zh = await csv(page, `plans/${draft.id}/zh/${table}.csv`);
      expect(zh.rows).toHaveLength(own.rows.length);
      for (const row of zh.rows) expect(row[3]).toBe('征求意见稿');
    }
    await links.getByRole('link', { name: '说明与英文列名版' }).click();
    await expect(page.locator('#per-plan')).toBeVisible();
  });
});

test.describe('chart downloads', () => {
  test('the SVG of a chart drawing the draft keeps its hatch and names it in the source line', async ({
    page,
  }) => {
    const response = await page.request.get(pageUrl(paths.data(`charts/${draftIndicator}.svg`)));
    const svg = await response.text();
    expect(svg).toMatch(new RegExp(`<a [^>]*class="mark [^"]*mark-draft[^"]*" data-plan="${draft.id}"`));
    expect(svg).toContain('<rect class="bar-status"');
    expect(svg).toMatch(/<text class="download-note download-source"[^>]*>[^<]*（征求意见稿）/);
    expect(svg).toMatch(
      /<text class="download-note download-credit"[^>]*>制图：节能减排方案图谱 https?:\/\//,
    );
  });

  for (const [name, path, chart] of [
    ['home, pollutants', paths.home(), 'pollutant-reductions'],
    ['indicator', paths.indicator('energy-intensity'), 'energy-intensity'],
  ] as const) {
    test(`${name}: 下载图表（PNG） saves the framed chart as a PNG three times its drawing size`, async ({
      page,
    }) => {
      await page.goto(pageUrl(path));
      const figure = page.locator(`figure[data-chart="${chart}"]`);
      const downloading = page.waitForEvent('download');
      await figure.getByRole('button', { name: '下载图表（PNG）' }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toBe(`${chart}.png`);
      const png = readFileSync((await download.path())!);
      expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
      const svg = await (await page.request.get(pageUrl(paths.data(`charts/${chart}.svg`)))).text();
      const [, w, h] = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg)!;
      expect([width, height]).toEqual([Math.round(Number(w) * 3), Math.round(Number(h) * 3)]);
      // Not a blank picture: the title band at the top and the credit band at the bottom have dark pixels.
      const ink = await page.evaluate(async (base64) => {
        const image = new Image();
        image.src = `data:image/png;base64,${base64}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext('2d')!;
        context.drawImage(image, 0, 0);
        const dark = (y: number, h: number) => {
          const { data } = context.getImageData(0, y, image.width, h);
          let n = 0;
          for (let i = 0; i < data.length; i += 4) if (data[i]! + data[i + 1]! + data[i + 2]! < 300) n++;
          return n;
        };
        return { title: dark(0, 90), credit: dark(image.height - 60, 60), corner: dark(0, 3) };
      }, png.toString('base64'));
      expect(ink.title).toBeGreaterThan(200);
      expect(ink.credit).toBeGreaterThan(100);
      expect(ink.corner, 'white ground').toBe(0);
    });
  }

  test('without JavaScript there is no PNG button, and the SVG and CSV links are there', async ({
    browser,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(pageUrl(paths.indicator('energy-intensity')));
    const figure = page.locator('figure[data-chart="energy-intensity"]');
    await expect(figure.getByRole('button', { name: '下载图表（PNG）' })).toHaveCount(0);
    await expect(figure.getByRole('link', { name: '下载图表（SVG）' })).toBeVisible();
    await expect(figure.getByRole('link', { name: '下载数据（CSV）' })).toBeVisible();
    await context.close();
  });
});
