/**
 * The checks of page-checks.ts can fail: each runs on small pages written for this test, one breaking its
 * rule and one keeping it. (phone.spec.ts trusts them to find a page wider than a phone, a one-character table
 * column, a label running out of its chart, a draft named without its mark; here they must find each.)
 */
import { expect, test } from './fixtures';
import { layoutProblems, NO_LAYOUT_PROBLEMS, unmarkedMentions } from './page-checks';

test.use({ viewport: { width: 320, height: 640 } });

/** A page at phone width: the body without margins, so only what a case puts in it decides the width. */
const html = (body: string) =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
  `<style>body{margin:0;font:16px sans-serif} td,th{padding:0 4px}</style></head><body>${body}</body></html>`;

const CHART = (content: string, width = 300) =>
  `<figure style="margin:0;width:300px"><svg class="plan-atlas-chart" id="c" width="${width}" height="60" ` +
  `viewBox="0 0 ${width} 60" style="overflow:visible">${content}</svg></figure>`;

test.describe('layoutProblems', () => {
  test('finds nothing on a page that fits: text, a two-column table, a chart with its text inside', async ({
    page,
  }) => {
    await page.setContent(
      html(
        '<main><p>到2025年，全市单位地区生产总值能源消耗比2020年下降14.5%。</p>' +
          '<table><tr><th>方案</th><td>达州市</td></tr><tr><th>目标</th><td>14.5%</td></tr></table>' +
          CHART('<text x="10" y="30">莱芜区 20.8%</text>') +
          // Wider than the screen on purpose, inside a frame that scrolls (the compare matrix).
          '<div style="overflow-x:auto;width:300px"><div style="width:900px">矩阵</div></div></main>',
      ),
    );
    expect(await layoutProblems(page)).toEqual(NO_LAYOUT_PROBLEMS);
  });

  test('finds an element wider than the screen, and the page scrolling sideways', async ({ page }) => {
    await page.setContent(html('<main><pre id="wide" style="width:600px">一行很长的文字</pre></main>'));
    const problems = await layoutProblems(page);
    expect(problems.pageScroll).toBeGreaterThan(0);
    expect(problems.tooWide).toContain('pre#wide. "一行很长的文字"');
  });

  test('finds a table cell squeezed narrower than two characters', async ({ page }) => {
    await page.setContent(
      html(
        '<main><table style="width:300px;table-layout:fixed;word-break:break-all"><colgroup><col style="width:290px"><col style="width:10px"></colgroup>' +
          '<tr><td>单位地区生产总值能耗降低</td><td id="source">到2025年下降14.5%</td></tr></table></main>',
      ),
    );
    const problems = await layoutProblems(page);
    expect(problems.narrowCells).toEqual(['td#source. "到2025年下降14.5%"']);
  });

  test('finds a chart label running out of its chart', async ({ page }) => {
    await page.setContent(html(`<main>${CHART('<text x="250" y="30">莱芜区 20.8% 激励目标</text>')}</main>`));
    expect((await layoutProblems(page)).chartsOutside).toEqual([
      'c: "莱芜区 20.8% 激励目标" outside the chart',
    ]);
  });

  test('finds a chart drawn wider than its figure and the screen', async ({ page }) => {
    await page.setContent(html(`<main>${CHART('<text x="10" y="30">莱芜区</text>', 512)}</main>`));
    expect((await layoutProblems(page)).chartsOutside).toEqual([
      'c: wider than the screen',
      'c: wider than its figure',
    ]);
  });

  test('leaves out what is not shown: the other chart layout, text for screen readers only', async ({
    page,
  }) => {
    await page.setContent(
      html(
        `<main><div style="display:none">${CHART('<text x="10" y="30">宽版</text>', 640)}</div>` +
          '<span style="position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap">' +
          '只供读屏软件朗读的一段很长很长很长很长很长很长很长很长很长很长很长很长的说明文字</span></main>',
      ),
    );
    expect(await layoutProblems(page)).toEqual(NO_LAYOUT_PROBLEMS);
  });
});

test.describe('unmarkedMentions', () => {
  const draft = { title: '达州市“十四五”节能减排综合工作实施方案', region: '达州市' };

  test('finds the draft named by its region in a table row, or by its title in a paragraph, without the mark', async ({
    page,
  }) => {
    await page.setContent(
      html(
        '<main><h1>单位地区生产总值能耗降低率</h1><table><tr><td>达州市</td><td>14.5%</td></tr>' +
          '<tr><td>廊坊市</td><td>16%</td></tr></table>' +
          `<p>见《${draft.title}》二、主要目标。</p></main>`,
      ),
    );
    expect(await unmarkedMentions(page, draft)).toEqual([
      'tr: 达州市14.5%',
      `p: 见《${draft.title}》二、主要目标。`,
    ]);
  });

  test('accepts each mention with 征求意见稿 beside it, and the page title naming the place', async ({
    page,
  }) => {
    await page.setContent(
      html(
        '<main><h1>达州市</h1><table><tr><td>达州市 <span>征求意见稿</span></td><td>14.5%</td></tr></table>' +
          `<p>见《${draft.title}》（征求意见稿）二、主要目标。</p>` +
          // A department of the region is not the plan.
          '<ul><li>人行达州市中心支行</li></ul></main>',
      ),
    );
    expect(await unmarkedMentions(page, draft)).toEqual([]);
  });

  test('does not count a mark hidden from sight', async ({ page }) => {
    await page.setContent(
      html('<main><ul><li>达州市 <span style="display:none">征求意见稿</span>：14.5%</li></ul></main>'),
    );
    expect(await unmarkedMentions(page, draft)).toEqual(['li: 达州市：14.5%']);
  });
});
