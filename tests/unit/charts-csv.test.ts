import { describe, expect, it } from 'vitest';
import {
  CHART_CSV_COLUMNS,
  chartCsv,
  chartRowsFromPlans,
  smallMultiplesData,
  targetComparison,
  targetComparisonData,
  type ChartDataRow,
} from '../../src/lib/charts';
import type { Plan, Target } from '../../src/lib/model/plan';
import { planOf } from '../helpers/seeds';
import { energyIntensity, nonFossilShare, pollutantReductions } from '../golden/charts/fixtures';
import { rowLabel } from '../../src/lib/charts/format';

const BOM = '\uFEFF';
const HEADER =
  'plan_id,plan,plan_title,status,indicator,indicator_name,value,value_as_printed,unit,comparator,ambition,baseline_year,target_year,scope,jurisdiction,source_url';
const ZH_HEADER =
  '方案标识,方案简称,方案名称,文件状态,指标标识,指标名称,目标值,原文数值,单位,比较方式,目标性质,基准年,目标年,范围,目标所属地区,链接';

function lines(csv: string): string[] {
  expect(csv.startsWith(BOM)).toBe(true);
  expect(csv.endsWith('\r\n')).toBe(true);
  return csv.slice(1, -2).split('\r\n');
}

describe('chartCsv', () => {
  it('writes UTF-8 with BOM, CRLF and the provenance header', () => {
    const out = lines(chartCsv(targetComparisonData(energyIntensity)));
    expect(out[0]).toBe(HEADER);
    expect(CHART_CSV_COLUMNS.join(',')).toBe(HEADER);
  });

  it.each([
    ['energy-intensity', targetComparisonData(energyIntensity), 6],
    ['non-fossil-share', targetComparisonData(nonFossilShare), 5],
    ['pollutant-reductions', smallMultiplesData(pollutantReductions), 20],
  ])('%s: one line per row and per unset plan', (_name, rows, count) => {
    expect(rows).toHaveLength(count);
    expect(lines(chartCsv(rows))).toHaveLength(count + 1);
  });

  // Like /data/indicators.csv, every text cell starting with = is defused for Excel, the comparator `=` too.
  it.each([
    [
      `guizhou-sheng,贵州省,,final,energy-intensity,单位地区生产总值能耗降低,14.5,14.5%,%,'=,incentive,2020,2025,,贵州省,/plans/guizhou-sheng/#2-p1`,
      targetComparisonData(energyIntensity),
    ],
    [
      'langfang-shi,廊坊市,,final,non-fossil-share,非化石能源占能源消费总量比重,10,10%,%,>=,binding,,2025,,廊坊市,/plans/langfang-shi/#3-8',
      targetComparisonData(nonFossilShare),
    ],
    [
      'dazhou-shi,达州市,,draft,non-fossil-share,非化石能源占能源消费总量比重,,,%,,,,,,达州市,/plans/dazhou-shi/',
      targetComparisonData(nonFossilShare),
    ],
    [
      `dazhou-shi,达州市,,draft,cod-reduction,化学需氧量重点工程减排量,10170,1.017万吨,吨,'=,binding,,2025,,达州市,/plans/dazhou-shi/#2-p1`,
      smallMultiplesData(pollutantReductions),
    ],
    [
      `qianjiang-qu,黔江区,,final,nox-reduction,氮氧化物重点工程减排量,659.1,659.1吨,吨,'=,binding,,2025,,黔江区,/plans/qianjiang-qu/#2-p1`,
      smallMultiplesData(pollutantReductions),
    ],
    [
      'guizhou-sheng,贵州省,,final,voc-reduction,挥发性有机物重点工程减排量,,,吨,,,,,,贵州省,/plans/guizhou-sheng/',
      smallMultiplesData(pollutantReductions),
    ],
  ])('contains %s', (line, rows) => {
    expect(lines(chartCsv(rows))).toContain(line);
  });

  const row = (extra: Partial<ChartDataRow>): ChartDataRow => ({
    planId: 'p',
    plan: '某市',
    planTitle: null,
    status: [],
    indicator: 'x',
    indicatorName: '某指标',
    value: 1,
    valueAsPrinted: '1吨',
    unit: '吨',
    comparator: '=',
    ambition: 'binding',
    baselineYear: null,
    targetYear: null,
    scope: null,
    jurisdiction: null,
    sourceUrl: null,
    ...extra,
  });

  it.each([
    ['unit-conversion noise', { value: 0.0691 * 10000 }, '691'],
    ['a negative value, which stays a number', { value: -5 }, '-5'],
    ['a formula-like scope, which is defused', { scope: '=HYPERLINK("x")' }, `"'=HYPERLINK(""x"")"`],
    ['a plan name with a comma, which is quoted', { plan: '甲,乙' }, '"甲,乙"'],
  ])('writes %s safely', (_what, extra, cell) => {
    expect(lines(chartCsv([row(extra)]))[1]).toContain(cell);
  });

  it('names the plan by its title and says draft in every row of a draft, valued or unset', () => {
    const draft = [{ id: 'draft' as const, label: '征求意见稿' }];
    expect(lines(chartCsv([row({ planTitle: '某市方案', status: draft })]))[1]).toMatch(
      /^p,某市,某市方案,draft,x,某指标,/,
    );
    expect(lines(chartCsv([row({ status: [{ id: 'region-unknown', label: '地区未识别' }] })]))[1]).toMatch(
      /^p,某市,,final,x,某指标,/,
    );
    const dazhouRows = lines(chartCsv(smallMultiplesData(pollutantReductions))).filter((l) =>
      l.startsWith('dazhou-shi,'),
    );
    expect(dazhouRows.length).toBeGreaterThan(1);
    expect(dazhouRows.every((l) => l.split(',')[3] === 'draft')).toBe(true);
  });
});

