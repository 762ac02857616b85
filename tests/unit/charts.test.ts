import { describe, expect, it } from 'vitest';
import {
  smallMultiples,
  targetComparison,
  type BandLayout,
  type TargetComparisonInput,
  type TargetRow,
} from '../../src/lib/charts';
import { edgeCases, energyIntensity, nonFossilShare, pollutantReductions } from '../golden/charts/fixtures';

const comparisons: [string, TargetComparisonInput][] = [
  ['energy-intensity', energyIntensity],
  ['non-fossil-share', nonFossilShare],
  ['edge-cases', edgeCases],
];

/** Where a value lands on a layout's axis, from the domain and range alone. */
function xOf(layout: BandLayout, value: number): number {
  const { domain, x0, x1 } = layout.axis;
  return x0 + ((value - domain[0]) / (domain[1] - domain[0])) * (x1 - x0);
}

describe('targetComparison: sorting', () => {
  it('orders every row by its value, largest first, whichever plan it belongs to (按目标值 sorts by value)', () => {
    const marks = targetComparison(energyIntensity).layout.marks;
    expect(marks.map((m) => `${m.plan} ${m.value} ${m.ambition}`)).toEqual([
      '莱芜区 20.8 binding',
      '廊坊市 16 binding',
      '达州市 14.5 binding',
      '黔江区 14.5 binding',
      '贵州省 14.5 incentive',
      '贵州省 13 binding',
    ]);
  });

  it('breaks ties by ambition (binding first), then plan id, then scope', () => {
    const rows = [
      { ...energyIntensity.rows[0]!, planId: 'b', value: 5, ambition: 'incentive' as const },
      { ...energyIntensity.rows[0]!, planId: 'b', value: 5, ambition: 'binding' as const, scope: '乙' },
      { ...energyIntensity.rows[0]!, planId: 'b', value: 5, ambition: 'binding' as const, scope: '甲' },
      { ...energyIntensity.rows[0]!, planId: 'a', value: 5, ambition: 'binding' as const, scope: '丙' },
      { ...energyIntensity.rows[0]!, planId: 'c', value: 7, ambition: 'aspiration' as const },
    ];
    const marks = targetComparison({ ...energyIntensity, rows }).layout.marks;
    expect(marks.map((m) => `${m.planId} ${m.value} ${m.ambition} ${m.scope ?? ''}`.trim())).toEqual([
      'c 7 aspiration',
      'a 5 binding 丙',
      'b 5 binding 乙',
      'b 5 binding 甲',
      'b 5 incentive',
    ]);
  });

  it('does not depend on input order', () => {
    const reversed = { ...energyIntensity, rows: [...energyIntensity.rows].reverse() };
    expect(targetComparison(reversed)).toEqual(targetComparison(energyIntensity));
  });

  it('keys marks deterministically per plan', () => {
    expect(targetComparison(energyIntensity).layout.marks.map((m) => m.key)).toEqual([
      'laiwu-qu-1',
      'langfang-shi-1',
      'dazhou-shi-1',
      'qianjiang-qu-1',
      'guizhou-sheng-1',
      'guizhou-sheng-2',
    ]);
    expect(targetComparison(energyIntensity).layout.marks.map((m) => m.ambition)).toContain('incentive');
  });
});

describe.each(comparisons)('targetComparison(%s): scale and marks', (_name, input) => {
  const geometry = targetComparison(input);
  const { layout } = geometry;
  const values = input.rows.map((r) => r.value);

  it('draws one mark per row', () => {
    expect(layout.marks).toHaveLength(input.rows.length);
  });

  it('starts the domain at zero and covers every value, parent and the reference', () => {
    expect(layout.axis.domain[0]).toBe(0);
    const needed = [
      ...values,
      ...input.rows.flatMap((r) => (r.parent ? [r.parent.value] : [])),
      input.reference?.value ?? 0,
    ];
    expect(layout.axis.domain[1]).toBeGreaterThanOrEqual(Math.max(...needed));
  });

  it('makes bar length proportional to value (one honest scale)', () => {
    for (const mark of layout.marks) {
      expect(mark.x).toBeCloseTo(layout.axis.x0, 1);
      expect(mark.x + mark.width).toBeCloseTo(xOf(layout, mark.value), 0);
    }
  });

  it('ticks start at zero, rise, and lie on the plot', () => {
    const ticks = layout.axis.ticks;
    expect(ticks[0]?.value).toBe(0);
    for (let i = 1; i < ticks.length; i++) expect(ticks[i]!.x).toBeGreaterThan(ticks[i - 1]!.x);
    for (const tick of ticks) {
      expect(tick.x).toBeGreaterThanOrEqual(layout.axis.x0);
      expect(tick.x).toBeLessThanOrEqual(layout.axis.x1);
    }
  });

  it('places rows one below the other inside the chart', () => {
    const rows = [...layout.marks.map((m) => m.cy), ...layout.unset.map((u) => u.cy)];
    for (let i = 1; i < rows.length; i++) expect(rows[i]!).toBeGreaterThan(rows[i - 1]!);
    expect(Math.max(...rows)).toBeLessThan(layout.axis.y);
    expect(geometry.height).toBeGreaterThan(layout.bottom);
  });

  it('describes every plan in the accessible description', () => {
    for (const row of input.rows) expect(geometry.description).toContain(row.plan);
    for (const plan of input.unset ?? []) expect(geometry.description).toContain(plan.plan);
  });
});

