/**
 * Lineage on the five seeds and on small hand-made corpora: the tree (`lineageOf`), how a cited title is
 * matched, and every target held against the nation and the parent (`verdictsFor`, the indicators.csv
 * columns). Issue 14's done-when checks are the first tests.
 */
import { describe, expect, it } from 'vitest';
import { indicatorsCsv, planJson } from '../../src/lib/export';
import { loadIndicatorCatalogue } from '../../src/lib/indicators/catalogue';
import {
  comparisonCells,
  comparisonMark,
  comparisonNote,
  countVerdicts,
  lineageOf,
  summaryLines,
  type NotComparableReason,
  verdictContext,
  verdictsFor,
  verdictSummary,
  type Comparison,
} from '../../src/lib/lineage';
import {
  citationIndex,
  citedParent,
  planTitleKey,
  resolveCitation,
} from '../../src/lib/lineage/cited-parent';
import {
  PublishedPlan,
  type Plan,
  type PlanSummary,
  type PublishedComparison,
} from '../../src/lib/model/plan';
import { ingestedSeeds, planOf } from '../helpers/seeds';

const catalogue = loadIndicatorCatalogue().indicators;
const seeds = ingestedSeeds().plans;
const context = verdictContext(seeds, catalogue);

/** indicators.csv of the seeds, as records keyed by column. */
function csvRecords(): Record<string, string>[] {
  const csv = indicatorsCsv(seeds, { base: '/' }, () => undefined, context).replace(/^\ufeff/, '');
  // Cells with a newline are quoted; split records on CRLF outside quotes.
  const records: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i];
    if (quoted) {
      if (ch === '"' && csv[i + 1] === '"') ((cell += '"'), i++);
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') (row.push(cell), (cell = ''));
    else if (ch === '\r' && csv[i + 1] === '\n')
      (row.push(cell), records.push(row), (row = []), (cell = ''), i++);
    else cell += ch;
  }
  const [header, ...rest] = records;
  return rest.map((r) => Object.fromEntries((header ?? []).map((h, i) => [h, r[i] ?? ''])));
}

