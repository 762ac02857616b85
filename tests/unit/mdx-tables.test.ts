import { describe, expect, it } from 'vitest';
import type { AnnexTable, Plan } from '../../src/lib/model/plan';
import { segments, tableSpans } from '../../src/site/table-links';
import { qianjiang } from '../fixtures/plans';

function table(plan: Plan, id: string): AnnexTable {
  for (const annex of plan.annexes)
    for (const b of annex.blocks) if (b.type === 'table' && b.id === id) return b;
  throw new Error(id);
}

/** `[row, column, linked text, target or department id]` for every link in the table. */
function links(plan: Plan, id: string): [number, number, string, string][] {
  const t = table(plan, id);
  const where = t.rows.flatMap((row, r) => row.map((_, c) => [r, c] as const));
  const cells = t.rows.flat();
  return [...tableSpans(plan, t)]
    .flatMap(([cell, spans]) =>
      spans.map((s): [number, number, string, string] => [
        where[cell]![0],
        where[cell]![1],
        cells[cell]!.slice(s.start, s.end),
        s.kind === 'target' ? s.targetId : s.departmentId,
      ]),
    )
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

describe('tableSpans', () => {
  it('links each target to the cell its `label｜header｜cell` source names, and departments by name', () => {
    expect(links(qianjiang, 'annex-1-table-1')).toEqual([
      [3, 6, '23', 'non-fossil-share'],
      [3, 8, '区发展改革委', 'qu-fazhan-gaige-wei'],
      [5, 7, '13.5％', 'industrial-energy-intensity'],
      [5, 8, '区经济信息委', 'qu-jingji-xinxi-wei'],
      [5, 8, '区发展改革委', 'qu-fazhan-gaige-wei'],
      // 100 twice in one row: the province's column comes first in the header, then the region's own.
      [7, 3, '100', 'green-building-share-2'],
      [7, 6, '100', 'green-building-share'],
      [7, 8, '区住房城乡建委', 'qu-zhufang-chengxiang-jianwei'],
    ]);
  });

  it('finds a value in a cell whose label was printed over two lines', () => {
    expect(links(qianjiang, 'annex-2-table-1').filter((l) => l[1] === 2)).toEqual([
      [1, 2, '659.1', 'nox-reduction'],
      [2, 2, '103.9', 'voc-reduction'],
      [3, 2, '245', 'cod-reduction'],
      [4, 2, '18', 'ammonia-nitrogen-reduction'],
    ]);
  });

  it('links nothing in header rows', () => {
    expect(links(qianjiang, 'annex-2-table-1').filter((l) => l[0] === 0)).toEqual([]);
  });
});

describe('segments', () => {
  it.each([
    ['no spans', '区生态环境局', [], [['区生态环境局', false]]],
    [
      'a span in the middle',
      '[13.5％]',
      [[1, 6]],
      [
        ['[', false],
        ['13.5％', true],
        [']', false],
      ],
    ],
    ['an empty cell', '', [], [['', false]]],
  ] as const)('splits %s', (_, text, ranges, expected) => {
    const spans = ranges.map(([start, end]) => ({
      kind: 'target' as const,
      paragraph: 0,
      start,
      end,
      targetId: 't',
    }));
    expect(segments(text, spans).map((s) => [s.text, s.span !== null])).toEqual(expected);
  });
});
