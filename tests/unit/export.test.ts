import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  clausesCsv,
  clausesCsvParts,
  clausesTable,
  departmentsCsv,
  departmentsCsvParts,
  departmentsTable,
  indicatorsCsv,
  indicatorsTable,
  planJson,
  planJsonSchema,
  plansIndexJson,
  plansIndexSchema,
  type CsvLanguage,
  type UrlContext,
} from '../../src/lib/export';
import {
  Plan,
  PlanIndexEntry,
  PlansIndexFile,
  PlanSummary,
  PublishedPlan,
  type Clause,
  type Department,
  type DepartmentMention,
  type Responsibility,
} from '../../src/lib/model/plan';
import { layoutHeader } from '../../src/lib/structure/table-header';
import { lineageOf, type VerdictContext } from '../../src/lib/lineage';

/** Comparisons left out (src/lib/lineage/ has its own tests, and a test of the columns below). */
const noComparisons: VerdictContext = { lineage: lineageOf([]), indicator: () => undefined };

/** A seed line (1-based), byte for byte. */
function seedLine(file: string, line: number): string {
  const text = readFileSync(new URL(`../../seeds/${file}`, import.meta.url), 'utf8').split('\n')[line - 1];
  if (text === undefined) throw new Error(`${file} has no line ${line}`);
  return text;
}
const QJ = '000_5b537b9a7be6a6a5.txt';
const ANNEX_ROWS = [
  ['指标名称', '目标值'],
  ['规上工业单位增加值能耗强度下降率', '[13.5％]'],
];
const DZ = '001_fe432f922416074d.txt';
const LW = '003_a39c52263945813a.txt';

/** Clause text after its number marker, as the parser keeps it. */
const afterMarker = (line: string, marker: string): string => {
  expect(line.startsWith(marker)).toBe(true);
  return line.slice(marker.length);
};

const qjGoals = seedLine(QJ, 21);
const qj311 = afterMarker(seedLine(QJ, 24), '1．');
const qj351 = afterMarker(seedLine(QJ, 38), '1．');
const qj352 = afterMarker(seedLine(QJ, 39), '2．');
const dzGoals = seedLine(DZ, 9);
const lw31 = afterMarker(seedLine(LW, 15), '(一)');

/**
 * The closing note of a clause's only paragraph (the seed text from the last `open`), with its ranges as the
 * recogniser records them: each department found after the previous one.
 */
function responsibility(
  paragraph: string,
  open: string,
  departments: Omit<DepartmentMention, 'range'>[],
  implementers: string[] = [],
): Responsibility {
  const start = paragraph.lastIndexOf(open);
  let cursor = start;
  return {
    text: paragraph.slice(start),
    range: { paragraph: 0, start, end: paragraph.length },
    departments: departments.map((d) => {
      const at = paragraph.indexOf(d.name, cursor);
      cursor = at + d.name.length;
      return { ...d, range: { paragraph: 0, start: at, end: cursor } };
    }),
    implementers,
    implementersInherited: false,
  };
}

function clause(fields: Partial<Clause> & Pick<Clause, 'id' | 'line' | 'position'>): Clause {
  return {
    endLine: fields.line,
    kind: 'item',
    parentId: null,
    depth: 3,
    number: null,
    citation: '',
    heading: null,
    paragraphs: [],
    responsibility: null,
    part: 'projects',
    ...fields,
  };
}

const dept = (id: string, name: string, category: string, aliases: string[] = []): Department => ({
  id,
  name,
  aliases,
  category,
});