describe('targetComparison: reference line', () => {
  it.each([
    ['energy-intensity', energyIntensity, 13.5, '全国（国发〔2021〕33号）：13.5%'],
    ['edge-cases', edgeCases, 15, '示例参考 <国发>：15%'],
  ] as const)('%s draws the reference at its value with a label', (_name, input, value, text) => {
    const { layout } = targetComparison(input);
    expect(layout.reference?.value).toBe(value);
    expect(layout.reference?.x).toBeCloseTo(xOf(layout, value), 0);
    expect(layout.reference?.text).toBe(text);
    expect(layout.reference!.y2).toBe(layout.axis.y);
  });

  it('has no reference line where the indicator has none', () => {
    expect(targetComparison(nonFossilShare).layout.reference).toBeNull();
  });

  it('extends the domain to a reference beyond every value', () => {
    const input = { ...nonFossilShare, reference: { value: 40, label: '示例' } };
    expect(targetComparison(input).layout.axis.domain[1]).toBeGreaterThanOrEqual(40);
  });
});

describe('targetComparison: ambition and comparator are told apart without colour', () => {
  const byKey = (input: TargetComparisonInput) =>
    new Map(targetComparison(input).layout.marks.map((m) => [m.key, m]));

  it.each([
    ['guizhou-sheng-2', energyIntensity, 'binding', 'filled', '', '13%'],
    ['guizhou-sheng-1', energyIntensity, 'incentive', 'hollow', '激励', '14.5%'],
    ['jia-1', edgeCases, 'aspiration', 'hollow-dashed', '力争', '12%'],
  ] as const)('%s: %s → %s shape, suffix "%s"', (key, input, ambition, shape, suffix, valueLabel) => {
    const mark = byKey(input).get(key)!;
    expect(mark.ambition).toBe(ambition);
    expect(mark.shape).toBe(shape);
    expect(mark.suffix).toBe(suffix);
    expect(mark.valueLabel).toBe(valueLabel);
  });

  it('gives binding and incentive marks of one plan different shapes', () => {
    const marks = targetComparison(energyIntensity).layout.marks.filter((m) => m.planId === 'guizhou-sheng');
    expect(new Set(marks.map((m) => m.shape)).size).toBe(2);
  });

  it.each([
    ['qianjiang-qu-1', '', '23%', '黔江区：23%（约束性目标，到2025年）'],
    ['laiwu-qu-1', '≈', '≈12%', '莱芜区：≈12%（12%左右，约束性目标，到2025年）'],
    ['langfang-shi-1', '≥', '≥10%', '廊坊市：≥10%（10%以上，约束性目标，到2025年）'],
  ])('%s shows comparator glyph "%s" as %s', (key, glyph, label, aria) => {
    const mark = byKey(nonFossilShare).get(key)!;
    expect(mark.glyph).toBe(glyph);
    expect(mark.valueLabel).toBe(label);
    expect(mark.ariaLabel).toBe(aria);
  });

  it('writes ≤ and the scope in the row label', () => {
    const mark = byKey(edgeCases).get('bing-1')!;
    expect(mark.valueLabel).toBe('≤8%');
    expect(mark.label).toBe('丙县（县城）');
    expect(mark.ariaLabel).toBe('丙县（县城）：≤8%（8%以内，约束性目标，比2019年，到2025年）');
  });

  it('draws the parent value as a tick at its own place on the scale', () => {
    const { layout } = targetComparison(edgeCases);
    const mark = layout.marks.find((m) => m.key === 'jia-2')!;
    expect(mark.parent?.text).toBe('上级乙省 12%');
    expect(mark.parent?.x).toBeCloseTo(xOf(layout, 12), 0);
    expect(mark.ariaLabel).toContain('上级乙省 12%');
  });
});

