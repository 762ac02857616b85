import { describe, expect, it } from 'vitest';
import {
  assertReferences,
  assertShowable,
  danglingReferences,
  headingLength,
  inlineText,
  planDocument,
  type Block,
  type Section,
} from '../../src/lib/document/index';
import { printedNumber } from '../../src/lib/indicators/draft';
import type { Clause, Plan } from '../../src/lib/model/plan';
import { documentOutline } from '../helpers/document-outline';
import { ingestedSeeds } from '../helpers/seeds';
import { HOSTILE_STRINGS, hostile, qianjiang } from '../fixtures/plans';

const blockText = (b: Block): string => (b.kind === 'table' ? '' : inlineText(b.children));
const sectionText = (s: Section): string => s.blocks.map(blockText).join('');
const withoutSpace = (s: string) => s.replace(/\s+/g, '');

describe('planDocument', () => {
  it('keeps every character of the hostile plan, in order, as text', () => {
    const expected = [
      ...hostile.front.map((b) => b.text),
      ...hostile.clauses.flatMap((c) => [c.number ?? '', ...c.paragraphs]),
      ...hostile.annexes.flatMap((a) => [
        a.label,
        a.title ?? '',
        ...a.blocks.map((b) => (b.type === 'paragraph' ? b.text : '')),
      ]),
    ].join('');
    expect(withoutSpace(planDocument(hostile).map(sectionText).join(''))).toBe(withoutSpace(expected));
  });

  it.each(HOSTILE_STRINGS.map((s) => [s]))('passes %j through unchanged, as data', (input) => {
    const plan: Plan = {
      ...hostile,
      clauses: hostile.clauses.map((c, i) => (i === 1 ? { ...c, heading: null, paragraphs: [input] } : c)),
    };
    const section = planDocument(plan).find(
      (s) => s.kind === 'clause' && s.clauseId === hostile.clauses[1]!.id,
    )!;
    expect(sectionText(section)).toContain(input);
  });

  it('holds a 1 MB line full of markup characters as one text of the same length', () => {
    const line = '节能减排{x}<y>&'.repeat(80_000);
    const clause = { ...hostile.clauses[1]!, heading: null, paragraphs: [line] };
    const plan: Plan = { ...hostile, clauses: [clause], targets: [] };
    const [section] = planDocument({ ...plan, front: [] });
    expect(section && sectionText(section).length).toBe(line.length + (clause.number?.length ?? 0));
  });

  it('matches the reviewed document of the 黔江 excerpt', async () => {
    await expect(documentOutline(planDocument(qianjiang))).toMatchFileSnapshot(
      '../golden/document/qianjiang-excerpt.document.txt',
    );
  });

  it('fails on a department mention without its department, naming the clause', () => {
    const broken: Plan = {
      ...qianjiang,
      departments: qianjiang.departments.filter((d) => d.id !== 'qu-guozi-wei'),
    };
    expect(() => planDocument(broken)).toThrow(/clause 3-4-3 \(三（四）3\).*区国资委.*qu-guozi-wei/);
  });

  it('fails on a table department mention without its department, naming the table', () => {
    const broken: Plan = {
      ...qianjiang,
      departments: qianjiang.departments.filter((d) => d.id !== 'qu-zhufang-chengxiang-jianwei'),
      clauses: qianjiang.clauses.filter((c) => c.id !== '3-4-3'),
    };
    expect(() => planDocument(broken)).toThrow(/table annex-1-table-1: department "区住房城乡建委"/);
  });

  it('fails on a target citing a clause the plan lacks', () => {
    const [first, ...rest] = qianjiang.targets;
    const source = {
      clauseId: '7-7',
      origin: 'plan' as const,
      text: '下降14.5%',
      line: 21,
      range: null,
      cell: null,
    };
    const broken: Plan = { ...qianjiang, targets: [{ ...first!, sources: [source] }, ...rest] };
    expect(() => planDocument(broken)).toThrow(/target "energy-intensity" cites clause or table "7-7"/);
  });
});

