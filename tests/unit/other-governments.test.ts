/**
 * Plans as other governments write them (county and district plans unlike the five seeds): forms each
 * recogniser must read right — a higher government's targets quoted as background, a note printed on two
 * labelled lines, a draft marked only above the title, chapters numbered 第一章, a heading number on a line of
 * its own. Small hand-written texts, one per form.
 */
import { describe, expect, it } from 'vitest';
import { enrichments, loadKnowledge } from '../../src/lib/knowledge';
import { parsePlan } from '../../src/lib/parse-plan';

const knowledge = loadKnowledge();
const parse = (text: string, file = 'other.txt') =>
  parsePlan(text, file, null, knowledge.plan, { enrichments: enrichments(knowledge) });

describe('targets a plan quotes for the governments above it', () => {
  it.each([
    [
      'the national plan quoted by a county',
      '桐庐县“十四五”节能减排综合工作实施方案',
      '国务院《“十四五”节能减排综合工作方案》提出，到2025年，全国单位国内生产总值能源消耗比2020年下降13.5%。',
      '全国',
      13.5,
    ],
    [
      'the province quoted by a county',
      '桐庐县“十四五”节能减排综合工作实施方案',
      '《浙江省“十四五”节能减排综合工作方案》提出，到2025年，全省单位地区生产总值能源消耗比2020年下降14%。',
      '浙江省',
      14,
    ],
    [
      'the prefecture quoted by a district',
      '番禺区“十四五”节能减排综合工作方案',
      '到2025年，全市单位地区生产总值能源消耗比2020年下降14.5%。',
      '广州市',
      14.5,
    ],
    [
      'the province quoted by a city',
      '廊坊市“十四五”节能减排综合实施方案',
      '省里明确，到2025年，全省单位地区生产总值能源消耗比2020年下降14.5%。',
      '河北省',
      14.5,
    ],
  ])('%s', (_what, title, quoted, whose, value) => {
    const own = '到2025年，全县单位地区生产总值能源消耗比2020年下降15%。'.replace(
      '全县',
      title.includes('区“') ? '全区' : title.includes('市“') ? '全市' : '全县',
    );
    const text = [title, '一、背景', quoted, '二、主要目标', own, ''].join('\n');
    const { plan } = parse(text);
    const energy = plan.targets.filter((t) => t.indicatorId === 'energy-intensity');
    // The quoted value is the higher government's, never the plan's own; the plan's own stays its own.
    expect(energy.map((t) => [t.value, t.jurisdiction])).toEqual([
      [value, whose],
      [15, plan.region],
    ]);
    // The plan's own target keeps the indicator's own id (the primary target), the quoted one does not.
    expect(energy.find((t) => t.id === 'energy-intensity')?.value).toBe(15);
  });

  it.each([
    ['a county-level city says 全市 of itself', '宁乡市“十四五”节能减排综合工作方案', '全市'],
    ['a county says 全县 of itself', '桐庐县“十四五”节能减排综合工作实施方案', '全县'],
    ['a banner says 全旗 of itself', '阿鲁科尔沁旗“十四五”节能减排综合工作方案', '全旗'],
    ['a district of a municipality: 全区 is its own', '黔江区“十四五”节能减排综合工作实施方案', '全区'],
  ])('%s', (_what, title, word) => {
    const text = [
      title,
      '一、主要目标',
      `到2025年，${word}单位地区生产总值能源消耗比2020年下降14.5%。`,
      '',
    ].join('\n');
    const { plan } = parse(text);
    expect(plan.targets.map((t) => [t.indicatorId, t.value, t.jurisdiction])).toEqual([
      ['energy-intensity', 14.5, plan.region],
    ]);
  });

  it('keeps the plan’s own value when a higher one is named after it in the sentence', () => {
    const text = [
      '桐庐县“十四五”节能减排综合工作实施方案',
      '一、主要目标',
      '到2025年，全县单位地区生产总值能源消耗比2020年下降14.5%，高于全省平均水平。',
      '',
    ].join('\n');
    const { plan } = parse(text);
    expect(plan.targets.map((t) => [t.value, t.jurisdiction])).toEqual([[14.5, '桐庐县']]);
  });
});

