/**
 * Target extraction rules, table-driven with sentences and tables taken from the five seeds.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  extractTargets,
  loadIndicatorCatalogue,
  parseIndicatorCatalogue,
  type IndicatorCatalogue,
} from '../../src/lib/indicators/index';
import type { Annex, AnnexTable, Clause, Target } from '../../src/lib/model/plan';
import { layoutHeader } from '../../src/lib/structure/table-header';

const catalogue = loadIndicatorCatalogue();

function clause(id: string, paragraphs: string[], line = 1): Clause {
  return {
    id,
    kind: 'item',
    parentId: null,
    depth: 1,
    number: null,
    citation: '',
    heading: null,
    paragraphs,
    responsibility: null,
    part: 'projects',
    position: 0,
    line,
    endLine: line + paragraphs.length - 1,
  };
}

function table(id: string, rows: string[][], headerRows: number, line = 1): AnnexTable {
  return {
    type: 'table',
    id,
    headerRows,
    header: layoutHeader(rows, headerRows),
    rows,
    line,
    endLine: line + rows.length,
    departments: [],
  };
}

function annex(n: number, title: string | null, tables: AnnexTable[], line = 1): Annex {
  return { id: `annex-${n}`, label: `附件${n}`, title, blocks: tables, line, endLine: line + 1 };
}

function run(clauses: Clause[], annexes: Annex[] = [], c: IndicatorCatalogue = catalogue) {
  return extractTargets({
    clauses,
    annexes,
    region: '黔江区',
    level: 'county',
    file: 'seed.txt',
    catalogue: c,
  });
}

const targetsOf = (text: string): Target[] => run([clause('3-1', [text], 24)]).targets;

function onlyTarget(text: string): Target {
  const targets = targetsOf(text);
  expect(targets).toHaveLength(1);
  return targets[0] as Target;
}

/** The fields that matter for a rule, for compact expectations. */
const brief = (t: Target) => ({ id: t.id, indicatorId: t.indicatorId, value: t.value, unit: t.unit });

/** 黔江's annex 1 table as the structure parser rebuilds it (mixed %/％ and —/-- placeholders as printed). */
const QIANJIANG_ANNEX_1: string[][] = [
  ['指标', '单位', '重庆市2020年实际值', '重庆市2025年', '黔江区2020年实际值', '黔江区2025年', '责任单位'],
  ['', '', '', '目标值', '变化幅度/变化率', '', '目标值', '变化幅度/变化率', ''],
  ['能源'],
  ['非化石能源占能源消费总量比重', '%', '22.2', '25', '2.8', '—', '23', '—', '区发展改革委'],
  ['工业'],
  [
    '规上工业单位增加值能耗强度下降率',
    '—',
    '—',
    '—',
    '[14.5%]',
    '--',
    '--',
    '[13.5％]',
    '区经济信息委、区发展改革委',
  ],
  ['建筑'],
  ['城镇新建绿色建筑占新建建筑比重', '%', '57.2', '100', '47.8', '—', '100', '—', '区住房城乡建委'],
  ['交通'],
  ['更新新能源公交车数量', '辆', '—', '—', '—', '—', '60', '—', '区交通局'],
  ['城市公交出行分担率', '%', '—', '—', '—', '—', '30', '—', '区交通局'],
  ['公共机构'],
  ['公共机构单位建筑面积能耗下降率', '—', '—', '—', '[5%]', '—', '—', '[4%]', '区机关事务中心'],
  ['公共机构人均综合能耗下降率', '—', '—', '—', '[6%]', '—', '—', '[5%]', '区机关事务中心'],
];
const qianjiangAnnex1 = () =>
  annex(1, '“十四五”黔江区主要行业节能指标', [table('annex-1-table-1', QIANJIANG_ANNEX_1, 2, 99)], 95);

/** 黔江's annex 2: the unit in the header and after each pollutant's name. */
const QIANJIANG_ANNEX_2: string[][] = [
  ['序号', '主要污染物', '减排目标（吨）', '责任单位'],
  ['1', '氮氧化物（吨）', '659.1', '区生态环境局'],
  ['2', '挥发性有机物（吨）', '103.9', '区生态环境局'],
  ['3', '化学需氧量（吨）', '245', '区生态环境局'],
  ['4', '氨氮（吨）', '18', '区生态环境局'],
];
const qianjiangAnnex2 = () =>
  annex(
    2,
    '“十四五”黔江区主要污染物重点工程减排量目标',
    [table('annex-2-table-1', QIANJIANG_ANNEX_2, 1, 204)],
    200,
  );

const QIANJIANG_GOALS =
  '到2025年，全区单位地区生产总值能源消耗比2020年下降14.5%，能源消费总量得到合理控制，主要污染物排放总量持续减少，化学需氧量、氨氮、氮氧化物、挥发性有机物等重点工程减排量分别达到245吨、18吨、659.1吨、103.9吨。节能减排政策机制更加健全，重点行业能源利用效率大幅提升，重点领域节能减排取得明显成效，绿色低碳技术创新和推广应用能力不断提高，经济发展绿色动能全面增强。';

