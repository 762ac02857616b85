/**
 * The one CSV writer of every download (`/data/*.csv` and each chart's data): UTF-8 with a BOM (without it
 * Excel reads Chinese as mojibake), CRLF line endings, RFC 4180 quoting, one header row.
 *
 * The bytes are csv-stringify's with the options below (`CSV_STRINGIFY_OPTIONS`), checked cell kind by cell
 * kind against it in tests/unit/write-csv.test.ts; the build writes them itself because csv-stringify's
 * per-cell generality (options looked up and merged per cell, keys read as property paths, each cell copied to
 * test where a two-character record delimiter could begin) was 27% of the data downloads' worker and most of
 * the chart CSVs' time on Astro's thread (CPU profile of a 300-plan build; README "Build memory").
 */
import type { Options } from 'csv-stringify';
import { cleanNumber } from '../vocabulary';

export type Cell = string | number | null;

/**
 * What csv-stringify was given for every table, and what tests compare this writer with: text cells starting
 * with `=`, `+`, `-`, `@`, tab or CR (or their full-width forms) get a leading apostrophe so Excel never runs
 * them as formulas (CSV injection); numeric cells are passed as numbers, which it leaves alone, so a negative
 * value stays a number.
 */
export const CSV_STRINGIFY_OPTIONS = {
  record_delimiter: 'windows',
  // With a custom record delimiter csv-stringify stops quoting cells that contain a bare LF, which would
  // split a multi-paragraph cell into several records: quote them, as RFC 4180 requires.
  quote_record_delimiter: true,
  escape_formulas: true,
  cast: { number: (value: number) => String(cleanNumber(value)) },
} satisfies Options;

const BOM = '\ufeff';
const RECORD_END = '\r\n';
/** A cell holding any of these is quoted: the quote itself, the delimiter, CR or LF. */
const NEEDS_QUOTES = /[",\r\n]/;
const QUOTES = /"/g;

/** csv-stringify's `escape_formulas` starts: `-` only for text (a negative number stays a number). */
function startsFormula(text: string, numeric: boolean): boolean {
  switch (text.charCodeAt(0)) {
    case 0x3d: // =
    case 0x2b: // +
    case 0x40: // @
    case 0x09: // tab
    case 0x0d: // CR
    case 0xff1d: // ＝
    case 0xff0b: // ＋
    case 0xff0d: // －
    case 0xff20: // ＠
      return true;
    case 0x2d: // -
      return !numeric;
    default:
      return false;
  }
}

/** One cell as csv-stringify writes it with `CSV_STRINGIFY_OPTIONS`. */
export function csvCell(cell: Cell): string {
  if (cell === null) return '';
  const numeric = typeof cell === 'number';
  let text = numeric ? String(cleanNumber(cell)) : cell;
  if (text === '') return '';
  const quoted = NEEDS_QUOTES.test(text);
  if (startsFormula(text, numeric)) text = `'${text}`;
  if (!quoted) return text;
  return `"${text.includes('"') ? text.replace(QUOTES, '""') : text}"`;
}

function record(cells: readonly Cell[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) line += ',';
    line += csvCell(cells[i] as Cell);
  }
  return line + RECORD_END;
}

/**
 * Writes rows (each its cells in the headers' order) under a header row. `start: false` writes rows that
 * continue a file begun by an earlier call: no BOM, no header row.
 */
export function writeCsv(
  headers: readonly string[],
  rows: readonly (readonly Cell[])[],
  { start = true }: { start?: boolean } = {},
): string {
  const parts: string[] = start ? [BOM + record(headers)] : [];
  for (const row of rows) parts.push(record(row));
  return parts.join('');
}
