/**
 * Annex table headers as printed: merged cells read back from the empty cells a word-processor export leaves
 * (src/lib/structure/table-header.ts). Each case is a header written for the test in one of the shapes
 * government annexes use; `drawn` lists each header row's drawn cells as text@column×colSpan×rowSpan.
 */
import { describe, expect, it } from 'vitest';
import { layoutHeader } from '../../src/lib/structure/table-header';
import type { TableHeader } from '../../src/lib/model/plan';

function drawn(rows: string[][], header: TableHeader): string[][] {
  return header.rows.map((cells, r) =>
    cells.map((cell) => `${rows[r]?.[cell.cell] ?? ''}@${cell.column}×${cell.colSpan}×${cell.rowSpan}`),
  );
}

interface Case {
  name: string;
  rows: string[][];
  headerRows: number;
  drawn: string[][];
  columns: string[];
}

const cases: Case[] = [
  {
    name: 'two places × (target, change) over a vertically merged 指标 and 责任单位 (黔江 附件1 shape)',
    rows: [
      ['指标', '单位', '市2020年实际值', '市2025年', '区2020年实际值', '区2025年', '责任单位'],
      ['', '', '', '目标值', '变化幅度', '', '目标值', '变化幅度', ''],
      ['公交出行分担率', '%', '—', '—', '—', '—', '30', '—', '区交通局'],
    ],
    headerRows: 2,
    drawn: [
      [
        '指标@0×1×2',
        '单位@1×1×2',
        '市2020年实际值@2×1×2',
        '市2025年@3×2×1',
        '区2020年实际值@5×1×2',
        '区2025年@6×2×1',
        '责任单位@8×1×2',
      ],
      ['目标值@3×1×1', '变化幅度@4×1×1', '目标值@6×1×1', '变化幅度@7×1×1'],
    ],
    columns: [
      '指标',
      '单位',
      '市2020年实际值',
      '市2025年 目标值',
      '市2025年 变化幅度',
      '区2020年实际值',
      '区2025年 目标值',
      '区2025年 变化幅度',
      '责任单位',
    ],
  },
  {
    name: 'repeated sub-headers without an empty cell between the groups',
    rows: [
      ['地区', '化学需氧量', '氨氮'],
      ['', '2020年', '2025年', '2020年', '2025年'],
      ['某县', '1.2', '1.1', '0.2', '0.1'],
    ],
    headerRows: 2,
    drawn: [
      ['地区@0×1×2', '化学需氧量@1×2×1', '氨氮@3×2×1'],
      ['2020年@1×1×1', '2025年@2×1×1', '2020年@3×1×1', '2025年@4×1×1'],
    ],
    columns: ['地区', '化学需氧量 2020年', '化学需氧量 2025年', '氨氮 2020年', '氨氮 2025年'],
  },
  {
    name: 'same number of cells per row: an empty header cell right of a filled one continues it',
    rows: [
      ['指标', '2025年目标', '', '责任单位'],
      ['', '全市', '某区', ''],
      ['非化石能源比重', '25', '23', '市发展改革委'],
    ],
    headerRows: 2,
    drawn: [
      ['指标@0×1×2', '2025年目标@1×2×1', '责任单位@3×1×2'],
      ['全市@1×1×1', '某区@2×1×1'],
    ],
    columns: ['指标', '2025年目标 全市', '2025年目标 某区', '责任单位'],
  },
  {
    name: 'three header rows, the first cell merged down all three',
    rows: [
      ['指标', '2025年'],
      ['', '全省', '全市'],
      ['', '目标值', '变化', '目标值', '变化'],
      ['能耗强度', '—', '[13.5%]', '—', '[14%]'],
    ],
    headerRows: 3,
    drawn: [
      ['指标@0×1×3', '2025年@1×4×1'],
      ['全省@1×2×1', '全市@3×2×1'],
      ['目标值@1×1×1', '变化@2×1×1', '目标值@3×1×1', '变化@4×1×1'],
    ],
    columns: ['指标', '2025年 全省 目标值', '2025年 全省 变化', '2025年 全市 目标值', '2025年 全市 变化'],
  },
  {
    name: 'a one-row header as wide as the body: one cell per column',
    rows: [
      ['序号', '主要污染物', '减排目标（吨）', '责任单位'],
      ['1', '氨氮（吨）', '18', '区生态环境局'],
    ],
    headerRows: 1,
    drawn: [['序号@0×1×1', '主要污染物@1×1×1', '减排目标（吨）@2×1×1', '责任单位@3×1×1']],
    columns: ['序号', '主要污染物', '减排目标（吨）', '责任单位'],
  },
  {
    name: 'a unit line above the column headers spans the table and heads no column',
    rows: [['单位：吨'], ['污染物', '2025年减排量'], ['氨氮', '18']],
    headerRows: 2,
    drawn: [['单位：吨@0×2×1'], ['污染物@0×1×1', '2025年减排量@1×1×1']],
    columns: ['污染物', '2025年减排量'],
  },
  {
    name: 'a header row shorter than the body with nothing under it claims no span it does not print',
    rows: [
      ['指标', '目标'],
      ['公交出行分担率', '30', '区交通局'],
    ],
    headerRows: 1,
    drawn: [['指标@0×1×1', '目标@1×1×1']],
    columns: ['指标', '目标', ''],
  },
  {
    name: 'a run of sub-headers between empty cells sits under the one cell above it',
    rows: [
      ['指标', '目标', '单位'],
      ['', '2020年', '2025年', '2030年', ''],
      ['某指标', '1', '2', '3', '%'],
    ],
    headerRows: 2,
    drawn: [
      ['指标@0×1×2', '目标@1×3×1', '单位@4×1×2'],
      ['2020年@1×1×1', '2025年@2×1×1', '2030年@3×1×1'],
    ],
    columns: ['指标', '目标 2020年', '目标 2025年', '目标 2030年', '单位'],
  },
  {
    name: 'sub-headers that cannot be grouped under the row above keep one column each, no span invented',
    rows: [
      ['指标', '目标', '单位'],
      ['', '甲', '', '乙', '', '丙'],
      ['某指标', '1', '%', '2', '', '3'],
    ],
    headerRows: 2,
    drawn: [
      ['指标@0×1×2', '目标@1×1×1', '单位@2×1×2'],
      ['甲@1×1×1', '乙@3×1×1', '@4×1×1', '丙@5×1×1'],
    ],
    columns: ['指标', '目标 甲', '单位', '乙', '', '丙'],
  },
];