describe('分别 lists map names to values in order', () => {
  it.each<[string, string, [string, number, string][]]>([
    [
      '黔江 (吨)',
      QIANJIANG_GOALS,
      [
        ['cod-reduction', 245, '吨'],
        ['ammonia-nitrogen-reduction', 18, '吨'],
        ['nox-reduction', 659.1, '吨'],
        ['voc-reduction', 103.9, '吨'],
      ],
    ],
    [
      '莱芜 (another order, odd spacing)',
      '到2025年,全区单位地区生产总值能耗较2020年下降20.8%,能源消费增量控制在合理区间,氮氧化物、挥发性有机物、化学需氧量、氨氮重点工程减排量分别达到1196吨、  2065吨、909吨、34吨。',
      [
        ['nox-reduction', 1196, '吨'],
        ['voc-reduction', 2065, '吨'],
        ['cod-reduction', 909, '吨'],
        ['ammonia-nitrogen-reduction', 34, '吨'],
      ],
    ],
    [
      '达州 (万吨, 0.0691)',
      '到2025年，全市单位地区生产总值能源消耗比2020年下降14.5%，能源消费总量得到合理控制，化学需氧量、氨氮、氮氧化物、挥发性有机物等主要污染物重点工程减排量分别完成1.017万吨、0.0691万吨、0.829万吨、0.22万吨。',
      [
        ['cod-reduction', 10170, '吨'],
        ['ammonia-nitrogen-reduction', 691, '吨'],
        ['nox-reduction', 8290, '吨'],
        ['voc-reduction', 2200, '吨'],
      ],
    ],
    [
      '廊坊 (省下达的 … 和 … 目标)',
      '单位地区生产总值二氧化碳排放确保完成省定目标，化学需氧量、氨氮、氮氧化物、挥发性有机物重点工程减排量分别完成省下达的1.21万吨、0.036万吨、0.55万吨和0.3万吨目标。',
      [
        ['cod-reduction', 12100, '吨'],
        ['ammonia-nitrogen-reduction', 360, '吨'],
        ['nox-reduction', 5500, '吨'],
        ['voc-reduction', 3000, '吨'],
      ],
    ],
    [
      '莱芜 public institutions',
      '到2025年,全区建成节约型机关64个,公共机构单位建筑面积能耗、人均综合能耗、人均用水量、单位建筑面积碳排放相较于2020年分别下降5%、5.5%、5.5%、7%。',
      [
        ['public-institution-energy-per-area', 5, '%'],
        ['public-institution-energy-per-capita', 5.5, '%'],
        ['public-institution-water-per-capita', 5.5, '%'],
        ['public-institution-carbon-per-area', 7, '%'],
      ],
    ],
    [
      '黔江 shared 覆盖率',
      '到2025年，农作物秸秆综合利用率稳定在90%以上，畜禽粪污综合利用率达到80%以上；主要农作物农药、化肥利用率达到43%，绿色防控、统防统治覆盖率分别达到55%、45%。',
      [
        ['green-pest-control-coverage', 55, '%'],
        ['unified-pest-control-coverage', 45, '%'],
      ],
    ],
  ])('%s', (_name, text, expected) => {
    const targets = targetsOf(text);
    for (const [indicatorId, value, unit] of expected) {
      expect(
        targets.find((t) => t.indicatorId === indicatorId),
        indicatorId,
      ).toMatchObject({ value, unit });
    }
  });

  it('gives listed unclassified measures their shared measure word and change verb', () => {
    const targets = targetsOf(
      '到2025年，全区溶剂型工业涂料、溶剂型油墨使用比例分别降低20%、15%，溶剂型胶粘剂使用量下降20%。',
    );
    expect(targets.map((t) => [t.id, t.label, t.value])).toEqual([
      ['unclassified-1', '溶剂型工业涂料使用比例降低', 20],
      ['unclassified-2', '溶剂型油墨使用比例降低', 15],
      ['unclassified-3', '溶剂型胶粘剂使用量下降', 20],
    ]);
  });

  it('applies a closing 以上 to every listed value (廊坊 6%和7%以上)', () => {
    const targets = targetsOf('公共机构单位建筑面积能耗和人均能耗比2019年分别降低6%和7%以上。');
    expect(targets.map((t) => [t.indicatorId, t.value, t.comparator])).toEqual([
      ['public-institution-energy-per-area', 6, '>='],
      ['public-institution-energy-per-capita', 7, '>='],
    ]);
  });

  it('warns on a list whose names and values do not pair up, and still keeps every value', () => {
    const { targets, warnings } = run([
      clause('3-9', ['到2025年，溶剂型工业涂料、溶剂型油墨使用比例分别降低20%、15%、10%。'], 52),
    ]);
    expect(warnings).toEqual([
      expect.objectContaining({ file: 'seed.txt', line: 52, message: expect.stringContaining('分别') }),
    ]);
    expect(targets.map((t) => t.value)).toEqual([20, 15, 10]);
  });
});

const GUIZHOU_INFRASTRUCTURE =
  '到 2025 年，新增和改造污水收集管网 4000 公里，新增污水处理能力 44.7 万立方米/日，城市污泥无害化处置率达到 90%以上，建设生活垃圾焚烧处理规模 1.86 万吨/日，城市生活垃圾资源化利用率达到 70%，全省基本实现原生生活垃圾“零填埋”。';
const LAIWU_INFRASTRUCTURE =
  '到2025年，新增污水处理能力3.5万吨/日、生活垃圾处理能力400吨/日，消除雨污合流管网30公里,城市生活污水集中收集率达到95%,城市污泥无害化处置率达到100%,实现“城市建成区雨污合流管网清零、城市建成区黑臭水体清零、城市污水处理厂提标”目标。';
const DAZHOU_PUBLIC_INSTITUTIONS =
  '“十四五”时期，全市公共机构单位建筑面积能耗下降3.2％、人均综合能耗下降4.3％、人均用水量下降6.7％、单位建筑面积碳排放下降6.7％。';

