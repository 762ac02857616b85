import { describe, expect, it } from 'vitest';
import {
  compareMatrix,
  loadNationalTemplate,
  matchTopics,
  NationalTemplate,
  unmatchedClauses,
  type TopicMatch,
} from '../../src/lib/compare';
import { bigrams, dice, headingSegments } from '../../src/lib/compare/text';
import type { Clause, Plan } from '../../src/lib/model/plan';
import { ingestedSeeds, planOf } from '../helpers/seeds';

const template = loadNationalTemplate();

const PROJECTS = [
  'industry-green-upgrade',
  'industrial-parks',
  'urban-green-retrofit',
  'transport-logistics',
  'agriculture-rural',
  'public-institutions',
  'key-regions-pollution',
  'clean-coal',
  'voc-control',
  'environmental-infrastructure',
] as const;
const MECHANISMS = [
  'energy-dual-control',
  'pollutant-total-control',
  'curb-two-highs',
  'laws-standards',
  'economic-policies',
  'market-mechanisms',
  'statistics-monitoring',
  'workforce',
] as const;
type TopicId = (typeof PROJECTS)[number] | (typeof MECHANISMS)[number];

/** `covered:<ids>`, `merged:<id>` or `missing`, ids in reading order. */
type Expected = Record<TopicId, string>;

const projectsInSections = (chapter: number): Record<(typeof PROJECTS)[number], string> =>
  Object.fromEntries(PROJECTS.map((id, i) => [id, `covered:${chapter}-${i + 1}`])) as Record<
    (typeof PROJECTS)[number],
    string
  >;
const mechanismsFrom = (chapter: number, first: number): Record<(typeof MECHANISMS)[number], string> =>
  Object.fromEntries(MECHANISMS.map((id, i) => [id, `covered:${chapter}-${first + i}`])) as Record<
    (typeof MECHANISMS)[number],
    string
  >;

/**
 * The expected alignment of every seed, worked out by reading the seeds. 黔江, 达州 and 贵州 follow the
 * national order; 莱芜 renames every topic, swaps 三（七）/三（八）, splits 完善经济政策 over 五（二）财税 and
 * 五（三）金融价格 and spreads the mechanisms over chapters 四 and 五; 廊坊 has seven mechanisms and treats
 * 完善经济政策 (财政资金、税收、绿色金融、电价…) inside 四（四）健全政策标准.
 */
const EXPECTED: [file: string, region: string, expected: Expected][] = [
  ['000_5b537b9a7be6a6a5.txt', '黔江区', { ...projectsInSections(3), ...mechanismsFrom(4, 1) }],
  ['001_fe432f922416074d.txt', '达州市', { ...projectsInSections(3), ...mechanismsFrom(4, 11) }],
  ['002_9e3084a1a31ff5d6.txt', '贵州省', { ...projectsInSections(3), ...mechanismsFrom(4, 1) }],
  [
    '003_a39c52263945813a.txt',
    '莱芜区',
    {
      ...projectsInSections(3),
      'key-regions-pollution': 'covered:3-8', // 控制重点区域污染物排放
      'clean-coal': 'covered:3-7', // 加快能源清洁低碳转型: 加快煤炭清洁高效利用
      'energy-dual-control': 'covered:4-1',
      'pollutant-total-control': 'covered:4-2',
      'curb-two-highs': 'covered:4-3',
      'laws-standards': 'covered:5-1',
      'economic-policies': 'covered:5-2,5-3',
      'market-mechanisms': 'covered:5-5',
      'statistics-monitoring': 'covered:5-6',
      workforce: 'covered:5-7', // 壮大节能减排执法队伍
    },
  ],
  [
    '004_5c114cb50a3ad106.txt',
    '廊坊市',
    {
      ...projectsInSections(3),
      'energy-dual-control': 'covered:4-1',
      'pollutant-total-control': 'covered:4-2',
      'curb-two-highs': 'covered:4-3',
      'laws-standards': 'covered:4-4', // 健全政策标准
      'economic-policies': 'merged:4-4',
      'market-mechanisms': 'covered:4-5',
      'statistics-monitoring': 'covered:4-6',
      workforce: 'covered:4-7',
    },
  ],
];