const qianjiang: Plan = {
  id: 'qianjiang-qu',
  title: '黔江区“十四五”节能减排综合工作实施方案',
  region: '黔江区',
  province: '重庆市',
  level: 'county',
  issuer: '重庆市黔江区人民政府',
  issued: '2023-05-04',
  status: 'final',
  parent: null,
  parentSource: null,
  versions: [],
  unrecognised: [],
  regionPath: [],
  regionSource: 'title',
  source: QJ,
  documentNumber: null,
  sourceUrl: null,
  retrieved: null,
  cites: [{ title: '关于印发重庆市“十四五”节能减排综合工作实施方案的通知', number: null }],
  front: [{ kind: 'title', text: '黔江区“十四五”节能减排综合工作实施方案', line: 15, endLine: 15 }],
  clauses: [
    clause({
      id: '2',
      line: 20,
      position: 0,
      kind: 'chapter',
      depth: 1,
      number: '二、',
      citation: '二',
      heading: '主要目标',
      paragraphs: ['主要目标'],
      part: 'goals',
    }),
    clause({
      id: '2-p1',
      line: 21,
      position: 1,
      kind: 'paragraph',
      parentId: '2',
      depth: 2,
      citation: '二',
      paragraphs: [qjGoals],
      part: 'goals',
    }),
    clause({
      id: '3-1-1',
      line: 24,
      position: 2,
      parentId: '3-1',
      number: '1．',
      citation: '三（一）1',
      heading: '着力提升重点行业能效水平',
      paragraphs: [qj311],
      responsibility: responsibility(qj311, '〔', [
        {
          name: '区发展改革委',
          departmentId: 'fazhan-gaige-wei',
          role: 'responsible',
          roleWording: '按职责分工负责',
        },
        {
          name: '区经济信息委（区大数据发展局）',
          departmentId: 'jingji-xinxi-wei',
          role: 'responsible',
          roleWording: '按职责分工负责',
        },
        {
          name: '区市场监管局',
          departmentId: 'shichang-jianguan-ju',
          role: 'responsible',
          roleWording: '按职责分工负责',
        },
        {
          name: '正阳工业园区管委会',
          departmentId: 'zhengyang-yuanqu',
          role: 'responsible',
          roleWording: '按职责分工负责',
        },
      ]),
    }),
    clause({
      id: '3-5-1',
      line: 38,
      position: 3,
      parentId: '3-5',
      number: '1．',
      citation: '三（五）1',
      heading: '加快推进农业农村节能',
      paragraphs: [qj351],
      responsibility: responsibility(qj351, '（', [
        { name: '区农业农村委', departmentId: 'nongye-nongcun-wei', role: 'lead', roleWording: '牵头' },
        {
          name: '区发展改革委',
          departmentId: 'fazhan-gaige-wei',
          role: 'supporting',
          roleWording: '按职责分工负责',
        },
      ]),
    }),
    clause({
      id: '3-5-2',
      line: 39,
      position: 4,
      parentId: '3-5',
      number: '2．',
      citation: '三（五）2',
      heading: '强化农业面源污染防治',
      paragraphs: [qj352],
      responsibility: responsibility(qj352, '（区农业', [
        { name: '区农业农村委', departmentId: 'nongye-nongcun-wei', role: 'lead', roleWording: '牵头' },
        {
          name: '区生态环境局',
          departmentId: 'shengtai-huanjing-ju',
          role: 'supporting',
          roleWording: '按职责分工负责',
        },
        {
          name: '区乡村振兴局',
          departmentId: 'xiangcun-zhenxing-ju',
          role: 'supporting',
          roleWording: '按职责分工负责',
        },
        {
          name: '区供销合作社',
          departmentId: 'gongxiao-hezuoshe',
          role: 'supporting',
          roleWording: '按职责分工负责',
        },
      ]),
    }),
  ],
  annexes: [
    {
      id: 'annex-1',
      label: '附件1',
      title: '“十四五”黔江区主要行业节能指标',
      line: 95,
      endLine: 140,
      blocks: [
        {
          type: 'table',
          id: 'annex-1-table-1',
          headerRows: 1,
          departments: [],
          header: layoutHeader(ANNEX_ROWS, 1),
          rows: ANNEX_ROWS,
          line: 100,
          endLine: 140,
        },
      ],
    },
  ],
  departments: [
    dept('fazhan-gaige-wei', '区发展改革委', 'development-reform', ['区发改委']),
    dept('jingji-xinxi-wei', '区经济信息委（区大数据发展局）', 'industry-it'),
    dept('shichang-jianguan-ju', '区市场监管局', 'market-regulation', [
      '区市场监督管理局',
      '区市场监管局（区知识产权局）',
    ]),
    dept('zhengyang-yuanqu', '正阳工业园区管委会', 'industrial-park'),
    dept('nongye-nongcun-wei', '区农业农村委', 'agriculture-rural'),
    dept('shengtai-huanjing-ju', '区生态环境局', 'ecology-environment'),
    dept('xiangcun-zhenxing-ju', '区乡村振兴局', 'agriculture-rural'),
    dept('gongxiao-hezuoshe', '区供销合作社', 'other'),
  ],
  outcomes: [],
  targets: [
    {
      id: 'energy-intensity',
      indicatorId: 'energy-intensity',
      label: '单位地区生产总值能源消耗降低',
      value: 14.5,
      unit: '%',
      originalValue: 14.5,
      originalUnit: '%',
      comparator: '=',
      ambition: 'binding',
      baselineYear: 2020,
      targetYear: 2025,
      scope: null,
      jurisdiction: '黔江区',
      wording: null,
      sources: [
        {
          clauseId: '2-p1',
          origin: 'plan',
          text: '全区单位地区生产总值能源消耗比2020年下降14.5%',
          line: 21,
          range: null,
          cell: null,
        },
      ],
    },
    {
      id: 'industrial-energy-intensity',
      indicatorId: 'industrial-energy-intensity',
      label: '规上工业单位增加值能耗降低',
      value: 13.5,
      unit: '%',
      originalValue: 13.5,
      originalUnit: '%',
      comparator: '=',
      ambition: 'binding',
      baselineYear: 2020,
      targetYear: 2025,
      scope: '规上工业',
      jurisdiction: '黔江区',
      wording: null,
      sources: [
        {
          clauseId: '3-1-1',
          origin: 'plan',
          text: '规上工业单位增加值能耗强度比2020年下降13.5%',
          line: 24,
          range: null,
          cell: null,
        },
        { clauseId: 'annex-1-table-1', origin: 'plan', text: '[13.5％]', line: 138, range: null, cell: null },
      ],
    },
    {
      id: 'straw-utilization',
      indicatorId: 'straw-utilization',
      label: '农作物秸秆综合利用率',
      value: 90,
      unit: '%',
      originalValue: 90,
      originalUnit: '%',
      comparator: '>=',
      ambition: 'binding',
      baselineYear: null,
      targetYear: 2025,
      scope: null,
      jurisdiction: '黔江区',
      wording: null,
      sources: [
        {
          clauseId: '3-5-2',
          origin: 'plan',
          text: '农作物秸秆综合利用率稳定在90%以上',
          line: 39,
          range: null,
          cell: null,
        },
      ],
    },
  ],
};