describe('values are normalised and keep what was printed', () => {
  it.each<[string, string, number, string, number, string]>([
    [
      '1.017万吨',
      '到2025年，全市单位地区生产总值能源消耗比2020年下降14.5%，能源消费总量得到合理控制，化学需氧量、氨氮、氮氧化物、挥发性有机物等主要污染物重点工程减排量分别完成1.017万吨、0.0691万吨、0.829万吨、0.22万吨。',
      10170,
      '吨',
      1.017,
      '万吨',
    ],
    [
      '万立方米/日',
      '到2025年，全市新增和改造污水收集管网505公里，新增污水处理能力18万立方米/日。',
      180000,
      '立方米/日',
      18,
      '万立方米/日',
    ],
    [
      '万平方米',
      '“十四五”期间,新增绿色建筑面积320万平方米，新开工装配式面积247万平方米。',
      3200000,
      '平方米',
      320,
      '万平方米',
    ],
    ['万吨/日', GUIZHOU_INFRASTRUCTURE, 18600, '吨/日', 1.86, '万吨/日'],
    ['万立方米/日, spaced', GUIZHOU_INFRASTRUCTURE, 447000, '立方米/日', 44.7, '万立方米/日'],
    [
      '万千瓦',
      '到2025年,非化石能源占能源消费总量的比重达到12%左右，新能源和可再生能源装机力争达到70万千瓦以上。',
      700000,
      '千瓦',
      70,
      '万千瓦',
    ],
    ['万吨/日 of sewage is 立方米/日', LAIWU_INFRASTRUCTURE, 35000, '立方米/日', 3.5, '万吨/日'],
    ['full-width ％', DAZHOU_PUBLIC_INSTITUTIONS, 3.2, '%', 3.2, '%'],
  ])('%s', (_name, text, value, unit, originalValue, originalUnit) => {
    expect(targetsOf(text)).toContainEqual(
      expect.objectContaining({ value, unit, originalValue, originalUnit }),
    );
  });

  it.each<[string, string, number, string, number, string, string]>([
    // Rates printed as one unit: a listed unit, “/” and a per-unit. Read as 0.52吨标准煤 they showed a number
    // the plan does not print and put /万元 into the label.
    [
      '吨标准煤/万元',
      '到2025年，全市单位地区生产总值能耗降至0.52吨标准煤/万元。',
      0.52,
      '吨标准煤/万元',
      0.52,
      '吨标准煤/万元',
      '单位地区生产总值能耗',
    ],
    [
      '千克标准煤/万元',
      '到2025年，单位GDP能耗降至450千克标准煤/万元。',
      0.45,
      '吨标准煤/万元',
      450,
      '千克标准煤/万元',
      '单位GDP能耗',
    ],
    [
      '立方米/万元',
      '到2025年，单位工业增加值用水量下降到12立方米/万元。',
      12,
      '立方米/万元',
      12,
      '立方米/万元',
      '单位工业增加值用水量',
    ],
    ['吨/万元', '到2025年，万元GDP用水量降至5.2吨/万元。', 5.2, '吨/万元', 5.2, '吨/万元', '万元GDP用水量'],
    [
      '吨二氧化碳/万元',
      '到2025年，单位GDP二氧化碳排放降至1.2吨二氧化碳/万元。',
      1.2,
      '吨二氧化碳/万元',
      1.2,
      '吨二氧化碳/万元',
      '单位GDP二氧化碳排放',
    ],
    ['公里/年', '到2025年，新建污水管网100公里/年。', 100, '公里/年', 100, '公里/年', '新建污水管网'],
    [
      '千克标准煤/平方米',
      '到2025年，供热能耗降至15千克标准煤/平方米。',
      0.015,
      '吨标准煤/平方米',
      15,
      '千克标准煤/平方米',
      '供热能耗',
    ],
    // 亿 before a unit (2.3亿吨标准煤 was not read at all).
    [
      '亿吨标准煤',
      '到2025年，全省能源消费总量控制在2.3亿吨标准煤左右。',
      230000000,
      '吨标准煤',
      2.3,
      '亿吨标准煤',
      '能源消费总量',
    ],
    [
      '亿千瓦时',
      '到2025年，全社会用电量达到3000亿千瓦时。',
      300000000000,
      '千瓦时',
      3000,
      '亿千瓦时',
      '全社会用电量',
    ],
    [
      '亿立方米',
      '到2025年，用水总量控制在30亿立方米以内。',
      3000000000,
      '立方米',
      30,
      '亿立方米',
      '用水总量',
    ],
  ])('%s', (_name, text, value, unit, originalValue, originalUnit, label) => {
    expect(targetsOf(text)).toEqual([
      expect.objectContaining({ value, unit, originalValue, originalUnit, label }),
    ]);
  });

  it.each([
    ['a unit continued past a per-unit', '到2025年，人均生活垃圾清运量控制在0.9千克/人·日以内。'],
    ['a per-unit not listed', '到2025年，人均用水量降至120立方米/人·年。'],
    ['a unit continued by a product', '到2025年，新增处理能力200吨·日。'],
  ])('part of a unit is never read as the whole: %s', (_name, text) => {
    expect(targetsOf(text)).toEqual([]);
  });

  it('keeps 吨/日 of refuse apart from sewage capacity (莱芜 生活垃圾处理能力400吨/日)', () => {
    expect(targetsOf(LAIWU_INFRASTRUCTURE).find((t) => t.value === 400)).toMatchObject({
      indicatorId: 'unclassified',
      label: '生活垃圾处理能力',
      unit: '吨/日',
    });
  });

  it('reads full-width digits (a Hong Kong or Taiwan mirror)', () => {
    expect(onlyTarget('到２０２５年，城市公交出行分担率达到３０％。')).toMatchObject({
      indicatorId: 'bus-share',
      value: 30,
      targetYear: 2025,
    });
  });

  it('reads traditional characters as well (節能減排 mirrors)', () => {
    expect(onlyTarget('到2025年，全區單位地區生產總值能源消耗比2020年下降14.5%。')).toMatchObject({
      indicatorId: 'energy-intensity',
      value: 14.5,
      baselineYear: 2020,
      targetYear: 2025,
    });
  });
});

