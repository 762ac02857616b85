/**
 * The build's CSV writer (src/lib/export/write-csv.ts) writes the bytes csv-stringify writes with the options
 * every download was written with: every kind of cell (empty, null, numbers with float noise, negatives, text
 * with quotes, commas, CR, LF, CRLF, a trailing CR, formula starts in ASCII and full width, Chinese), alone and
 * mixed into rows, with and without the BOM and header row.
 */
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { CSV_STRINGIFY_OPTIONS, csvCell, writeCsv, type Cell } from '../../src/lib/export/write-csv';

/** What `writeCsv` replaced: csv-stringify given records keyed by position and the headers apart. */
function stringified(headers: readonly string[], rows: readonly (readonly Cell[])[], start: boolean): string {
  const keys = headers.map((_, i) => `c${i}`);
  const records = rows.map((row) => Object.fromEntries(keys.map((key, i) => [key, row[i] ?? null])));
  return stringify(records, {
    bom: start,
    header: start,
    columns: keys.map((key, i) => ({ key, header: headers[i] as string })),
    ...CSV_STRINGIFY_OPTIONS,
  });
}

const TEXTS = [
  '',
  'plain',
  '单位GDP能耗降低',
  'a,b',
  'say "hi"',
  '"',
  '""',
  'line\nbreak',
  'line\r\nbreak',
  'ends with CR\r',
  '\rstarts with CR',
  'ends with LF\n',
  '=SUM(A1)',
  '+1',
  '-1',
  '-',
  '@home',
  '\tindent',
  '＝全角',
  '＋全角',
  '－全角',
  '＠全角',
  '=a,"b"\nc',
  "'already",
  ' spaced ',
  'https://example.org/plans/a/#c-1',
];
const NUMBERS = [0, -0, 1, -1, 2025, 13.5, -13.5, 0.1 + 0.2, 1 / 3, -2.675, 1e21, 1e-7, 123456789012345, NaN];
const CELLS: Cell[] = [null, ...TEXTS, ...NUMBERS];

describe('writeCsv', () => {
  it('writes each kind of cell as csv-stringify does', () => {
    for (const cell of CELLS) {
      expect(writeCsv(['h'], [[cell]], { start: false }), JSON.stringify(cell)).toBe(
        stringified(['h'], [[cell]], false),
      );
      expect(csvCell(cell)).toBe(stringified(['h'], [[cell]], false).replace(/\r\n$/, ''));
    }
  });

  it('writes rows of mixed cells, with and without the BOM and header row', () => {
    // Every cell beside every other, in rows of five (a deterministic walk, so a failure reproduces).
    const rows: Cell[][] = [];
    for (let i = 0; i < CELLS.length * 5; i++)
      rows.push([0, 1, 2, 3, 4].map((k) => CELLS[(i * 7 + k * 11) % CELLS.length] as Cell));
    const headers = ['plan_id', '方案名称', 'a,b', '=x', 'say "hi"'];
    for (const start of [true, false]) {
      expect(writeCsv(headers, rows, { start })).toBe(stringified(headers, rows, start));
      expect(writeCsv(headers, [], { start })).toBe(stringified(headers, [], start));
    }
  });
});