function summary(match: TopicMatch): string {
  return match.status === 'missing' ? 'missing' : `${match.status}:${match.clauseIds.join(',')}`;
}

const matchesOf = new Map(EXPECTED.map(([file]) => [file, matchTopics(planOf(file), template)]));

describe('national template', () => {
  it('lists the ten key projects and eight policy mechanisms of 国发〔2021〕33号 in order', () => {
    expect(template.source.number).toBe('国发〔2021〕33号');
    expect(template.topics.map((t) => `${t.order} ${t.kind} ${t.citation} ${t.title}`)).toEqual([
      '1 project 三（一） 重点行业绿色升级工程',
      '2 project 三（二） 园区节能环保提升工程',
      '3 project 三（三） 城镇绿色节能改造工程',
      '4 project 三（四） 交通物流节能减排工程',
      '5 project 三（五） 农业农村节能减排工程',
      '6 project 三（六） 公共机构能效提升工程',
      '7 project 三（七） 重点区域污染物减排工程',
      '8 project 三（八） 煤炭清洁高效利用工程',
      '9 project 三（九） 挥发性有机物综合整治工程',
      '10 project 三（十） 环境基础设施水平提升工程',
      '11 mechanism 四（十一） 优化完善能耗双控制度',
      '12 mechanism 四（十二） 健全污染物排放总量控制制度',
      '13 mechanism 四（十三） 坚决遏制高耗能高排放项目盲目发展',
      '14 mechanism 四（十四） 健全法规标准',
      '15 mechanism 四（十五） 完善经济政策',
      '16 mechanism 四（十六） 完善市场化机制',
      '17 mechanism 四（十七） 加强统计监测能力建设',
      '18 mechanism 四（十八） 壮大节能减排人才队伍',
    ]);
    expect(template.topics.map((t) => t.id)).toEqual([...PROJECTS, ...MECHANISMS]);
  });

  it('gives every topic a description and matching vocabulary', () => {
    for (const topic of template.topics) {
      expect(topic.description.length).toBeGreaterThan(10);
      expect(topic.headingTerms.length).toBeGreaterThan(0);
      expect(topic.keywords.length).toBeGreaterThanOrEqual(3);
    }
  });

  const raw = {
    source: { title: 'x', number: 'y', issued: '2021-12-28' },
    headingStopwords: [],
    topics: [
      {
        id: 'a',
        kind: 'project',
        order: 2,
        citation: '三（二）',
        title: '乙',
        description: 'd',
        headingTerms: ['乙'],
        keywords: ['1', '2', '3'],
      },
      {
        id: 'b',
        kind: 'project',
        order: 1,
        citation: '三（一）',
        title: '甲',
        description: 'd',
        headingTerms: ['甲'],
        keywords: ['1', '2', '3'],
      },
    ],
  };

  it('sorts topics into national order', () => {
    expect(NationalTemplate.parse(raw).topics.map((t) => t.id)).toEqual(['b', 'a']);
  });

  it.each([
    ['a duplicate id', { ...raw.topics[1], id: 'a' }, /duplicate id a/],
    ['a duplicate order', { ...raw.topics[1], order: 2 }, /duplicate order 2/],
    ['an id that is not a kebab-case slug', { ...raw.topics[1], id: 'Key_Projects' }, /id/],
    ['an unknown kind', { ...raw.topics[1], kind: 'policy' }, /kind/],
    ['too few keywords', { ...raw.topics[1], keywords: ['x'] }, /keywords/],
  ])('rejects %s', (_what, topic, message) => {
    const result = NationalTemplate.safeParse({ ...raw, topics: [raw.topics[0], topic] });
    expect(result.success).toBe(false);
    expect(result.error?.message).toMatch(message);
  });
});

