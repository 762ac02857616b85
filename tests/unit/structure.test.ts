import { describe, expect, it } from 'vitest';
import { loadPlanKnowledge } from '../../src/lib/curated/plan-knowledge';
import { headingOf, readMarker, toSourceLines } from '../../src/lib/structure/lines';
import { parseStructure } from '../../src/lib/structure/index';

const { parts } = loadPlanKnowledge();
const line = (text: string) => toSourceLines(text)[0]!;
const parse = (text: string) => parseStructure(text, 'test.txt', parts);
const outline = (text: string) => parse(text).clauses.map((c) => `${c.id}:${c.kind}:${c.citation}`);

describe('readMarker', () => {
  it.each([
    ['一、总体要求', 'chapter', 1, '一、', '总体要求'],
    ['十一、附则', 'chapter', 11, '十一、', '附则'],
    ['（四）交通物流节能减排工程。', 'section', 4, '（四）', '交通物流节能减排工程。'],
    ['(四)交通物流节能减排工程。', 'section', 4, '(四)', '交通物流节能减排工程。'],
    ['（二十一）开展全民行动。', 'section', 21, '（二十一）', '开展全民行动。'],
    ['3．推动运输装备绿色发展。', 'item', 3, '3．', '推动运输装备绿色发展。'],
    ['3.推动运输装备绿色发展。', 'item', 3, '3.', '推动运输装备绿色发展。'],
    ['（1）开展试点。', 'subitem', 1, '（1）', '开展试点。'],
    [
      '[bookmark: _GoBack]（十）环境基础设施水平提升工程。',
      'section',
      10,
      '（十）',
      '环境基础设施水平提升工程。',
    ],
    ['（四）交通物流節能減排工程。', 'section', 4, '（四）', '交通物流節能減排工程。'],
  ])('%s', (text, kind, value, printed, rest) => {
    expect(readMarker(line(text))).toMatchObject({ kind, value, printed, rest });
  });

  it.each([
    ['2025年，全区单位地区生产总值能耗下降14.5%。'],
    ['1.5万吨以上的企业'],
    [
      '一、二级水源保护区内，禁止新建排污口，并对现有排污口全部实施关闭整治，确保饮用水水源地水质稳定达标，以下略去若干字以显示这是一个长句子。',
    ],
    ['（此件公开发布）'],
  ])('no marker in %s', (text) => {
    expect(readMarker(line(text))).toBeNull();
  });
});

describe('headingOf', () => {
  it.each([
    ['着力提升重点行业能效水平。拟建项目应对照能效标杆水平。', '着力提升重点行业能效水平'],
    ['重点行业绿色升级工程', '重点行业绿色升级工程'],
    [
      '以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，深入贯彻习近平生态文明思想，立足新发展阶段。',
      null,
    ],
  ])('%s → %s', (text, heading) => {
    expect(headingOf(text)).toBe(heading);
  });
});