describe('each plan’s file /data/plans/<id>.json publishes every target’s comparisons (issue 14)', () => {
  const published = seeds.map((plan) => PublishedPlan.parse(JSON.parse(planJson(plan, context))));
  const comparisonsOf = (planId: string, indicatorId: string, value: number, jurisdiction?: string) => {
    const plan = published.find((p) => p.id === planId) as (typeof published)[number];
    const target = plan.targets.find(
      (t) =>
        t.indicatorId === indicatorId &&
        t.value === value &&
        (jurisdiction === undefined || t.jurisdiction === jurisdiction),
    );
    expect(target, `${planId} ${indicatorId} ${value}`).toBeDefined();
    return plan.comparisons.find((c) => c.target === target?.id);
  };
  const national = {
    name: '全国',
    value: 13.5,
    unit: '%',
    text: '13.5%',
    source: { kind: 'national', document: '国发〔2021〕33号 二、主要目标' },
  };

  it('莱芜区’s 20.8% is stricter than the national 13.5%, 贵州省’s 13% weaker', () => {
    expect(comparisonsOf('laiwu-qu', 'energy-intensity', 20.8)?.national).toMatchObject({
      kind: 'verdict',
      verdict: 'stricter',
      reference: national,
      drafts: [],
    });
    expect(comparisonsOf('guizhou-sheng', 'energy-intensity', 13)?.national).toMatchObject({
      kind: 'verdict',
      verdict: 'weaker',
      reference: national,
    });
    // A 激励目标 is not held against a binding one: the reason, and the reference still named.
    expect(comparisonsOf('guizhou-sheng', 'energy-intensity', 14.5)?.national).toMatchObject({
      kind: 'not-comparable',
      reason: 'ambition-differs',
      reference: { ...national, ambition: 'binding' },
    });
  });

  it('黔江’s targets are held against 重庆市’s values from its own annex, naming that target', () => {
    const plan = published.find((p) => p.id === 'qianjiang-qu') as (typeof published)[number];
    const parent = comparisonsOf('qianjiang-qu', 'non-fossil-share', 23, '黔江区')?.parent;
    expect(parent).toMatchObject({
      kind: 'verdict',
      verdict: 'weaker',
      reference: { name: '重庆市', text: '25%' },
    });
    const source = parent?.kind === 'verdict' ? parent.reference.source : null;
    expect(source?.kind).toBe('own-text');
    const stated = plan.targets.find((t) => source?.kind === 'own-text' && t.id === source.target);
    expect(stated).toMatchObject({ indicatorId: 'non-fossil-share', value: 25, jurisdiction: '重庆市' });
    // 重庆市's own row is a reference, never a promise of 黔江.
    expect(comparisonsOf('qianjiang-qu', 'non-fossil-share', 25, '重庆市')?.parent).toEqual({
      kind: 'not-comparable',
      reason: 'not-own-target',
      reference: null,
      drafts: [],
    });
  });

  it('a draft’s comparisons name the draft side', () => {
    expect(comparisonsOf('dazhou-shi', 'energy-intensity', 14.5)?.national).toMatchObject({
      kind: 'verdict',
      verdict: 'stricter',
      drafts: ['plan'],
    });
  });

  it('has one entry per target, in target order, saying what indicators.csv says', () => {
    const rows = csvRecords();
    const code = (c: PublishedComparison) =>
      c.kind === 'verdict' ? c.verdict : c.kind === 'not-comparable' ? c.reason : '';
    const value = (c: PublishedComparison) =>
      c.kind === 'none' || c.reference === null ? '' : c.reference.text;
    let k = 0;
    for (const plan of published) {
      expect(plan.comparisons.map((c) => c.target)).toEqual(plan.targets.map((t) => t.id));
      for (const entry of plan.comparisons) {
        const row = rows[k++] as Record<string, string>;
        expect(row['plan_id']).toBe(plan.id);
        expect([
          code(entry.national),
          value(entry.national),
          code(entry.parent),
          value(entry.parent),
        ]).toEqual([row['vs_national'], row['vs_national_value'], row['vs_parent'], row['vs_parent_value']]);
      }
    }
    expect(k).toBe(rows.length);
  });
});

describe('issue 14 done-when: indicators.csv on the seeds', () => {
  const rows = csvRecords();
  const row = (planId: string, indicatorId: string, value: string, jurisdiction?: string) => {
    const found = rows.filter(
      (r) =>
        r['plan_id'] === planId &&
        r['indicator_id'] === indicatorId &&
        r['value'] === value &&
        (jurisdiction === undefined || r['jurisdiction'] === jurisdiction),
    );
    expect(found, `${planId} ${indicatorId} ${value}`).toHaveLength(1);
    return found[0] as Record<string, string>;
  };

  it('莱芜区’s 20.8% energy-intensity target is stricter than the national 13.5%', () => {
    expect(row('laiwu-qu', 'energy-intensity', '20.8')).toMatchObject({
      vs_national: 'stricter',
      vs_national_value: '13.5%',
      vs_national_source: '国发〔2021〕33号 二、主要目标',
      vs_national_note: '严于全国',
    });
  });

  it('贵州省’s 13% is weaker; its 14.5% 激励目标 is not held against a binding one', () => {
    expect(row('guizhou-sheng', 'energy-intensity', '13')).toMatchObject({
      vs_national: 'weaker',
      vs_national_value: '13.5%',
      vs_national_note: '弱于全国',
    });
    expect(row('guizhou-sheng', 'energy-intensity', '14.5')).toMatchObject({
      vs_national: 'ambition-differs',
      vs_national_value: '13.5%',
      vs_national_note: '目标性质不同（本方案：激励目标；全国：约束性目标）',
    });
  });

  it.each([
    // 黔江's own value, then 重庆市's printed beside it in 黔江's annex.
    ['industrial-energy-intensity', '13.5', '14.5', 'weaker', '弱于重庆市'],
    ['non-fossil-share', '23', '25', 'weaker', '弱于重庆市'],
    ['green-building-share', '100', '100', 'equal', '与重庆市持平'],
    ['public-institution-energy-per-area', '4', '5', 'weaker', '弱于重庆市'],
    ['public-institution-energy-per-capita', '5', '6', 'weaker', '弱于重庆市'],
  ])(
    '黔江’s %s %s is compared with 重庆市’s %s from its own annex',
    (indicatorId, own, parent, code, note) => {
      expect(row('qianjiang-qu', indicatorId, own, '黔江区')).toMatchObject({
        vs_parent: code,
        vs_parent_value: `${parent}%`,
        vs_parent_source: 'own text',
        vs_parent_note: note,
      });
      // 重庆市's own row is a reference, never a promise of 黔江.
      expect(row('qianjiang-qu', indicatorId, parent, '重庆市')).toMatchObject({
        vs_parent: 'not-own-target',
        vs_national: 'not-own-target',
      });
    },
  );

  it('national pollutant targets (% of total emissions) are never held against tonnes', () => {
    expect(row('laiwu-qu', 'cod-reduction', '909')).toMatchObject({
      vs_national: 'unit-differs',
      vs_national_value: '8%',
      vs_national_note: '单位不同（本方案：吨；全国：%）',
    });
  });

  it('a draft’s verdict says the plan is a 征求意见稿', () => {
    expect(row('dazhou-shi', 'energy-intensity', '14.5')).toMatchObject({
      vs_national: 'stricter',
      vs_national_note: '严于全国；本方案为征求意见稿',
    });
  });

  it('leaves the columns empty where there is no reference at all', () => {
    const empty = rows.filter((r) => r['indicator_id'] === 'unclassified');
    expect(empty.length).toBeGreaterThan(0);
    for (const r of empty)
      for (const column of ['vs_national', 'vs_parent', 'vs_national_value']) expect(r[column]).toBe('');
    // No seed has a parent in the corpus: only 黔江's own text gives parent values.
    expect(
      rows.filter((r) => r['vs_parent_source'] !== '').every((r) => r['vs_parent_source'] === 'own text'),
    ).toBe(true);
  });
});

