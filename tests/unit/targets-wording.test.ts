/**
 * Issue 8 part B: targets however a government words them — other wordings of one indicator, values in words
 * and classes, strict comparators, outcomes of the previous period, and values read from a news lead. Every
 * sentence here is written for the test (not copied from a plan), one wording per row.
 */
import { describe, expect, it } from 'vitest';
import { extractTargets, loadIndicatorCatalogue, LEAD_ID } from '../../src/lib/indicators/index';
import type { Clause, FrontBlock, Outcome, Target } from '../../src/lib/model/plan';

const catalogue = loadIndicatorCatalogue();

function clause(
  id: string,
  paragraphs: string[],
  heading: string | null = null,
  parentId: string | null = null,
): Clause {
  return {
    id,
    kind: parentId === null ? 'chapter' : 'paragraph',
    parentId,
    depth: parentId === null ? 1 : 2,
    number: null,
    citation: '',
    heading,
    paragraphs,
    responsibility: null,
    part: 'goals',
    position: 0,
    line: 10,
    endLine: 10 + Math.max(0, paragraphs.length - 1),
  };
}

function run(clauses: Clause[], front: FrontBlock[] = []) {
  return extractTargets({
    front,
    clauses,
    annexes: [],
    region: '某市',
    level: 'city',
    file: 'fixture.txt',
    catalogue,
  });
}

const targetsOf = (text: string): Target[] => run([clause('2', [text])]).targets;
const outcomesOf = (text: string): Outcome[] => run([clause('2', [text])]).outcomes;

describe('other wordings of energy intensity', () => {
  it.each([
    ['单位生产总值能源消耗', '到2025年，单位生产总值能源消耗比2020年下降14%。', 14],
    ['单位GDP能耗', '到2025年，全市单位GDP能耗较2020年降低13.5%。', 13.5],
    ['单位GDP能源消耗', '到2025年，单位GDP能源消耗比2020年下降12%。', 12],
    ['万元地区生产总值能耗', '到2025年，万元地区生产总值能耗比2020年下降15%。', 15],
    ['万元生产总值能耗', '到2025年，万元生产总值能耗下降13%。', 13],
    ['地区生产总值能耗强度', '到2025年，地区生产总值能耗强度比2020年下降14.5%。', 14.5],
  ])('%s', (_name, text, value) => {
    expect(targetsOf(text)).toEqual([
      expect.objectContaining({ indicatorId: 'energy-intensity', value, unit: '%' }),
    ]);
  });
});

describe('pollutant reductions stated as 减少 (not 达到)', () => {
  it('比2020年分别减少…万吨 are the key-project reductions, in tonnes', () => {
    const targets = targetsOf(
      '到2025年，全市化学需氧量、氨氮、氮氧化物、挥发性有机物排放量比2020年分别减少0.52万吨、0.04万吨、0.61万吨、0.18万吨。',
    );
    expect(targets.map((t) => [t.indicatorId, t.value, t.unit, t.originalValue, t.originalUnit])).toEqual([
      ['cod-reduction', 5200, '吨', 0.52, '万吨'],
      ['ammonia-nitrogen-reduction', 400, '吨', 0.04, '万吨'],
      ['nox-reduction', 6100, '吨', 0.61, '万吨'],
      ['voc-reduction', 1800, '吨', 0.18, '万吨'],
    ]);
  });
  it('a percentage fall of emissions is not a reduction in tonnes', () => {
    // It is 33号's own form, the share of total emissions (cod-total-decline), never the tonnage indicator.
    expect(targetsOf('到2025年，化学需氧量排放总量比2020年下降8%。').map((t) => t.indicatorId)).toEqual([
      'cod-total-decline',
    ]);
  });
});

describe('strict comparators', () => {
  it.each<[string, string, Target['comparator']]>([
    ['超过 is >', '到2025年，清洁取暖率超过80%。', '>'],
    ['高于 is >', '到2025年，清洁取暖率高于80%。', '>'],
    ['大于 is >', '到2025年，清洁取暖率大于80%。', '>'],
    ['低于 is <', '到2025年，管网漏损率低于8%。', '<'],
    ['小于 is <', '到2025年，管网漏损率小于8%。', '<'],
    ['以上 is ≥', '到2025年，清洁取暖率达到80%以上。', '>='],
    ['不低于 is ≥', '到2025年，清洁取暖率不低于80%。', '>='],
    ['以内 is ≤', '到2025年，管网漏损率控制在8%以内。', '<='],
    ['不超过 is ≤', '到2025年，管网漏损率不超过8%。', '<='],
  ])('%s', (_name, text, comparator) => {
    expect(targetsOf(text).map((t) => t.comparator)).toEqual([comparator]);
  });
});