describe('heading similarity', () => {
  const stop = template.headingStopwords;
  it.each([
    ['强化重点行业节能减排', ['重点行业']],
    ['坚决遏制“两高”项目盲目发展', ['遏制', '两高', '项目盲目发展']],
    ['优化完善能耗双控政策措施', ['能耗双控政策措施']],
    ['開展揮發性有機物綜合治理', ['挥发性有机物综合治理']],
    ['（三）用好金融价格政策工具', ['三', '金融价格政策工具']],
  ])('%s → segments %j', (heading, segments) => {
    expect(headingSegments(heading, stop)).toEqual(segments);
  });

  it.each([
    ['重点行业绿色升级工程', '重点行业绿色升级工程', 1],
    ['壮大节能减排人才队伍', '壮大节能减排执法队伍', 0.5],
    ['加强统计监测能力建设', '提高统计监测水平', 0.5],
    ['煤炭清洁高效利用工程', '加快能源清洁低碳转型', 0.143],
    ['完善经济政策', '健全政策标准', 0.333],
  ])('dice(%s, %s) = %d', (a, b, expected) => {
    expect(dice(bigrams(headingSegments(a, stop)), bigrams(headingSegments(b, stop)))).toBeCloseTo(
      expected,
      3,
    );
  });

  it('is zero for empty headings', () => {
    expect(dice(new Set(), new Set())).toBe(0);
  });
});

describe.each(EXPECTED)('matchTopics(%s) %s', (file, _region, expected) => {
  const matches = matchesOf.get(file)!;

  it('returns one result per topic, in national order', () => {
    expect(matches.map((m) => m.topicId)).toEqual([...PROJECTS, ...MECHANISMS]);
  });

  it.each(Object.entries(expected))('%s → %s', (topicId, want) => {
    expect(summary(matches.find((m) => m.topicId === topicId)!)).toBe(want);
  });

  it('never gives one clause to two topics except as the clause a topic is merged into', () => {
    const covered = matches.filter((m) => m.status === 'covered').flatMap((m) => m.clauseIds);
    expect(new Set(covered).size).toBe(covered.length);
    for (const m of matches.filter((x) => x.status === 'merged')) {
      expect(covered).toContain(m.clauseIds[0]);
    }
  });

  it('points only at clauses of the plan, with scores in (0, 1] and a note naming them', () => {
    const plan = planOf(file);
    for (const m of matches) {
      for (const id of m.clauseIds) {
        const clause = plan.clauses.find((c) => c.id === id)!;
        expect(clause).toBeDefined();
        expect(m.note).toContain(`${clause.citation}「${clause.heading}」`);
      }
      expect(m.score).toBeGreaterThan(0);
      expect(m.score).toBeLessThanOrEqual(1);
    }
  });
});

describe('matchTopics: notes, extras and determinism', () => {
  it.each([
    ['004_5c114cb50a3ad106.txt', 'economic-policies', '并入四（四）「健全政策标准」'],
    [
      '003_a39c52263945813a.txt',
      'economic-policies',
      '见五（二）「强化财税政策支持」、五（三）「用好金融价格政策工具」',
    ],
    ['001_fe432f922416074d.txt', 'workforce', '见四（十八）「壮大节能减排人才队伍」'],
    ['000_5b537b9a7be6a6a5.txt', 'key-regions-pollution', '见三（七）「成渝地区双城经济圈污染共治工程」'],
  ])('%s %s: %s', (file, topicId, note) => {
    expect(matchesOf.get(file)!.find((m) => m.topicId === topicId)?.note).toBe(note);
  });

  it('prefers a section to an item inside it that names the topic more closely (黔江 三（七） over 三（七）1)', () => {
    const match = matchesOf
      .get('000_5b537b9a7be6a6a5.txt')!
      .find((m) => m.topicId === 'key-regions-pollution')!;
    expect(match.clauseIds).toEqual(['3-7']);
  });

  it.each([
    ['000_5b537b9a7be6a6a5.txt', []],
    ['001_fe432f922416074d.txt', []],
    ['002_9e3084a1a31ff5d6.txt', []],
    ['003_a39c52263945813a.txt', ['5-4', '5-8']],
    ['004_5c114cb50a3ad106.txt', []],
  ])('%s adds %j to the template', (file, ids) => {
    const plan = planOf(file);
    expect(unmatchedClauses(plan, matchesOf.get(file)!).map((c) => c.id)).toEqual(ids);
  });

  it('does not depend on the order of the clause list', () => {
    const plan = planOf('003_a39c52263945813a.txt');
    const shuffled: Plan = { ...plan, clauses: [...plan.clauses].reverse() };
    expect(matchTopics(shuffled, template)).toEqual(matchTopics(plan, template));
  });

  it('builds the matrix for every seed', () => {
    const matrix = compareMatrix(ingestedSeeds().plans, template);
    expect(matrix.map((row) => row.planId).sort()).toEqual([
      'dazhou-shi',
      'guizhou-sheng',
      'laiwu-qu',
      'langfang-shi',
      'qianjiang-qu',
    ]);
    expect(matrix.every((row) => row.matches.length === 18)).toBe(true);
  });
});