describe('a responsibility note printed on labelled lines of its own', () => {
  it.each([
    [
      'lead and supporting units on two lines',
      ['牵头单位：县住建局', '配合单位：县发改局、县财政局'],
      ['县住建局:lead:牵头单位', '县发改局:supporting:配合单位', '县财政局:supporting:配合单位'],
    ],
    [
      'three labels on three lines',
      ['牵头单位：县住建局', '责任单位：县发改局', '配合单位：县财政局'],
      ['县住建局:lead:牵头单位', '县发改局:supporting:责任单位', '县财政局:supporting:配合单位'],
    ],
    [
      'one label on one line (unchanged)',
      ['责任单位：县发改局、县财政局'],
      ['县发改局:responsible:责任单位', '县财政局:responsible:责任单位'],
    ],
  ])('%s', (_what, noteLines, expected) => {
    const text = [
      '临朐县“十四五”节能减排综合工作实施方案',
      '一、重点任务',
      '（一）推进清洁取暖。因地制宜推进清洁取暖。',
      ...noteLines,
      '（二）强化监督考核。严格考核。（县发改局负责）',
      '',
    ].join('\n');
    const { plan } = parse(text);
    const clause = plan.clauses.find((c) => c.id === '1-1');
    // Every line of the note stays as printed, each a paragraph of its own.
    expect(clause?.paragraphs).toEqual(['推进清洁取暖。因地制宜推进清洁取暖。', ...noteLines]);
    const mentions = clause?.responsibility?.departments ?? [];
    expect(mentions.map((d) => `${d.name}:${d.role}:${d.roleWording}`)).toEqual(expected);
    // Read as the same note printed on one line would be.
    const oneLine = parse(text.replace(noteLines.join('\n'), noteLines.join('；'))).plan.clauses.find(
      (c) => c.id === '1-1',
    );
    expect(oneLine?.responsibility?.departments.map((d) => `${d.name}:${d.role}:${d.roleWording}`)).toEqual(
      expected,
    );
    // Each name's range slices out exactly the name, in the paragraph that prints it.
    for (const d of mentions)
      expect(clause?.paragraphs[d.range.paragraph]?.slice(d.range.start, d.range.end)).toBe(d.name);
  });

  it('does not take a labelled line above the clause text for part of the closing note', () => {
    const text = [
      '临朐县“十四五”节能减排综合工作实施方案',
      '一、重点任务',
      '（一）推进清洁取暖。',
      '牵头单位：县住建局',
      '因地制宜推进清洁取暖。',
      '配合单位：县发改局',
      '',
    ].join('\n');
    const { plan } = parse(text);
    const mentions = plan.clauses.find((c) => c.id === '1-1')?.responsibility?.departments ?? [];
    expect(mentions.map((d) => d.name)).toEqual(['县发改局']);
  });
});

describe('a draft whose mark is not on its title line', () => {
  const BODY = ['一、主要目标', '到2025年，全县单位地区生产总值能源消耗比2020年下降14%。'];
  it.each([
    [
      'the mark alone above the title',
      ['征求意见稿', '', '舒城县“十四五”节能减排综合工作方案', ...BODY],
      'draft',
    ],
    [
      'the mark in brackets above the title',
      ['（征求意见稿）', '舒城县“十四五”节能减排综合工作方案', ...BODY],
      'draft',
    ],
    ['a 送审稿 mark above the title', ['送审稿', '舒城县“十四五”节能减排综合工作方案', ...BODY], 'draft'],
    [
      'a closing 起草说明 naming the plan as a draft',
      [
        '舒城县“十四五”节能减排综合工作方案',
        ...BODY,
        '关于《舒城县“十四五”节能减排综合工作方案（征求意见稿）》的起草说明',
        '根据省、市部署要求，县发改委牵头起草了本方案。',
      ],
      'draft',
    ],
    [
      'a final plan citing another government’s draft',
      [
        '舒城县“十四五”节能减排综合工作方案',
        '参照《六安市“十四五”节能减排综合工作方案（征求意见稿）》，制定本方案。',
        ...BODY,
      ],
      'final',
    ],
    [
      'a final plan whose lead says drafts were consulted on',
      ['本方案征求意见稿已于5月公开征求意见。', '舒城县“十四五”节能减排综合工作方案', ...BODY],
      'final',
    ],
  ])('%s', (_what, lines, status) => {
    const { plan } = parse(`${lines.join('\n')}\n`);
    expect(plan.title).toBe('舒城县“十四五”节能减排综合工作方案');
    expect(plan.status).toBe(status);
    // A mark above the title is the title's subtitle, never shown as a news lead.
    const mark = plan.front.find((block) => /征求意见稿|送审稿/.test(block.text) && block.line < 3);
    if (status === 'draft' && mark) expect(mark.kind).toBe('subtitle');
  });
});

