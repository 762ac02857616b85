/**
 * The one CSV writer of every download (`/data/*.csv` and each chart's data): UTF-8 with a BOM (without it
 * Excel reads Chinese as mojibake), CRLF line endings, RFC 4180 quoting, one header row.
 */
import { stringify } from 'csv-stringify/sync';
import { cleanNumber } from '../vocabulary';

export type Cell = string | number | null;

/**
 * Writes rows under a header. Text cells starting with `=`, `+`, `-`, `@`, tab or CR get a leading
 * apostrophe so Excel never runs them as formulas (CSV injection); numeric cells are passed as numbers, which
 * csv-stringify leaves alone, so a negative value stays a number. `headers` names the columns in the header
 * row when it is not their keys (the Chinese-headed tables).
 */
export function writeCsv<K extends string>(
  columns: readonly K[],
  rows: readonly Record<K, Cell>[],
  headers?: readonly string[],
  { start = true }: { start?: boolean } = {},
): string {
  return stringify([...rows], {
    // `start: false` writes rows that continue a file begun by an earlier call: no BOM, no header row.
    bom: start,
    header: start,
    columns: columns.map((key, i) => ({ key, header: headers?.[i] ?? key })),
    record_delimiter: 'windows',
    // With a custom record delimiter csv-stringify stops quoting cells that contain a bare LF, which would
    // split a multi-paragraph cell into several records: quote them, as RFC 4180 requires.
    quote_record_delimiter: true,
    escape_formulas: true,
    cast: { number: (value) => String(cleanNumber(value)) },
  });
}