describe('summaries', () => {
  const summary = (file: string, side: 'national' | 'parent', whom: string) =>
    verdictSummary(countVerdicts(verdictsFor(planOf(file), context), side), whom);

  it.each([
    ['003_a39c52263945813a.txt', 'national', '全国', '1 项目标严于全国；另有 4 项口径不同，未作比较'],
    ['002_9e3084a1a31ff5d6.txt', 'national', '全国', '1 项目标弱于全国；另有 1 项口径不同，未作比较'],
    ['000_5b537b9a7be6a6a5.txt', 'parent', '重庆市', '1 项目标与重庆市持平，4 项弱于重庆市'],
    ['003_a39c52263945813a.txt', 'parent', '济南市', null],
  ] as const)('%s against %s', (file, side, whom, expected) => {
    expect(summary(file, side, whom)).toBe(expected);
  });

  it.each([
    [{ stricter: 7, equal: 0, weaker: 1, notComparable: 0 }, '7 项目标严于全国，1 项弱于全国'],
    [{ stricter: 0, equal: 2, weaker: 0, notComparable: 0 }, '2 项目标与全国持平'],
    [{ stricter: 0, equal: 0, weaker: 0, notComparable: 3 }, '3 项目标与全国口径不同，未作比较'],
    [{ stricter: 0, equal: 0, weaker: 0, notComparable: 0 }, null],
  ])('%j → %s', (counts, expected) => {
    expect(verdictSummary(counts, '全国')).toBe(expected);
  });
});

/** A plan with only what the tree looks at. */
function plan(id: string, fields: Partial<Plan> = {}): Plan {
  const seed = planOf('003_a39c52263945813a.txt');
  return { ...seed, id, parent: null, parentSource: null, versions: [], targets: [], ...fields };
}