describe('county bodies as counties name them', () => {
  it.each([
    ['临朐县', '县工信商务局', 'industry-information'],
    ['临朐县', '县工业信息化和商务局', 'industry-information'],
    ['阿鲁科尔沁旗', '旗工信和科技局', 'industry-information'],
    ['阿鲁科尔沁旗', '旗农牧局', 'agriculture-rural'],
    ['临朐县', '县畜牧业发展中心', 'agriculture-rural'],
    ['海门区', '南通市海门生态环境局', 'ecology-environment'],
    ['吴江区', '苏州市吴江生态环境局', 'ecology-environment'],
    // 深圳: 住房和建设局, and the city bureau's district office named 管理局.
    ['福田区', '区住房和建设局', 'housing-construction'],
    ['福田区', '深圳市生态环境局福田管理局', 'ecology-environment'],
  ])('%s: %s', (region, name, category) => {
    const title = `${region}“十四五”节能减排综合工作方案`;
    const text = [title, '一、重点任务', `（一）推进节能改造。加快节能改造。（${name}牵头）`, ''].join('\n');
    const { plan, warnings } = parse(text);
    expect(plan.departments.map((d) => [d.name, d.category])).toEqual([[name, category]]);
    expect(warnings.map((w) => w.message).join('\n')).not.toMatch(/unknown department/);
  });
});

