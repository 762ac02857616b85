import { describe, expect, it } from 'vitest';
import { smallMultiples, targetComparison } from '../../src/lib/charts';
import {
  chartDataRows,
  entriesInMarkOrder,
  indicatorChartData,
  parentScopeOf,
  referenceFor,
  smallMultiplesFromPlans,
  type IndicatorChartData,
  type IndicatorForChart,
} from '../../src/lib/charts/indicator-chart';
import { loadIndicatorCatalogue } from '../../src/lib/indicators/catalogue';
import type { Plan } from '../../src/lib/model/plan';
import { ingestedSeeds, planOf } from '../helpers/seeds';

const plans = ingestedSeeds().plans;
const catalogue = loadIndicatorCatalogue().indicators;
const link = (path: string) => `/atlas${path}`;

function indicator(id: string, shortName?: string): IndicatorForChart {
  const entry = catalogue.find((i) => i.id === id);
  if (!entry) throw new Error(`no indicator ${id}`);
  return { id, name: entry.name, unit: entry.unit, national: entry.national, shortName };
}

function data(id: string, from: readonly Plan[] = plans): IndicatorChartData {
  const result = indicatorChartData(from, indicator(id), { link });
  if (!result) throw new Error(`no chart for ${id}`);
  return result;
}

const qianjiang = planOf('000_5b537b9a7be6a6a5.txt');
const guizhou = planOf('002_9e3084a1a31ff5d6.txt');

