import { describe, expect, it } from 'vitest';
import { tableDepartments } from '../../src/lib/departments/table';
import type { AnnexTable, Department } from '../../src/lib/model/plan';
import { layoutHeader } from '../../src/lib/structure/table-header';

const departments: Department[] = [
  { id: 'fgw', name: '区发展改革委', aliases: ['区发改委'], category: 'development-reform' },
  { id: 'jtj', name: '区交通局', aliases: ['区交通局（邮政发展中心）'], category: 'transport' },
  { id: 'sthj', name: '区生态环境局', aliases: [], category: 'ecology-environment' },
];

function table(rows: string[][], headerRows = 1): AnnexTable {
  return {
    type: 'table',
    id: 'annex-1-table-1',
    headerRows,
    header: layoutHeader(rows, headerRows),
    rows,
    line: 1,
    endLine: 2,
    departments: [],
  };
}

/** `[row, column, printed slice, department id]` per mention. */
const found = (t: AnnexTable) =>
  tableDepartments(t, departments).map((m) => [
    m.cell.row,
    m.cell.column,
    t.rows[m.cell.row]?.[m.cell.column]?.slice(m.cell.start, m.cell.end),
    m.departmentId,
  ]);

describe('tableDepartments', () => {
  it.each<[string, string[][], (string | number | undefined)[][]]>([
    [
      'one name per cell',
      [
        ['指标', '责任单位'],
        ['能耗', '区生态环境局'],
      ],
      [[1, 1, '区生态环境局', 'sthj']],
    ],
    [
      'a list in one cell, in printed order',
      [['责任单位'], ['区生态环境局、区发改委']],
      [
        [1, 0, '区生态环境局', 'sthj'],
        [1, 0, '区发改委', 'fgw'],
      ],
    ],
    [
      'the longest printed form, not a shorter one inside it',
      [['责任单位'], ['区交通局（邮政发展中心）']],
      [[1, 0, '区交通局（邮政发展中心）', 'jtj']],
    ],
    [
      'a name printed twice',
      [['责任单位'], ['区交通局 区交通局']],
      [
        [1, 0, '区交通局', 'jtj'],
        [1, 0, '区交通局', 'jtj'],
      ],
    ],
    ['nothing in header rows', [['区生态环境局'], ['数值']], []],
    ['nothing that is not a department of the plan', [['责任单位'], ['市生态环境局、各街道']], []],
  ])('%s', (_label, rows, expected) => {
    expect(found(table(rows))).toEqual(expected);
  });

  it('finds nothing in a plan without departments', () => {
    expect(tableDepartments(table([['责任单位'], ['区生态环境局']]), [])).toEqual([]);
  });
});