describe('values in words', () => {
  it.each<[string, string, string, number, string, string]>([
    [
      '全面执行 → 100%',
      '到2025年，城镇新建建筑全面执行绿色建筑标准。',
      'green-building-share',
      100,
      '%',
      '全面',
    ],
    [
      '全面执行 without a year: a catalogue measure still counts',
      '城镇新建民用建筑全面执行绿色建筑标准。',
      'green-building-share',
      100,
      '%',
      '全面',
    ],
    [
      '全部创建成 → 100%',
      '“十四五”期间，县级以上党政机关全部创建成节约型机关。',
      'frugal-agency-share',
      100,
      '%',
      '全部',
    ],
    ['全部完成 → 100%', '到2025年，水泥行业全部完成超低排放改造。', 'unclassified', 100, '%', '全部'],
    ['零增长 → 0%', '到2025年，农药使用量保持零增长。', 'unclassified', 0, '%', '零增长'],
    ['清零 → 0', '到2025年，县城黑臭水体清零。', 'unclassified', 0, '', '清零'],
    ['零填埋 → 0', '到2025年，全市基本实现原生生活垃圾零填埋。', 'unclassified', 0, '', '零填埋'],
  ])('%s', (_name, text, indicatorId, value, unit, wording) => {
    expect(targetsOf(text)).toEqual([expect.objectContaining({ indicatorId, value, unit, wording })]);
  });

  it('keeps the plan’s words in the label of an unclassified word target', () => {
    expect(targetsOf('到2025年，水泥行业全部完成超低排放改造。')[0]?.label).toBe('水泥行业完成超低排放改造');
    expect(targetsOf('到2025年，农药使用量保持零增长。')[0]?.label).toBe('农药使用量增长');
  });

  it('reads each item of a list of word values on its own', () => {
    const targets = targetsOf('到2025年，实现城区雨污合流管网清零、城区黑臭水体清零。');
    expect(targets.map((t) => [t.label, t.value, t.wording])).toEqual([
      ['城区雨污合流管网', 0, '清零'],
      ['城区黑臭水体', 0, '清零'],
    ]);
  });

  it.each([
    ['全面 before a verb that states no value', '到2025年，全面推进城镇绿色规划。'],
    ['全面 with no measure named before it', '到2025年，全面完成节能减排目标任务。'],
    ['全面执行 of no catalogue measure and no target year', '企业全面执行排污许可制度。'],
    ['全部 not followed by a verb', '到2025年，全部企业纳入监管。'],
  ])('no target: %s', (_name, text) => {
    expect(targetsOf(text)).toEqual([]);
  });

  it('a printed number wins over a word in the same place', () => {
    expect(targetsOf('到2025年，城镇新建建筑100%执行绿色建筑标准。')).toEqual([
      expect.objectContaining({ indicatorId: 'green-building-share', value: 100, wording: null }),
    ]);
  });
});

/** A decimal written in Chinese numerals as a plan would spell it: 13.5 → 十三点五, 0.5 → 零点五, 100 → 一百. */
function spell(decimal: string): string {
  const digits = '零一二三四五六七八九';
  const [whole = '0', fraction] = decimal.split('.');
  const n = Number(whole);
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const ones = n % 10;
  let text = '';
  if (hundreds > 0) text += `${digits[hundreds]}百`;
  if (tens > 0) text += `${hundreds === 0 && tens === 1 ? '' : digits[tens]}十`;
  else if (hundreds > 0 && ones > 0) text += '零';
  if (ones > 0 || n === 0) text += digits[ones];
  if (fraction) text += `点${[...fraction].map((d) => digits[Number(d)]).join('')}`;
  return text;
}