describe('comparators', () => {
  it.each<[string, string, string, Target['comparator']]>([
    [
      '以上 (稳定在)',
      '到2025年，农作物秸秆综合利用率稳定在90%以上，畜禽粪污综合利用率达到80%以上；主要农作物农药、化肥利用率达到43%，绿色防控、统防统治覆盖率分别达到55%、45%。',
      'straw-utilization',
      '>=',
    ],
    [
      '不低于',
      '率先淘汰老旧车辆，率先采购使用节能和新能源汽车，除特殊用途车辆外，全区各级党政机关、事业单位新增和更新的公务用车纯电动汽车占比不低于30%。',
      'unclassified',
      '>=',
    ],
    // 超过 excludes the value (issue 8: 超过30% is `>`, not `≥`).
    ['超过', '到2025年，重点行业均达到基准水平，标杆水平产能比例超过30%。', 'benchmark-capacity-share', '>'],
    ['高于', '到2025年，城市生活污水集中收集率高于70%。', 'urban-sewage-collection-rate', '>'],
    ['低于', '到2025年，公共供水管网漏损率低于9%。', 'water-supply-leakage', '<'],
    ['以下 (inclusive)', '到2025年，公共供水管网漏损率控制在9%以下。', 'water-supply-leakage', '<='],
    [
      '控制在…以内',
      '到2025年,公共供水管网漏损率控制在7.8%以内,清洁取暖率达到90%以上。',
      'water-supply-leakage',
      '<=',
    ],
    [
      '不高于',
      '推进现役煤电机组节煤降耗改造、供热改造、灵活性改造“三改联动”，持续推动煤电机组超低排放改造，燃煤发电机组平均供电煤耗力争不高于 318 克标准煤/千瓦时。',
      'coal-power-supply-coal',
      '<=',
    ],
    [
      '左右',
      '到2025年，城镇生活垃圾焚烧处理能力达到350吨/日，城市生活垃圾焚烧处理能力占比65%左右。',
      'waste-incineration-share',
      '~',
    ],
    ['达到 X', '到2025年，城市公交出行分担率达到30%。', 'bus-share', '='],
    [
      '下降 X',
      '到2025年,全区单位地区生产总值能耗较2020年下降20.8%,能源消费增量控制在合理区间。',
      'energy-intensity',
      '=',
    ],
    [
      '下降 X以上',
      '到2025年，规模以上工业企业单位工业增加值能耗比2020年下降16.5%以上，重点耗能行业能效达到标杆水平的比例超过30%。',
      'industrial-energy-intensity',
      '>=',
    ],
  ])('%s', (_name, text, indicatorId, comparator) => {
    expect(targetsOf(text).find((t) => t.indicatorId === indicatorId)?.comparator).toBe(comparator);
  });
});

describe('ambition', () => {
  it('贵州 energy intensity: 13% binding and a 14.5% incentive target', () => {
    const targets = targetsOf(
      '到 2025 年，全省单位地区生产总值能耗比 2020 年下降 13%，力争完成 14.5% 的激励目标，能源消费总量得到合理控制，氮氧化物、挥发性有机物、化学需氧量、氨氮重点工程减排量达到国家要求。',
    );
    expect(
      targets.map((t) => [t.id, t.indicatorId, t.value, t.ambition, t.baselineYear, t.targetYear]),
    ).toEqual([
      ['energy-intensity', 'energy-intensity', 13, 'binding', 2020, 2025],
      ['energy-intensity-2', 'energy-intensity', 14.5, 'incentive', 2020, 2025],
    ]);
  });

  it('贵州 non-fossil share: 20% 左右 binding and 21.6% aspiration (across a page-break join)', () => {
    const targets = targetsOf(
      '推动以工业余热、电厂余热、清洁能源等替代煤炭供热(蒸汽)。到 2025 年，非化石能源占能源消费总量比重 20%左右，力争达到 21.6%。(省发展改革委、省生态环境厅等按职责分工负责)',
    );
    expect(targets.map((t) => [t.id, t.value, t.comparator, t.ambition])).toEqual([
      ['non-fossil-share', 20, '~', 'binding'],
      ['non-fossil-share-2', 21.6, '=', 'aspiration'],
    ]);
  });

  it.each<[string, string, string, Target['ambition']]>([
    [
      '力争 before the measure',
      '到2025年，力争规上工业企业用水重复利用率达到92%以上，万元工业增加值用水量比2020年下降15%。',
      '规上工业企业用水重复利用率',
      'aspiration',
    ],
    [
      '力争 applies to its own clause only',
      '到2025年，力争规上工业企业用水重复利用率达到92%以上，万元工业增加值用水量比2020年下降15%。',
      '万元工业增加值用水量降低率',
      'binding',
    ],
    [
      '力争 before the verb',
      '到2025年,创建市级以上绿色工业园区(产业集群、产业集聚区)6个,省级生态工业园区比例力争达到工业园区的50%以上,具备条件的省级以上园区全部实施循环化改造。',
      '省级生态工业园区比例',
      'aspiration',
    ],
    [
      '力争 before a 不低于',
      '到 2025 年，农村生活污水治理率达到 25%，秸秆综合利用率稳定在 86%以上，力争主要农作物化肥农药利用率不低于 43%，畜禽粪污资源化综合利用率达到 80%以上，绿色防控、统防统治覆盖率分别达到 55%、45%。',
      '主要农作物化肥农药利用率',
      'aspiration',
    ],
    [
      'no marker',
      '推动数据中心、冷链物流等领域实施绿色高效制冷改造。到2025年，城镇新建建筑100%执行绿色建筑标准。',
      '城镇新建建筑中绿色建筑占比',
      'binding',
    ],
  ])('%s', (_name, text, label, ambition) => {
    expect(targetsOf(text).find((t) => t.label === label)?.ambition).toBe(ambition);
  });
});

describe('baseline and target years', () => {
  it.each<[string, string, number | null, number | null]>([
    [
      '比2020年',
      '加快建设具有承载区域性业务应用能力的数据分中心。“十四五”期间，规上工业单位增加值能耗强度比2020年下降13.5%。',
      2020,
      2025,
    ],
    [
      '较2020年',
      '强化快递包装绿色治理,建设邮政业绿色网点和绿色分拨中心。到2025年,铁路货运量较2020年提高20%。',
      2020,
      2025,
    ],
    [
      '相较于2020年',
      '到2025年,全区建成节约型机关64个,公共机构单位建筑面积能耗、人均综合能耗、人均用水量、单位建筑面积碳排放相较于2020年分别下降5%、5.5%、5.5%、7%。',
      2020,
      2025,
    ],
    [
      '比2019年 is not 2020',
      '到2025年，县级及以上党政机关创建节约型机关占比达到80%以上。公共机构单位建筑面积能耗和人均能耗比2019年分别降低6%和7%以上。',
      2019,
      2025,
    ],
    [
      '“十四五”时期 without a baseline',
      '“十四五”时期，规模以上工业单位增加值能耗下降15%，万元工业增加值用水量下降16%。',
      null,
      2025,
    ],
    [
      'spaced 到 2025 年',
      '有序推进充换电、加注(气)、加氢、港口机场岸电等基础设施建设。到 2025 年，高速公路服务区充电设施覆盖率达到 100%。',
      null,
      2025,
    ],
    [
      'no year named',
      '率先淘汰老旧车辆，率先采购使用节能和新能源汽车，除特殊用途车辆外，全区各级党政机关、事业单位新增和更新的公务用车纯电动汽车占比不低于30%。',
      null,
      null,
    ],
  ])('%s', (_name, text, baselineYear, targetYear) => {
    // The last target of the text is the one the case is about.
    expect(targetsOf(text).at(-1)).toMatchObject({ baselineYear, targetYear });
  });
});