describe('parseStructure', () => {
  it('builds ids from the printed numbering, items under sections', () => {
    expect(
      outline('方案\n一、总体要求\n（一）重点工程。\n1．第一项。\n2．第二项。\n（二）政策。\n二、保障\n'),
    ).toEqual([
      '1:chapter:一',
      '1-1:section:一（一）',
      '1-1-1:item:一（一）1',
      '1-1-2:item:一（一）2',
      '1-2:section:一（二）',
      '2:chapter:二',
    ]);
  });

  it('keeps section numbering that runs on across chapters (达州)', () => {
    expect(
      outline(
        '一、重点工程\n（十）环境基础设施水平提升工程。文字。\n二、政策机制\n（十一）优化完善能耗双控制度。文字。\n',
      ),
    ).toEqual(['1:chapter:一', '1-10:section:一（十）', '2:chapter:二', '2-11:section:二（十一）']);
  });

  it('gives text under a bare heading its own citable paragraph', () => {
    const { clauses } = parse(
      '一、总体要求\n以习近平新时代中国特色社会主义思想为指导。\n（四）落实法规标准。\n严格落实地方法规制度。（区发展改革委负责）\n',
    );
    expect(clauses.map((c) => `${c.id}:${c.citation}`)).toEqual([
      '1:一',
      '1-p1:一',
      '1-4:一（四）',
      '1-4-p1:一（四）',
    ]);
    expect(clauses[3]!.paragraphs).toEqual(['严格落实地方法规制度。（区发展改革委负责）']);
  });

  it('joins a sentence broken by a page break and blank lines (贵州)', () => {
    const { clauses } = parse(
      '一、重点工程\n\n(一)重点行业绿色升级工程。达到能效标杆水平的比例超\n\n过 30%。(省工业和信息化厅负责)\n',
    );
    expect(clauses[1]!.paragraphs).toEqual([
      '重点行业绿色升级工程。达到能效标杆水平的比例超过 30%。(省工业和信息化厅负责)',
    ]);
    expect(clauses[1]!.endLine).toBe(5);
  });

  it('numbers paragraphs in citations when a heading has several', () => {
    const { clauses } = parse('一、总体要求\n第一段。\n第二段。\n');
    expect(clauses.map((c) => `${c.id}:${c.citation}`)).toEqual(['1:一', '1-p1:一第1段', '1-p2:一第2段']);
  });

  it('keeps a second paragraph of a section as a paragraph of that section (莱芜（十）)', () => {
    const { clauses } = parse(
      '一、重点工作\n(十)全面提升环境基础设施水平。优化布局。\n\n加快城镇生活污水处理设施建设。(区住房城乡建设局牵头负责)\n',
    );
    expect(clauses[1]!.paragraphs).toHaveLength(2);
  });

  it('makes a duplicate number unique and warns', () => {
    const result = parse('一、重点工程\n（一）甲。\n（一）乙。\n');
    expect(result.clauses.map((c) => c.id)).toEqual(['1', '1-1', '1-1-2']);
    expect(result.warnings).toContainEqual({
      file: 'test.txt',
      line: 3,
      message: expect.stringContaining('duplicate clause number'),
    });
  });

  it('separates news lead, notice, title and subtitle', () => {
    const { front } = parse(
      '日前，某市人民政府关于印发某市“十四五”节能减排综合实施方案的通知指出，全面推进城镇绿色规划、绿色建设、绿色运行管理，大力推动低碳城市建设。\n\n某市人民政府关于印发某市“十四五”节能减排综合实施方案的通知\n各县人民政府：\n某市人民政府\n2023年5月15日\n附件\n某市“十四五”节能减排综合实施方案\n（征求意见稿）\n一、总体要求\n',
    );
    expect(front.map((b) => b.kind)).toEqual([
      'lead',
      'notice',
      'notice',
      'notice',
      'notice',
      'label',
      'title',
      'subtitle',
    ]);
  });

  it('rebuilds an annex table from one tab-indented cell per line', () => {
    const { annexes } = parse(
      '一、总体要求\n文字。\n附件1\n\n\t主要污染物减排目标\n\n\t序号\n\t主要污染物\n\t减排目标（吨）\n\n\t1\n\t氮氧化物\n（吨）\n\t659.1\n\n注：说明\n',
    );
    expect(annexes).toHaveLength(1);
    expect(annexes[0]).toMatchObject({ id: 'annex-1', label: '附件1', title: '主要污染物减排目标' });
    expect(annexes[0]!.blocks).toEqual([
      expect.objectContaining({
        type: 'table',
        id: 'annex-1-table-1',
        headerRows: 1,
        rows: [
          ['序号', '主要污染物', '减排目标（吨）'],
          ['1', '氮氧化物（吨）', '659.1'],
        ],
      }),
      expect.objectContaining({ type: 'paragraph', text: '注：说明' }),
    ]);
  });

  it('reads traditional characters and full-width digits the same way', () => {
    expect(outline('一、總體要求\n（一）重點行業綠色升級工程。\n１．著力提升重點行業能效水平。\n')).toEqual([
      '1:chapter:一',
      '1-1:section:一（一）',
      '1-1-1:item:一（一）1',
    ]);
  });

  it('keeps text with no headings as plain paragraphs, warning at its first line', () => {
    const result = parse('\n\n这是一段没有任何编号结构的文字。\n只是散文。\n');
    expect(result.plain).toBe(true);
    expect(result.clauses.flatMap((c) => c.paragraphs).join('')).toContain(
      '这是一段没有任何编号结构的文字。',
    );
    expect(result.warnings).toContainEqual({
      file: 'test.txt',
      line: 3,
      message: 'no chapter (一、) or section (（一）) headings found: the text is kept as plain paragraphs',
    });
  });

  it('reports markup characters line by line and keeps them', () => {
    const result = parse('一、总体要求\n<script>alert(1)</script>{alert(1)}。\nimport x from "y"。\n');
    expect(result.warnings.filter((w) => w.message.includes('markup')).map((w) => w.line)).toEqual([2, 3]);
    expect(result.clauses[1]!.paragraphs[0]).toBe('<script>alert(1)</script>{alert(1)}。');
  });

  // A text with export leftovers is read by its displays (leftovers stripped): what only the raw lines or only
  // a stripped line show must still be reported, and nothing more than a text without leftovers reports.
  it.each([
    [
      'a statement a stripped leftover leaves at a line start',
      '一、总体要求\n**import x from "y"。\n正文**。\n',
      [2],
      [],
    ],
    [
      'a statement after a bookmark',
      '一、总体要求\n正文。\n[bookmark: _GoBack]export default 1。\n',
      [3],
      [],
    ],
    ['no markup: leftovers only', '一、总体要求\n**正文**。\n@@二、@@其他\n', [], []],
    ['an invisible character inside a leftover', '一、总体要求\n正文[bookmark: _Go\u200bBack]。\n', [], [2]],
    [
      'an invisible character on a line without leftovers',
      '一、总体要求\n**正文**。\n提高\u00ad1%。\n',
      [],
      [3],
    ],
    ['a markup character on a line without leftovers', '一、总体要求\n**正文**。\n数值<1。\n', [3], []],
  ])('with export leftovers: %s', (_, text, markupLines, invisibleLines) => {
    const { warnings } = parse(text);
    const lines = (word: string) => warnings.filter((w) => w.message.includes(word)).map((w) => w.line);
    expect(lines('markup')).toEqual(markupLines);
    expect(lines('invisible character')).toEqual(invisibleLines);
  });
});