describe('targetComparison: plans without a number', () => {
  it('lists them as 未设定量目标 after the marks, in input order', () => {
    const { layout } = targetComparison(nonFossilShare);
    expect(layout.unset.map((u) => [u.plan, u.text])).toEqual([
      ['达州市', '未设定量目标'],
      ['贵州省', '未设定量目标'],
    ]);
    expect(layout.unset[0]!.cy).toBeGreaterThan(layout.marks.at(-1)!.cy);
  });

  it('carries what the plan says instead', () => {
    expect(targetComparison(edgeCases).layout.unset[0]?.text).toBe('未设定量目标（达到"国家"要求 & <更多>）');
  });

  it('never lists a plan that sets a number as unset', () => {
    const input = {
      ...energyIntensity,
      unset: [
        { planId: 'guizhou-sheng', plan: '贵州省' },
        { planId: 'x', plan: '某县' },
        { planId: 'x', plan: '某县' },
      ],
    };
    expect(targetComparison(input).layout.unset.map((u) => u.planId)).toEqual(['x']);
  });
});

describe('targetComparison: years caption', () => {
  it.each([
    ['energy-intensity', energyIntensity, [], '单位地区生产总值能耗降低（%，比2020年，到2025年）'],
    ['non-fossil-share', nonFossilShare, [], '非化石能源占能源消费总量比重（%，到2025年）'],
    [
      'edge-cases',
      edgeCases,
      [
        '注：各方案基准年、目标年不同——',
        '甲市：比2020年，到2025年',
        '甲市：比2020年，到2025年',
        '丙县（县城）：比2019年，到2025年',
        'A&B "市" <script>：比2020年，目标年未注明',
      ],
      '示例指标 <b>&amp;</b>（%）',
    ],
  ] as const)('%s', (_name, input, caption, axisTitle) => {
    const geometry = targetComparison(input);
    expect(geometry.caption).toEqual(caption);
    expect(geometry.axisTitle).toEqual([axisTitle]);
  });
});

describe('targetComparison: bad input', () => {
  const base = energyIntensity.rows[0] as TargetRow;
  it.each([
    ['a unit that is not the indicator’s', { ...base, unit: '万吨' }, /unit "万吨"/],
    ['a value that is not a number', { ...base, value: Number.NaN }, /no finite value/],
    [
      'a parent value that is not a number',
      { ...base, parent: { value: Number.POSITIVE_INFINITY, label: '重庆市' } },
      /parent value/,
    ],
  ])('rejects %s', (_what, row, message) => {
    expect(() => targetComparison({ ...energyIntensity, rows: [row] })).toThrow(message);
  });

  it('draws negative values to the left of zero on a domain that includes them', () => {
    const rows = [
      { ...base, value: -3 },
      { ...base, planId: 'b', value: 5 },
    ];
    const { layout } = targetComparison({ indicator: energyIntensity.indicator, rows });
    expect(layout.axis.domain[0]).toBeLessThanOrEqual(-3);
    const negative = layout.marks.find((m) => m.value === -3)!;
    expect(negative.x).toBeCloseTo(xOf(layout, -3), 0);
    expect(negative.x + negative.width).toBeCloseTo(xOf(layout, 0), 0);
  });

  it('gives an all-zero chart a usable domain', () => {
    const { layout } = targetComparison({
      indicator: energyIntensity.indicator,
      rows: [{ ...base, value: 0 }],
    });
    expect(layout.axis.domain).toEqual([0, 1]);
  });

  it('draws an empty chart when every plan is unset', () => {
    const geometry = targetComparison({
      indicator: energyIntensity.indicator,
      rows: [],
      unset: [{ planId: 'a', plan: '甲市' }],
    });
    expect(geometry.layout.marks).toHaveLength(0);
    expect(geometry.layout.unset).toHaveLength(1);
    expect(geometry.description).toContain('未设定量目标：甲市');
  });
});