describe('scope', () => {
  it('达州 sludge: 市本级, 其他设市城市 and 县城 are three targets', () => {
    const targets = targetsOf(
      '到2025年，全市新增和改造污水收集管网505公里，新增污水处理能力18万立方米/日，污泥无害化处理率市本级达到95%，其他设市城市达到80%，县城达到65%。',
    );
    expect(
      targets.filter((t) => t.indicatorId === 'sludge-treatment').map((t) => [t.id, t.value, t.scope]),
    ).toEqual([
      ['sludge-treatment', 95, '市本级'],
      ['sludge-treatment-2', 80, '其他设市城市'],
      ['sludge-treatment-3', 65, '县城'],
    ]);
  });

  // 公共交通机动化出行分担率 measures another thing than 公交出行分担率 (issue 8): its own indicator.
  it('贵州 motorised public-transport share: an average over 各市(州)中心城市', () => {
    expect(
      onlyTarget('到 2025 年，各市(州)中心城市公共交通机动化出行分担率平均达到 45%以上。'),
    ).toMatchObject({
      indicatorId: 'motorised-public-transport-share',
      value: 45,
      comparator: '>=',
      scope: '各市(州)中心城市',
    });
  });

  it('the whole jurisdiction (全区, 全市) has no scope', () => {
    const targets = targetsOf(
      '到2025年，全区城市生活污水集中处理率达到98%以上，城市生活污水厂污泥无害化处理处置率达到98%以上。',
    );
    expect(targets.map((t) => [t.label, t.scope])).toEqual([
      ['城市生活污水集中处理率', null],
      ['城市污泥无害化处置率', null],
    ]);
  });
});

describe('annex tables', () => {
  it('reads 黔江 annex 1: own columns are the plan’s, 重庆市 columns are the parent’s, 实际值 are no targets', () => {
    const { targets, warnings } = run([], [qianjiangAnnex1()]);
    // Issue 8: a parent's value carries its jurisdiction (not a scope of the plan's own).
    expect(
      targets.map((t) => [t.id, t.value, t.unit, t.jurisdiction, t.baselineYear, t.targetYear, t.scope]),
    ).toEqual([
      ['non-fossil-share-2', 25, '%', '重庆市', null, 2025, null],
      ['non-fossil-share', 23, '%', '黔江区', null, 2025, null],
      ['industrial-energy-intensity-2', 14.5, '%', '重庆市', 2020, 2025, null],
      ['industrial-energy-intensity', 13.5, '%', '黔江区', 2020, 2025, null],
      ['green-building-share-2', 100, '%', '重庆市', null, 2025, null],
      ['green-building-share', 100, '%', '黔江区', null, 2025, null],
      ['unclassified-1', 60, '辆', '黔江区', null, 2025, null],
      ['bus-share', 30, '%', '黔江区', null, 2025, null],
      ['public-institution-energy-per-area-2', 5, '%', '重庆市', 2020, 2025, null],
      ['public-institution-energy-per-area', 4, '%', '黔江区', 2020, 2025, null],
      ['public-institution-energy-per-capita-2', 6, '%', '重庆市', 2020, 2025, null],
      ['public-institution-energy-per-capita', 5, '%', '黔江区', 2020, 2025, null],
    ]);
    expect(
      targets.every((t) => t.sources[0]?.clauseId === 'annex-1-table-1' && t.sources[0]?.line === 99),
    ).toBe(true);
    expect(targets.find((t) => t.id === 'industrial-energy-intensity')?.sources[0]?.text).toBe(
      '规上工业单位增加值能耗强度下降率｜黔江区2025年 变化幅度/变化率｜[13.5％]',
    );
    // 实际值 (22.2, 57.2) and a 变化幅度 beside a target level (2.8; 47.8) are no targets.
    for (const value of [22.2, 57.2, 2.8, 47.8]) expect(targets.map((t) => t.value)).not.toContain(value);
    expect(warnings).toEqual([]);
  });

  it('never gives a parent column’s value to the plan: with `parentColumns: skip` it is left out', () => {
    const text = readFileSync('content/indicators.yaml', 'utf8').replace(
      'parentColumns: keep',
      'parentColumns: skip',
    );
    const { targets } = run([], [qianjiangAnnex1()], parseIndicatorCatalogue(text));
    expect(targets.map((t) => [t.id, t.value, t.scope])).toEqual([
      ['non-fossil-share', 23, null],
      ['industrial-energy-intensity', 13.5, null],
      ['green-building-share', 100, null],
      ['unclassified-1', 60, null],
      ['bus-share', 30, null],
      ['public-institution-energy-per-area', 4, null],
      ['public-institution-energy-per-capita', 5, null],
    ]);
  });

  it('reads the unit from a header such as 减排目标（吨） and the year from the annex title', () => {
    const { targets } = run([], [qianjiangAnnex2()]);
    expect(targets.map((t) => [t.indicatorId, t.value, t.unit, t.targetYear])).toEqual([
      ['nox-reduction', 659.1, '吨', 2025],
      ['voc-reduction', 103.9, '吨', 2025],
      ['cod-reduction', 245, '吨', 2025],
      ['ammonia-nitrogen-reduction', 18, '吨', 2025],
    ]);
  });
});