describe('lineageOf', () => {
  const nation = plan('nation', { region: null, level: 'national', regionPath: [] });
  const province = plan('shandong-sheng', { region: '山东省', parent: 'nation', parentSource: 'division' });
  const city = plan('jinan-shi', { region: '济南市', parent: 'shandong-sheng', parentSource: 'citation' });
  const county = plan('laiwu-qu', { parent: 'jinan-shi', parentSource: 'division' });
  const other = plan('zibo-shi', { region: '淄博市', parent: 'shandong-sheng', parentSource: 'sidecar' });
  const lineage = lineageOf([nation, province, city, county, other]);

  it('gives parents with where the link came from, and children in corpus order', () => {
    expect(lineage.parentOf(city)).toEqual({ plan: province, source: 'citation' });
    expect(lineage.parentOf(nation)).toBeNull();
    expect(lineage.childrenOf(province).map((p) => p.id)).toEqual(['jinan-shi', 'zibo-shi']);
    expect(lineage.childrenOf(county)).toEqual([]);
  });

  it('names the government above: the parent plan’s region, else the division above', () => {
    expect(lineage.parentName(county)).toBe('济南市');
    const alone = lineageOf([plan('laiwu-qu')]);
    expect(alone.parentName(planOf('003_a39c52263945813a.txt'))).toBe('济南市');
    expect(alone.parentName(plan('x', { regionPath: [] }))).toBeNull();
  });

  it('ignores a parent the corpus does not hold, and breaks any circle', () => {
    const a = plan('a', { parent: 'b', parentSource: 'sidecar' });
    const b = plan('b', { parent: 'a', parentSource: 'sidecar' });
    const c = plan('c', { parent: 'missing', parentSource: 'sidecar' });
    const looped = lineageOf([a, b, c]);
    expect(looped.parentOf(c)).toBeNull();
    // Walking up from any plan ends.
    for (const start of [a, b]) {
      const seen = new Set<string>();
      for (let p: PlanSummary | undefined = start; p; p = looped.parentOf(p)?.plan) {
        expect(seen.has(p.id)).toBe(false);
        seen.add(p.id);
      }
    }
  });
});

describe('cited titles', () => {
  it.each([
    ['济南市“十四五”节能减排工作实施方案', '济南市十四五节能减排工作实施方案'],
    ['济南市"十四五"节能减排工作实施方案', '济南市十四五节能减排工作实施方案'],
    ['关于印发重庆市“十四五”节能减排综合工作实施方案的通知', '重庆市十四五节能减排综合工作实施方案'],
    ['国务院关于印发〈“十四五”节能减排综合工作方案〉的通知', '十四五节能减排综合工作方案'],
    ['四川省“十四五”节能减排综合工作方案（征求意见稿）', '四川省十四五节能减排综合工作方案'],
    ['濟南市「十四五」節能減排工作實施方案', '济南市十四五节能减排工作实施方案'],
  ])('%s → %s', (title, key) => {
    expect(planTitleKey(title)).toBe(key);
  });

  const chongqing = plan('chongqing-shi', {
    title: '重庆市“十四五”节能减排综合工作实施方案',
    region: '重庆市',
    level: 'province',
    documentNumber: '渝府发〔2022〕39号',
  });
  const index = citationIndex([chongqing, planOf('000_5b537b9a7be6a6a5.txt')]);

  it('resolves 黔江’s cited notice to the 重庆市 plan by title and by 文号', () => {
    const [notice] = planOf('000_5b537b9a7be6a6a5.txt').cites;
    expect(notice).toBeDefined();
    expect(resolveCitation(notice!, index)).toBe(chongqing);
    expect(resolveCitation({ title: '重庆市节能减排方案', number: '渝府发[2022]39号' }, index)).toBe(
      chongqing,
    );
    expect(resolveCitation({ title: '重庆市节约能源条例', number: null }, index)).toBeNull();
  });

  it('refuses a title and a 文号 naming different plans', () => {
    const other = plan('other', { title: '某市“十四五”节能减排方案', documentNumber: '某府发〔2022〕1号' });
    const both = citationIndex([chongqing, other]);
    expect(resolveCitation({ title: chongqing.title, number: '某府发〔2022〕1号' }, both)).toBeNull();
  });

  it('takes no plan of the same or a lower level, nor another text of the same government', () => {
    const county = plan('county', { level: 'county', cites: [{ title: chongqing.title, number: null }] });
    const city = plan('city', {
      level: 'city',
      title: '某市方案',
      cites: [{ title: '某县方案', number: null }],
    });
    const lower = plan('lower', { level: 'county', title: '某县方案' });
    const idx = citationIndex([chongqing, county, city, lower]);
    const never = () => false;
    expect(citedParent(county, idx, never)).toBe(chongqing);
    expect(citedParent(city, idx, never)).toBeNull();
    expect(citedParent(county, idx, () => true)).toBeNull();
  });

  it('prefers the nearest level among several cited plans, and gives up on a tie', () => {
    const nation = plan('nation', { level: 'national', title: '“十四五”节能减排综合工作方案' });
    const county = plan('county', {
      level: 'county',
      cites: [
        { title: '国务院关于印发〈“十四五”节能减排综合工作方案〉的通知', number: null },
        { title: chongqing.title, number: null },
      ],
    });
    expect(citedParent(county, citationIndex([nation, chongqing, county]), () => false)).toBe(chongqing);
    const twin = plan('twin', { level: 'province', title: '四川省方案' });
    const tied = plan('tied', {
      level: 'county',
      cites: [
        { title: chongqing.title, number: null },
        { title: '四川省方案', number: null },
      ],
    });
    expect(citedParent(tied, citationIndex([chongqing, twin, tied]), () => false)).toBeNull();
  });
});

