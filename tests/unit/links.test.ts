import { describe, expect, it } from 'vitest';
import { clauseSpans, segments, tableSpans, type Span } from '../../src/lib/links';
import type { AnnexTable, Clause, Plan } from '../../src/lib/model/plan';
import { qianjiang } from '../fixtures/plans';

const clause = (id: string) => qianjiang.clauses.find((c) => c.id === id) as Clause;

function table(plan: Plan, id: string): AnnexTable {
  for (const annex of plan.annexes)
    for (const b of annex.blocks) if (b.type === 'table' && b.id === id) return b;
  throw new Error(id);
}

describe('clauseSpans', () => {
  it('links every department of a responsibility note where it was recorded, with its role, in order', () => {
    const c = clause('3-4-3');
    const text = c.paragraphs[0] as string;
    const links = (clauseSpans(c, qianjiang.targets)[0] ?? [])
      .filter((s) => s.kind === 'department')
      .map((s) => [text.slice(s.start, s.end), s.kind === 'department' ? s.role : '']);
    expect(links).toEqual([
      ['区交通局（黔江邮政业安全发展中心）', 'lead'],
      ['区商务委', 'lead'],
      ['区生态环境局', 'lead'],
      ['区发展改革委', 'supporting'],
      ['区公安局', 'supporting'],
      ['区住房城乡建委', 'supporting'],
      ['区国资委', 'supporting'],
      ['区市场监管局', 'supporting'],
    ]);
  });

  it.each([
    ['2-p1', ['14.5%', '245吨', '18吨', '659.1吨', '103.9吨']],
    ['3-1-1', ['13.5%', '30%']],
  ])('links the target values of clause %s', (id, values) => {
    const c = clause(id);
    const spans = (clauseSpans(c, qianjiang.targets)[0] ?? []).filter((s) => s.kind === 'target');
    expect(spans.map((s) => (c.paragraphs[0] as string).slice(s.start, s.end))).toEqual(values);
  });

  it('gives one list per paragraph, a range landing in the paragraph it names', () => {
    const c: Clause = { ...clause('2-p1'), paragraphs: ['第一段。', '下降14.5%。'] };
    const t = {
      ...qianjiang.targets[0]!,
      sources: [
        {
          clauseId: '2-p1',
          origin: 'plan' as const,
          text: '下降14.5%',
          line: 21,
          range: { paragraph: 1, start: 2, end: 7 },
          cell: null,
        },
      ],
    };
    expect(clauseSpans(c, [t])).toEqual([[], [{ kind: 'target', start: 2, end: 7, targetId: t.id }]]);
  });

  it('links nothing for a source without a text range (a table value) or of another clause', () => {
    const t = {
      ...qianjiang.targets[0]!,
      sources: [
        {
          clauseId: '2-p1',
          origin: 'plan' as const,
          text: 'x',
          line: 21,
          range: null,
          cell: { row: 0, column: 0, start: 0, end: 1 },
        },
        {
          clauseId: '3-1-1',
          origin: 'plan' as const,
          text: 'x',
          line: 24,
          range: { paragraph: 0, start: 0, end: 1 },
          cell: null,
        },
      ],
    };
    expect(clauseSpans(clause('2-p1'), [t])).toEqual([[]]);
  });

  it('keeps the first of two overlapping ranges (departments before targets)', () => {
    const c = clause('3-4-3');
    const first = c.responsibility!.departments[0]!.range;
    const t = {
      ...qianjiang.targets[0]!,
      sources: [
        {
          clauseId: '3-4-3',
          origin: 'plan' as const,
          text: 'x',
          line: 35,
          range: { ...first, end: first.start + 2 },
          cell: null,
        },
      ],
    };
    const spans = clauseSpans(c, [t])[0] ?? [];
    expect(spans.filter((s) => s.kind === 'target')).toEqual([]);
    expect(spans).toHaveLength(8);
  });

  it('throws on a range in a paragraph the clause lacks, rather than dropping the link', () => {
    const t = {
      ...qianjiang.targets[0]!,
      sources: [
        {
          clauseId: '2-p1',
          origin: 'plan' as const,
          text: 'x',
          line: 21,
          range: { paragraph: 3, start: 0, end: 1 },
          cell: null,
        },
      ],
    };
    expect(() => clauseSpans(clause('2-p1'), [t])).toThrow(/2-p1: range in paragraph 3/);
  });
});

