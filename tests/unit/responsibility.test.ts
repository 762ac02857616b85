import { describe, expect, it } from 'vitest';
import type { Role } from '../../src/lib/model/plan';
import { foldForRecognition } from '../../src/lib/read/normalize';
import { endsInLabelledNote, findResponsibilityNote } from '../../src/lib/responsibility/find';
import { isImplementerName, parseResponsibility } from '../../src/lib/responsibility/parse';
import { loadDepartmentCatalogue } from '../../src/lib/departments/catalogue';
import { compileCollectives } from '../../src/lib/responsibility/collectives';

/** Notes are read with the curated collective phrases of content/departments.yaml. */
const collectives = compileCollectives(loadDepartmentCatalogue().collectives);
const parseNote = (note: string) => parseResponsibility(note, collectives);

describe('findResponsibilityNote', () => {
  it.each([
    [
      '〔〕 with a nested （） (黔江)',
      '到2025年，重点行业均达到基准水平，标杆水平产能比例超过30%。〔区发展改革委、区经济信息委（区大数据发展局）、区市场监管局、正阳工业园区管委会等按职责分工负责〕',
      '〔区发展改革委、区经济信息委（区大数据发展局）、区市场监管局、正阳工业园区管委会等按职责分工负责〕',
    ],
    [
      'full-width （） (黔江)',
      '2．推进跨界水体环境治理。联动推动河长制，完善联合巡河和联合执法常态化机制。共同推进阿蓬江流域上下游协同治理。（区生态环境局、区水利局等按职责分工负责）',
      '（区生态环境局、区水利局等按职责分工负责）',
    ],
    [
      'half-width () with 〔州〕 inside (贵州)',
      '到 2025 年，规模以上工业单位增加值能耗下降 14%，万元工业增加值用水量下降 13%，重点行业能效达到标杆水平的产能比例超过 30%。(省工业和信息化厅、省发展改革委、省生态环境厅、省市场监管局、省能源局、省大数据局、省通信管理局、省水利厅等按职责分工负责，各市〔州〕人民政府负责落实。以下均需各市〔州〕人民政府落实，不再列出)',
      '(省工业和信息化厅、省发展改革委、省生态环境厅、省市场监管局、省能源局、省大数据局、省通信管理局、省水利厅等按职责分工负责，各市〔州〕人民政府负责落实。以下均需各市〔州〕人民政府落实，不再列出)',
    ],
    [
      'half-width sole 负责 (贵州)',
      '到 2025 年，遴选 12 家以上国家级公共机构能效领跑者，完成国家级节约型公共机构示范单位创建任务。(省机关事务局负责)',
      '(省机关事务局负责)',
    ],
    [
      'mixed （…) (莱芜)',
      '深入实施财政涉企资金“绿色门槛”制度。（区发展改革局、区财政局牵头,区住房城乡建设局、区城管局、市生态环境局莱芜分局、区税务局等按职责分工负责)',
      '（区发展改革局、区财政局牵头,区住房城乡建设局、区城管局、市生态环境局莱芜分局、区税务局等按职责分工负责)',
    ],
    [
      'mixed (…） (莱芜)',
      '重点排污单位按要求设置专职环保人员。(区发展改革局、市生态环境局莱芜分局牵头，区委编办、区司法局、区人力资源社会保障局等按职责分工负责）',
      '(区发展改革局、市生态环境局莱芜分局牵头，区委编办、区司法局、区人力资源社会保障局等按职责分工负责）',
    ],
    [
      'a mid-sentence parenthetical before the note (黔江)',
      '1．严格项目准入。对高耗能高排放项目（以下称“两高”项目）严格把关。（区发展改革委、区生态环境局牵头，区经济信息委、区规划自然资源局、区住房城乡建委等按职责分工负责）',
      '（区发展改革委、区生态环境局牵头，区经济信息委、区规划自然资源局、区住房城乡建委等按职责分工负责）',
    ],
    ['traditional characters', '強化總量減排監督管理。（區生態環境局負責）', '（區生態環境局負責）'],
    ['a full stop after the note', '强化总量减排监督管理。（区生态环境局负责）。', '（区生态环境局负责）'],
    ['trailing spaces', '强化总量减排监督管理。（区生态环境局负责）  ', '（区生态环境局负责）'],
    ['a paragraph that is only the note', '（区科技局牵头负责）', '（区科技局牵头负责）'],
    // Labelled notes, as many county plans print them.
    [
      'a bracketed 责任单位： list',
      '推进钢铁行业超低排放改造。（责任单位：县发改局、县工信局，各乡镇人民政府）',
      '（责任单位：县发改局、县工信局，各乡镇人民政府）',
    ],
    [
      'bracketed 牵头单位：…；配合单位：…',
      '推进园区循环化改造。（牵头单位：县工信局；配合单位：县发改局、县商务局）',
      '（牵头单位：县工信局；配合单位：县发改局、县商务局）',
    ],
    [
      '责任单位： without brackets, as the last sentence',
      '推进建筑节能。责任单位：县住建局、县自然资源局',
      '责任单位：县住建局、县自然资源局',
    ],
    [
      '牵头单位： without brackets, with a full stop',
      '推进建筑节能。牵头单位：县住建局；配合单位：县财政局。',
      '牵头单位：县住建局；配合单位：县财政局',
    ],
    ['a line that is only the labelled note', '责任单位：市生态环境局', '责任单位：市生态环境局'],
    [
      'a labelled note whose last name ends in brackets',
      '推进建筑节能。责任单位：县发改局、县交通局（县邮政业安全发展中心）',
      '责任单位：县发改局、县交通局（县邮政业安全发展中心）',
    ],
    [
      'a labelled note with role words in brackets',
      '责任单位：县发改局（牵头）、县财政局（配合）',
      '责任单位：县发改局（牵头）、县财政局（配合）',
    ],
    [
      'traditional characters and a full-width colon',
      '推進建築節能。責任單位：縣住建局',
      '責任單位：縣住建局',
    ],
    [
      'a bare list of bodies',
      '推进大气污染联防联控。（县大气办、县生态环境分局）',
      '（县大气办、县生态环境分局）',
    ],
    [
      'a bare list with a government and nested brackets',
      '推进。（市发展改革委，各县（市、区）人民政府）',
      '（市发展改革委，各县（市、区）人民政府）',
    ],
  ])('%s', (_label, paragraph, expected) => {
    const found = findResponsibilityNote(paragraph);
    expect(found?.text).toBe(expected);
    expect(paragraph.slice(found?.start ?? -1, (found?.start ?? 0) + expected.length)).toBe(expected);
  });

  it.each([
    [
      'a definition mid-sentence',
      '对高耗能高排放项目（以下称“两高”项目）严格把关。严禁违规“两高”项目建设、运行。',
    ],
    ['a definition at the end', '完善实施能源消费强度和总量双控（以下简称“能耗双控”）'],
    ['a note that is not at the end', '（区生态环境局负责）到2025年，完成1家企业挥发性有机物综合整治。'],
    ['a publication remark', '（此件公开发布）'],
    ['a subtitle', '（征求意见稿）'],
    ['a unit in a table cell', '减排目标（吨）'],
    ['an abbreviation', '有效开展泄漏检测与修复（LDRA）'],
    ['an unbalanced bracket', '区生态环境局负责）'],
    ['no bracket', '严格执行中央生态环境保护督察制度。'],
    ['an empty paragraph', ''],
    ['a label not in the last sentence', '责任单位：县住建局。推进建筑节能。'],
    ['a label inside a sentence', '明确责任单位：各乡镇要落实属地责任'],
    ['a bracket of what is included', '推动燃煤锅炉超低排放改造（含电力）'],
    ['a bracket of places', '覆盖各县（市、区）'],
    ['a bracket of a project phase', '建设污水处理厂（二期）'],
    ['a bracket of a place that is no body', '加快建设（市中心城区）'],
  ])('ignores %s', (_label, paragraph) => {
    expect(findResponsibilityNote(paragraph)).toBeNull();
  });
});

