/**
 * A chart as a downloaded file: its title printed over it, the plans it draws (a draft named as one) and the
 * national document where a reference is drawn under it, and the site's credit with the chart's page URL.
 */
import { describe, expect, it } from 'vitest';
import {
  creditLine,
  downloadFrame,
  renderSmallMultiplesSvg,
  renderTargetComparisonSvg,
  smallMultiples,
  sourceLine,
  targetComparison,
} from '../../src/lib/charts';
import { DOWNLOAD_FRAME } from '../../src/lib/charts/download';
import { textWidth } from '../../src/lib/charts/format';
import { energyIntensity, pollutantReductions } from '../golden/charts/fixtures';

const draft = [{ id: 'draft' as const, label: '征求意见稿' }];
const NATIONAL = { value: 13.5, label: '全国（国发〔2021〕33号）' };

describe('sourceLine', () => {
  it.each([
    [
      'every plan once, a draft marked, the reference’s document',
      [{ plan: '黔江区' }, { plan: '达州市', status: draft }, { plan: '黔江区' }],
      NATIONAL,
      '数据来源：黔江区、达州市（征求意见稿）的“十四五”节能减排方案原文（数值逐条链接至原文条款）；参考线：全国（国发〔2021〕33号）。',
    ],
    [
      'no reference drawn: no national document named',
      [{ plan: '廊坊市' }],
      null,
      '数据来源：廊坊市的“十四五”节能减排方案原文（数值逐条链接至原文条款）。',
    ],
    [
      'many plans: the first six and the count',
      ['甲市', '乙市', '丙县', '丁区', '戊市', '己县', '庚市', '辛市'].map((plan) => ({ plan })),
      null,
      '数据来源：甲市、乙市、丙县、丁区、戊市、己县等8份“十四五”节能减排方案原文（数值逐条链接至原文条款）。',
    ],
  ])('%s', (_name, plans, reference, expected) => {
    expect(sourceLine(plans, reference)).toBe(expected);
  });
});

describe('downloadFrame', () => {
  const caption = {
    title: '「单位地区生产总值能耗降低率」各方案目标对比',
    source: sourceLine([{ plan: '黔江区' }, { plan: '达州市', status: draft }], NATIONAL),
    credit: creditLine('https://atlas.example.org/indicators/energy-intensity/'),
  };

  it('prints the title over the drawing and the source and credit under it', () => {
    const frame = downloadFrame(caption, 640, 300);
    const title = frame.lines.filter((l) => l.kind === 'title');
    const notes = frame.lines.filter((l) => l.kind !== 'title');
    expect(title.map((l) => l.text).join('')).toBe(caption.title);
    expect(Math.max(...title.map((l) => l.y))).toBeLessThan(frame.chartTop);
    expect(Math.min(...notes.map((l) => l.y))).toBeGreaterThan(frame.chartTop + 300);
    expect(notes.at(-1)).toMatchObject({
      kind: 'credit',
      text: '制图：节能减排方案图谱 https://atlas.example.org/indicators/energy-intensity/',
    });
    expect(Math.max(...frame.lines.map((l) => l.y))).toBeLessThan(frame.height);
  });

  it('wraps the title and source to the drawing’s width on a narrow chart', () => {
    const frame = downloadFrame({ ...caption, credit: creditLine('/') }, 320, 300);
    expect(frame.width).toBe(320);
    for (const line of frame.lines) {
      const size = line.kind === 'title' ? DOWNLOAD_FRAME.titleFontSize : DOWNLOAD_FRAME.noteFontSize;
      if (line.kind !== 'credit') expect(textWidth(line.text, size), line.text).toBeLessThanOrEqual(320 - 16);
    }
    expect(
      frame.lines
        .filter((l) => l.kind === 'source')
        .map((l) => l.text)
        .join(''),
    ).toBe(caption.source);
  });

  it('never breaks the URL: a long one widens the frame', () => {
    const long = creditLine(`https://atlas.example.org/${'x'.repeat(120)}/`);
    const frame = downloadFrame({ ...caption, credit: long }, 320, 100);
    expect(frame.lines.filter((l) => l.kind === 'credit').map((l) => l.text)).toEqual([long]);
    expect(frame.width).toBeGreaterThanOrEqual(textWidth(long, DOWNLOAD_FRAME.noteFontSize) + 16);
  });
});

describe('a framed chart SVG', () => {
  const geometry = targetComparison({ ...energyIntensity, reference: NATIONAL });
  const caption = {
    title: geometry.title,
    source: sourceLine([...energyIntensity.rows, ...(energyIntensity.unset ?? [])], NATIONAL),
    credit: creditLine('https://atlas.example.org/indicators/energy-intensity/'),
  };
  const frame = downloadFrame(caption, geometry.width, geometry.height);
  const svg = renderTargetComparisonSvg(geometry, frame);
  const plain = renderTargetComparisonSvg(geometry);

  it('is sized to its frame and keeps the drawing whole, moved under the title', () => {
    expect(svg).toMatch(new RegExp(`^<svg [^>]*viewBox="0 0 ${frame.width} ${frame.height}"`));
    const body =
      /<g class="chart-body" transform="translate\(0 [\d.]+\)">\n([\s\S]*)\n<\/g>\n<text class="download-note/.exec(
        svg,
      )?.[1];
    const drawing = plain.slice(plain.indexOf('<g class="legend"'), plain.lastIndexOf('</svg>') - 1);
    expect(body).toBe(drawing);
  });

  it('prints title, source (with the draft and 国发〔2021〕33号) and credit as text', () => {
    const texts = [...svg.matchAll(/<text class="download-[a-z -]+"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(texts.join('')).toBe(frame.lines.map((l) => l.text).join(''));
    expect(texts.join('')).toContain('达州市（征求意见稿）');
    expect(texts.join('')).toContain('国发〔2021〕33号');
    expect(texts.join('')).toContain(
      '节能减排方案图谱 https://atlas.example.org/indicators/energy-intensity/',
    );
  });

  it('keeps the draft’s hatch and its legend entry, on a white ground with dark text', () => {
    expect(svg).toContain('<rect class="bar-status"');
    expect(svg).toContain('>征求意见稿</text>');
    expect(svg).toMatch(/<rect class="download-background" x="0" y="0" width="[\d.]+" height="[\d.]+"\/>/);
    expect(svg).toContain(`#${geometry.id} .download-background{fill:#fff}`);
  });

  it('matches its reviewed snapshot', async () => {
    await expect(svg).toMatchFileSnapshot('../golden/charts/energy-intensity-download.svg');
  });

  it('frames the small multiples the same way', () => {
    const g = smallMultiples(pollutantReductions);
    const plans = pollutantReductions.panels.flatMap((p) => [...p.rows, ...(p.unset ?? [])]);
    const f = downloadFrame(
      { title: g.title, source: sourceLine(plans, null), credit: creditLine('/') },
      g.width,
      g.height,
    );
    const out = renderSmallMultiplesSvg(g, f);
    expect(out).toContain(`<text class="download-title" x="8" y=`);
    expect(out).toContain('达州市（征求意见稿）');
    expect(out).not.toContain('国发');
  });
});