describe('indicatorChartData: rows from the seeds', () => {
  it.each([
    // id, marks as plan:value:ambition in chart order, unset plans
    [
      'energy-intensity',
      [
        'laiwu-qu:20.8:binding',
        'langfang-shi:16:binding',
        'dazhou-shi:14.5:binding',
        'qianjiang-qu:14.5:binding',
        'guizhou-sheng:14.5:incentive',
        'guizhou-sheng:13:binding',
      ],
      [],
    ],
    [
      'cod-reduction',
      [
        'langfang-shi:12100:binding',
        'dazhou-shi:10170:binding',
        'laiwu-qu:909:binding',
        'qianjiang-qu:245:binding',
      ],
      ['guizhou-sheng'],
    ],
    [
      'public-institution-energy-per-area',
      ['langfang-shi:6:binding', 'laiwu-qu:5:binding', 'qianjiang-qu:4:binding', 'dazhou-shi:3.2:binding'],
      ['guizhou-sheng'],
    ],
  ])('%s', (id, marks, unset) => {
    const d = data(id);
    expect(d.entries.map((e) => `${e.plan.id}:${e.target.value}:${e.target.ambition}`)).toEqual(marks);
    expect(d.input.rows.map((r) => `${r.planId}:${r.value}:${r.ambition}`)).toEqual(marks);
    expect(d.unset.map((u) => u.plan.id)).toEqual(unset);
    // The chart draws the rows in the order given: entries[i] is the i-th mark.
    const geometry = targetComparison(d.input);
    expect(geometry.layout.marks.map((m) => `${m.planId}:${m.value}:${m.ambition}`)).toEqual(marks);
  });

  it('links each row to the first place stating it, under the given base', () => {
    const d = data('cod-reduction');
    expect(d.input.rows.find((r) => r.planId === 'qianjiang-qu')?.href).toBe(
      '/atlas/plans/qianjiang-qu/#2-p1',
    );
    expect(d.input.unset?.[0]).toEqual({
      planId: 'guizhou-sheng',
      plan: '贵州省',
      planTitle: '贵州省“十四五”节能减排综合工作方案',
      href: '/atlas/plans/guizhou-sheng/',
    });
  });

  it('turns 黔江’s 重庆市 column into the parent’s value of its own row, never a row of its own', () => {
    const d = data('public-institution-energy-per-area');
    const rows = d.input.rows.filter((r) => r.planId === 'qianjiang-qu');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ value: 4, scope: null, parent: { value: 5, label: '重庆市' } });
    const entry = d.entries.find((e) => e.plan.id === 'qianjiang-qu');
    expect(entry?.parent?.stated).toBe(true);
    expect(entry?.parent?.target.sources[0]?.clauseId).toBe('annex-1-table-1');
  });

  it.each([
    ['industrial-energy-intensity', 13.5, 14.5],
    ['public-institution-energy-per-capita', 5, 6],
    ['non-fossil-share', 23, 25],
    ['green-building-share', 100, 100],
  ])('%s: 黔江 %d, parent 重庆市 %d', (id, own, parent) => {
    const rows = data(id).input.rows.filter((r) => r.planId === 'qianjiang-qu');
    expect(rows.map((r) => [r.value, r.scope, r.parent?.label, r.parent?.value])).toEqual([
      [own, null, '重庆市', parent],
    ]);
  });

  it('keeps a narrower scope of the plan itself as a row (达州 市本级, 县城)', () => {
    const rows = data('sludge-treatment').input.rows.filter((r) => r.planId === 'dazhou-shi');
    expect(rows.map((r) => r.scope)).toEqual(['市本级', '其他设市城市', '县城']);
    expect(rows.every((r) => r.parent === null)).toBe(true);
  });

  it('takes a parent value from the parent plan in the corpus when the plan states none', () => {
    const dazhou = { ...planOf('001_fe432f922416074d.txt'), parent: guizhou.id };
    const d = data('energy-intensity', [guizhou, dazhou]);
    const entry = d.entries.find((e) => e.plan.id === dazhou.id);
    expect(entry?.row.parent).toEqual({ value: 13, printed: '13%', label: '贵州省' });
    expect(entry?.parent).toMatchObject({ plan: { id: guizhou.id }, stated: false });
  });

  it('prefers the parent plan’s own target to a value the plan states for it, as the comparisons do', () => {
    const chongqing: Plan = {
      ...guizhou,
      id: 'chongqing-shi',
      region: '重庆市',
      targets: guizhou.targets.map((t) => ({ ...t, jurisdiction: '重庆市' })),
    };
    const child = { ...planOf('000_5b537b9a7be6a6a5.txt'), parent: 'chongqing-shi' };
    const stated = data('industrial-energy-intensity', [chongqing, child]).entries.find(
      (e) => e.plan.id === child.id,
    );
    // 重庆's plan (here 贵州's targets renamed) has its own value, 15%: it comes before 黔江's annex's 14.5%.
    expect(stated?.row.parent).toEqual({ value: 15, printed: '15%', label: '重庆市' });
    expect(stated?.parent).toMatchObject({ plan: { id: 'chongqing-shi' }, stated: false });
  });

  it('lists a plan stating only its parent’s value as unset, saying so', () => {
    const onlyParent: Plan = {
      ...qianjiang,
      targets: qianjiang.targets.filter(
        (t) => t.indicatorId !== 'non-fossil-share' || t.jurisdiction === '重庆市',
      ),
    };
    const d = data('non-fossil-share', [onlyParent]);
    expect(d.entries).toEqual([]);
    expect(d.input.unset).toEqual([
      {
        planId: 'qianjiang-qu',
        plan: '黔江区',
        planTitle: '黔江区“十四五”节能减排综合工作实施方案',
        href: '/atlas/plans/qianjiang-qu/',
        note: '仅列出重庆市目标',
      },
    ]);
  });

  it('leaves out targets in another unit, reporting them, so the scale stays honest', () => {
    const odd: Plan = {
      ...qianjiang,
      targets: qianjiang.targets.map((t) => (t.indicatorId === 'cod-reduction' ? { ...t, unit: '万吨' } : t)),
    };
    const d = data('cod-reduction', [odd, ...plans.filter((p) => p.id !== odd.id)]);
    expect(d.input.rows.map((r) => r.planId)).not.toContain('qianjiang-qu');
    expect(d.otherUnit.map(({ plan, target }) => `${plan.id} ${target.unit}`)).toEqual(['qianjiang-qu 万吨']);
  });

  it('has no chart for an indicator without a unit', () => {
    expect(
      indicatorChartData(
        plans,
        { id: 'unclassified', name: '未归类指标', unit: null, national: null },
        { link },
      ),
    ).toBeNull();
  });
});

describe('referenceFor', () => {
  it.each([
    ['energy-intensity', { value: 13.5, label: '全国（国发〔2021〕33号）' }],
    // The national pollutant targets are % of total emissions; the plans’ are tonnes: no line.
    ['cod-reduction', null],
    ['non-fossil-share', null],
  ])('%s', (id, expected) => {
    expect(referenceFor(indicator(id))).toEqual(expected);
  });
});