describe('chartCsv with Chinese headers', () => {
  const en = (rows: ChartDataRow[]) => lines(chartCsv(rows));
  const zh = (rows: ChartDataRow[]) => lines(chartCsv(rows, 'zh'));

  it('has the same columns and rows as the English file, under Chinese headers', () => {
    const rows = smallMultiplesData(pollutantReductions);
    expect(zh(rows)[0]).toBe(ZH_HEADER);
    expect(zh(rows)).toHaveLength(en(rows).length);
    expect(ZH_HEADER.split(',')).toHaveLength(CHART_CSV_COLUMNS.length);
  });

  // Machine values in words, as the site prints them; numbers, ids and links as in the English file.
  it.each([
    [
      `guizhou-sheng,贵州省,,正式文件,energy-intensity,单位地区生产总值能耗降低,14.5,14.5%,%,等于,激励目标,2020,2025,,贵州省,/plans/guizhou-sheng/#2-p1`,
      targetComparisonData(energyIntensity),
    ],
    [
      'langfang-shi,廊坊市,,正式文件,non-fossil-share,非化石能源占能源消费总量比重,10,10%,%,不低于,约束性目标,,2025,,廊坊市,/plans/langfang-shi/#3-8',
      targetComparisonData(nonFossilShare),
    ],
    // A plan without a number keeps its row, its value cells empty (not a word standing in for a value).
    [
      'dazhou-shi,达州市,,征求意见稿,non-fossil-share,非化石能源占能源消费总量比重,,,%,,,,,,达州市,/plans/dazhou-shi/',
      targetComparisonData(nonFossilShare),
    ],
    [
      `dazhou-shi,达州市,,征求意见稿,cod-reduction,化学需氧量重点工程减排量,10170,1.017万吨,吨,等于,约束性目标,,2025,,达州市,/plans/dazhou-shi/#2-p1`,
      smallMultiplesData(pollutantReductions),
    ],
  ])('contains %s', (line, rows) => {
    expect(zh(rows)).toContain(line);
  });

  it('says 征求意见稿 in every row of the draft', () => {
    const dazhouRows = zh(smallMultiplesData(pollutantReductions)).filter((l) => l.startsWith('dazhou-shi,'));
    expect(dazhouRows.length).toBeGreaterThan(1);
    expect(dazhouRows.every((l) => l.split(',')[3] === '征求意见稿')).toBe(true);
  });
});