const dazhou: Plan = {
  id: 'dazhou-shi',
  title: '达州市“十四五”节能减排综合工作实施方案',
  region: '达州市',
  province: '四川省',
  level: 'city',
  issuer: null,
  issued: null,
  status: 'draft',
  parent: null,
  parentSource: null,
  versions: [],
  unrecognised: [],
  regionPath: [],
  regionSource: 'title',
  source: DZ,
  documentNumber: null,
  sourceUrl: null,
  retrieved: null,
  cites: [
    {
      title: '四川省人民政府关于印发〈四川省“十四五”节能减排综合工作方案〉的通知',
      number: '川府发〔2022〕20号',
    },
  ],
  front: [
    { kind: 'label', text: '附件', line: 1, endLine: 1 },
    { kind: 'title', text: '达州市“十四五”节能减排综合工作实施方案', line: 2, endLine: 2 },
    { kind: 'subtitle', text: '（征求意见稿）', line: 3, endLine: 3 },
  ],
  clauses: [
    clause({
      id: '2',
      line: 8,
      position: 0,
      kind: 'chapter',
      depth: 1,
      number: '二、',
      citation: '二',
      heading: '主要目标',
      paragraphs: ['主要目标'],
      part: 'goals',
    }),
    clause({
      id: '2-p1',
      line: 9,
      position: 1,
      kind: 'paragraph',
      parentId: '2',
      depth: 2,
      citation: '二',
      paragraphs: [dzGoals],
      part: 'goals',
    }),
  ],
  annexes: [],
  departments: [],
  outcomes: [],
  targets: [
    {
      id: 'cod-reduction',
      indicatorId: 'cod-reduction',
      label: '化学需氧量重点工程减排量',
      // Computed the way a parser converts 万吨 to 吨: 1.017 × 10000 is 10169.999999999998 in binary floating point.
      value: 1.017 * 10000,
      unit: '吨',
      originalValue: 1.017,
      originalUnit: '万吨',
      comparator: '=',
      ambition: 'binding',
      baselineYear: null,
      targetYear: 2025,
      scope: null,
      jurisdiction: '达州市',
      wording: null,
      sources: [
        {
          clauseId: '2-p1',
          origin: 'plan',
          text: '化学需氧量、氨氮、氮氧化物、挥发性有机物等主要污染物重点工程减排量分别完成1.017万吨',
          line: 9,
          range: null,
          cell: null,
        },
      ],
    },
  ],
};

const laiwu: Plan = {
  id: 'laiwu-qu',
  title: '莱芜区“十四五”节能减排工作实施方案',
  region: '莱芜区',
  province: '山东省',
  level: 'county',
  issuer: null,
  issued: null,
  status: 'final',
  parent: null,
  parentSource: null,
  versions: [],
  unrecognised: [],
  regionPath: [],
  regionSource: 'title',
  source: LW,
  documentNumber: null,
  sourceUrl: null,
  retrieved: null,
  cites: [{ title: '济南市“十四五”节能减排工作实施方案', number: null }],
  front: [{ kind: 'title', text: '莱芜区“十四五”节能减排工作实施方案', line: 1, endLine: 1 }],
  clauses: [
    clause({
      id: '3-1',
      line: 15,
      position: 0,
      kind: 'section',
      parentId: '3',
      depth: 2,
      number: '(一)',
      citation: '三(一)',
      heading: '强化重点行业节能减排',
      paragraphs: [lw31],
      responsibility: responsibility(
        lw31,
        '(区发展',
        [
          { name: '区发展改革局', departmentId: 'fazhan-gaige-ju', role: 'lead', roleWording: '牵头' },
          { name: '区工业和信息化局', departmentId: 'gongye-xinxihua-ju', role: 'lead', roleWording: '牵头' },
          {
            name: '市生态环境局莱芜分局',
            departmentId: 'shengtai-huanjing-fenju',
            role: 'lead',
            roleWording: '牵头',
          },
          {
            name: '区城管局',
            departmentId: 'chengguan-ju',
            role: 'supporting',
            roleWording: '按职责分工负责',
          },
          { name: '区水务局', departmentId: 'shuiwu-ju', role: 'supporting', roleWording: '按职责分工负责' },
        ],
        ['各街道（镇）办事处（人民政府）'],
      ),
    }),
  ],
  annexes: [],
  departments: [
    dept('fazhan-gaige-ju', '区发展改革局', 'development-reform'),
    dept('gongye-xinxihua-ju', '区工业和信息化局', 'industry-it'),
    dept('shengtai-huanjing-fenju', '市生态环境局莱芜分局', 'ecology-environment'),
    dept('chengguan-ju', '区城管局', 'urban-management', ['区城市管理局']),
    dept('shuiwu-ju', '区水务局', 'water'),
  ],
  outcomes: [],
  targets: [
    {
      id: 'unclassified',
      indicatorId: 'unclassified',
      label: '省级及以上绿色工厂',
      value: 5,
      unit: '家',
      originalValue: 5,
      originalUnit: '家',
      comparator: '=',
      ambition: 'binding',
      baselineYear: null,
      targetYear: 2025,
      scope: null,
      jurisdiction: '莱芜区',
      wording: null,
      sources: [
        {
          clauseId: '3-1',
          origin: 'plan',
          text: '到2025年,创建省级及以上绿色工厂5家',
          line: 15,
          range: null,
          cell: null,
        },
      ],
    },
  ],
};

const plans = [qianjiang, dazhou, laiwu];
const atlas: UrlContext = { base: '/atlas/' };
const site: UrlContext = { site: 'https://example.org', base: '/atlas/' };

const INDICATOR_NAMES: Record<string, string> = {
  'energy-intensity': '单位地区生产总值能源消耗',
  'industrial-energy-intensity': '规模以上工业单位增加值能耗',
  'cod-reduction': '化学需氧量重点工程减排量',
  unclassified: '未分类',
};
const indicatorNames = (id: string): string | undefined => INDICATOR_NAMES[id];
const CATEGORY_NAMES: Record<string, string> = {
  'development-reform': '发展改革',
  'agriculture-rural': '农业农村',
};
const categoryNames = (id: string): string | undefined => CATEGORY_NAMES[id];

const BOM = '\ufeff';
/** Data rows of a CSV (header excluded), split on the CRLF record delimiter only. */
const records = (csv: string): string[] => csv.split('\r\n').slice(1, -1);

describe('fixture', () => {
  it('is a valid plan model built from real seed lines', () => {
    expect(() => plans.map((plan) => Plan.parse(plan))).not.toThrow();
    expect(qj311).toContain('〔区发展改革委、区经济信息委（区大数据发展局）');
    expect(dazhou.targets[0]?.value).toBe(10169.999999999998);
  });
});