describe('headings as county plans number them', () => {
  const outline = (text: string) =>
    parse(text).plan.clauses.map((c) => `${c.kind} ${c.id} ${c.citation} ${c.heading ?? ''}`.trim());

  it('reads 第一章 chapters and 第一节 sections, with 一、 and （一） below them', () => {
    const text = [
      '安吉县“十四五”节能减排综合工作实施方案',
      '第一章  总体要求',
      '第一节  指导思想',
      '以习近平新时代中国特色社会主义思想为指导。',
      '第二节  主要目标',
      '到2025年，全县单位地区生产总值能源消耗比2020年下降14.5%。',
      '第二章  重点工程',
      '一、重点行业绿色升级工程',
      '（一）推进竹木加工行业节能改造。（县经信局牵头）',
      '',
    ].join('\n');
    const { plan } = parse(text);
    expect(outline(text)).toEqual([
      'chapter 1 第一章 总体要求',
      'section 1-1 第一章第一节 指导思想',
      'paragraph 1-1-p1 第一章第一节',
      'section 1-2 第一章第二节 主要目标',
      'paragraph 1-2-p1 第一章第二节',
      'chapter 2 第二章 重点工程',
      'item 2-1 第二章一 重点行业绿色升级工程',
      'item 2-1-1 第二章一（一） 推进竹木加工行业节能改造',
    ]);
    expect(plan.clauses.map((c) => c.part)).toEqual([
      'goals',
      'goals',
      'goals',
      'goals',
      'goals',
      'projects',
      'projects',
      'projects',
    ]);
    // The heading and the text under it are never run into one paragraph.
    expect(plan.clauses.find((c) => c.id === '1-1')?.paragraphs).toEqual(['指导思想']);
    expect(plan.targets.map((t) => [t.indicatorId, t.value])).toEqual([['energy-intensity', 14.5]]);
    expect(plan.unrecognised).not.toContain('structure');
  });

  it('reads 第一部分 as a chapter', () => {
    const text = [
      '某县“十四五”节能减排综合工作方案',
      '第一部分 总体要求',
      '坚持节约优先。',
      '第二部分 保障措施',
      '加强组织领导。',
      '',
    ].join('\n');
    expect(outline(text)).toEqual([
      'chapter 1 第一部分 总体要求',
      'paragraph 1-p1 第一部分',
      'chapter 2 第二部分 保障措施',
      'paragraph 2-p1 第二部分',
    ]);
  });

  it('joins a heading number printed on a line of its own to the heading below it', () => {
    const text = [
      '沁县“十四五”节能减排综合工作方案',
      '三、重点任务',
      '（一）推进工业领域节能。加快节能技术改造。（县工信局牵头）',
      '四、',
      '保障措施',
      '（一）加强组织领导。统筹推进。（县发改局负责）',
      '',
    ].join('\n');
    const { plan } = parse(text);
    expect(outline(text)).toEqual([
      'chapter 3 三 重点任务',
      'section 3-1 三（一） 推进工业领域节能',
      'chapter 4 四 保障措施',
      'section 4-1 四（一） 加强组织领导',
    ]);
    const four = plan.clauses.find((c) => c.id === '4');
    expect([four?.number, four?.paragraphs, four?.line, four?.endLine]).toEqual(['四、', ['保障措施'], 4, 5]);
  });

  it('reads a chapter heading whose 、 was lost (二 主要目标), and not a line of prose', () => {
    const text = [
      '沁县“十四五”节能减排综合工作方案',
      '一、总体要求',
      '坚持节约优先。',
      '二 主要目标',
      '到2025年，全县单位地区生产总值能源消耗比2020年下降14%。',
      '三 是加强组织领导，各部门要落实责任。',
      '',
    ].join('\n');
    expect(outline(text)).toEqual([
      'chapter 1 一 总体要求',
      'paragraph 1-p1 一',
      'chapter 2 二 主要目标',
      'paragraph 2-p1 二第1段',
      'paragraph 2-p2 二第2段',
    ]);
  });
});

describe('an annex table printed one row a line, its cells apart by tabs', () => {
  it('is a table, and its targets are read', () => {
    const text = [
      '龙港市“十四五”节能减排综合工作方案',
      '一、主要目标',
      '“十四五”期间，全市节能减排主要目标见附件1。',
      '附件1',
      '龙港市“十四五”节能减排主要目标',
      '',
      '指标\t2020年\t2025年\t指标属性',
      '单位地区生产总值能耗降低（%）\t—\t14.5\t约束性',
      '化学需氧量重点工程减排量（吨）\t—\t320\t约束性',
      '',
      '注：能耗强度降低以2020年为基数。',
      '',
    ].join('\n');
    const { plan } = parse(text);
    const annex = plan.annexes[0];
    expect(annex?.title).toBe('龙港市“十四五”节能减排主要目标');
    const table = annex?.blocks.find((b) => b.type === 'table');
    expect(table?.type === 'table' ? table.rows : null).toEqual([
      ['指标', '2020年', '2025年', '指标属性'],
      ['单位地区生产总值能耗降低（%）', '—', '14.5', '约束性'],
      ['化学需氧量重点工程减排量（吨）', '—', '320', '约束性'],
    ]);
    expect(
      annex?.blocks.filter((b) => b.type === 'paragraph').map((b) => (b.type === 'paragraph' ? b.text : '')),
    ).toEqual(['注：能耗强度降低以2020年为基数。']);
    expect(plan.targets.map((t) => [t.indicatorId, t.value, t.unit, t.targetYear])).toEqual([
      ['energy-intensity', 14.5, '%', 2025],
      ['cod-reduction', 320, '吨', 2025],
    ]);
  });
});

