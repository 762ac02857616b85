/**
 * A headline indicator across a region's plans: one value per plan (binding first), never a value the plan
 * lists for its parent, other units and partial scopes left out and said; and the strip plot that draws it
 * with equal values sharing a mark and drafts apart.
 */
import { describe, expect, it } from 'vitest';
import type { Ambition, Plan, Target } from '../../src/lib/model/plan';
import { distributionOf, headlineTarget, ownTargets } from '../../src/lib/regions/distribution';
import { renderStripSvg, stripPlot, STRIP } from '../../src/lib/charts/strip';
import { qianjiang } from '../fixtures/plans';
import { planOf } from '../helpers/seeds';

const base = qianjiang.targets[0] as Target;

function target(value: number, overrides: Partial<Target> = {}): Target {
  return {
    ...base,
    indicatorId: 'energy-intensity',
    value,
    unit: '%',
    originalValue: value,
    originalUnit: '%',
    ambition: 'binding',
    scope: null,
    jurisdiction: null,
    ...overrides,
  };
}

function plan(id: string, targets: Target[], status: Plan['status'] = 'final'): Plan {
  return {
    ...qianjiang,
    id,
    region: id,
    status,
    targets: targets.map((t) => ({ ...t, jurisdiction: t.jurisdiction ?? id })),
  };
}

const energy = { id: 'energy-intensity', unit: '%' };

describe('one value per plan', () => {
  it.each<[string, [number, Ambition][], number]>([
    [
      'binding before incentive',
      [
        [14.5, 'incentive'],
        [13, 'binding'],
      ],
      13,
    ],
    [
      'incentive before aspiration',
      [
        [16, 'aspiration'],
        [15, 'incentive'],
      ],
      15,
    ],
    [
      'the first stated among equals',
      [
        [14, 'binding'],
        [15, 'binding'],
      ],
      14,
    ],
  ])('%s', (_, stated, expected) => {
    const targets = stated.map(([value, ambition]) => target(value, { ambition }));
    expect(headlineTarget(targets)?.value).toBe(expected);
  });

  it('never takes a value the plan lists for its parent (黔江 prints 重庆市 beside its own)', () => {
    const p = plan('黔江区', [target(25, { jurisdiction: '重庆市' }), target(23)]);
    expect(ownTargets(p, 'energy-intensity').map((t) => t.value)).toEqual([23]);
    expect(distributionOf([p], energy).points.map((x) => x.target.value)).toEqual([23]);
  });

  it('sets apart a plan stating the indicator only in another unit or for part of its area', () => {
    const partial = plan('a', [target(10, { scope: '市本级' })]);
    const otherUnit = plan('b', [target(3, { unit: '吨' })]);
    const none = plan('c', []);
    const d = distributionOf([partial, otherUnit, none, plan('d', [target(12)])], energy);
    expect(d.points.map((p) => p.plan.id)).toEqual(['d']);
    expect(d.notComparable.map((p) => p.id)).toEqual(['a', 'b']);
  });
});

describe('statistics', () => {
  it('gives quartiles over every plan, smallest value first', () => {
    const plans = [4, 1, 3, 2].map((v, i) => plan(`p${i}`, [target(v)]));
    const d = distributionOf(plans, energy);
    expect(d.points.map((p) => p.target.value)).toEqual([1, 2, 3, 4]);
    expect(d.stats).toEqual({
      count: 4,
      min: 1,
      lowerQuartile: 1.75,
      median: 2.5,
      upperQuartile: 3.25,
      max: 4,
    });
    expect(d.finalStats).toBeNull();
  });

  it('adds statistics over adopted plans alone when some are drafts', () => {
    const plans = [plan('a', [target(10)]), plan('b', [target(20)], 'draft'), plan('c', [target(12)])];
    const d = distributionOf(plans, energy);
    expect(d.stats?.max).toBe(20);
    expect(d.finalStats).toMatchObject({ count: 2, min: 10, max: 12 });
  });

  it('has no statistics without values', () => {
    expect(distributionOf([plan('a', [])], energy).stats).toBeNull();
  });

  it('reads the seeds: 贵州省 is held to its binding 13%, not its incentive 14.5%', () => {
    const d = distributionOf([planOf('002_9e3084a1a31ff5d6.txt')], energy);
    expect(d.points.map((p) => [p.plan.region, p.target.value])).toEqual([['贵州省', 13]]);
  });
});