describe('parentScopeOf', () => {
  const target = (jurisdiction: string | null) => ({ ...qianjiang.targets[0]!, jurisdiction });
  it.each([
    // 黔江's annex lists 重庆市's values: the parent's, never the plan's own.
    [qianjiang, '重庆市', '重庆市'],
    [qianjiang, '黔江区', null],
    // Unknown region: nothing to tell apart, so the plan's own.
    [qianjiang, null, null],
    [guizhou, '贵州省', null],
  ] as const)('%#: jurisdiction %s', (plan, jurisdiction, expected) => {
    expect(parentScopeOf(plan, target(jurisdiction))).toBe(expected);
  });
  it('ignores a narrower scope of the plan’s own target (县城 is no parent)', () => {
    expect(parentScopeOf(qianjiang, { ...target('黔江区'), scope: '县城' })).toBeNull();
  });
});

describe('entriesInMarkOrder', () => {
  it('maps the marks of a layout back to their entries, whatever the order of the plans', () => {
    const d = data('energy-intensity');
    // Grouped by plan id instead of by value; within a plan, binding still before incentive.
    const byPlanId = [...d.entries].sort((a, b) =>
      a.plan.id < b.plan.id ? -1 : a.plan.id > b.plan.id ? 1 : 0,
    );
    const marks = targetComparison(d.input).layout.marks;
    expect(entriesInMarkOrder(marks, byPlanId)).toEqual(d.entries);
  });

  it('throws on a mark without an entry', () => {
    const d = data('energy-intensity');
    const marks = targetComparison(d.input).layout.marks;
    expect(() => entriesInMarkOrder(marks, d.entries.slice(1))).toThrow(/no entry for mark/);
  });
});

describe('chartDataRows', () => {
  it('lists the marks, then each plan’s stated parent value with its source, then unset plans', () => {
    const rows = chartDataRows(data('public-institution-energy-per-area'), { link });
    expect(rows.map((r) => [r.planId, r.value, r.jurisdiction, r.sourceUrl])).toEqual([
      ['langfang-shi', 6, '廊坊市', '/atlas/plans/langfang-shi/#3-6'],
      ['laiwu-qu', 5, '莱芜区', '/atlas/plans/laiwu-qu/#3-6'],
      ['qianjiang-qu', 4, '黔江区', '/atlas/plans/qianjiang-qu/#3-6-2'],
      // The value 黔江 lists for 重庆市: in 黔江's rows, with 重庆市 as its jurisdiction.
      ['qianjiang-qu', 5, '重庆市', '/atlas/plans/qianjiang-qu/#annex-1-table-1'],
      ['dazhou-shi', 3.2, '达州市', '/atlas/plans/dazhou-shi/#3-6'],
      ['guizhou-sheng', null, '贵州省', '/atlas/plans/guizhou-sheng/'],
    ]);
  });
});

describe('smallMultiplesFromPlans', () => {
  it('builds the four pollutant panels in tonnes, every plan in every panel', () => {
    const ids = ['cod-reduction', 'ammonia-nitrogen-reduction', 'nox-reduction', 'voc-reduction'];
    const { input, panels } = smallMultiplesFromPlans(
      plans,
      ids.map((id) => indicator(id, id.toUpperCase())),
      { link, id: 'chart-pollutants', title: '主要污染物' },
    );
    expect(
      input.panels.map((p) => [p.indicator.id, p.indicator.unit, p.indicator.shortName, p.rows.length]),
    ).toEqual(ids.map((id) => [id, '吨', id.toUpperCase(), 4]));
    const geometry = smallMultiples(input);
    geometry.panels.forEach((panel, i) => {
      const entries = entriesInMarkOrder(panel.layout.marks, panels[i]!.entries);
      expect(entries.map((e) => e.target.value)).toEqual(panel.layout.marks.map((m) => m.value));
      expect(panel.layout.unset.map((u) => u.planId)).toEqual(['guizhou-sheng']);
    });
    // 达州 1.017万吨 normalised to tonnes.
    expect(input.panels[0]!.rows.find((r) => r.planId === 'dazhou-shi')?.value).toBe(10170);
  });
});