describe('numbers in Chinese numerals', () => {
  it.each([
    ['13.5', '十三点五'],
    ['0.5', '零点五'],
    ['10', '十'],
    ['70', '七十'],
    ['100', '一百'],
    ['105', '一百零五'],
  ])('the test’s own speller: %s → %s', (n, words) => {
    expect(spell(n)).toBe(words);
  });

  // Each sentence as printed with digits, and the same sentence spelled out: same target, words kept.
  it.each<[string, string, string]>([
    [
      '百分之 before a decimal',
      '到2025年，全市单位地区生产总值能源消耗比2020年下降{13.5}。',
      'energy-intensity',
    ],
    [
      '百分之 before a whole number',
      '到2025年，全市城市生活污水集中收集率达到{70}以上。',
      'urban-sewage-collection-rate',
    ],
    ['less than one', '到2025年，某项指标下降{0.5}。', 'unclassified'],
    ['a hundred', '到2025年，城镇新建建筑中绿色建筑面积占比达到{100}。', 'green-building-share'],
    [
      'two values in one sentence',
      '到2025年，全市单位地区生产总值能源消耗比2020年下降{14}，化学需氧量排放总量下降{8}。',
      '',
    ],
  ])('%s: spelled out reads as printed with digits', (_name, template, indicatorId) => {
    const digits = targetsOf(template.replace(/\{([\d.]+)\}/g, '$1%'));
    const spelled = targetsOf(template.replace(/\{([\d.]+)\}/g, (_m, n: string) => `百分之${spell(n)}`));
    expect(digits.length).toBeGreaterThan(0);
    if (indicatorId) expect(digits[0]?.indicatorId).toBe(indicatorId);
    const printed = [...template.matchAll(/\{([\d.]+)\}/g)].map((m) => `百分之${spell(m[1] as string)}`);
    expect(spelled).toEqual(
      digits.map((target, i) =>
        expect.objectContaining({
          indicatorId: target.indicatorId,
          label: target.label,
          value: target.value,
          unit: target.unit,
          comparator: target.comparator,
          wording: printed[i],
        }),
      ),
    );
  });

  it.each<[string, string, number, string, string]>([
    ['percentage points', '到2025年，非化石能源消费比重提高两个百分点。', 2, '百分点', '两个百分点'],
    [
      'traditional characters, words kept as printed',
      '到2025年，單位地區生產總值能源消耗下降百分之十三點五。',
      13.5,
      '%',
      '百分之十三點五',
    ],
    [
      'a comparator after the words',
      '到2025年，某县污水处理率达到百分之九十五以上。',
      95,
      '%',
      '百分之九十五',
    ],
  ])('%s', (_name, text, value, unit, wording) => {
    expect(targetsOf(text)).toEqual([expect.objectContaining({ value, unit, wording })]);
  });

  it('a 十三五 sentence spelled out is an outcome, as with digits', () => {
    expect(targetsOf('“十三五”期间，全市单位地区生产总值能耗累计下降百分之十九点二，超额完成目标。')).toEqual(
      [],
    );
    expect(
      outcomesOf('“十三五”期间，全市单位地区生产总值能耗累计下降百分之十九点二，超额完成目标。'),
    ).toEqual([
      expect.objectContaining({ indicatorId: 'energy-intensity', value: 19.2, wording: '百分之十九点二' }),
    ]);
  });

  it.each([
    [
      'numerals counting things (一百个, 两家) are not read',
      '到2025年，建成一百个节水型村庄，两家企业完成改造。',
    ],
    ['a period name is not a number', '“十四五”时期是碳达峰的关键期。'],
    ['百分之 without a numeral after it', '到2025年，能耗下降百分之几尚无定论。'],
  ])('no target: %s', (_name, text) => {
    expect(targetsOf(text)).toEqual([]);
  });
});