describe('strip plot', () => {
  const input = (points: { value: number; draft?: boolean; own?: boolean }[]) => ({
    id: 'strip-test',
    unit: '%',
    points: points.map((p) => ({ value: p.value, draft: p.draft ?? false, own: p.own ?? false })),
    reference: { value: 13.5, label: '全国 13.5%' },
    median: 14.5,
    label: '测试',
  });

  it('draws equal values as one mark, larger for more plans', () => {
    const g = stripPlot(input([{ value: 14.5 }, { value: 14.5 }, { value: 14.5 }, { value: 20 }]));
    expect(g.marks.map((m) => m.count)).toEqual([3, 1]);
    expect(g.marks[0]!.r).toBeGreaterThan(g.marks[1]!.r);
  });

  it('never merges a draft into an adopted value', () => {
    const g = stripPlot(input([{ value: 14.5 }, { value: 14.5, draft: true }]));
    expect(g.marks.map((m) => [m.count, m.draft])).toEqual([
      [1, false],
      [1, true],
    ]);
    expect(renderStripSvg(g)).toContain('class="strip-mark strip-mark--draft"');
  });

  it('keeps the number of marks bounded by the width, however many plans', () => {
    const many = Array.from({ length: 3000 }, (_, i) => ({ value: (i * 7919) % 1000 }));
    const g = stripPlot({ ...input(many), reference: null });
    expect(g.marks.length).toBeLessThanOrEqual(Math.ceil(STRIP.width / STRIP.binWidth) + 1);
    expect(g.marks.reduce((n, m) => n + m.count, 0)).toBe(3000);
  });

  it('points at the region’s own plan and labels the reference inside the drawing', () => {
    const g = stripPlot(input([{ value: 12 }, { value: 20.8, own: true }]));
    expect(g.marks.filter((m) => m.own)).toHaveLength(1);
    expect(g.reference?.label).toBe('全国 13.5%');
    expect(g.reference!.x).toBeGreaterThanOrEqual(STRIP.margin);
    expect(g.ticks.at(-1)?.label).toMatch(/%$/);
    expect(g.ticks.at(-1)?.anchor).toBe('end');
    const svg = renderStripSvg(g);
    expect(svg).toContain('class="strip-own"');
    expect(svg).toContain('aria-label="测试"');
  });

  it.each([[[13.4, 14.6]], [[9000, 11500]], [[0.0691, 0.5]], [[1, 1000000]]])(
    'never lets tick labels touch, and keeps the unit on the last (%j)',
    (values) => {
      const g = stripPlot({ ...input(values.map((value) => ({ value }))), reference: null });
      const spans = g.ticks.map((t): [number, number] => {
        const w = t.label.length * STRIP.charWidth;
        return t.anchor === 'start'
          ? [t.x, t.x + w]
          : t.anchor === 'end'
            ? [t.x - w, t.x]
            : [t.x - w / 2, t.x + w / 2];
      });
      for (let i = 1; i < spans.length; i++) expect(spans[i]![0]).toBeGreaterThan(spans[i - 1]![1]);
      expect(g.ticks.at(-1)?.label).toMatch(/%$/);
      expect(g.ticks.length).toBeGreaterThanOrEqual(2);
    },
  );

  it('draws one value on an axis around it', () => {
    const g = stripPlot({ ...input([{ value: 0 }]), reference: null, median: 0 });
    expect(g.marks).toHaveLength(1);
    expect(g.ticks.length).toBeGreaterThan(1);
  });
});
