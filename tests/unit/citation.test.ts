import { describe, expect, it } from 'vitest';
import {
  annexReference,
  citationText,
  clauseQuote,
  clauseReference,
  documentCitation,
  fullCitation,
  quoteWithCitation,
  referenceOf,
} from '../../src/lib/citation';
import { planDescription, titleWithRegion } from '../../src/lib/describe';
import type { Clause, Plan } from '../../src/lib/model/plan';
import { qianjiang } from '../fixtures/plans';

type PlanFacts = Pick<Plan, 'title' | 'issuer' | 'issued' | 'status' | 'documentNumber'>;
const facts = (over: Partial<PlanFacts>): PlanFacts => ({
  title: '某县“十四五”节能减排综合工作实施方案',
  issuer: null,
  issued: null,
  status: 'final',
  documentNumber: null,
  ...over,
});

describe('documentCitation: only what the plan states', () => {
  it.each<[string, Partial<PlanFacts>, string]>([
    ['title alone', {}, '《某县“十四五”节能减排综合工作实施方案》'],
    [
      'issuer and date',
      { issuer: '某县人民政府', issued: '2023-05-04' },
      '某县人民政府《某县“十四五”节能减排综合工作实施方案》（2023年5月4日印发）',
    ],
    [
      'issuer, 文号 and date',
      { issuer: '某县人民政府', issued: '2023-05-04', documentNumber: '某府发〔2023〕12号' },
      '某县人民政府《某县“十四五”节能减排综合工作实施方案》（某府发〔2023〕12号，2023年5月4日印发）',
    ],
    ['a draft says so', { status: 'draft' }, '《某县“十四五”节能减排综合工作实施方案》（征求意见稿）'],
    [
      'a dated draft is not 印发',
      { status: 'draft', issued: '2022-09-01' },
      '《某县“十四五”节能减排综合工作实施方案》（征求意见稿，2022年9月1日）',
    ],
  ])('%s', (_name, over, expected) => {
    expect(documentCitation(facts(over))).toBe(expected);
  });
});

const make = (c: Partial<Clause> & Pick<Clause, 'id' | 'kind'>): Clause => ({
  line: 1,
  endLine: 1,
  parentId: null,
  depth: 1,
  number: null,
  citation: '',
  heading: null,
  paragraphs: [],
  responsibility: null,
  part: 'other',
  position: 0,
  ...c,
});

const chapter = make({
  id: '1',
  kind: 'chapter',
  number: '一、',
  citation: '一',
  heading: '总体要求',
  paragraphs: ['总体要求'],
});
const section = make({
  id: '4-4',
  kind: 'section',
  number: '（四）',
  citation: '四（四）',
  heading: '落实法规标准',
  paragraphs: ['落实法规标准。严格执行节约能源法。'],
});

describe('clauseReference: a heading and the text under it never share a citation', () => {
  it.each<[string, Clause, Clause | null, string]>([
    ['preamble', make({ id: 'preamble', kind: 'preamble' }), null, '序言'],
    ['chapter heading', chapter, null, '一“总体要求”'],
    [
      'first paragraph under a bare chapter heading',
      make({ id: '1-p1', kind: 'paragraph', parentId: '1', citation: '一' }),
      chapter,
      '一“总体要求”第1段',
    ],
    [
      'second paragraph under it',
      make({ id: '1-p2', kind: 'paragraph', parentId: '1', citation: '一' }),
      chapter,
      '一“总体要求”第2段',
    ],
    ['a section whose heading runs into its text', section, null, '四（四）“落实法规标准”'],
    [
      'the paragraph after a section that has text of its own is its second',
      make({ id: '4-4-p1', kind: 'paragraph', parentId: '4-4', citation: '四（四）' }),
      section,
      '四（四）“落实法规标准”第2段',
    ],
    [
      'an item without heading',
      make({ id: '3-4-3', kind: 'item', number: '3．', citation: '三（四）3' }),
      null,
      '三（四）3',
    ],
    ['annex list', make({ id: 'annex-list', kind: 'annex-list' }), null, '附件目录'],
  ])('%s', (_name, clause, parent, expected) => {
    expect(clauseReference(clause, parent)).toBe(expected);
  });

  it('finds the parent in the plan', () => {
    const paragraph = qianjiang.clauses.find((c) => c.id === '1-p1') as Clause;
    const heading = qianjiang.clauses.find((c) => c.id === '1') as Clause;
    expect(referenceOf(qianjiang, paragraph)).toBe('一“总体要求”第1段');
    expect(referenceOf(qianjiang, heading)).toBe('一“总体要求”');
  });
});

describe('full citation, quote and annex', () => {
  it('joins document, reference and permalink', () => {
    expect(fullCitation(qianjiang, '三（四）3', 'https://x.example/plans/qianjiang-qu/#3-4-3')).toBe(
      '重庆市黔江区人民政府《黔江区“十四五”节能减排综合工作实施方案》（2023年5月4日印发）三（四）3。链接：https://x.example/plans/qianjiang-qu/#3-4-3',
    );
    expect(citationText('《某方案》', '序言', '/p/#preamble')).toBe('《某方案》序言。链接：/p/#preamble');
  });

  it('quotes the clause as printed, number first, one paragraph per line, then its citation', () => {
    const quote = clauseQuote({ number: '3．', paragraphs: ['推动运输装备绿色发展。甲。', '乙。'] });
    expect(quote).toBe('3．推动运输装备绿色发展。甲。\n乙。');
    expect(quoteWithCitation(quote, 'C')).toBe('3．推动运输装备绿色发展。甲。\n乙。\n——C');
  });

  it('names an annex by label and title', () => {
    expect(annexReference({ label: '附件1', title: '重点任务分工表' })).toBe('附件1“重点任务分工表”');
    expect(annexReference({ label: '附件2', title: null })).toBe('附件2');
  });
});

describe('planDescription names the region once', () => {
  it.each([
    ['贵州省“十四五”节能减排综合工作方案', '贵州省', '贵州省“十四五”节能减排综合工作方案'],
    ['关于印发节能减排实施方案的通知', '某县', '某县：关于印发节能减排实施方案的通知'],
  ])('%s', (title, region, expected) => {
    expect(titleWithRegion({ title, region })).toBe(expected);
  });

  it('says status, counts and what a reader can do', () => {
    expect(planDescription(qianjiang)).toBe(
      `黔江区“十四五”节能减排综合工作实施方案（2023年5月4日印发）全文：${qianjiang.clauses.length}个条款、${qianjiang.departments.length}个责任部门、${qianjiang.targets.length}项量化目标，逐条可引用、可链接。`,
    );
    expect(planDescription({ ...qianjiang, status: 'draft' })).toContain('（征求意见稿）全文');
  });
});
