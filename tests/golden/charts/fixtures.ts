/**
 * Chart fixtures taken from the seeds (values, ambitions and source clauses as the plans state them), so the
 * snapshots show the charts the site will draw. Each row cites its seed line in a comment.
 */
import type {
  ChartIndicator,
  SmallMultiplesInput,
  TargetComparisonInput,
  TargetRow,
  UnsetPlan,
} from '../../../src/lib/charts';

const PLANS = {
  qianjiang: { planId: 'qianjiang-qu', plan: '黔江区' },
  // 001 L1: 达州市“十四五”节能减排综合工作方案（征求意见稿）
  dazhou: { planId: 'dazhou-shi', plan: '达州市', status: [{ id: 'draft', label: '征求意见稿' }] },
  guizhou: { planId: 'guizhou-sheng', plan: '贵州省' },
  laiwu: { planId: 'laiwu-qu', plan: '莱芜区' },
  langfang: { planId: 'langfang-shi', plan: '廊坊市' },
} as const;

type PlanKey = keyof typeof PLANS;

function row(key: PlanKey, clauseId: string, value: number, unit: string, extra: Partial<TargetRow> = {}): TargetRow {
  const p = PLANS[key];
  return {
    ...p,
    value,
    unit,
    comparator: '=',
    ambition: 'binding',
    baselineYear: 2020,
    targetYear: 2025,
    scope: null,
    href: `/plans/${p.planId}/#${clauseId}`,
    ...extra,
  };
}

function unset(key: PlanKey, note?: string): UnsetPlan {
  const p = PLANS[key];
  return { ...p, href: `/plans/${p.planId}/`, ...(note ? { note } : {}) };
}

export const ENERGY_INTENSITY: ChartIndicator = { id: 'energy-intensity', name: '单位地区生产总值能耗降低', unit: '%' };

/** 单位地区生产总值能耗比2020年下降 …, against the national 13.5% of 国发〔2021〕33号. */
export const energyIntensity: TargetComparisonInput = {
  indicator: ENERGY_INTENSITY,
  rows: [
    row('qianjiang', '2-p1', 14.5, '%'), // 000 L21 下降14.5%
    row('dazhou', '2-p1', 14.5, '%'), // 001 L9 下降14.5%
    row('guizhou', '2-p1', 13, '%'), // 002 L13 下降 13%
    row('guizhou', '2-p1', 14.5, '%', { ambition: 'incentive' }), // 002 L13 力争完成 14.5% 的激励目标
    row('laiwu', '2-p1', 20.8, '%'), // 003 L11 较2020年下降20.8%
    row('langfang', '2-p1', 16, '%'), // 004 L26 下降16%
  ],
  reference: { value: 13.5, label: '全国（国发〔2021〕33号）' },
};

/** 非化石能源占能源消费总量比重: three comparators (=, ~, ≥), two plans without a number. */
export const nonFossilShare: TargetComparisonInput = {
  indicator: { id: 'non-fossil-share', name: '非化石能源占能源消费总量比重', unit: '%' },
  rows: [
    row('qianjiang', '3-8-1', 23, '%', { baselineYear: null }), // 000 L49 达到23%
    row('laiwu', '3-7', 12, '%', { baselineYear: null, comparator: '~' }), // 003 L27 达到12%左右
    row('langfang', '3-8', 10, '%', { baselineYear: null, comparator: '>=' }), // 004 L44 达到10%以上
  ],
  unset: [unset('dazhou'), unset('guizhou')],
};

const tonnes = (id: string, name: string, shortName: string): ChartIndicator => ({ id, name, unit: '吨', shortName });

export const COD = tonnes('cod-reduction', '化学需氧量重点工程减排量', '化学需氧量 COD');
export const NH3N = tonnes('ammonia-nitrogen-reduction', '氨氮重点工程减排量', '氨氮 NH₃-N');
export const NOX = tonnes('nox-reduction', '氮氧化物重点工程减排量', '氮氧化物 NOx');
export const VOCS = tonnes('voc-reduction', '挥发性有机物重点工程减排量', '挥发性有机物 VOCs');

/**
 * 重点工程减排量 in tonnes (万吨 normalised: 达州 1.017万吨 → 10170吨). 贵州 states 达到国家要求: no number.
 * Rows: 黔江 000 L21, 达州 001 L9, 莱芜 003 L11, 廊坊 004 L26.
 */
const REDUCTIONS: Record<Exclude<PlanKey, 'guizhou'>, [number, number, number, number]> = {
  qianjiang: [245, 18, 659.1, 103.9],
  dazhou: [10170, 691, 8290, 2200],
  laiwu: [909, 34, 1196, 2065],
  langfang: [12100, 360, 5500, 3000],
};

/** The same values as the plans print them, where that is not in 吨 (达州 and 廊坊 print 万吨). */
const PRINTED: Partial<Record<keyof typeof REDUCTIONS, [string, string, string, string]>> = {
  dazhou: ['1.017万吨', '0.0691万吨', '0.829万吨', '0.22万吨'], // 001 L9
  langfang: ['1.21万吨', '0.036万吨', '0.55万吨', '0.3万吨'], // 004 L26
};

function reductionRows(index: 0 | 1 | 2 | 3): TargetRow[] {
  return (Object.keys(REDUCTIONS) as (keyof typeof REDUCTIONS)[]).map((key) => {
    const printed = PRINTED[key]?.[index];
    return row(key, '2-p1', REDUCTIONS[key][index], '吨', { baselineYear: null, ...(printed ? { printed } : {}) });
  });
}

export const pollutantReductions: SmallMultiplesInput = {
  id: 'chart-pollutant-reductions',
  title: '主要污染物重点工程减排量（吨）',
  panels: [COD, NH3N, NOX, VOCS].map((indicator, i) => ({
    indicator,
    rows: reductionRows(i as 0 | 1 | 2 | 3),
    unset: [unset('guizhou', '达到国家要求')],
  })),
};

/**
 * Invented plans (甲乙丙丁) exercising what the seeds do not: an aspiration target, a parent value, a scope,
 * differing years, an unknown target year, a `≤` target, and markup-like text that must be escaped.
 */
export const edgeCases: TargetComparisonInput = {
  id: 'chart-edge-cases',
  indicator: { id: 'example', name: '示例指标 <b>&amp;</b>', unit: '%' },
  rows: [
    { planId: 'jia', plan: '甲市', value: 10, unit: '%', comparator: '>=', ambition: 'binding', baselineYear: 2020, targetYear: 2025, scope: null, href: '/plans/jia/#2-p1', parent: { value: 12, label: '乙省' } },
    { planId: 'jia', plan: '甲市', value: 12, unit: '%', comparator: '=', ambition: 'aspiration', baselineYear: 2020, targetYear: 2025, scope: null, href: '/plans/jia/#2-p1' },
    { planId: 'bing', plan: '丙县', value: 8, unit: '%', comparator: '<=', ambition: 'binding', baselineYear: 2019, targetYear: 2025, scope: '县城', href: '/plans/bing/#3-1?a=1&b=2' },
    { planId: 'wu', plan: 'A&B "市" <script>', value: 4.25, unit: '%', comparator: '~', ambition: 'incentive', baselineYear: 2020, targetYear: null, scope: null, href: 'javascript:alert(1)' },
  ],
  unset: [{ planId: 'ding', plan: '丁区', href: '/plans/ding/', note: '达到"国家"要求 & <更多>' }],
  reference: { value: 15, label: '示例参考 <国发>' },
};