describe('years printed in Chinese numerals', () => {
  it.each([
    ['到二〇二五年，全县单位地区生产总值能源消耗比二〇二〇年下降14.5%。', 2020, 2025],
    ['到二零二五年，全县单位地区生产总值能源消耗比二零二零年下降百分之十四点五。', 2020, 2025],
    ['到2025年，全县单位地区生产总值能源消耗比二〇二〇年下降14.5%。', 2020, 2025],
  ])('%s', (sentence, baselineYear, targetYear) => {
    const text = ['宁乡市“十四五”节能减排综合工作方案', '一、主要目标', sentence, ''].join('\n');
    const { plan } = parse(text.replace('全县', '全市'));
    expect(plan.targets.map((t) => [t.indicatorId, t.value, t.baselineYear, t.targetYear])).toEqual([
      ['energy-intensity', 14.5, baselineYear, targetYear],
    ]);
  });
});

describe('a table in the body printed one row a line', () => {
  it('keeps each row a paragraph of its own, never run into the text before or after it', () => {
    const rows = [
      '指标\t2020年\t2025年目标\t属性',
      '单位地区生产总值能源消耗下降（%）\t—\t14.5\t约束性',
      '城镇新建建筑中绿色建筑占比（%）\t60\t100\t预期性',
    ];
    const text = [
      '东明县“十四五”节能减排综合工作方案',
      '一、主要目标',
      '表1  东明县“十四五”节能减排主要指标',
      ...rows,
      '二、重点工程',
      '',
    ].join('\n');
    const { plan } = parse(text);
    const paragraphs = plan.clauses.filter((c) => c.id.startsWith('1')).flatMap((c) => c.paragraphs);
    expect(paragraphs).toEqual(['主要目标', '表1  东明县“十四五”节能减排主要指标', ...rows]);
  });
});

describe('a signature closing the plan text', () => {
  it.each([
    ['沁县人民政府办公室', '2022年8月30日', '2022-08-30'],
    ['惠州市惠陽區人民政府', '2022年10月8日', '2022-10-08'],
    ['阿鲁科尔沁旗人民政府', '二〇二二年六月十八日', '2022-06-18'],
  ])('%s %s', (issuer, date, iso) => {
    const text = [
      '沁县“十四五”节能减排综合工作方案',
      '一、保障措施',
      '（一）加强组织领导。统筹推进。',
      '',
      issuer,
      date,
      '',
    ].join('\n');
    const { plan } = parse(text);
    expect([plan.issuer, plan.issued]).toEqual([issuer, iso]);
    // The two lines stay two, as printed, not one run 沁县人民政府办公室2022年8月30日.
    expect(plan.clauses.at(-1)?.paragraphs.slice(-2)).toEqual([issuer, date]);
    expect(plan.unrecognised).not.toContain('issuer');
  });

  it('does not take a body’s 人民政府 line that is not followed by a date for the issuer', () => {
    const text = [
      '沁县“十四五”节能减排综合工作方案',
      '一、保障措施',
      '（一）加强组织领导。',
      '各乡镇人民政府',
      '',
    ].join('\n');
    expect(parse(text).plan.issuer).toBeNull();
  });
});

describe('quantities in Chinese numerals before a unit of mass or energy', () => {
  it.each([
    ['化学需氧量重点工程减排量达到一千二百吨', 'cod-reduction', 1200, '吨', '一千二百吨'],
    ['氮氧化物重点工程减排量达到三百五十吨', 'nox-reduction', 350, '吨', '三百五十吨'],
    ['化学需氧量重点工程减排量达到零点三万吨', 'cod-reduction', 3000, '吨', '零点三万吨'],
  ])('%s', (phrase, indicatorId, value, unit, wording) => {
    const text = ['宁乡市“十四五”节能减排综合工作方案', '一、主要目标', `到2025年，全市${phrase}。`, ''].join(
      '\n',
    );
    const { plan } = parse(text);
    expect(plan.targets.map((t) => [t.indicatorId, t.value, t.unit, t.wording])).toEqual([
      [indicatorId, value, unit, wording],
    ]);
  });

  it('never reads part of a numeral it cannot read whole', () => {
    // 一万二千吨: 万 inside the number is not read, so neither is 二千吨.
    const text = [
      '宁乡市“十四五”节能减排综合工作方案',
      '一、主要目标',
      '到2025年，全市化学需氧量重点工程减排量达到一万二千吨。',
      '',
    ].join('\n');
    expect(parse(text).plan.targets.map((t) => t.value)).not.toContain(2000);
  });
});