describe('CSV format', () => {
  it.each([
    ['clauses.csv', clausesCsv(plans, atlas)],
    ['indicators.csv', indicatorsCsv(plans, atlas, indicatorNames, noComparisons)],
    ['departments.csv', departmentsCsv(plans, atlas, categoryNames)],
  ])('%s is UTF-8 with BOM and CRLF records', (_name, csv) => {
    expect([...new TextEncoder().encode(csv).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.startsWith(`${BOM}plan_id,`)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    // Every LF not inside a quoted cell belongs to a CRLF.
    const unquoted = csv.replace(/"(?:[^"]|"")*"/g, '');
    expect(unquoted).not.toMatch(/[^\r]\n/);
  });

  it.each([
    [
      'clauses.csv',
      clausesCsv([], atlas),
      'plan_id,plan_title,region,status,clause_id,number,heading,text,responsibility_text,lead_departments,responsible_departments,supporting_departments,department_roles,url',
    ],
    [
      'indicators.csv',
      indicatorsCsv([], atlas, indicatorNames, noComparisons),
      'plan_id,plan_title,region,status,indicator_id,indicator_name,value,unit,original_value,original_unit,comparator,ambition,baseline_year,target_year,scope,jurisdiction,wording,source_origin,clause_id,source_text,url,vs_national,vs_national_value,vs_national_source,vs_national_note,vs_parent,vs_parent_value,vs_parent_source,vs_parent_note',
    ],
    [
      'departments.csv',
      departmentsCsv([], atlas),
      'plan_id,plan_title,region,status,department_id,name,aliases,category,lead_count,responsible_count,supporting_count,url',
    ],
  ])('%s has exactly the published header, even with no plans', (_name, csv, header) => {
    expect(csv).toBe(`${BOM}${header}\r\n`);
  });
});

describe('CSV downloads written plan by plan', () => {
  it.each(['en', 'zh'] as const)('are the same files, byte for byte (%s)', (language) => {
    const urls = { base: '/' };
    const clauseParts = [...clausesCsvParts(plans, urls, language)];
    // The BOM and header row, then one part per plan with clauses.
    expect(clauseParts[0]?.split('\r\n')).toHaveLength(2);
    expect(clauseParts).toHaveLength(1 + plans.filter((p) => p.clauses.length > 0).length);
    expect(clauseParts.join('')).toBe(clausesCsv(plans, urls, language));
    expect(clausesCsv(plans, urls, language).startsWith(clausesCsv(plans.slice(0, 1), urls, language))).toBe(
      true,
    );
    const names = (id: string) => id.toUpperCase();
    expect([...departmentsCsvParts(plans, urls, names, language)].join('')).toBe(
      departmentsCsv(plans, urls, names, language),
    );
  });
});

describe('clauses.csv', () => {
  const rows = records(clausesCsv(plans, atlas));

  it('has one row per clause, in plan and reading order', () => {
    expect(rows.map((r) => [r.split(',')[0], r.split(',')[4]].join(','))).toEqual([
      'qianjiang-qu,2',
      'qianjiang-qu,2-p1',
      'qianjiang-qu,3-1-1',
      'qianjiang-qu,3-5-1',
      'qianjiang-qu,3-5-2',
      'dazhou-shi,2',
      'dazhou-shi,2-p1',
      'laiwu-qu,3-1',
    ]);
  });

  it.each([
    [
      'a chapter without a note',
      0,
      'qianjiang-qu,黔江区“十四五”节能减排综合工作实施方案,黔江区,final,2,二、,主要目标,主要目标,,,,,,/atlas/plans/qianjiang-qu/#2',
    ],
    [
      'responsible departments, nested brackets kept',
      2,
      `qianjiang-qu,黔江区“十四五”节能减排综合工作实施方案,黔江区,final,3-1-1,1．,着力提升重点行业能效水平,${qj311},〔区发展改革委、区经济信息委（区大数据发展局）、区市场监管局、正阳工业园区管委会等按职责分工负责〕,,区发展改革委;区经济信息委（区大数据发展局）;区市场监管局;正阳工业园区管委会,,区发展改革委（按职责分工负责）;区经济信息委（区大数据发展局）（按职责分工负责）;区市场监管局（按职责分工负责）;正阳工业园区管委会（按职责分工负责）,/atlas/plans/qianjiang-qu/#3-1-1`,
    ],
    [
      'a lead with supporting departments',
      4,
      `qianjiang-qu,黔江区“十四五”节能减排综合工作实施方案,黔江区,final,3-5-2,2．,强化农业面源污染防治,${qj352},（区农业农村委牵头，区生态环境局、区乡村振兴局、区供销合作社等按职责分工负责）,区农业农村委,,区生态环境局;区乡村振兴局;区供销合作社,区农业农村委（牵头）;区生态环境局（按职责分工负责）;区乡村振兴局（按职责分工负责）;区供销合作社（按职责分工负责）,/atlas/plans/qianjiang-qu/#3-5-2`,
    ],
    [
      'half-width commas are quoted',
      7,
      `laiwu-qu,莱芜区“十四五”节能减排工作实施方案,莱芜区,final,3-1,(一),强化重点行业节能减排,"${lw31}","(区发展改革局、区工业和信息化局、市生态环境局莱芜分局牵头,区城管局、区水务局等按职责分工负责, 各街道（镇）办事处（人民政府）负责落实，以下均需各街道（镇）办事处（人民政府）落实，不再逐一列出)",区发展改革局;区工业和信息化局;市生态环境局莱芜分局,,区城管局;区水务局,区发展改革局（牵头）;区工业和信息化局（牵头）;市生态环境局莱芜分局（牵头）;区城管局（按职责分工负责）;区水务局（按职责分工负责）,/atlas/plans/laiwu-qu/#3-1`,
    ],
  ])('%s', (_name, index, expected) => {
    expect(rows[index]).toBe(expected);
  });

  it('writes absolute permalinks when the site is known', () => {
    expect(records(clausesCsv([dazhou], site))[1]).toBe(
      `dazhou-shi,达州市“十四五”节能减排综合工作实施方案,达州市,draft,2-p1,,,${dzGoals},,,,,,https://example.org/atlas/plans/dazhou-shi/#2-p1`,
    );
    expect(records(clausesCsv([dazhou], { base: '/' }))[0]).toBe(
      'dazhou-shi,达州市“十四五”节能减排综合工作实施方案,达州市,draft,2,二、,主要目标,主要目标,,,,,,/plans/dazhou-shi/#2',
    );
  });

  it('joins paragraphs with a newline and escapes quotes (RFC 4180)', () => {
    const twoParagraphs = structuredClone(dazhou);
    const goals = twoParagraphs.clauses[1];
    if (!goals) throw new Error('fixture');
    goals.heading = '所谓"双碳", 即碳达峰';
    goals.paragraphs = ['第一段，含“中文引号”', '第二段'];
    expect(records(clausesCsv([twoParagraphs], atlas))[1]).toBe(
      'dazhou-shi,达州市“十四五”节能减排综合工作实施方案,达州市,draft,2-p1,,"所谓""双碳"", 即碳达峰","第一段，含“中文引号”\n第二段",,,,,,/atlas/plans/dazhou-shi/#2-p1',
    );
  });
});

describe('indicators.csv', () => {
  const rows = records(indicatorsCsv(plans, site, indicatorNames, noComparisons));

  it('has one row per target (not per source)', () => {
    expect(rows).toHaveLength(5);
  });

  it.each([
    [
      'a single source',
      0,
      "qianjiang-qu,黔江区“十四五”节能减排综合工作实施方案,黔江区,final,energy-intensity,单位地区生产总值能源消耗,14.5,%,14.5,%,'=,binding,2020,2025,,黔江区,,plan,2-p1,全区单位地区生产总值能源消耗比2020年下降14.5%,https://example.org/atlas/plans/qianjiang-qu/#2-p1,,,,,,,,",
    ],
    [
      'text and annex table: both sources, in order',
      1,
      'qianjiang-qu,黔江区“十四五”节能减排综合工作实施方案,黔江区,final,industrial-energy-intensity,规模以上工业单位增加值能耗,13.5,%,13.5,%,\'=,binding,2020,2025,规上工业,黔江区,,plan;plan,3-1-1;annex-1-table-1,"规上工业单位增加值能耗强度比2020年下降13.5%\n[13.5％]",https://example.org/atlas/plans/qianjiang-qu/#3-1-1;https://example.org/atlas/plans/qianjiang-qu/#annex-1-table-1,,,,,,,,',
    ],
    [
      'no catalogue name: the label; null baseline is empty',
      2,
      'qianjiang-qu,黔江区“十四五”节能减排综合工作实施方案,黔江区,final,straw-utilization,农作物秸秆综合利用率,90,%,90,%,>=,binding,,2025,,黔江区,,plan,3-5-2,农作物秸秆综合利用率稳定在90%以上,https://example.org/atlas/plans/qianjiang-qu/#3-5-2,,,,,,,,',
    ],
    [
      '1.017万吨 prints as 10170 吨, without float noise',
      3,
      "dazhou-shi,达州市“十四五”节能减排综合工作实施方案,达州市,draft,cod-reduction,化学需氧量重点工程减排量,10170,吨,1.017,万吨,'=,binding,,2025,,达州市,,plan,2-p1,化学需氧量、氨氮、氮氧化物、挥发性有机物等主要污染物重点工程减排量分别完成1.017万吨,https://example.org/atlas/plans/dazhou-shi/#2-p1,,,,,,,,",
    ],
    [
      'unclassified: the plan’s own wording, not the catalogue’s “unclassified”',
      4,
      'laiwu-qu,莱芜区“十四五”节能减排工作实施方案,莱芜区,final,unclassified,省级及以上绿色工厂,5,家,5,家,\'=,binding,,2025,,莱芜区,,plan,3-1,"到2025年,创建省级及以上绿色工厂5家",https://example.org/atlas/plans/laiwu-qu/#3-1,,,,,,,,',
    ],
  ])('%s', (_name, index, expected) => {
    expect(rows[index]).toBe(expected);
  });

  it('guards text cells against formula injection but keeps negative numbers numeric', () => {
    const hostile = structuredClone(qianjiang);
    const target = hostile.targets[0];
    if (!target) throw new Error('fixture');
    Object.assign(target, {
      value: -14.5,
      originalValue: -0.145,
      scope: '=HYPERLINK("http://x","y")',
      label: '-1+1',
    });
    target.indicatorId = 'unclassified';
    target.sources = [
      { clauseId: '2-p1', origin: 'plan', text: '@SUM(1)', line: 21, range: null, cell: null },
      { clauseId: '2', origin: 'plan', text: '+86', line: 20, range: null, cell: null },
    ];
    expect(records(indicatorsCsv([hostile], atlas, indicatorNames, noComparisons))[0]).toBe(
      'qianjiang-qu,黔江区“十四五”节能减排综合工作实施方案,黔江区,final,unclassified,\'-1+1,-14.5,%,-0.145,%,\'=,binding,2020,2025,"\'=HYPERLINK(""http://x"",""y"")",黔江区,,plan;plan,2-p1;2,"\'@SUM(1)\n+86",/atlas/plans/qianjiang-qu/#2-p1;/atlas/plans/qianjiang-qu/#2,,,,,,,,',
    );
  });
  it('defuses every element of a ;-joined list, not only the start of the cell', () => {
    const hostile = structuredClone(qianjiang);
    const clause = hostile.clauses[3];
    const mentions = clause?.responsibility?.departments;
    if (!clause || !mentions) throw new Error('fixture');
    mentions.splice(
      0,
      mentions.length,
      {
        name: '=HYPERLINK("http://x","y")局',
        departmentId: 'jiao-tong-ju',
        role: 'lead',
        roleWording: null,
        range: { paragraph: 0, start: 0, end: 1 },
      },
      {
        name: '+cmd局',
        departmentId: 'shang-wu-wei',
        role: 'lead',
        roleWording: null,
        range: { paragraph: 0, start: 0, end: 1 },
      },
      {
        name: '区商务委',
        departmentId: 'shang-wu-wei',
        role: 'lead',
        roleWording: null,
        range: { paragraph: 0, start: 0, end: 1 },
      },
      {
        name: '-1局',
        departmentId: 'gong-an-ju',
        role: 'lead',
        roleWording: null,
        range: { paragraph: 0, start: 0, end: 1 },
      },
      {
        name: '@SUM(1)局',
        departmentId: 'guo-zi-wei',
        role: 'lead',
        roleWording: null,
        range: { paragraph: 0, start: 0, end: 1 },
      },
    );
    const row = records(clausesCsv([hostile], atlas)).find((r) => r.split(',')[4] === clause.id);
    expect(row).toContain(`"'=HYPERLINK(""http://x"",""y"")局;'+cmd局;区商务委;'-1局;'@SUM(1)局"`);
  });
});

describe('departments.csv', () => {
  const rows = records(departmentsCsv(plans, atlas, categoryNames));

  it.each([
    [
      'counts clauses per role; alias joined',
      0,
      'qianjiang-qu,黔江区“十四五”节能减排综合工作实施方案,黔江区,final,fazhan-gaige-wei,区发展改革委,区发改委,发展改革,0,1,1,/atlas/departments/qianjiang-qu/#fazhan-gaige-wei',
    ],
    [
      'several aliases joined with ;; unknown category name falls back to the id',
      2,
      'qianjiang-qu,黔江区“十四五”节能减排综合工作实施方案,黔江区,final,shichang-jianguan-ju,区市场监管局,区市场监督管理局;区市场监管局（区知识产权局）,market-regulation,0,1,0,/atlas/departments/qianjiang-qu/#shichang-jianguan-ju',
    ],
    [
      'a lead in two clauses',
      4,
      'qianjiang-qu,黔江区“十四五”节能减排综合工作实施方案,黔江区,final,nongye-nongcun-wei,区农业农村委,,农业农村,2,0,0,/atlas/departments/qianjiang-qu/#nongye-nongcun-wei',
    ],
    [
      'another plan',
      8,
      'laiwu-qu,莱芜区“十四五”节能减排工作实施方案,莱芜区,final,fazhan-gaige-ju,区发展改革局,,发展改革,1,0,0,/atlas/departments/laiwu-qu/#fazhan-gaige-ju',
    ],
  ])('%s', (_name, index, expected) => {
    expect(rows[index]).toBe(expected);
  });

  it('has one row per department entity', () => {
    expect(rows).toHaveLength(qianjiang.departments.length + laiwu.departments.length);
  });

  it('prints category ids without a name lookup, and absolute URLs with a site', () => {
    expect(records(departmentsCsv([laiwu], site))[3]).toBe(
      'laiwu-qu,莱芜区“十四五”节能减排工作实施方案,莱芜区,final,chengguan-ju,区城管局,区城市管理局,urban-management,0,0,1,https://example.org/atlas/departments/laiwu-qu/#chengguan-ju',
    );
  });

  it('counts a clause once even when its note names a department twice in one role', () => {
    const repeated = structuredClone(qianjiang);
    const mentions = repeated.clauses[3]?.responsibility?.departments;
    if (!mentions) throw new Error('fixture');
    mentions.push({
      name: '区农业农村委',
      departmentId: 'nongye-nongcun-wei',
      role: 'lead',
      roleWording: '牵头',
      range: { paragraph: 0, start: 0, end: 6 },
    });
    expect(records(departmentsCsv([repeated], atlas))[4]).toBe(
      'qianjiang-qu,黔江区“十四五”节能减排综合工作实施方案,黔江区,final,nongye-nongcun-wei,区农业农村委,,agriculture-rural,2,0,0,/atlas/departments/qianjiang-qu/#nongye-nongcun-wei',
    );
  });
});

describe('a plan’s own file, /data/plans/<id>.json', () => {
  const parse = (json: string) => PublishedPlan.parse(JSON.parse(json));

  it('is one pretty-printed plan, its id first', () => {
    const json = planJson(qianjiang, noComparisons);
    expect(json.startsWith('{\n  "id": "qianjiang-qu",\n  "title": ')).toBe(true);
    expect(json.endsWith('\n}\n')).toBe(true);
  });

  it.each(plans.map((plan) => [plan.id, plan] as const))(
    '%s round-trips through its file against the published schema, float noise rounded away',
    (_, plan) => {
      const json = planJson(plan, noComparisons);
      const parsed = parse(json);
      const expected = structuredClone(plan);
      // 1.017万吨 × 10000 = 10169.999999999998 吨 in the fixture; the file says 10170.
      for (const target of expected.targets) if (target.value === 10169.999999999998) target.value = 10170;
      const none = { kind: 'none' } as const;
      expect(parsed).toEqual({
        ...expected,
        url: `/plans/${plan.id}/`,
        comparisons: plan.targets.map((t) => ({ target: t.id, national: none, parent: none })),
      });
      // What a reader parses back writes the same file again.
      expect(planJson(parsed, noComparisons)).toBe(json);
    },
  );

  it('the fixture does carry float noise, so the rounding above is exercised', () => {
    expect(dazhou.targets.some((t) => t.value === 10169.999999999998)).toBe(true);
    expect(planJson(dazhou, noComparisons)).toContain('"value": 10170,');
  });

  it('adds the plan page’s URL under the deployment base at export (the model holds none)', () => {
    expect(parse(planJson(laiwu, noComparisons, atlas)).url).toBe('/atlas/plans/laiwu-qu/');
    expect(plans.every((plan) => !('url' in plan))).toBe(true);
  });

  it('keeps the schema’s key order whatever order the properties were set in', () => {
    const shuffled = Object.fromEntries(Object.entries(qianjiang).reverse()) as Plan;
    expect(Object.keys(shuffled)[0]).not.toBe('id');
    expect(planJson(shuffled, noComparisons)).toBe(planJson(qianjiang, noComparisons));
  });

  it('refuses an invalid plan instead of publishing it', () => {
    expect(() => planJson({ ...dazhou, id: 'Dazhou Shi' }, noComparisons)).toThrow(/id/);
  });
});

describe('plans.json, the index of every plan', () => {
  const json = plansIndexJson(plans, atlas);
  const index = PlansIndexFile.parse(JSON.parse(json)).plans;

  it('lists every plan in the order given, one line each', () => {
    expect(index.map((entry) => entry.id)).toEqual(plans.map((plan) => plan.id));
    const lines = json.split('\n');
    expect(lines[0]).toBe('{"plans":[');
    expect(
      lines.slice(1, -2).map((line) => (JSON.parse(line.replace(/,$/, '')) as { id: string }).id),
    ).toEqual(plans.map((plan) => plan.id));
    expect(lines.at(-2)).toBe(']}');
    expect(json.endsWith('\n')).toBe(true);
  });

  it('is an empty list for no plan', () => {
    expect(PlansIndexFile.parse(JSON.parse(plansIndexJson([], atlas)))).toEqual({ plans: [] });
  });

  it('gives each plan’s head as the model has it, its page, its file and its counts', () => {
    for (const [i, plan] of plans.entries()) {
      const { url, data, counts, ...head } = index[i] as PlanIndexEntry;
      expect(head).toEqual(
        Object.fromEntries(Object.keys(head).map((key) => [key, plan[key as keyof Plan]])),
      );
      expect(head.status).toBe(plan.status);
      expect(url).toBe(`/atlas/plans/${plan.id}/`);
      expect(data).toBe(`/atlas/data/plans/${plan.id}.json`);
      expect(counts).toEqual({
        clauses: plan.clauses.length,
        departments: plan.departments.length,
        targets: plan.targets.length,
      });
    }
  });

  it('holds no text: no clause, paragraph or annex', () => {
    for (const entry of index) {
      expect(Object.keys(entry)).not.toContain('clauses');
      expect(Object.keys(entry)).not.toContain('front');
      expect(Object.keys(entry)).not.toContain('annexes');
    }
    expect(json).not.toContain(qj311);
  });

  it('is the same made from the plans’ summaries, as the build makes it', () => {
    expect(
      plansIndexJson(
        plans.map((plan) => PlanSummary.parse(plan)),
        atlas,
      ),
    ).toBe(json);
  });
});

describe('each table, whole or one plan’s, from its rows plan by plan', () => {
  const tables = [
    ['clauses', clausesTable(site), (some: Plan[], l: CsvLanguage) => clausesCsv(some, site, l)],
    [
      'indicators',
      indicatorsTable(site, indicatorNames, noComparisons),
      (some: Plan[], l: CsvLanguage) => indicatorsCsv(some, site, indicatorNames, noComparisons, l),
    ],
    [
      'departments',
      departmentsTable(site),
      (some: Plan[], l: CsvLanguage) => departmentsCsv(some, site, undefined, l),
    ],
  ] as const;
  const languages: CsvLanguage[] = ['en', 'zh'];

  it.each(tables.flatMap(([name, table, whole]) => languages.map((l) => [name, l, table, whole] as const)))(
    '%s (%s): header + one plan’s rows is the whole table of that plan; the rows joined, of every plan',
    (_, language, table, whole) => {
      for (const plan of plans)
        expect(table.header(language) + table.rows(plan, language)).toBe(whole([plan], language));
      expect(table.header(language) + plans.map((plan) => table.rows(plan, language)).join('')).toBe(
        whole(plans, language),
      );
    },
  );

  it.each(tables.map(([name, table]) => [name, table] as const))(
    '%s: a plan’s rows made once for both headings are its rows in each',
    (_, table) => {
      for (const plan of plans)
        expect(table.rowsInBoth(plan)).toEqual({ en: table.rows(plan, 'en'), zh: table.rows(plan, 'zh') });
    },
  );

  it('a plan without rows adds nothing', () => {
    const empty = { ...structuredClone(laiwu), departments: [] };
    expect(departmentsTable(site).rows(empty, 'en')).toBe('');
  });
});

describe('schema.json, the schema of a plan’s own file', () => {
  const schema = JSON.parse(planJsonSchema(atlas)) as Record<string, unknown> & {
    required: string[];
    properties: Record<string, unknown>;
  };

  it('is a draft 2020-12 schema with an id, title and description', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe('/atlas/data/schema.json');
    expect(JSON.parse(planJsonSchema(site)).$id).toBe('https://example.org/atlas/data/schema.json');
    expect(JSON.parse(planJsonSchema()).$id).toBe('/data/schema.json');
    expect(schema.title).toBe('Plan Atlas plan');
    expect(schema.description).toEqual(expect.stringContaining('/data/plans/<id>.json'));
  });

  it('requires the published plan fields and follows the model', () => {
    expect(schema.type).toBe('object');
    expect(schema.required).toEqual(
      expect.arrayContaining([
        'id',
        'title',
        'region',
        'level',
        'issuer',
        'issued',
        'status',
        'source',
        'url',
        'comparisons',
      ]),
    );
    expect(Object.keys(schema.properties)).toEqual(Object.keys(PublishedPlan.shape));
    // Unknown where the text names no region the division list has.
    expect(schema.properties['level']).toEqual({
      anyOf: [{ type: 'string', enum: ['national', 'province', 'city', 'county'] }, { type: 'null' }],
    });
    expect(schema.properties['region']).toEqual({
      anyOf: [{ type: 'string', minLength: 1 }, { type: 'null' }],
    });
  });

  it('names every key a plan’s file has', () => {
    expect(Object.keys(JSON.parse(planJson(qianjiang, noComparisons)) as object)).toEqual(
      Object.keys(schema.properties),
    );
  });
});