describe('endsInLabelledNote', () => {
  it.each([
    ['a note line', '责任单位：县发改局、县机关事务服务中心', true],
    ['a note after the clause text', '推进建筑节能。责任单位：县住建局、县自然资源局', true],
    ['lead and partners', '牵头单位：县交通运输局；配合单位：县公安局', true],
    ['a list ending in 等', '责任单位：县发改局、县财政局等', true],
    ['collective implementers', '责任单位：县发改局，各乡镇人民政府', true],
    ['a line cut inside a name (a page break)', '责任单位：县发改局、县工', false],
    ['a line cut after a comma', '责任单位：县发改局、', false],
    ['plain text cut at a page break', '推进公共机构节能改', false],
    ['a label not in the last sentence', '责任单位：县住建局。推进建筑节能', false],
    ['a label inside a sentence', '明确责任单位：各乡镇人民政府', false],
  ])('%s', (_label, line, expected) => {
    expect(endsInLabelledNote(foldForRecognition(line))).toBe(expected);
  });
});

type Expected = {
  mentions: [string, Role][];
  implementers?: string[];
  standing?: string[] | null;
};

describe('parseResponsibility', () => {
  it.each<[string, string, Expected]>([
    [
      'lead and supporting',
      '（区农业农村委牵头，区生态环境局、区乡村振兴局、区供销合作社等按职责分工负责）',
      {
        mentions: [
          ['区农业农村委', 'lead'],
          ['区生态环境局', 'supporting'],
          ['区乡村振兴局', 'supporting'],
          ['区供销合作社', 'supporting'],
        ],
      },
    ],
    [
      '〔〕 with nested brackets in names and three leads',
      '〔区交通局（黔江邮政业安全发展中心）、区商务委、区生态环境局牵头，区发展改革委、区公安局、区住房城乡建委、区国资委、区市场监管局等按职责分工负责〕',
      {
        mentions: [
          ['区交通局（黔江邮政业安全发展中心）', 'lead'],
          ['区商务委', 'lead'],
          ['区生态环境局', 'lead'],
          ['区发展改革委', 'supporting'],
          ['区公安局', 'supporting'],
          ['区住房城乡建委', 'supporting'],
          ['区国资委', 'supporting'],
          ['区市场监管局', 'supporting'],
        ],
      },
    ],
    [
      'responsible only, nested brackets',
      '〔区住房城乡建委、区机关事务中心、区经济信息委（区大数据发展局）、区商务委、正阳工业园区管委会等按职责分工负责〕',
      {
        mentions: [
          ['区住房城乡建委', 'responsible'],
          ['区机关事务中心', 'responsible'],
          ['区经济信息委（区大数据发展局）', 'responsible'],
          ['区商务委', 'responsible'],
          ['正阳工业园区管委会', 'responsible'],
        ],
      },
    ],
    ['sole 负责', '（区生态环境局负责）', { mentions: [['区生态环境局', 'lead']] }],
    ['sole 负责, half-width', '(省机关事务局负责)', { mentions: [['省机关事务局', 'lead']] }],
    [
      '牵头负责: all lead',
      '(区发展改革局、区工业和信息化局、市生态环境局莱芜分局牵头负责)',
      {
        mentions: [
          ['区发展改革局', 'lead'],
          ['区工业和信息化局', 'lead'],
          ['市生态环境局莱芜分局', 'lead'],
        ],
      },
    ],
    [
      '牵头负责 with a central-bank branch',
      '(区发展改革局、区住房城乡建设局、区金融运行监测中心、中国人民银行莱芜分行牵头负责)',
      {
        mentions: [
          ['区发展改革局', 'lead'],
          ['区住房城乡建设局', 'lead'],
          ['区金融运行监测中心', 'lead'],
          ['中国人民银行莱芜分行', 'lead'],
        ],
      },
    ],
    [
      'mixed （…) with half-width commas',
      '（区发展改革局、区财政局牵头,区住房城乡建设局、区城管局、市生态环境局莱芜分局、区税务局等按职责分工负责)',
      {
        mentions: [
          ['区发展改革局', 'lead'],
          ['区财政局', 'lead'],
          ['区住房城乡建设局', 'supporting'],
          ['区城管局', 'supporting'],
          ['市生态环境局莱芜分局', 'supporting'],
          ['区税务局', 'supporting'],
        ],
      },
    ],
    [
      '按职责分工负责 without 等',
      '（市委目标绩效办、市发展改革委、市生态环境局按职责分工负责）',
      {
        mentions: [
          ['市委目标绩效办', 'responsible'],
          ['市发展改革委', 'responsible'],
          ['市生态环境局', 'responsible'],
        ],
      },
    ],
    [
      '按职责分工负责 without 等 after a lead',
      '（市机关事务服务中心牵头，市发展改革委、市统计局按职责分工负责）',
      {
        mentions: [
          ['市机关事务服务中心', 'lead'],
          ['市发展改革委', 'supporting'],
          ['市统计局', 'supporting'],
        ],
      },
    ],
    [
      '等有关部门按职责分工负责',
      '（市发改委、市统计局等有关部门按职责分工负责）',
      {
        mentions: [
          ['市发改委', 'responsible'],
          ['市统计局', 'responsible'],
        ],
      },
    ],
    [
      '各有关部门 is not a department',
      '（市发展改革委、市生态环境局牵头，各有关部门按职责分工负责）',
      {
        mentions: [
          ['市发展改革委', 'lead'],
          ['市生态环境局', 'lead'],
        ],
      },
    ],
    [
      '各有关部门 with a half-width comma',
      '(省发展改革委、省生态环境厅牵头,各有关部门按职责分工负责)',
      {
        mentions: [
          ['省发展改革委', 'lead'],
          ['省生态环境厅', 'lead'],
        ],
      },
    ],
    [
      '等区级相关部门',
      '（区发展改革委、区生态环境局牵头，区委组织部等区级相关部门按职责分工负责）',
      {
        mentions: [
          ['区发展改革委', 'lead'],
          ['区生态环境局', 'lead'],
          ['区委组织部', 'supporting'],
        ],
      },
    ],
    [
      '区级有关部门 and a trailing implementer without 负责落实',
      '（区发展改革委、区生态环境局牵头，区级有关部门按职责分工负责，各乡镇街道）',
      {
        mentions: [
          ['区发展改革委', 'lead'],
          ['区生态环境局', 'lead'],
        ],
        implementers: ['各乡镇街道'],
      },
    ],
    [
      // Issue 8: a collective phrase is not a department.
      'a leading group’s member units are no department',
      '（市应对气候变化及节能减排工作领导小组各成员单位按职责分工负责）',
      { mentions: [] },
    ],
    [
      '各有关部门和单位 is no department',
      '（市发展改革委牵头，各有关部门和单位按职责分工负责）',
      { mentions: [['市发展改革委', 'lead']] },
    ],
    [
      '领导小组成员单位 is no department',
      '（市节能减排工作领导小组成员单位按职责分工负责）',
      { mentions: [] },
    ],
    [
      '…牵头，…配合',
      '（市发展改革委牵头，市财政局、市统计局配合）',
      {
        mentions: [
          ['市发展改革委', 'lead'],
          ['市财政局', 'supporting'],
          ['市统计局', 'supporting'],
        ],
      },
    ],
    [
      'standing implementers: 各市〔州〕人民政府 (贵州)',
      '(省工业和信息化厅、省发展改革委、省生态环境厅、省市场监管局、省能源局、省大数据局、省通信管理局、省水利厅等按职责分工负责，各市〔州〕人民政府负责落实。以下均需各市〔州〕人民政府落实，不再列出)',
      {
        mentions: [
          ['省工业和信息化厅', 'responsible'],
          ['省发展改革委', 'responsible'],
          ['省生态环境厅', 'responsible'],
          ['省市场监管局', 'responsible'],
          ['省能源局', 'responsible'],
          ['省大数据局', 'responsible'],
          ['省通信管理局', 'responsible'],
          ['省水利厅', 'responsible'],
        ],
        implementers: ['各市〔州〕人民政府'],
        standing: ['各市〔州〕人民政府'],
      },
    ],
    [
      'standing implementers without 负责落实, 不再一一列出 (达州)',
      '〔市经信局、市发展改革委、市科技局、市生态环境局、市水务局、市市场监管局等按职责分工负责，各县（市、区）人民政府，达州高新区、东部经开区管委会。以下均需各县（市、区）人民政府，达州高新区、东部经开区管委会落实，不再一一列出〕',
      {
        mentions: [
          ['市经信局', 'responsible'],
          ['市发展改革委', 'responsible'],
          ['市科技局', 'responsible'],
          ['市生态环境局', 'responsible'],
          ['市水务局', 'responsible'],
          ['市市场监管局', 'responsible'],
        ],
        implementers: ['各县（市、区）人民政府', '达州高新区', '东部经开区管委会'],
        standing: ['各县（市、区）人民政府', '达州高新区', '东部经开区管委会'],
      },
    ],
    [
      'standing implementers after a comma, 不再逐一列出 (莱芜)',
      '(区发展改革局、区工业和信息化局、市生态环境局莱芜分局牵头,区城管局、区水务局等按职责分工负责, 各街道（镇）办事处（人民政府）负责落实，以下均需各街道（镇）办事处（人民政府）落实，不再逐一列出)',
      {
        mentions: [
          ['区发展改革局', 'lead'],
          ['区工业和信息化局', 'lead'],
          ['市生态环境局莱芜分局', 'lead'],
          ['区城管局', 'supporting'],
          ['区水务局', 'supporting'],
        ],
        implementers: ['各街道（镇）办事处（人民政府）'],
        standing: ['各街道（镇）办事处（人民政府）'],
      },
    ],
    [
      'implementers joined by 和 and 、 (廊坊)',
      '〔市工信局、市发改委、市生态环境局、市市场监管局按职责分工负责，各县（市、区）政府和廊坊开发区管委会、临空经济区（廊坊）管委会负责落实。以下均需各县（市、区）政府和廊坊开发区管委会、临空经济区（廊坊）管委会落实，不再列出〕',
      {
        mentions: [
          ['市工信局', 'responsible'],
          ['市发改委', 'responsible'],
          ['市生态环境局', 'responsible'],
          ['市市场监管局', 'responsible'],
        ],
        implementers: ['各县（市、区）政府', '廊坊开发区管委会', '临空经济区（廊坊）管委会'],
        standing: ['各县（市、区）政府', '廊坊开发区管委会', '临空经济区（廊坊）管委会'],
      },
    ],
    [
      '以及 between two bodies, 和 after a bracketed name',
      '（市发改委以及市财政局牵头，各县（市、区）政府和廊坊开发区管委会负责落实）',
      {
        mentions: [
          ['市发改委', 'lead'],
          ['市财政局', 'lead'],
        ],
        implementers: ['各县（市、区）政府', '廊坊开发区管委会'],
      },
    ],
    [
      'traditional characters keep their printed form',
      '（區農業農村委牽頭，區發展改革委等按職責分工負責）',
      {
        mentions: [
          ['區農業農村委', 'lead'],
          ['區發展改革委', 'supporting'],
        ],
      },
    ],
    [
      '和 inside a name does not split it',
      '（省工业和信息化厅、省人力资源社会保障厅等按职责分工负责）',
      {
        mentions: [
          ['省工业和信息化厅', 'responsible'],
          ['省人力资源社会保障厅', 'responsible'],
        ],
      },
    ],
  ])('%s', (_label, note, expected) => {
    const parsed = parseNote(note);
    expect(parsed.text).toBe(note);
    expect(parsed.mentions.map((m) => [m.name, m.role])).toEqual(expected.mentions);
    // Each mention records where in the note it is printed: the slice is the name, in reading order.
    expect(parsed.mentions.map((m) => note.slice(m.start, m.end))).toEqual(
      expected.mentions.map(([name]) => name),
    );
    expect(parsed.mentions.map((m) => m.start)).toEqual(
      parsed.mentions.map((m) => m.start).sort((a, b) => a - b),
    );
    expect(parsed.implementers).toEqual(expected.implementers ?? []);
    expect(parsed.standingImplementers).toEqual(expected.standing ?? null);
    expect(parsed.problems).toEqual([]);
  });

  it('reports an empty name instead of inventing one', () => {
    const parsed = parseNote('（区发展改革委、、区财政局等按职责分工负责）');
    expect(parsed.mentions.map((m) => m.name)).toEqual(['区发展改革委', '区财政局']);
    expect(parsed.problems).toEqual(['empty name in the list']);
  });
});