/** What `planDocument` throws for `plan`, or null: `assertShowable` must throw the same, or nothing. */
function documentError(plan: Plan): string | null {
  try {
    planDocument(plan);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}
function showableError(plan: Plan): string | null {
  try {
    assertShowable(plan);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

describe("assertShowable: ingest's check that the plan page can be built, without building it", () => {
  it('passes every seed plan and the fixtures, as planDocument does', () => {
    for (const plan of [...ingestedSeeds().plans, qianjiang, hostile]) {
      expect(documentError(plan)).toBeNull();
      expect(showableError(plan)).toBeNull();
    }
  });

  it('throws what planDocument throws: a dangling reference, a range in a paragraph the clause lacks', () => {
    const noted = qianjiang.clauses.find((c) => (c.responsibility?.departments.length ?? 0) > 0) as Clause;
    const mention = noted.responsibility!.departments[0]!;
    const withRange = (paragraph: number): Plan => ({
      ...qianjiang,
      clauses: qianjiang.clauses.map((c) =>
        c !== noted
          ? c
          : {
              ...c,
              responsibility: {
                ...c.responsibility!,
                departments: [{ ...mention, range: { ...mention.range, paragraph } }],
              },
            },
      ),
    });
    const target = qianjiang.targets.find((t) => t.sources.some((s) => s.range !== null))!;
    const withTargetParagraph = (paragraph: number): Plan => ({
      ...qianjiang,
      targets: qianjiang.targets.map((t) =>
        t !== target
          ? t
          : {
              ...t,
              sources: t.sources.map((s) => (s.range ? { ...s, range: { ...s.range, paragraph } } : s)),
            },
      ),
    });
    const broken: Plan[] = [
      withRange(noted.paragraphs.length),
      withRange(99),
      withTargetParagraph(99),
      { ...qianjiang, departments: qianjiang.departments.filter((d) => d.id !== mention.departmentId) },
    ];
    for (const plan of broken) {
      const expected = documentError(plan);
      expect(expected).not.toBeNull();
      expect(showableError(plan)).toBe(expected);
    }
    // The last paragraph is still one the clause has.
    expect(showableError(withRange(noted.paragraphs.length - 1))).toBeNull();
  });
});

describe('danglingReferences against the catalogues', () => {
  const indicatorIds = new Set(
    qianjiang.targets.map((t) => t.indicatorId).filter((id) => id !== 'unclassified'),
  );
  const categoryIds = new Set(qianjiang.departments.map((d) => d.category));

  it('accepts the fixture', () => {
    expect(danglingReferences(qianjiang, { indicatorIds, categoryIds })).toEqual([]);
  });

  it('names the clause of a target whose indicator is not in the catalogue', () => {
    const without = new Set([...indicatorIds].filter((id) => id !== 'industrial-energy-intensity'));
    expect(danglingReferences(qianjiang, { indicatorIds: without, categoryIds })).toEqual([
      expect.stringMatching(/plan qianjiang-qu, clause 3-1-1 \(三（一）1\): .*"industrial-energy-intensity"/),
    ]);
  });

  it('names a clause of a department whose category is not in the catalogue', () => {
    const without = new Set([...categoryIds].filter((id) => id !== 'state-assets'));
    expect(danglingReferences(qianjiang, { indicatorIds, categoryIds: without })).toEqual([
      expect.stringMatching(/clause 3-4-3 \(三（四）3\): department "区国资委" has category "state-assets"/),
    ]);
  });

  it('accepts a value read from the news lead when the plan has a lead, and names it when it has none', () => {
    const [first, ...rest] = qianjiang.targets;
    const lead = { ...first!.sources[0]!, clauseId: 'lead', origin: 'lead' as const, range: null };
    const fromLead: Plan = { ...qianjiang, targets: [{ ...first!, sources: [lead] }, ...rest] };
    const leadBlock = { kind: 'lead' as const, text: '方案要求，到2025年…下降14.5%。', line: 1, endLine: 1 };
    expect(
      danglingReferences(
        { ...fromLead, front: [leadBlock, ...qianjiang.front] },
        { indicatorIds, categoryIds },
      ),
    ).toEqual([]);
    expect(danglingReferences(fromLead, { indicatorIds, categoryIds })).toEqual([
      expect.stringMatching(/cites clause or table "lead", which the plan does not have/),
    ]);
  });

  it('fails the build through assertReferences, listing every problem', () => {
    expect(() => assertReferences([qianjiang], { indicatorIds: new Set(), categoryIds })).toThrow(
      /Dangling cross-references \(\d+\)/,
    );
  });
});

describe('headingLength and printedNumber', () => {
  const base = qianjiang.clauses.find((c) => c.id === '3-1') as Clause;
  it.each([
    ['a heading alone', { heading: '重点行业绿色升级工程', paragraphs: ['重点行业绿色升级工程。'] }, 11],
    [
      'a run-in heading',
      { heading: '环境基础设施水平提升工程', paragraphs: ['环境基础设施水平提升工程。加快构建'] },
      13,
    ],
    ['a chapter title without heading', { kind: 'chapter', heading: null, paragraphs: ['总体要求'] }, 4],
    ['a sentence without heading', { kind: 'chapter', heading: null, paragraphs: ['加快构建。体系'] }, 0],
    ['text not starting with the heading', { heading: '别的', paragraphs: ['重点行业。'] }, 0],
  ] as const)('%s', (_, patch, expected) => {
    expect(headingLength({ ...base, ...patch, paragraphs: [...patch.paragraphs] })).toBe(expected);
  });

  it.each([
    [14.5, '14.5'],
    [0.0691, '0.0691'],
    [1196, '1196'],
    [659.1, '659.1'],
  ])('prints %d as %s', (value, expected) => {
    expect(printedNumber(value)).toBe(expected);
  });
});
