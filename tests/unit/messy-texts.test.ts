/**
 * Texts as real sites publish them: no title line, a title ending in the draft mark, traditional characters,
 * scraper noise in headings, a news copy without headings. Small hand-written fixtures, one per wording.
 */
import { describe, expect, it } from 'vitest';
import { loadKnowledge, enrichments } from '../../src/lib/knowledge';
import { parsePlan } from '../../src/lib/parse-plan';

const knowledge = loadKnowledge();
const parse = (text: string, file = 'messy.txt') =>
  parsePlan(text, file, null, knowledge.plan, { enrichments: enrichments(knowledge) });

const BODY = [
  '一、总体要求',
  '（一）指导思想。坚持节约优先。',
  '二、主要目标',
  '到2025年，全县单位地区生产总值能源消耗比2020年下降14%。',
].join('\n');

describe('title and status', () => {
  it.each([
    [
      'a draft mark in brackets on the title line',
      '安化县“十四五”节能减排综合工作方案（征求意见稿）',
      'draft',
    ],
    ['a draft mark without brackets', '安化县“十四五”节能减排综合工作方案征求意见稿', 'draft'],
    ['a title ending 征求意见', '安化县“十四五”节能减排综合工作方案(征求意见)', 'draft'],
    ['traditional characters', '安化縣“十四五”節能減排綜合工作方案（徵求意見稿）', 'draft'],
    ['a final title', '安化县“十四五”节能减排综合工作方案', 'final'],
  ])('%s', (_what, title, status) => {
    const { plan } = parse(`${title}\n${BODY}\n`);
    expect(plan.title).toBe(title);
    expect(plan.status).toBe(status);
    expect(plan.region).toBe('安化县');
    expect(plan.unrecognised).not.toContain('title');
  });

  it('reads the title from the notice when the plan has no title line of its own', () => {
    const text = `关于印发《安化县“十四五”节能减排综合工作方案》的通知\n各乡镇人民政府：\n现印发给你们。\n${BODY}\n`;
    const { plan, warnings } = parse(text);
    expect(plan.title).toBe('安化县“十四五”节能减排综合工作方案');
    expect(plan.unrecognised).toContain('title');
    expect(plan.region).toBe('安化县');
    expect(warnings.map((w) => w.message)).toContain(
      'no title line; the title is read from the notice: 安化县“十四五”节能减排综合工作方案',
    );
  });

  it.each([
    [
      'a notice the preamble follows',
      '为深入贯彻落实《省人民政府关于印发贵州省“十四五”节能减排综合工作方案的通知》（黔府发〔2022〕14号）精神，结合我市实际，制定本实施方案。',
    ],
    [
      'a plan the preamble follows',
      '根据国务院《“十四五”节能减排综合工作方案》（国发〔2021〕33号），制定本方案。',
    ],
    [
      'a plan quoted after 按照 and its issuer',
      '按照省政府《湖南省“十四五”节能减排综合工作实施方案》部署，制定本方案。',
    ],
  ])('never takes %s for the plan’s own title', (_what, preamble) => {
    const { plan, warnings } = parse(`${preamble}\n${BODY}\n`, '安化县节能减排.txt');
    expect(plan.title).toBe('安化县节能减排');
    expect(plan.region).toBe('安化县');
    expect(warnings.map((w) => w.message)).toContain(
      'no title line and no notice naming the plan; the file name stands for the title',
    );
  });

  it('reads the plan a lead issues after the documents it follows', () => {
    const lead =
      '为贯彻落实《国务院关于印发“十四五”节能减排综合工作方案的通知》精神，安化县人民政府近日印发《安化县“十四五”节能减排综合工作方案》。';
    expect(parse(`${lead}\n\n方案提出，推动重点行业绿色升级。\n`).plan.title).toBe(
      '安化县“十四五”节能减排综合工作方案',
    );
  });

  it('keeps a text that starts at 一、总体要求, naming it after its file', () => {
    const { plan } = parse(`${BODY}\n`, '安化县节能减排.txt');
    expect(plan.title).toBe('安化县节能减排');
    expect(plan.region).toBe('安化县');
    expect(plan.regionSource).toBe('file-name');
    expect(plan.clauses.filter((c) => c.kind === 'chapter')).toHaveLength(2);
  });
});