describe('ranges', () => {
  it.each<[string, string, string, number, string, string]>([
    [
      '13%-15%',
      '到2025年，全市单位地区生产总值能源消耗比2020年下降13%-15%。',
      'energy-intensity',
      13,
      '=',
      '13%-15%',
    ],
    [
      '13-15% (one unit for both ends)',
      '到2025年，全市单位地区生产总值能源消耗比2020年下降13-15%。',
      'energy-intensity',
      13,
      '=',
      '13-15%',
    ],
    [
      '13%至15%',
      '到2025年，全市单位地区生产总值能源消耗比2020年下降13%至15%。',
      'energy-intensity',
      13,
      '=',
      '13%至15%',
    ],
    [
      '控制在 bounds neither end',
      '到2025年，全市煤炭消费比重控制在50%～55%。',
      'coal-consumption-share',
      50,
      '=',
      '50%～55%',
    ],
    [
      'a comparator after the range',
      '到2025年，某项指标达到13%-15%以上。',
      'unclassified',
      13,
      '>=',
      '13%-15%',
    ],
    [
      'full-width dash, kept as printed',
      '到2025年，全市单位地区生产总值能源消耗下降13%－15%。',
      'energy-intensity',
      13,
      '=',
      '13%－15%',
    ],
  ])(
    '%s: one target at the lower end, the range as printed',
    (_name, text, indicatorId, value, comparator, wording) => {
      expect(targetsOf(text)).toEqual([expect.objectContaining({ indicatorId, value, comparator, wording })]);
    },
  );

  it('a range in a 分别 list keeps its words', () => {
    expect(
      targetsOf('到2025年，化学需氧量和氨氮排放总量比2020年分别下降8%-10%、8.5%。').map((t) => [
        t.value,
        t.wording,
      ]),
    ).toEqual([
      [8, '8%-10%'],
      [8.5, null],
    ]);
  });

  it.each([
    ['years', '2021-2025年，全市单位地区生产总值能源消耗下降14%。', 14],
    [
      'ends with different units',
      '到2025年，全市某项排放由5万吨-3吨不等，单位地区生产总值能源消耗下降14%。',
      14,
    ],
  ])('not a range: %s', (_name, text, value) => {
    expect(targetsOf(text).filter((t) => t.wording !== null)).toEqual([]);
    expect(targetsOf(text).map((t) => t.value)).toContain(value);
  });
});

describe('a starting value before the target', () => {
  it.each<[string, string, number, string, string]>([
    ['由…提高至', '到2025年，非化石能源消费比重由13%提高至15%。', 15, '=', '非化石能源占能源消费总量比重'],
    [
      '从…年的…提高到…以上',
      '到2025年，非化石能源消费比重从2020年的13%提高到15%以上。',
      15,
      '>=',
      '非化石能源占能源消费总量比重',
    ],
    ['由…年底的…降至', '到2025年，散煤用量占比由2020年底的30%降至15%。', 15, '=', '散煤用量占比'],
    [
      '由…降至, a catalogued measure',
      '到2025年，煤炭消费比重由2020年底的70%降至65%。',
      65,
      '=',
      '煤炭消费占能源消费总量比重',
    ],
  ])(
    '%s: only the target is read, and the label stops before 由',
    (_name, text, value, comparator, label) => {
      expect(targetsOf(text)).toEqual([expect.objectContaining({ value, comparator, label })]);
    },
  );

  it('由 before a value with no verb to 至/到 after it is not a starting value', () => {
    expect(targetsOf('到2025年，由市级统筹的污水处理率达到95%。').map((t) => t.value)).toEqual([95]);
  });
});

describe('water-quality classes', () => {
  it.each<[string, string, number, string, string]>([
    ['II 类 with spaces', '到2025年，某河干流稳定达到 II 类水质。', 2, 'II 类', '某河干流水质'],
    ['III类', '到2025年，国控断面水质达到III类。', 3, 'III类', '国控断面水质'],
    ['Roman-numeral character Ⅱ', '到2025年，某湖水体达到Ⅱ类。', 2, 'Ⅱ类', '某湖水体'],
    ['full-width ＩＩ类', '到2025年，某湖水体达到ＩＩ类。', 2, 'ＩＩ类', '某湖水体'],
    // No digit in the paragraph: only its words or its class make it worth reading.
    [
      'a class in a paragraph without a digit',
      '“十四五”期间，某河干流稳定达到 II 类水质。',
      2,
      'II 类',
      '某河干流水质',
    ],
    ['full-width, without a digit', '“十四五”期间，某湖水体达到ＩＩ类。', 2, 'ＩＩ类', '某湖水体'],
  ])('%s', (_name, text, value, wording, label) => {
    expect(targetsOf(text)).toEqual([
      expect.objectContaining({ indicatorId: 'water-quality-class', value, unit: '类', wording, label }),
    ]);
  });
  it.each([
    ['消除劣V类 names a class to remove, not a target class', '到2025年，全面消除劣V类水体。'],
    ['a class without a level verb', '到2025年，推进III类水体保护。'],
  ])('no target: %s', (_name, text) => {
    expect(targetsOf(text).filter((t) => t.unit === '类')).toEqual([]);
  });
});