describe('one target, several sources', () => {
  it('黔江: the four reductions in 二、主要目标 and in annex 2 are one target each, with two sources', () => {
    const { targets } = run([clause('2-p1', [QIANJIANG_GOALS], 21)], [qianjiangAnnex2()]);
    expect(targets.map(brief)).toEqual([
      { id: 'energy-intensity', indicatorId: 'energy-intensity', value: 14.5, unit: '%' },
      { id: 'cod-reduction', indicatorId: 'cod-reduction', value: 245, unit: '吨' },
      { id: 'ammonia-nitrogen-reduction', indicatorId: 'ammonia-nitrogen-reduction', value: 18, unit: '吨' },
      { id: 'nox-reduction', indicatorId: 'nox-reduction', value: 659.1, unit: '吨' },
      { id: 'voc-reduction', indicatorId: 'voc-reduction', value: 103.9, unit: '吨' },
    ]);
    const cod = targets.find((t) => t.id === 'cod-reduction');
    expect(cod?.sources).toEqual([
      {
        clauseId: '2-p1',
        origin: 'plan',
        line: 21,
        text: expect.stringMatching(/^到2025年，全区单位地区生产总值.*103\.9吨。$/),
        // 245吨 in the paragraph; the cell of row 3 (化学需氧量) under 减排目标.
        range: { paragraph: 0, start: 94, end: 98 },
        cell: null,
      },
      {
        clauseId: 'annex-2-table-1',
        origin: 'plan',
        line: 204,
        text: '化学需氧量（吨）｜减排目标（吨）｜245',
        range: null,
        cell: { row: 3, column: 2, start: 0, end: 3 },
      },
    ]);
  });

  it('黔江: text comparators and baselines survive the merge with annex 1', () => {
    const { targets } = run(
      [
        clause('3-1-1', ['“十四五”期间，规上工业单位增加值能耗强度比2020年下降13.5%。'], 24),
        clause(
          '3-8-1',
          ['到2025年，煤炭消费占能源消费总量比重持续下降，非化石能源消费占能源消费总量比重达到23%。'],
          49,
        ),
      ],
      [qianjiangAnnex1()],
    );
    expect(
      targets.find((t) => t.id === 'industrial-energy-intensity')?.sources.map((s) => s.clauseId),
    ).toEqual(['3-1-1', 'annex-1-table-1']);
    expect(targets.find((t) => t.id === 'non-fossil-share')?.sources.map((s) => s.line)).toEqual([49, 99]);
  });

  it('keeps two equal values of one sentence apart (达州 培育3个千亿、3个五百亿…)', () => {
    const targets = targetsOf(
      '到2025年，工业规模、质量大幅提升，高能级全产业链优化升级，培育3个千亿、3个五百亿和N个百亿产业集群。',
    );
    expect(targets.map((t) => [t.id, t.value, t.unit])).toEqual([
      ['unclassified-1', 3, '个'],
      ['unclassified-2', 3, '个'],
    ]);
  });
});

describe('unclassified targets keep the plan’s wording', () => {
  it.each<[string, string, string, Target['comparator']]>([
    [
      '到2025年，农村生活污水治理率达到40%以上，行政村生活垃圾有效治理比例达到100%。',
      '行政村生活垃圾有效治理比例',
      '%',
      '=',
    ],
    [
      '到 2025 年，遴选 12 家以上国家级公共机构能效领跑者，完成国家级节约型公共机构示范单位创建任务。',
      '遴选国家级公共机构能效领跑者',
      '家',
      '>=',
    ],
    [
      '深入开展赤水河流域白酒行业污染专项治理，大力实施白酒企业“三个一批”园区化改造，推进白酒行业“四改两建设”污染整治工程，完成 600 家以上白酒企业污染治理。',
      '完成白酒企业污染治理',
      '家',
      '>=',
    ],
    ['到2025年，高速公路服务区充电设施覆盖率达到100%。', '高速公路服务区充电设施覆盖率', '%', '='],
    [
      '提高城市公交、出租、物流等交通车辆新能源化率，推广低能耗运输装备，新增和更新公交车(应急车辆除外)100%采用新能源车型。',
      '新增和更新公交车(应急车辆除外)采用新能源车型',
      '%',
      '=',
    ],
    [
      '到2025年,单位耕地面积化肥使用量下降6%左右，农村生活污水治理村庄占比达到100%。',
      '单位耕地面积化肥使用量下降',
      '%',
      '~',
    ],
    [
      '将生产和使用高挥发性有机物含量产品的企业列入强制性清洁生产审核名单。到2025年，完成1家企业挥发性有机物综合整治。',
      '完成企业挥发性有机物综合整治',
      '家',
      '=',
    ],
    [
      '到2025年，大宗固体废物综合利用率达到60%左右，其中工业固废综合利用率达到57%。',
      '工业固废综合利用率',
      '%',
      '=',
    ],
    [
      '率先淘汰老旧车，新增及更新车辆中新能源汽车比例原则上不低于30%。',
      '新增及更新车辆中新能源汽车比例',
      '%',
      '>=',
    ],
  ])('%s', (text, label, unit, comparator) => {
    expect(targetsOf(text).find((t) => t.label === label)).toMatchObject({ label, unit, comparator });
  });

  it('numbers unclassified targets in document order', () => {
    const { targets } = run([
      clause('3-3', ['“十四五”期间,新增绿色建筑面积320万平方米，新开工装配式面积247万平方米。'], 19),
      clause('3-6', ['到2025年,全区建成节约型机关64个。'], 25),
    ]);
    expect(targets.map((t) => [t.id, t.label])).toEqual([
      ['unclassified-1', '新增绿色建筑面积'],
      ['unclassified-2', '新开工装配式面积'],
      ['unclassified-3', '建成节约型机关'],
    ]);
  });
});

