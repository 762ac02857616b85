import { describe, expect, it } from 'vitest';
import { distribution, renderDistributionSvg, type TargetRow } from '../../src/lib/charts';
import { energyIntensity } from '../golden/charts/fixtures';

const base = energyIntensity.rows[0] as TargetRow;
const draft = [{ id: 'draft' as const, label: '征求意见稿' }];

/** `n` plans, plan k stating `valueOf(k)`; every fifth a draft when `drafts`. */
function corpus(n: number, valueOf: (k: number) => number, drafts = false): TargetRow[] {
  return Array.from({ length: n }, (_, k) => ({
    ...base,
    planId: `p${k}`,
    plan: `地区${k}`,
    value: valueOf(k),
    parent: null,
    status: drafts && k % 5 === 0 ? draft : [],
  }));
}

const input = (rows: TargetRow[]) => ({
  indicator: energyIntensity.indicator,
  rows,
  unsetCount: 7,
  reference: { value: 13.5, label: '全国（国发〔2021〕33号）' },
});

describe('distribution: columns', () => {
  it.each([
    ['3,000 plans on five values', corpus(3000, (k) => [13, 13.5, 14, 14.5, 15][k % 5] as number), false, 5],
    ['a handful of plans', corpus(6, (k) => 13 + k), false, 6],
    ['3,000 plans on 3,000 values', corpus(3000, (k) => 10 + k / 300), true, null],
    ['values too close to tell apart', corpus(40, (k) => (k < 20 ? 14 : 14 + (k - 19) / 1000)), true, null],
  ] as const)('%s', (_, rows, binned, columns) => {
    const g = distribution(input([...rows]));
    expect(g.binned).toBe(binned);
    if (columns !== null) expect(g.columns).toHaveLength(columns);
    // Every target is counted exactly once, whatever the binning.
    expect(g.columns.reduce((n, c) => n + c.count, 0)).toBe(rows.length);
    for (const c of g.columns) {
      expect(c.segments.reduce((n, s) => n + s.count, 0)).toBe(c.count);
      // Every value of the column lies in its range.
      const inColumn = rows.filter((r) =>
        c.x0 === c.x1
          ? r.value === c.x0
          : r.value >= c.x0 && (r.value < c.x1 || r.value === g.axis.domain[1]),
      );
      expect(inColumn.length).toBe(c.count);
      expect(c.x).toBeGreaterThanOrEqual(g.axis.x0 - 7);
      expect(c.x + c.width).toBeLessThanOrEqual(g.axis.x1 + 7);
    }
    // Markup grows with the columns, not the plans.
    expect(renderDistributionSvg(g).length).toBeLessThan(40_000);
  });

  it('columns do not overlap', () => {
    for (const rows of [corpus(300, (k) => 12 + (k % 40) / 4), corpus(3000, (k) => k / 7)]) {
      const cols = distribution(input(rows)).columns;
      for (let i = 1; i < cols.length; i++)
        expect(cols[i]!.x).toBeGreaterThanOrEqual(cols[i - 1]!.x + cols[i - 1]!.width);
    }
  });

  it('draws a draft’s targets apart (hatched), never counted as adopted', () => {
    const g = distribution(input(corpus(10, () => 14.5, true)));
    const [column] = g.columns;
    expect(column?.segments.map((s) => [s.ambition, s.marked, s.count])).toEqual([
      ['binding', false, 8],
      ['binding', true, 2],
    ]);
    expect(column?.ariaLabel).toBe(
      '14.5%：10 个目标值，10 份方案（约束性目标 8，约束性目标（征求意见稿） 2）',
    );
    expect(g.legend.map((l) => l.label)).toContain('征求意见稿');
    const svg = renderDistributionSvg(g);
    expect(svg).toContain('class="mark-status"');
    expect(svg).toContain('class="bar-status"');
  });

  it('counts are stacked bottom-up from the baseline, the tallest column reaching the top tick or below', () => {
    const g = distribution(input(corpus(30, (k) => (k < 20 ? 14 : 15))));
    for (const c of g.columns) {
      const bottom = Math.max(...c.segments.map((s) => s.y + s.height));
      expect(bottom).toBeCloseTo(g.axis.y, 0);
      expect(c.top).toBeGreaterThanOrEqual(g.countAxis.top - 0.1);
    }
  });

  it('says in words what is drawn, including the plans without a number and the reference', () => {
    const g = distribution(input(corpus(4, (k) => (k < 3 ? 14 : 15))));
    expect(g.description).toContain('4 份方案共 4 个目标值');
    expect(g.description).toContain('14%：3 个目标值，3 份方案（约束性目标 3）');
    expect(g.description).toContain('另有 7 份方案未设定量目标');
    expect(g.description).toContain('参考线：全国（国发〔2021〕33号）13.5%');
    expect(g.reference?.x).toBeGreaterThan(g.axis.x0);
  });

  it('names differing years with their counts instead of one line per plan', () => {
    const rows = corpus(100, () => 14).map((r, k) => (k < 3 ? { ...r, baselineYear: 2015 } : r));
    const g = distribution(input(rows));
    expect(g.caption.join('')).toContain('比2020年，到2025年 97 个；比2015年，到2025年 3 个');
  });

  it('leaves a strip with its scale for the chosen plans, in both variants', () => {
    for (const variant of ['wide', 'narrow'] as const) {
      const g = distribution(input(corpus(50, (k) => 13 + (k % 4))), variant);
      const svg = renderDistributionSvg(g);
      expect(svg).toMatch(/<g class="picked" data-d0="\d+(\.\d+)?" data-d1="[\d.]+" data-x0="[\d.]+"/);
      expect(g.width).toBe(variant === 'wide' ? 640 : 320);
      expect(g.strip.y).toBeGreaterThan(g.axis.y);
    }
  });

  it('refuses a row in another unit', () => {
    expect(() => distribution(input([{ ...base, unit: '吨' }]))).toThrow(/unit/);
  });
});