describe('tableSpans', () => {
  /** `[row, column, linked text, target or department id]` for every link in the table. */
  function links(plan: Plan, id: string): [number, number, string, string][] {
    const t = table(plan, id);
    return tableSpans(t, plan.targets).flatMap((cells, r) =>
      cells.flatMap((spans, c) =>
        spans.map((s): [number, number, string, string] => [
          r,
          c,
          (t.rows[r]?.[c] ?? '').slice(s.start, s.end),
          s.kind === 'target' ? s.targetId : s.departmentId,
        ]),
      ),
    );
  }

  it('links each target to the cell range its source records, and the departments named in cells', () => {
    expect(links(qianjiang, 'annex-1-table-1')).toEqual([
      [3, 6, '23', 'non-fossil-share'],
      [3, 8, '区发展改革委', 'qu-fazhan-gaige-wei'],
      [5, 7, '13.5％', 'industrial-energy-intensity'],
      [5, 8, '区经济信息委', 'qu-jingji-xinxi-wei'],
      [5, 8, '区发展改革委', 'qu-fazhan-gaige-wei'],
      [7, 3, '100', 'green-building-share-2'],
      [7, 6, '100', 'green-building-share'],
      [7, 8, '区住房城乡建委', 'qu-zhufang-chengxiang-jianwei'],
    ]);
  });

  it('gives table departments no role: a table prints none', () => {
    const spans = tableSpans(table(qianjiang, 'annex-2-table-1'), qianjiang.targets).flat(2);
    expect(
      spans.filter((s) => s.kind === 'department').map((s) => s.kind === 'department' && s.role),
    ).toEqual([null, null, null, null]);
  });

  it('throws on a range in a cell the table lacks', () => {
    const t = {
      ...qianjiang.targets[0]!,
      sources: [
        {
          clauseId: 'annex-2-table-1',
          origin: 'plan' as const,
          text: 'x',
          line: 1,
          range: null,
          cell: { row: 9, column: 0, start: 0, end: 1 },
        },
      ],
    };
    expect(() => tableSpans(table(qianjiang, 'annex-2-table-1'), [t])).toThrow(/cell 9,0/);
  });
});

describe('segments', () => {
  const span = (start: number, end: number): Span => ({ kind: 'target', start, end, targetId: 't' });

  it.each([
    ['no spans', '下降14.5%。', [], [['下降14.5%。', false]]],
    [
      'a span in the middle',
      '下降14.5%。',
      [span(2, 7)],
      [
        ['下降', false],
        ['14.5%', true],
        ['。', false],
      ],
    ],
    [
      'spans at both ends',
      '14.5%和13%',
      [span(0, 5), span(6, 9)],
      [
        ['14.5%', true],
        ['和', false],
        ['13%', true],
      ],
    ],
    ['an empty text', '', [], []],
  ] as const)('%s', (_name, text, spans, expected) => {
    const runs = segments(text, spans);
    expect(runs.map((r) => [r.text, r.span !== null])).toEqual(expected);
    expect(runs.map((r) => r.text).join('')).toBe(text);
  });

  it.each([
    ['overlapping spans', [span(0, 3), span(2, 5)]],
    ['a span past the end', [span(2, 20)]],
    ['an empty span', [span(2, 2)]],
  ])('refuses %s', (_name, spans) => {
    expect(() => segments('下降14.5%。', spans)).toThrow(/does not fit/);
  });
});