describe('coal’s share of energy consumption, as provinces word it', () => {
  it.each<[string, number, Target['comparator']]>([
    ['到2025年，煤炭消费比重下降到60%左右。', 60, '~'],
    ['到2025年，煤炭消费占能源消费总量比重降至55%以下。', 55, '<='],
    ['到2025年，煤炭消费量占能源消费总量的比重控制在52%以内。', 52, '<='],
    ['到2025年，煤炭占一次能源消费比重控制在50%以内。', 50, '<='],
    ['到2025年，煤炭在能源消费中的比重下降到60%。', 60, '='],
    ['到2025年，非化石能源消费比重达到20%左右，煤炭消费比重下降到60%左右。', 60, '~'],
  ])('%s', (text, value, comparator) => {
    expect(targetsOf(text).filter((t) => t.indicatorId === 'coal-consumption-share')).toEqual([
      expect.objectContaining({ value, unit: '%', comparator }),
    ]);
  });

  it.each([
    // A change in points is not the share itself: never drawn on the share's axis.
    '到2025年，全省煤炭消费比重比2020年下降5个百分点。',
    // Shares of coal washed or used cleanly measure something else.
    '到2025年，原煤入洗率达到80%，煤炭清洁利用比例达到90%。',
    '到2025年，煤炭消费总量控制在1.2亿吨以内。',
  ])('not the share: %s', (text) => {
    expect(targetsOf(text).map((t) => t.indicatorId)).not.toContain('coal-consumption-share');
  });
});

describe('pollutants’ total emissions, as 33号 and provinces word them', () => {
  const ids = (text: string) =>
    targetsOf(text)
      .filter((t) => t.unit === '%')
      .map((t) => [t.indicatorId, t.value]);

  it.each<[string, [string, number][]]>([
    [
      '到2025年，化学需氧量、氨氮、氮氧化物、挥发性有机物排放总量比2020年分别下降8%、8%、10%、10%以上。',
      [
        ['cod-total-decline', 8],
        ['ammonia-nitrogen-total-decline', 8],
        ['nox-total-decline', 10],
        ['voc-total-decline', 10],
      ],
    ],
    ['到2025年，全市氮氧化物排放总量比2020年下降12%。', [['nox-total-decline', 12]]],
    [
      '到2025年，化学需氧量和氨氮排放量分别比2020年减少9%和9.5%。',
      [
        ['cod-total-decline', 9],
        ['ammonia-nitrogen-total-decline', 9.5],
      ],
    ],
  ])('%s', (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });

  it.each([
    // Tonnes of key-project reductions stay with the tonnage indicators.
    ['到2025年，化学需氧量、氨氮重点工程减排量分别达到1.2万吨、0.1万吨。', 'cod-reduction'],
    ['到2025年，化学需氧量重点工程减排量比2020年减少3000吨。', 'cod-reduction'],
  ])('tonnes, not a share: %s', (text, id) => {
    const found = targetsOf(text);
    expect(found.map((t) => t.indicatorId)).toContain(id);
    expect(found.map((t) => t.indicatorId)).not.toContain('cod-total-decline');
  });

  it('without 排放 a pollutant’s percentage is not a total-emission decline', () => {
    expect(targetsOf('到2025年，化学需氧量浓度比2020年下降10%。').map((t) => t.indicatorId)).not.toContain(
      'cod-total-decline',
    );
  });
});

describe('numbers that are not targets are not extracted', () => {
  it.each([
    [
      'a population threshold',
      '持续推进常住人口200户或500人以上的农村集聚点、农家乐和民宿等乡村旅游集中区域的生活污水治理。',
    ],
    [
      'an enterprise size',
      '推进一般工业固体废物集中处置，鼓励年产废量1万吨以上的企业配套建设危险废物利用处置设施。',
    ],
    ['a boiler size', '燃气锅炉实施低氮改造，基本淘汰35蒸吨/小时以下燃煤锅炉。'],
    [
      'a boiler size with 及以下的',
      '原则上不再新建35蒸吨/小时及以下的燃煤锅炉，推动县级及以上城市建成区淘汰35蒸吨/小时及以下的燃煤锅炉。',
    ],
    [
      'a boiler size with 以上',
      '推进钢铁、水泥、焦化行业超低排放改造，推动 65 蒸吨/小时以上燃煤锅炉(含电力)超低排放改造。',
    ],
    [
      'a project size',
      '加强对年综合能源消费量5000吨标准煤（当量值）及以上的“两高”项目的能效监测，严格落实“两高”项目融资政策。',
    ],
    ['a project size, spaced', '对年综合能耗 1 万吨标准煤及以上的“两高”项目加强工作指导。'],
    ['a concentration', '对进水生化需氧量浓度低于100mg/L的污水厂实施“一厂一策”改造。'],
    ['a hotline', '发挥12369环保举报热线作用，畅通群众参与生态环境监督渠道。'],
    ['a date', '2023年5月4日'],
    [
      'a document number',
      '根据市政府《关于印发重庆市“十四五”节能减排综合工作实施方案的通知》（渝府发〔2022〕39号）精神，结合黔江实际，制定本方案。',
    ],
    [
      'a count of existing parks',
      '持续推进全市6个省级园区循环化改造，以市级以上各类园区为重点，推进供热、供电、废水资源化处理、中水回用等公共基础设施共建共享。',
    ],
    ['PM2.5 and 5G', '加强数据中心、5G 通信基站等新型基础设施节能管理，探索实施PM2.5、臭氧污染连片整治。'],
    ['an annex list', '附件：1.“十四五”黔江区主要行业节能指标'],
  ])('%s', (_name, text) => {
    expect(targetsOf(text)).toEqual([]);
  });
});

describe('ids', () => {
  it('the plan’s own binding target takes the bare id even when a parent column comes first', () => {
    const { targets } = run([], [qianjiangAnnex1()]);
    const perArea = targets.filter((t) => t.indicatorId === 'public-institution-energy-per-area');
    expect(perArea.map((t) => [t.id, t.jurisdiction])).toEqual([
      ['public-institution-energy-per-area-2', '重庆市'],
      ['public-institution-energy-per-area', '黔江区'],
    ]);
  });

  it('every id is unique within a plan', () => {
    const { targets } = run(
      [
        clause('2-p1', [QIANJIANG_GOALS], 21),
        clause('3-9-1', ['到2025年，全区溶剂型工业涂料、溶剂型油墨使用比例分别降低20%、15%。'], 52),
      ],
      [qianjiangAnnex1(), qianjiangAnnex2()],
    );
    expect(new Set(targets.map((t) => t.id)).size).toBe(targets.length);
  });
});