describe('plans.schema.json, the schema of the index', () => {
  const schema = JSON.parse(plansIndexSchema(site)) as Record<string, unknown> & {
    required: string[];
    properties: {
      plans: { type: string; items: { required: string[]; properties: Record<string, unknown> } };
    };
  };

  it('describes { plans: [entry] } with every key of an entry', () => {
    expect(schema.$id).toBe('https://example.org/atlas/data/plans.schema.json');
    expect(schema.required).toEqual(['plans']);
    expect(schema.properties.plans.type).toBe('array');
    const entry = (JSON.parse(plansIndexJson(plans.slice(0, 1))) as { plans: object[] }).plans[0] as object;
    expect(Object.keys(entry)).toEqual(Object.keys(schema.properties.plans.items.properties));
    expect(Object.keys(entry)).toEqual(Object.keys(PlanIndexEntry.shape));
    expect(schema.properties.plans.items.required).toEqual(
      expect.arrayContaining(['id', 'status', 'url', 'data']),
    );
  });
});

describe('every row names its plan, and a draft is a draft in every row', () => {
  const withDepartment = (plan: Plan): Plan => ({
    ...plan,
    departments: [dept('shengtai-huanjing-ju', '市生态环境局', 'ecology-environment')],
  });

  it.each([
    ['clauses.csv', clausesCsv(plans, atlas)],
    ['indicators.csv', indicatorsCsv(plans, atlas, indicatorNames, noComparisons)],
    // The draft fixture names no department, so its draft rows are checked with a department added.
    [
      'departments.csv',
      departmentsCsv([...plans.filter((p) => p !== dazhou), withDepartment(dazhou)], atlas),
    ],
  ])('%s: plan_id, plan_title, region, status lead each row', (_name, csv) => {
    const rows = records(csv);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const plan = plans.find((p) => row.startsWith(`${p.id},`));
      // The title holds no comma, so the first four cells are the plan's.
      expect(plan, row).toBeDefined();
      expect(row.startsWith(`${plan!.id},${plan!.title},${plan!.region},${plan!.status},`), row).toBe(true);
    }
    const draftRows = rows.filter((r) => r.startsWith('dazhou-shi,'));
    expect(draftRows.length).toBeGreaterThan(0);
    expect(draftRows.every((r) => r.split(',')[3] === 'draft')).toBe(true);
  });

  it('leaves the region empty where the text names none (地区未识别 in the Chinese variant)', () => {
    const unknown = { ...structuredClone(laiwu), region: null };
    expect(records(clausesCsv([unknown], atlas))[0]).toMatch(
      /^laiwu-qu,莱芜区“十四五”节能减排工作实施方案,,final,/,
    );
    expect(records(clausesCsv([unknown], atlas, 'zh'))[0]).toMatch(
      /^laiwu-qu,莱芜区“十四五”节能减排工作实施方案,地区未识别,正式文件,/,
    );
  });
});