describe('outcomes of the previous period', () => {
  it('a 十三五 sentence states an outcome with its period, never a target', () => {
    const text = '“十三五”期间，全市单位地区生产总值能耗累计降低19.2%，超额完成省下达的目标任务。';
    expect(targetsOf(text)).toEqual([]);
    expect(outcomesOf(text)).toEqual([
      expect.objectContaining({ indicatorId: 'energy-intensity', value: 19.2, period: '十三五', year: 2020 }),
    ]);
  });

  it('every sentence under a 十三五 heading reports that period', () => {
    const review = clause('1', [], '“十三五”节能减排工作成效');
    const body = clause(
      '1-p1',
      ['全市单位地区生产总值能耗降低21.35%，化学需氧量排放量减少0.3万吨，均完成省下达的目标。'],
      null,
      '1',
    );
    const goal = clause('2', ['到2025年，全市单位地区生产总值能耗比2020年下降14%。'], '主要目标');
    const { targets, outcomes } = run([review, body, goal]);
    expect(targets.map((t) => [t.indicatorId, t.value])).toEqual([['energy-intensity', 14]]);
    expect(outcomes.map((o) => [o.indicatorId, o.value, o.period, o.sources[0]?.clauseId])).toEqual([
      ['energy-intensity', 21.35, '十三五', '1-p1'],
      ['cod-reduction', 3000, '十三五', '1-p1'],
    ]);
  });

  it('a sentence naming the target year stays a target even beside a 十三五 reference', () => {
    const text = '在“十三五”基础上，到2025年，全市单位地区生产总值能耗比2020年下降14%。';
    expect(targetsOf(text).map((t) => t.value)).toEqual([14]);
    expect(outcomesOf(text)).toEqual([]);
  });

  it('截至 a date: an outcome dated by that year, with no period', () => {
    expect(outcomesOf('截至2020年底，全市单位GDP能耗较2015年下降18%。')).toEqual([
      expect.objectContaining({ indicatorId: 'energy-intensity', value: 18, period: null, year: 2020 }),
    ]);
  });
});

describe('targets in a news lead', () => {
  const lead: FrontBlock = {
    kind: 'lead',
    text: '日前，某市印发节能减排实施方案。方案要求，到2025年，全市单位地区生产总值能耗比2020年下降13%。',
    line: 1,
    endLine: 1,
  };

  it('reads the lead and marks the value as the lead’s', () => {
    const { targets } = run([], [lead]);
    expect(targets).toEqual([
      expect.objectContaining({
        indicatorId: 'energy-intensity',
        value: 13,
        sources: [expect.objectContaining({ clauseId: LEAD_ID, origin: 'lead', line: 1 })],
      }),
    ]);
  });

  it('one value in the lead and the body is one target with both sources, the plan’s clause first', () => {
    // The first source is the target's permalink (a chart mark opens it): the plan's words, not the editor's.
    const body = clause('2', ['到2025年，全市单位地区生产总值能耗比2020年下降13%。']);
    const { targets } = run([body], [lead]);
    expect(targets).toHaveLength(1);
    expect(targets[0]?.sources.map((s) => [s.clauseId, s.origin])).toEqual([
      ['2', 'plan'],
      [LEAD_ID, 'lead'],
    ]);
  });

  it.each([
    ['a lead rounding the plan’s value', '下降13%', '下降13.5%', 13.5, 13],
    ['a lead misquoting it', '下降15%', '下降14%', 14, 15],
  ])(
    '%s: the plan’s value is the primary target, the lead’s kept apart as the lead’s',
    (_, inLead, inBody, planValue, leadValue) => {
      const misquoting: FrontBlock = {
        ...lead,
        text: `方案要求，到2025年，全市单位地区生产总值能耗比2020年${inLead}。`,
      };
      const body = clause('2', [`到2025年，全市单位地区生产总值能耗比2020年${inBody}。`]);
      const { targets } = run([body], [misquoting]);
      expect(targets.map((t) => [t.id, t.value, t.sources.map((s) => s.origin)])).toEqual([
        ['energy-intensity', planValue, ['plan']],
        ['energy-intensity-2', leadValue, ['lead']],
      ]);
    },
  );

  it('a notice is no lead: its numbers are not read', () => {
    const notice: FrontBlock = { ...lead, kind: 'notice' };
    expect(run([], [notice]).targets).toEqual([]);
  });
});

describe('jurisdiction', () => {
  it('the plan’s own values belong to its region', () => {
    expect(targetsOf('到2025年，单位GDP能耗下降13%。')[0]?.jurisdiction).toBe('某市');
  });
});