describe('matchTopics: plans that lack or merge a topic', () => {
  let position = 0;
  const clause = (
    id: string,
    heading: string,
    text: string,
    part: Clause['part'],
    parentId: string | null = null,
  ): Clause => ({
    id,
    kind: parentId === null ? 'chapter' : 'section',
    parentId,
    depth: parentId === null ? 1 : 2,
    number: null,
    citation: id,
    heading,
    paragraphs: [`${heading}。${text}`],
    responsibility: null,
    part,
    position: position++,
    line: position,
    endLine: position,
  });
  const base = planOf('002_9e3084a1a31ff5d6.txt');
  const planWith = (clauses: Clause[]): Plan => ({ ...base, clauses });

  it('reports a topic no clause treats as missing', () => {
    const plan = planWith([
      clause('3', '实施节能减排重点工程', '', 'projects'),
      clause('3-1', '重点行业绿色升级工程', '推进钢铁、建材行业超低排放改造。', 'projects', '3'),
    ]);
    const byId = new Map(matchTopics(plan, template).map((m) => [m.topicId, m]));
    expect(summary(byId.get('industry-green-upgrade')!)).toBe('covered:3-1');
    expect(byId.get('voc-control')).toEqual({
      topicId: 'voc-control',
      status: 'missing',
      clauseIds: [],
      score: 0,
      note: '未见对应条款',
    });
  });

  it('reports a topic treated inside another topic’s clause as merged into it', () => {
    const plan = planWith([
      clause('4', '健全政策机制', '', 'policies'),
      clause(
        '4-1',
        '完善市场化机制',
        '推进排污权、用能权交易。加大财政资金支持，落实税收优惠，发展绿色金融。',
        'policies',
        '4',
      ),
    ]);
    const byId = new Map(matchTopics(plan, template).map((m) => [m.topicId, m]));
    expect(summary(byId.get('market-mechanisms')!)).toBe('covered:4-1');
    expect(summary(byId.get('economic-policies')!)).toBe('merged:4-1');
    expect(byId.get('economic-policies')!.note).toBe('并入4-1「完善市场化机制」');
  });

  it('needs more than a passing mention to call a topic merged', () => {
    const plan = planWith([
      clause('4', '健全政策机制', '', 'policies'),
      clause('4-1', '完善市场化机制', '推进排污权交易，争取财政资金。', 'policies', '4'),
    ]);
    expect(matchTopics(plan, template).find((m) => m.topicId === 'economic-policies')?.status).toBe(
      'missing',
    );
  });

  it('recognises headings in traditional characters', () => {
    const plan = planWith([
      clause('3', '實施節能減排重點工程', '', 'projects'),
      clause('3-1', '重點行業綠色升級工程', '推進鋼鐵、建材行業超低排放改造。', 'projects', '3'),
    ]);
    expect(summary(matchTopics(plan, template)[0]!)).toBe('covered:3-1');
  });

  it('prefers the clause in the expected part and adds no non-sibling as a second covering', () => {
    const plan = planWith([
      clause('3', '重点工程', '', 'projects'),
      clause('3-1', '加强统计监测', '完善能源计量、统计和监测。', 'projects', '3'),
      clause('4', '政策机制', '', 'policies'),
      clause('4-1', '加强统计监测能力建设', '完善能源计量、统计和监测。', 'policies', '4'),
    ]);
    expect(summary(matchTopics(plan, template).find((m) => m.topicId === 'statistics-monitoring')!)).toBe(
      'covered:4-1',
    );
  });
});