describe('chartRowsFromPlans', () => {
  // A value given without its printed form was printed as given (the model's originalValue).
  const target = (extra: Partial<Target>): Target => ({
    originalValue: extra.value ?? 14.5,
    id: 'energy-intensity',
    indicatorId: 'energy-intensity',
    label: '单位地区生产总值能耗降低',
    value: 14.5,
    unit: '%',
    originalUnit: '%',
    comparator: '=',
    ambition: 'binding',
    baselineYear: 2020,
    targetYear: 2025,
    scope: null,
    jurisdiction: '黔江区',
    wording: null,
    sources: [{ clauseId: '2-p1', origin: 'plan', text: '下降14.5%', line: 21, range: null, cell: null }],
    ...extra,
  });
  // The seeds as parsed, with the targets the indicator extraction is to find (it is built in parallel).
  const plans: Plan[] = [
    { ...planOf('000_5b537b9a7be6a6a5.txt'), targets: [target({})] },
    {
      ...planOf('002_9e3084a1a31ff5d6.txt'),
      targets: [
        target({ value: 13 }),
        target({ id: 'energy-intensity-2', value: 14.5, ambition: 'incentive' }),
      ],
    },
    {
      ...planOf('001_fe432f922416074d.txt'),
      parent: 'guizhou-sheng',
      targets: [
        target({
          sources: [{ clauseId: '2-p1', origin: 'plan', text: 'x', line: 9, range: null, cell: null }],
        }),
      ],
    },
    { ...planOf('003_a39c52263945813a.txt'), targets: [] },
  ];

  it('turns every target of the indicator into a row linked to its clause', () => {
    const { rows, unset } = chartRowsFromPlans(plans, 'energy-intensity', {
      base: '/atlas/',
      unsetNotes: { 'laiwu-qu': '示例' },
    });
    expect(rows.map((r) => [r.planId, r.plan, r.value, r.ambition, r.href])).toEqual([
      ['qianjiang-qu', '黔江区', 14.5, 'binding', '/atlas/plans/qianjiang-qu/#2-p1'],
      ['guizhou-sheng', '贵州省', 13, 'binding', '/atlas/plans/guizhou-sheng/#2-p1'],
      ['guizhou-sheng', '贵州省', 14.5, 'incentive', '/atlas/plans/guizhou-sheng/#2-p1'],
      ['dazhou-shi', '达州市', 14.5, 'binding', '/atlas/plans/dazhou-shi/#2-p1'],
    ]);
    expect(unset).toEqual([
      {
        planId: 'laiwu-qu',
        plan: '莱芜区',
        planTitle: '莱芜区“十四五”节能减排工作实施方案',
        href: '/atlas/plans/laiwu-qu/',
        note: '示例',
      },
    ]);
  });

  it('takes a parent value from the parent plan’s binding target when the parent is charted', () => {
    const { rows } = chartRowsFromPlans(plans, 'energy-intensity');
    expect(rows.find((r) => r.planId === 'dazhou-shi')?.parent).toEqual({
      value: 13,
      printed: '13%',
      label: '贵州省',
    });
    expect(rows.find((r) => r.planId === 'qianjiang-qu')?.parent).toBeNull();
  });

  it('marks a value only a news lead states, in the row and in the label every chart prints', () => {
    const lead = {
      clauseId: 'lead',
      origin: 'lead',
      text: '下降14%',
      line: 1,
      range: null,
      cell: null,
    } as const;
    const plain = {
      clauseId: '2-p1',
      origin: 'plan',
      text: '下降14.5%',
      line: 9,
      range: null,
      cell: null,
    } as const;
    const reported: Plan[] = [
      {
        ...planOf('000_5b537b9a7be6a6a5.txt'),
        targets: [
          target({ sources: [plain, lead] }),
          target({ id: 'energy-intensity-2', value: 14, sources: [lead] }),
        ],
      },
    ];
    const { rows } = chartRowsFromPlans(reported, 'energy-intensity');
    expect(
      rows.map((r) => [r.value, (r.status ?? []).map((m) => m.id), rowLabel(r.plan, r.scope, r.status)]),
    ).toEqual([
      [14.5, [], '黔江区'],
      [14, ['news-lead'], '黔江区（新闻导语）'],
    ]);
  });

  it('feeds the chart directly', () => {
    const { rows, unset } = chartRowsFromPlans(plans, 'energy-intensity');
    const geometry = targetComparison({ indicator: energyIntensity.indicator, rows, unset });
    expect(geometry.layout.marks).toHaveLength(4);
    expect(geometry.layout.unset.map((u) => u.plan)).toEqual(['莱芜区']);
  });
});