describe('headings', () => {
  it('reads headings broken by @@ scraper noise', () => {
    const noisy = BODY.split('\n')
      .map((line) => line.replace(/^([一二三四五六七八九十]+)、/, '$1@@、').replace(/$/, '@@'))
      .join('\n');
    const { plan } = parse(`安化县“十四五”节能减排综合工作方案\n${noisy}\n`);
    expect(plan.clauses.filter((c) => c.kind === 'chapter').map((c) => c.heading)).toEqual([
      '总体要求',
      '主要目标',
    ]);
    expect(plan.clauses.flatMap((c) => c.paragraphs).join('')).not.toContain('@');
  });

  it('keeps a news copy without headings as plain paragraphs, region from its lead', () => {
    const news = [
      '近日，湖南省益阳市安化县人民政府印发《安化县“十四五”节能减排综合工作方案》。',
      '方案要求，到2025年，全县单位地区生产总值能源消耗比2020年下降14%。',
      '方案提出，要坚持节约优先，推动重点行业绿色升级。',
    ].join('\n\n');
    const { plan } = parse(`${news}\n`);
    expect(plan.unrecognised).toEqual(expect.arrayContaining(['structure', 'title']));
    expect(plan.title).toBe('安化县“十四五”节能减排综合工作方案');
    expect([plan.region, plan.level, plan.province]).toEqual(['安化县', 'county', '湖南省']);
    expect(plan.regionPath.map((d) => d.name)).toEqual(['湖南省', '益阳市', '安化县']);
    expect(plan.clauses.flatMap((c) => c.paragraphs).join('\n')).toContain('推动重点行业绿色升级');
  });

  it('cites each paragraph of a text without headings on its own, and reads every paragraph’s note', () => {
    const news = [
      '近日，某县人民政府印发节能减排方案。',
      '方案提出，推动重点行业绿色升级。（县发展改革局牵头，县工业和信息化局按职责分工负责）',
      '',
      '方案要求，推进城镇绿色节能改造。（县住房城乡建设局负责）',
    ].join('\n');
    const { plan } = parse(`${news}\n`);
    expect(plan.clauses.map((c) => [c.id, c.kind, c.citation, c.line, c.endLine])).toEqual([
      ['preamble', 'preamble', '', 1, 1],
      ['p2', 'paragraph', '第2段', 2, 2],
      ['p3', 'paragraph', '第3段', 4, 4],
    ]);
    const roles = plan.clauses.flatMap((c) =>
      (c.responsibility?.departments ?? []).map((d) => `${d.name}:${d.roleWording}`),
    );
    expect(roles).toEqual(['县发展改革局:牵头', '县工业和信息化局:按职责分工负责', '县住房城乡建设局:负责']);
  });

  it('ends a paragraph at a labelled note line, reading it for the clause (county plans)', () => {
    const text = [
      '某县“十四五”节能减排综合工作方案',
      '一、主要任务',
      '（一）实施节能改造工程。推进公共机构节能改造。',
      '责任单位：县发改局、县机关事务服务中心',
      '各乡镇要抓好落实。',
      '（二）推进交通运输绿色转型。加快淘汰老旧车辆。',
      '牵头单位：县交通运输局；配合单位：县公安局',
      '（三）推进城镇绿色节能改造。加快既有建筑节能改造。',
      '责任单位：县住建局、县工',
      '信局',
    ].join('\n');
    const { plan, warnings } = parse(`${text}\n`);
    const clause = (id: string) => plan.clauses.find((c) => c.id === id);
    // The remark after the note is its own paragraph, not a department's name.
    expect(clause('1-1')?.paragraphs).toEqual([
      '实施节能改造工程。推进公共机构节能改造。',
      '责任单位：县发改局、县机关事务服务中心',
      '各乡镇要抓好落实。',
    ]);
    const roles = (id: string) =>
      (clause(id)?.responsibility?.departments ?? []).map((d) => `${d.name}:${d.roleWording}`);
    expect(roles('1-1')).toEqual(['县发改局:责任单位', '县机关事务服务中心:责任单位']);
    expect(clause('1-1')?.responsibility?.range).toEqual({ paragraph: 1, start: 0, end: 19 });
    expect(roles('1-2')).toEqual(['县交通运输局:牵头单位', '县公安局:配合单位']);
    // A line cut inside a name is still continued by the next line.
    expect(clause('1-3')?.paragraphs.at(-1)).toBe('责任单位：县住建局、县工信局');
    expect(roles('1-3')).toEqual(['县住建局:责任单位', '县工信局:责任单位']);
    expect(warnings.map((w) => w.message).join('\n')).not.toMatch(/mid-sentence|unknown department/);
  });

  it('keeps a note line with the paragraph above it under a bare heading, and a last name in brackets', () => {
    const text = [
      '某县“十四五”节能减排综合工作方案',
      '一、强化监督考核',
      '建立健全节能减排工作督查督办机制。',
      '责任单位：县发改局、县交通局（县邮政业安全发展中心）',
      '二、开展全民行动',
      '组织开展节能宣传周活动。',
    ].join('\n');
    const { plan } = parse(`${text}\n`);
    const first = plan.clauses.find((c) => c.id === '1-p1');
    expect(first?.paragraphs).toEqual(['建立健全节能减排工作督查督办机制。', '责任单位：县发改局、县交通局（县邮政业安全发展中心）']);
    expect(first?.responsibility?.departments.map((d) => d.name)).toEqual(['县发改局', '县交通局（县邮政业安全发展中心）']);
    expect(plan.clauses.map((c) => c.id)).not.toContain('1-p2');
  });
});