describe('verdictsFor picks the parent’s value', () => {
  const base = planOf('003_a39c52263945813a.txt');
  const energy = base.targets.find((t) => t.indicatorId === 'energy-intensity')!;
  const parentTarget = (fields: Partial<typeof energy>) => ({
    ...energy,
    id: `e-${Math.random()}`,
    jurisdiction: '济南市',
    ...fields,
  });
  const parentComparison = (parentTargets: (typeof energy)[], childTargets = [energy]): Comparison => {
    const parent = plan('jinan-shi', { region: '济南市', level: 'city', targets: parentTargets });
    const child = plan('laiwu-qu', { parent: 'jinan-shi', parentSource: 'division', targets: childTargets });
    const ctx = verdictContext([parent, child], catalogue);
    return verdictsFor(child, ctx)[0]!.parent;
  };

  it('the like-for-like one among several (binding 15%, incentive 17%)', () => {
    const result = parentComparison([
      parentTarget({ value: 17, ambition: 'incentive' }),
      parentTarget({ value: 15 }),
    ]);
    expect(result).toMatchObject({
      kind: 'verdict',
      verdict: 'stricter',
      reference: { value: { value: 15 } },
    });
  });

  it('several like-for-like values that differ: no verdict', () => {
    const result = parentComparison([parentTarget({ value: 15 }), parentTarget({ value: 25 })]);
    expect(result).toMatchObject({ kind: 'not-comparable', reason: 'several-references', reference: null });
  });

  it('none like for like: the reason of the most alike (same years, other ambition)', () => {
    const result = parentComparison([
      parentTarget({ value: 15, baselineYear: 2019 }),
      parentTarget({ value: 16, ambition: 'aspiration' }),
    ]);
    expect(result).toMatchObject({
      kind: 'not-comparable',
      reason: 'ambition-differs',
      reference: { value: { value: 16 } },
    });
  });

  it('the parent plan’s own targets come before what the child’s text states for it', () => {
    const stated = { ...energy, id: 'stated', value: 30, jurisdiction: '济南市' };
    const result = parentComparison([parentTarget({ value: 15 })], [energy, stated]);
    expect(result).toMatchObject({
      kind: 'verdict',
      reference: { value: { value: 15 }, source: { kind: 'parent-plan' } },
    });
  });

  it('a parent plan without the indicator: the child’s own text, else nothing', () => {
    const stated = { ...energy, id: 'stated', value: 30, jurisdiction: '济南市' };
    expect(parentComparison([], [energy, stated])).toMatchObject({
      kind: 'verdict',
      verdict: 'weaker',
      reference: { name: '济南市', source: { kind: 'own-text' } },
    });
    expect(parentComparison([])).toEqual({ kind: 'none' });
  });
});

