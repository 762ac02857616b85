import { describe, expect, it } from 'vitest';
import { planNames, resolveClause, resolveGoto, resolvePlan, type GotoPlan } from '../../src/lib/goto';

const plan = (id: string, title: string, region: string | null, citations: [string, string][]): GotoPlan => ({
  id,
  names: planNames({ title, region }),
  clauses: citations.map(([clauseId, citation]) => ({ id: clauseId, citation })),
});

const PLANS: GotoPlan[] = [
  plan('guizhou-sheng', '贵州省“十四五”节能减排综合工作方案', '贵州省', [
    ['preamble', ''],
    ['3', '三'],
    ['3-4', '三（四）'],
    ['3-4-1', '三（四）1'],
  ]),
  plan('dazhou-shi', '达州市“十四五”节能减排综合工作实施方案', '达州市', [
    ['4', '四'],
    ['4-12', '四（十二）'],
    ['5-21', '五（二十一）'],
  ]),
  plan('qianjiang-qu', '黔江区“十四五”节能减排综合工作实施方案', '黔江区', [
    ['3-4', '三（四）'],
    ['3-4-3', '三（四）3'],
  ]),
  plan('x-county-a', '某县节能减排方案', '某县', [['1', '一']]),
  plan('untitled', '关于节能减排的实施意见', null, [['2', '二']]),
];

describe('resolveGoto', () => {
  it.each<[string, string, ReturnType<typeof resolveGoto>]>([
    ['short name and section', '贵州 三（四）', { kind: 'clause', planId: 'guizhou-sheng', clauseId: '3-4' }],
    [
      'full name, half-width brackets, no space',
      '贵州省三(四)',
      { kind: 'clause', planId: 'guizhou-sheng', clauseId: '3-4' },
    ],
    ['an item', '黔江区 三（四）3', { kind: 'clause', planId: 'qianjiang-qu', clauseId: '3-4-3' }],
    [
      'an item with a full-width dot',
      '黔江 三（四）3．',
      { kind: 'clause', planId: 'qianjiang-qu', clauseId: '3-4-3' },
    ],
    [
      'a section numbered straight through, without its chapter',
      '达州 （二十一）',
      { kind: 'clause', planId: 'dazhou-shi', clauseId: '5-21' },
    ],
    ['第 and 条 are allowed', '达州 第四条', { kind: 'clause', planId: 'dazhou-shi', clauseId: '4' }],
    ['a chapter', '贵州 三', { kind: 'clause', planId: 'guizhou-sheng', clauseId: '3' }],
    ['a plan alone', '达州', { kind: 'plan', planId: 'dazhou-shi', reason: 'no-clause' }],
    [
      'a clause the plan does not have',
      '贵州 九（九）',
      { kind: 'plan', planId: 'guizhou-sheng', reason: 'clause-not-found' },
    ],
    [
      'a plan without a region, by its title',
      '关于节能减排的实施意见 二',
      { kind: 'clause', planId: 'untitled', clauseId: '2' },
    ],
    ['an unknown plan', '上海 三（四）', { kind: 'no-plan' }],
    ['nothing but a number', '三（四）', { kind: 'no-plan' }],
    ['empty', '   ', { kind: 'no-plan' }],
  ])('%s: %s', (_name, query, expected) => {
    expect(resolveGoto(PLANS, query)).toEqual(expected);
  });

  it('reads a bare number within the plan the reader is on', () => {
    expect(resolveGoto(PLANS, '三（四）3', 'qianjiang-qu')).toEqual({
      kind: 'clause',
      planId: 'qianjiang-qu',
      clauseId: '3-4-3',
    });
    expect(resolveGoto(PLANS, '（二十一）', 'dazhou-shi')).toEqual({
      kind: 'clause',
      planId: 'dazhou-shi',
      clauseId: '5-21',
    });
  });

  it('follows another plan named on a plan page', () => {
    expect(resolveGoto(PLANS, '贵州 三（四）', 'dazhou-shi')).toEqual({
      kind: 'clause',
      planId: 'guizhou-sheng',
      clauseId: '3-4',
    });
  });

  it('says when a name fits several plans', () => {
    const two = [...PLANS, plan('x-county-b', '某县节能减排实施方案（2023）', '某县', [['1', '一']])];
    expect(resolveGoto(two, '某县 一')).toEqual({
      kind: 'ambiguous-plan',
      planIds: ['x-county-a', 'x-county-b'],
    });
  });
});

/** The /go/ page's two steps: the plan from names alone (the index has no citations), then its clauses. */
describe('resolvePlan, then resolveClause', () => {
  const names = PLANS.map(({ id, names }) => ({ id, names }));
  it.each<[string, string | undefined, ReturnType<typeof resolvePlan>]>([
    ['贵州 三（四）1', undefined, { kind: 'found', planId: 'guizhou-sheng', reference: '三（四）1' }],
    ['达州市', undefined, { kind: 'found', planId: 'dazhou-shi', reference: '' }],
    ['三（四）3', 'qianjiang-qu', { kind: 'found', planId: 'qianjiang-qu', reference: '三（四）3' }],
    ['贵州 三（四）', 'dazhou-shi', { kind: 'found', planId: 'guizhou-sheng', reference: '三（四）' }],
    ['广东 一', undefined, { kind: 'no-plan' }],
  ])('%s (on %s’s page)', (query, onlyPlan, expected) => {
    expect(resolvePlan(names, query, onlyPlan)).toEqual(expected);
  });

  it.each<[string, string, ReturnType<typeof resolveClause>]>([
    ['dazhou-shi', '（二十一）', { kind: 'clause', planId: 'dazhou-shi', clauseId: '5-21' }],
    ['dazhou-shi', '', { kind: 'plan', planId: 'dazhou-shi', reason: 'no-clause' }],
    ['dazhou-shi', '九', { kind: 'plan', planId: 'dazhou-shi', reason: 'clause-not-found' }],
  ])('%s %s', (planId, reference, expected) => {
    const clauses = PLANS.find((p) => p.id === planId)?.clauses ?? [];
    expect(resolveClause(planId, clauses, reference)).toEqual(expected);
  });

  it('agree with resolveGoto on every query of the table above', () => {
    for (const query of [
      '贵州 三（四）1',
      '达州 （二十一）',
      '黔江区 三(四)3',
      '某县 一',
      '达州 九',
      '广东 一',
    ]) {
      const found = resolvePlan(names, query);
      const both =
        found.kind === 'found'
          ? resolveClause(found.planId, PLANS.find((p) => p.id === found.planId)!.clauses, found.reference)
          : found;
      expect(both).toEqual(resolveGoto(PLANS, query));
    }
  });
});

describe('planNames', () => {
  it.each([
    [{ title: 'T', region: '贵州省' }, ['T', '贵州省', '贵州']],
    [{ title: 'T', region: '莱芜区' }, ['T', '莱芜区', '莱芜']],
    [{ title: 'T', region: '某县' }, ['T', '某县']],
    [{ title: 'T', region: '凉山彝族自治州' }, ['T', '凉山彝族自治州', '凉山']],
    [{ title: 'T', region: '城区' }, ['T', '城区']],
    [{ title: 'T', region: null }, ['T']],
  ])('%j', (input, expected) => {
    expect(planNames(input)).toEqual(expected);
  });
});