describe('smallMultiples: the four pollutant reductions in tonnes', () => {
  const geometry = smallMultiples(pollutantReductions);

  it('draws one panel per pollutant, titled with its short name and unit', () => {
    expect(geometry.panels.map((p) => p.title)).toEqual([
      '化学需氧量 COD（吨）',
      '氨氮 NH₃-N（吨）',
      '氮氧化物 NOx（吨）',
      '挥发性有机物 VOCs（吨）',
    ]);
  });

  it('draws one mark per row in every panel', () => {
    geometry.panels.forEach((panel, i) => {
      expect(panel.layout.marks).toHaveLength(pollutantReductions.panels[i]!.rows.length);
    });
  });

  it('keeps one plan order in every panel (by COD, largest first), 贵州 as 未设定量目标', () => {
    for (const panel of geometry.panels) {
      const order = [...panel.layout.marks.map((m) => m.plan), ...panel.layout.unset.map((u) => u.plan)];
      expect(order).toEqual(['廊坊市', '达州市', '莱芜区', '黔江区', '贵州省']);
      expect(panel.layout.unset.map((u) => u.text)).toEqual(['未设定量目标（达到国家要求）']);
    }
  });

  it.each([
    [0, 'dazhou-shi', 10170, 'qianjiang-qu', 245],
    [1, 'dazhou-shi', 691, 'laiwu-qu', 34],
    [2, 'dazhou-shi', 8290, 'qianjiang-qu', 659.1],
    [3, 'langfang-shi', 3000, 'qianjiang-qu', 103.9],
  ])('panel %i compares tonnages by length: %s %d t vs %s %d t', (i, a, va, b, vb) => {
    const { layout } = geometry.panels[i]!;
    const ma = layout.marks.find((m) => m.planId === a)!;
    const mb = layout.marks.find((m) => m.planId === b)!;
    expect([ma.value, mb.value, ma.unit, mb.unit]).toEqual([va, vb, '吨', '吨']);
    // Lengths on one linear scale from zero, to the rounding of a tenth of a unit.
    for (const mark of [ma, mb])
      expect(Math.abs(mark.width - (xOf(layout, mark.value) - layout.axis.x0))).toBeLessThanOrEqual(0.1);
    expect(ma.width).toBeGreaterThan(mb.width);
  });

  it('gives each panel its own zero-based scale by default', () => {
    const domains = geometry.panels.map((p) => p.layout.axis.domain);
    for (const [i, domain] of domains.entries()) {
      expect(domain[0]).toBe(0);
      expect(domain[1]).toBeGreaterThanOrEqual(
        Math.max(...pollutantReductions.panels[i]!.rows.map((r) => r.value)),
      );
    }
    expect(new Set(domains.map((d) => d[1])).size).toBe(4);
  });

  it('shares one scale across panels on request, so tonnes compare across pollutants', () => {
    const shared = smallMultiples({ ...pollutantReductions, scale: 'shared' });
    expect(new Set(shared.panels.map((p) => p.layout.axis.domain.join(','))).size).toBe(1);
    expect(shared.panels[0]!.layout.axis.domain[1]).toBeGreaterThanOrEqual(12100);
    const cod = shared.panels[0]!.layout.marks.find((m) => m.planId === 'langfang-shi')!;
    const nh3 = shared.panels[1]!.layout.marks.find((m) => m.planId === 'langfang-shi')!;
    expect(cod.width / nh3.width).toBeCloseTo(12100 / 360, -1);
  });

  it('aligns the plots of all panels', () => {
    const lefts = geometry.panels.map((p) => p.layout.axis.x0 - p.x);
    expect(new Set(lefts).size).toBe(1);
  });

  it('lays panels out in a two-column grid inside the chart', () => {
    const [a, b, c, d] = geometry.panels;
    expect(a!.y).toBe(b!.y);
    expect(c!.y).toBe(d!.y);
    expect(c!.y).toBeGreaterThan(a!.layout.bottom);
    expect(b!.x).toBeGreaterThan(a!.x + a!.width);
    expect(geometry.height).toBeGreaterThan(d!.layout.bottom);
    for (const panel of geometry.panels) expect(panel.x + panel.width).toBeLessThanOrEqual(geometry.width);
  });

  it('lists a plan absent from one panel as unset there, after the plans with a value there', () => {
    const [cod, ...rest] = pollutantReductions.panels;
    const input = {
      ...pollutantReductions,
      panels: [{ ...cod!, rows: cod!.rows.filter((r) => r.planId !== 'laiwu-qu') }, ...rest],
    };
    const first = smallMultiples(input).panels[0]!;
    expect(first.layout.unset.map((u) => [u.plan, u.text])).toEqual([
      ['贵州省', '未设定量目标（达到国家要求）'],
      ['莱芜区', '未设定量目标'],
    ]);
  });

  it('follows an explicit plan order', () => {
    const ordered = smallMultiples({
      ...pollutantReductions,
      planOrder: ['qianjiang-qu', 'guizhou-sheng', 'dazhou-shi'],
    });
    const panel = ordered.panels[0]!;
    const rows = [
      ...panel.layout.marks.map((m) => [m.cy, m.planId] as const),
      ...panel.layout.unset.map((u) => [u.cy, u.planId] as const),
    ];
    expect(rows.sort((x, y) => x[0] - y[0]).map((r) => r[1])).toEqual([
      'qianjiang-qu',
      'guizhou-sheng',
      'dazhou-shi',
      'laiwu-qu',
      'langfang-shi',
    ]);
  });

  it('rejects a shared scale over different units', () => {
    const panels = [pollutantReductions.panels[0]!, { ...energyIntensity, unset: [] }];
    expect(() => smallMultiples({ id: 'x', title: 'x', panels, scale: 'shared' })).toThrow(/one unit/);
  });

  it('states the years once and names 未设定量目标 in the description', () => {
    expect(geometry.caption).toEqual([]);
    expect(geometry.description).toContain('各方案年份相同：到2025年');
    expect(geometry.description).toContain('达州市（征求意见稿）1.017万吨（10170吨，约束性目标）');
    expect(geometry.description).toContain('未设定量目标：贵州省（达到国家要求）');
  });
});