describe('the Chinese-headed variant', () => {
  it.each([
    [
      'clauses',
      clausesCsv(plans, atlas, 'zh'),
      clausesCsv(plans, atlas),
      '方案标识,方案名称,地区,文件状态,条款标识,编号,标题,正文,责任分工原文,牵头部门,负责部门,其他参与部门,部门及原文职责用语,链接',
    ],
    [
      'indicators',
      indicatorsCsv(plans, atlas, indicatorNames, noComparisons, 'zh'),
      indicatorsCsv(plans, atlas, indicatorNames, noComparisons),
      '方案标识,方案名称,地区,文件状态,指标标识,指标名称,目标值,单位,原文数值,原文单位,比较方式,目标性质,基准年,目标年,范围,目标所属地区,原文文字表述,出处类型,出处条款标识,出处原文,链接,与全国比较,全国目标值,全国目标出处,与全国比较说明,与上级比较,上级目标值,上级目标出处,与上级比较说明',
    ],
    [
      'departments',
      departmentsCsv(plans, atlas, categoryNames, 'zh'),
      departmentsCsv(plans, atlas, categoryNames),
      '方案标识,方案名称,地区,文件状态,部门标识,部门名称,其他写法,职能类别,牵头条款数,负责条款数,其他参与条款数,链接',
    ],
  ])('%s: Chinese headers, UTF-8 with BOM, the same rows as the English file', (_name, zh, en, header) => {
    expect(zh.startsWith(`${BOM}${header}\r\n`)).toBe(true);
    expect(records(zh)).toHaveLength(records(en).length);
    expect(en.split('\r\n')[0]!.split(',')).toHaveLength(header.split(',').length);
  });

  it('writes status, comparator, ambition and origin in the site’s words', () => {
    const rows = records(indicatorsCsv(plans, site, indicatorNames, noComparisons, 'zh'));
    expect(rows[0]).toBe(
      'qianjiang-qu,黔江区“十四五”节能减排综合工作实施方案,黔江区,正式文件,energy-intensity,单位地区生产总值能源消耗,14.5,%,14.5,%,等于,约束性目标,2020,2025,,黔江区,,方案原文,2-p1,全区单位地区生产总值能源消耗比2020年下降14.5%,https://example.org/atlas/plans/qianjiang-qu/#2-p1,,,,,,,,',
    );
    expect(rows[2]).toContain(',不低于,约束性目标,');
    expect(rows[3]).toMatch(
      /^dazhou-shi,达州市“十四五”节能减排综合工作实施方案,达州市,征求意见稿,cod-reduction,/,
    );
  });

  it('names a news lead as such', () => {
    const fromLead = structuredClone(dazhou);
    fromLead.targets[0]!.sources[0]!.origin = 'lead';
    expect(records(indicatorsCsv([fromLead], atlas, indicatorNames, noComparisons, 'zh'))[0]).toContain(
      ',新闻导语（非方案原文）,',
    );
  });
});