describe('a role printed in brackets after a name', () => {
  it.each([
    [
      '责任单位：县发改局（牵头）、县工信局、县生态环境分局',
      ['县发改局:lead:牵头', '县工信局:supporting:责任单位', '县生态环境分局:supporting:责任单位'],
    ],
    [
      '（责任单位：县住建局〔牵头〕，县自然资源局）',
      ['县住建局:lead:牵头', '县自然资源局:supporting:责任单位'],
    ],
    ['（县发改局（牵头）、县财政局（配合））', ['县发改局:lead:牵头', '县财政局:supporting:配合']],
    // A body in brackets after a name is no role: it stays part of the name.
    [
      '责任单位：县发改局、县交通局（县邮政业安全发展中心）',
      ['县发改局:responsible:责任单位', '县交通局（县邮政业安全发展中心）:responsible:责任单位'],
    ],
  ])('%s', (note, expected) => {
    const text = [
      '石楼县“十四五”节能减排综合工作方案',
      '一、重点任务',
      `（一）推进建筑节能。加快改造。`,
      note,
      '',
    ].join('\n');
    const { plan } = parse(text);
    const clause = plan.clauses.find((c) => c.id === '1-1');
    const mentions = clause?.responsibility?.departments ?? [];
    expect(mentions.map((d) => `${d.name}:${d.role}:${d.roleWording}`)).toEqual(expected);
    for (const d of mentions) {
      const paragraph = clause?.paragraphs[d.range.paragraph] ?? '';
      expect(paragraph.slice(d.range.start, d.range.end)).toBe(d.name);
    }
    expect(plan.departments.map((d) => d.name)).toEqual(expected.map((e) => e.split(':')[0]));
  });
});

describe('a drafting note (起草说明) printed after the plan', () => {
  it('is an annex of its own: its 一、二、 are not the plan’s chapters', () => {
    const text = [
      '舒城县“十四五”节能减排综合工作方案（征求意见稿）',
      '一、总体要求',
      '坚持节约优先。',
      '二、主要目标',
      '到2025年，全县单位地区生产总值能源消耗比2020年下降14%。',
      '',
      '关于《舒城县“十四五”节能减排综合工作方案（征求意见稿）》的起草说明',
      '一、起草背景',
      '根据省、市部署要求，县发改委牵头起草了本方案。',
      '二、主要内容',
      '方案共分两个部分。',
      '',
    ].join('\n');
    const { plan, warnings } = parse(text);
    expect(plan.clauses.filter((c) => c.kind === 'chapter').map((c) => c.citation)).toEqual(['一', '二']);
    expect(warnings.map((w) => w.message).join('\n')).not.toMatch(/duplicate clause number/);
    expect(plan.annexes.map((a) => a.label)).toEqual([
      '关于《舒城县“十四五”节能减排综合工作方案（征求意见稿）》的起草说明',
    ]);
    expect(plan.annexes[0]?.blocks.map((b) => (b.type === 'paragraph' ? b.text : ''))).toEqual([
      '一、起草背景',
      '根据省、市部署要求，县发改委牵头起草了本方案。',
      '二、主要内容',
      '方案共分两个部分。',
    ]);
  });
});

describe('a same-named district told apart by the places its body names', () => {
  it.each([
    ['南山区', '（区工业和信息化局牵头，深圳市生态环境局南山管理局配合）', '广东省>深圳市>南山区'],
    ['鼓楼区', '（区发展改革委牵头，南京市生态环境局鼓楼分局配合）', '江苏省>南京市>鼓楼区'],
    ['南山区', '（区工业和信息化局牵头，区发展和改革局配合）', ''],
  ])('%s %s', (place, note, path) => {
    const text = [
      `${place}“十四五”节能减排综合工作方案`,
      '一、重点任务',
      `（一）推进工业节能。加快改造。${note}`,
      '',
    ].join('\n');
    const { plan } = parse(text);
    expect(plan.regionPath.map((d) => d.name).join('>')).toBe(path);
    expect(plan.region).toBe(place);
  });
});