describe('isImplementerName', () => {
  it.each([
    ['各县（市、区）人民政府', true],
    ['各市〔州〕人民政府', true],
    ['各街道（镇）办事处（人民政府）', true],
    ['各乡镇街道', true],
    ['区发展改革委', false],
    ['正阳工业园区管委会', false],
    ['市应对气候变化及节能减排工作领导小组各成员单位', false],
  ])('%s → %s', (name, expected) => {
    expect(isImplementerName(name)).toBe(expected);
  });
});

describe('parseResponsibility: the role word as printed (issue 8)', () => {
  it.each<[string, string, [string, string, string | null][]]>([
    [
      '牵头 then 按职责分工负责',
      '（区发改委牵头，区财政局、区统计局按职责分工负责）',
      [
        ['区发改委', 'lead', '牵头'],
        ['区财政局', 'supporting', '按职责分工负责'],
        ['区统计局', 'supporting', '按职责分工负责'],
      ],
    ],
    ['a sole 负责', '（区生态环境局负责）', [['区生态环境局', 'lead', '负责']]],
    [
      '按职责分工负责 with no lead',
      '（区发改委、区财政局按职责分工负责）',
      [
        ['区发改委', 'responsible', '按职责分工负责'],
        ['区财政局', 'responsible', '按职责分工负责'],
      ],
    ],
    [
      '配合',
      '（市住建局牵头，市城管局配合）',
      [
        ['市住建局', 'lead', '牵头'],
        ['市城管局', 'supporting', '配合'],
      ],
    ],
    [
      '协助',
      '（县水利局牵头，县农业农村局协助）',
      [
        ['县水利局', 'lead', '牵头'],
        ['县农业农村局', 'supporting', '协助'],
      ],
    ],
    [
      '共同牵头',
      '（市发改委、市工信局共同牵头）',
      [
        ['市发改委', 'lead', '共同牵头'],
        ['市工信局', 'lead', '共同牵头'],
      ],
    ],
    ['牵头负责', '（省能源局牵头负责）', [['省能源局', 'lead', '牵头负责']]],
    [
      '按照职能分工负责',
      '（省发改委牵头，省财政厅按照职能分工负责）',
      [
        ['省发改委', 'lead', '牵头'],
        ['省财政厅', 'supporting', '按照职能分工负责'],
      ],
    ],
    [
      'a list broken by a comma takes the marker after it',
      '（区发改委，区财政局按职责分工负责）',
      [
        ['区发改委', 'responsible', '按职责分工负责'],
        ['区财政局', 'responsible', '按职责分工负责'],
      ],
    ],
    [
      '责任单位： names the label as the role word',
      '（责任单位：县发改局、县工信局，各乡镇人民政府）',
      [
        ['县发改局', 'responsible', '责任单位'],
        ['县工信局', 'responsible', '责任单位'],
      ],
    ],
    [
      '牵头单位：…；配合单位：…',
      '（牵头单位：县工信局；配合单位：县发改局、县商务局）',
      [
        ['县工信局', 'lead', '牵头单位'],
        ['县发改局', 'supporting', '配合单位'],
        ['县商务局', 'supporting', '配合单位'],
      ],
    ],
    [
      'a labelled list broken by commas goes on under its label',
      '牵头部门：市发改委，市工信局；配合部门：市财政局，市统计局',
      [
        ['市发改委', 'lead', '牵头部门'],
        ['市工信局', 'lead', '牵头部门'],
        ['市财政局', 'supporting', '配合部门'],
        ['市统计局', 'supporting', '配合部门'],
      ],
    ],
    [
      '主要责任单位 and 协办单位, traditional characters',
      '（主要責任單位：縣生態環境分局；協辦單位：縣水利局）',
      [
        ['縣生態環境分局', 'responsible', '主要責任單位'],
        ['縣水利局', 'supporting', '協辦單位'],
      ],
    ],
    [
      'no marker at all: no word',
      '（区发改委、区财政局）',
      [
        ['区发改委', 'responsible', null],
        ['区财政局', 'responsible', null],
      ],
    ],
  ])('%s', (_label, note, expected) => {
    expect(parseNote(note).mentions.map((m) => [m.name, m.role, m.roleWording])).toEqual(expected);
  });
});