describe('a comparison in words (describe.ts)', () => {
  const own = planOf('003_a39c52263945813a.txt').targets.find((t) => t.indicatorId === 'energy-intensity')!;
  const reference = (fields: Partial<typeof own> = {}, name = '全国') => ({
    value: { ...own, ...fields },
    name,
    source: { kind: 'national' as const, document: '国发〔2021〕33号 二、主要目标' },
  });
  const notComparable = (reason: NotComparableReason, fields: Partial<typeof own>) => ({
    kind: 'not-comparable' as const,
    reason,
    reference: reference(fields),
    drafts: [],
  });

  it.each([
    ['unit-differs', { unit: '吨' }, '单位不同（本方案：%；全国：吨）'],
    ['baseline-year-unstated', { baselineYear: null }, '基准年未注明（本方案：2020年；全国：未注明）'],
    ['baseline-year-differs', { baselineYear: 2019 }, '基准年不同（本方案：2020年；全国：2019年）'],
    ['target-year-differs', { targetYear: 2030 }, '目标年不同（本方案：2025年；全国：2030年）'],
    ['scope-differs', { scope: '市本级' }, '范围不同（本方案：全域；全国：市本级）'],
    ['ambition-differs', { ambition: 'aspiration' }, '目标性质不同（本方案：约束性目标；全国：力争目标）'],
    ['approximate', { comparator: '~' }, '一方为约数（本方案：20.8%；全国：≈20.8%）'],
    ['comparator-differs', { comparator: '<=' }, '比较方式不同（本方案：20.8%；全国：≤20.8%）'],
  ] as const)('%s → %s', (reason, fields, note) => {
    expect(comparisonNote(own, notComparable(reason, fields))).toBe(note);
  });

  it('names both drafts, the reference by its name', () => {
    const comparison: Comparison = {
      kind: 'verdict',
      verdict: 'equal',
      reference: reference({}, '济南市'),
      drafts: ['plan', 'reference'],
    };
    expect(comparisonNote(own, comparison)).toBe('与济南市持平；本方案为征求意见稿；济南市方案为征求意见稿');
    expect(comparisonCells(own, comparison)).toMatchObject({ code: 'equal', value: '20.8%' });
    expect(comparisonMark(comparison)).toBe('＝');
  });

  it('says nothing without a reference', () => {
    expect(comparisonCells(own, { kind: 'none' })).toEqual({
      code: null,
      value: null,
      source: null,
      note: null,
    });
    expect(comparisonMark({ kind: 'none' })).toBeNull();
  });
});

describe('summaryLines', () => {
  it.each([
    [
      '000_5b537b9a7be6a6a5.txt',
      false,
      ['1 项目标严于全国；另有 4 项口径不同，未作比较', '1 项目标与重庆市持平，4 项弱于重庆市'],
    ],
    ['000_5b537b9a7be6a6a5.txt', true, ['1 项目标严于全国', '1 项目标与重庆市持平，4 项弱于重庆市']],
    // A draft says so after each line.
    ['001_fe432f922416074d.txt', true, ['1 项目标严于全国（本方案为征求意见稿）']],
  ] as const)('%s (brief: %s)', (file, brief, lines) => {
    const plan = planOf(file);
    const found = summaryLines(verdictsFor(plan, context), context.lineage.parentName(plan), { brief });
    expect(found.map((s) => s.line)).toEqual(lines);
  });

  it('names a draft parent plan after the parent’s line', () => {
    const energy = planOf('003_a39c52263945813a.txt').targets.find(
      (t) => t.indicatorId === 'energy-intensity',
    )!;
    const parent = plan('jinan-shi', {
      region: '济南市',
      level: 'city',
      status: 'draft',
      targets: [{ ...energy, value: 15, jurisdiction: '济南市' }],
    });
    const child = plan('laiwu-qu', { parent: 'jinan-shi', parentSource: 'division', targets: [energy] });
    const ctx = verdictContext([parent, child], catalogue);
    expect(summaryLines(verdictsFor(child, ctx), '济南市')).toEqual([
      { side: 'national', whom: '全国', line: '1 项目标严于全国' },
      { side: 'parent', whom: '济南市', line: '1 项目标严于济南市（济南市方案为征求意见稿）' },
    ]);
  });
});