describe('where values are printed', () => {
  /** The printed text of every source's range or cell, per target id. */
  function printed(clauses: Clause[], annexes: Annex[] = []): [string, string][] {
    return run(clauses, annexes).targets.flatMap((t) =>
      t.sources.map((source): [string, string] => {
        if (source.range) {
          const c = clauses.find((x) => x.id === source.clauseId);
          const text = c?.paragraphs[source.range.paragraph] ?? '';
          return [t.id, text.slice(source.range.start, source.range.end)];
        }
        const rows = annexes
          .flatMap((a) => a.blocks)
          .find((b): b is AnnexTable => b.type === 'table' && b.id === source.clauseId)?.rows;
        const cell = source.cell;
        return [t.id, cell ? (rows?.[cell.row]?.[cell.column] ?? '').slice(cell.start, cell.end) : ''];
      }),
    );
  }

  it.each([
    ['a value and its unit', '全区单位地区生产总值能耗比2020年下降14.5%。', [['energy-intensity', '14.5%']]],
    [
      'full-width digits and a space before the unit',
      '全省单位地区生产总值能耗比 2020 年下降 １３．５ ％，力争完成更高目标。',
      [['energy-intensity', '１３．５ ％']],
    ],
    [
      'a comparator suffix stays outside',
      '农作物秸秆综合利用率稳定在90%以上。',
      [['straw-utilization', '90%']],
    ],
    [
      'a 分别 list, each value where it is',
      '化学需氧量、氨氮重点工程减排量分别达到245吨、18吨。',
      [
        ['cod-reduction', '245吨'],
        ['ammonia-nitrogen-reduction', '18吨'],
      ],
    ],
  ])('records %s', (_label, text, expected) => {
    expect(printed([clause('3-1', [text], 24)])).toEqual(expected);
  });

  it('records the paragraph a value is in', () => {
    const targets = run([clause('3-1', ['第一段没有数字。', '单位地区生产总值能耗下降14.5%。'], 24)]).targets;
    expect(targets[0]?.sources[0]?.range).toEqual({ paragraph: 1, start: 12, end: 17 });
  });

  it('records a table value as its cell, offsets into the cell as printed (line breaks and spaces kept)', () => {
    const rows = [
      ['序号', '主要污染物', '减排目标（吨）'],
      ['1', '氮氧化物\n（吨）', ' 659.1\n'],
      ['2', '化学需氧量（吨）', '[ 245 吨 ]'],
    ];
    const annexes = [annex(2, '主要污染物重点工程减排量目标', [table('annex-2-table-1', rows, 1)])];
    const targets = run([], annexes).targets;
    // A bracketed value is a change ([ ] 内为变化), so the second is kept unclassified; its cell is recorded all the same.
    expect(targets.map((t) => t.sources[0]?.cell)).toEqual([
      { row: 1, column: 2, start: 1, end: 6 },
      { row: 2, column: 2, start: 2, end: 7 },
    ]);
    expect(printed([], annexes).map(([, text]) => text)).toEqual(['659.1', '245 吨']);
  });
});

describe('environmental infrastructure, data centres, heating and coal power, as plans word them', () => {
  const found = (text: string) => targetsOf(text).map((t) => [t.indicatorId, t.value, t.unit, t.comparator]);

  it.each<[string, [string, number, string, Target['comparator']][]]>([
    // 达州-style wording and the county forms.
    ['到2025年，城市生活污水集中处理率达到98%以上。', [['urban-sewage-treatment-rate', 98, '%', '>=']]],
    ['县城污水处理率达到95%。', [['urban-sewage-treatment-rate', 95, '%', '=']]],
    ['到2025年，城市生活污水集中收集率达到70%以上。', [['urban-sewage-collection-rate', 70, '%', '>=']]],
    [
      '城市生活污水集中收集率达到72%，城市生活污水集中处理率达到97%。',
      [
        ['urban-sewage-collection-rate', 72, '%', '='],
        ['urban-sewage-treatment-rate', 97, '%', '='],
      ],
    ],
    ['到2025年，城市生活垃圾资源化利用率达到70%。', [['waste-resource-utilization', 70, '%', '=']]],
    ['城市公共供水管网漏损率控制在9%以内。', [['water-supply-leakage', 9, '%', '<=']]],
    ['到2025年，公共供水管网漏损率降至7.8%以下。', [['water-supply-leakage', 7.8, '%', '<=']]],
    ['新建大型、超大型数据中心电能利用效率（PUE）不高于1.3。', [['data-centre-pue', 1.3, '', '<=']]],
    // 黔江's wording (unclassified before the indicator existed).
    [
      '推进绿色数据中心、5G通信基站等新型基础设施绿色升级，大型和超大型数据中心电能利用效率（PUE）控制在1.25以内，高耗能低效数据中心逐步退出。',
      [['data-centre-pue', 1.25, '', '<=']],
    ],
    ['到2025年，全市清洁取暖率达到90%以上。', [['clean-heating-rate', 90, '%', '>=']]],
    [
      '到2025年，燃煤发电机组平均供电煤耗力争降至300克标准煤/千瓦时以下。',
      [['coal-power-supply-coal', 300, '克标准煤/千瓦时', '<=']],
    ],
    // Traditional characters (a Hong Kong or Taiwan mirror) fold to the same indicator.
    ['到2025年，城市生活污水集中收集率達到70%以上。', [['urban-sewage-collection-rate', 70, '%', '>=']]],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    // Rural sewage is its own indicator, never the town's.
    ['到2025年，农村生活污水治理率达到40%。', 'rural-sewage-treatment'],
    // PUE needs a data centre in the sentence; an efficiency of something else is not one.
    ['到2025年，电机系统电能利用效率提高5%。', 'unclassified'],
    // A recycling rate is not a resource-utilisation rate.
    ['到2025年，城市生活垃圾回收利用率达到35%。', 'unclassified'],
  ])('not the new indicators: %s', (text, id) => {
    expect(targetsOf(text).map((t) => t.indicatorId)).toEqual([id]);
  });

  it('a fall of the supply coal consumption in grams is not a level of it', () => {
    const ids = targetsOf('到2025年，煤电机组平均供电煤耗比2020年下降5克标准煤/千瓦时。').map(
      (t) => t.indicatorId,
    );
    expect(ids).not.toContain('coal-power-supply-coal');
  });
});