describe('layoutHeader', () => {
  it.each(cases)('$name', ({ rows, headerRows, drawn: expected, columns }) => {
    const header = layoutHeader(rows, headerRows);
    expect(drawn(rows, header)).toEqual(expected);
    expect(header.columns.map((texts) => texts.join(' '))).toEqual(columns);
  });

  it('never drops a header cell with text: every filled cell is drawn exactly once', () => {
    for (const { rows, headerRows } of cases) {
      const header = layoutHeader(rows, headerRows);
      rows.slice(0, headerRows).forEach((row, r) => {
        const cells = header.rows[r]!.map((cell) => cell.cell);
        row.forEach((text, c) => {
          if (text.trim() !== '') expect(cells.filter((cell) => cell === c)).toHaveLength(1);
        });
      });
    }
  });

  it('covers every grid column exactly once per header row (rows spanned from above included)', () => {
    for (const { rows, headerRows } of cases) {
      const header = layoutHeader(rows, headerRows);
      const width = Math.max(...rows.map((row) => row.length));
      header.rows.forEach((_, r) => {
        const covered = new Array<number>(width).fill(0);
        header.rows.slice(0, r + 1).forEach((cells, above) => {
          for (const cell of cells)
            if (above + cell.rowSpan > r)
              for (let c = cell.column; c < cell.column + cell.colSpan; c++) covered[c]!++;
        });
        expect(covered.every((n) => n <= 1)).toBe(true);
      });
    }
  });
});
