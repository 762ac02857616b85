/**
 * A download as a table of columns, written in one of two headings: `en`, machine-friendly (snake_case headers,
 * ids and enum values as in `plans.json`), and `zh`, for a Chinese reader opening the file in Excel or WPS
 * (中文列名, and the site's vocabulary instead of machine values: 征求意见稿, 约束性目标, 不低于). Both variants
 * have the same columns in the same order and the same rows, so either can be checked against the other.
 */
import { writeCsv, type Cell } from './write-csv';

export type CsvLanguage = 'en' | 'zh';

export interface Column<Row> {
  /** English header: a stable machine name (the `en` variant's header). */
  key: string;
  /** Chinese header (the `zh` variant's header). */
  zh: string;
  /** The cell as data: ids, enum values, numbers. */
  cell: (row: Row) => Cell;
  /** The cell in words for the `zh` variant, where the data value is a machine word; defaults to `cell`. */
  zhCell?: (row: Row) => Cell;
}

/** Writes `rows` under `columns` in the given language, through the one CSV writer. */
export function writeTable<Row>(
  columns: readonly Column<Row>[],
  rows: readonly Row[],
  language: CsvLanguage,
): string {
  return [...writeTableInParts(columns, [rows], language)].join('');
}

/**
 * The same file as `writeTable` of all the parts' rows, written part by part: the BOM and header row first,
 * then each part's rows as the part is reached. A caller reading one plan per part never holds every plan's
 * rows at once (README "Build memory").
 */
export function* writeTableInParts<Row>(
  columns: readonly Column<Row>[],
  parts: Iterable<readonly Row[]>,
  language: CsvLanguage,
): Generator<string> {
  const writer = tableWriter(columns, language);
  yield writer.header;
  for (const rows of parts) {
    if (rows.length > 0) yield writer.rows(rows);
  }
}

/** A table's header (with the BOM) and its rows, written apart so one header can head many runs of rows. */
function tableWriter<Row>(
  columns: readonly Column<Row>[],
  language: CsvLanguage,
): { header: string; rows: (rows: readonly Row[]) => string } {
  const headers = columns.map((column) => (language === 'zh' ? column.zh : column.key));
  if (new Set(headers).size !== headers.length)
    throw new Error(`duplicate CSV header in ${headers.join(',')}`);
  const cells = columns.map((column) => (language === 'zh' && column.zhCell ? column.zhCell : column.cell));
  const record = (row: Row) => cells.map((cell) => cell(row));
  return {
    header: writeCsv(headers, []),
    rows: (rows) => (rows.length > 0 ? writeCsv(headers, rows.map(record), { start: false }) : ''),
  };
}

/**
 * A table whose rows come plan by plan (every download's rows start with their plan), so it can be written
 * for the whole corpus — one header, then each plan's rows as its plan is read — or for one plan alone: the
 * header and that plan's rows, the same bytes as the whole table of that one plan.
 */
export interface PlanTable<P> {
  /** The BOM and the header row in `language`. */
  header(language: CsvLanguage): string;
  /** One plan's rows in `language`, to follow a header; empty when the plan has none. */
  rows(plan: P, language: CsvLanguage): string;
  /** One plan's rows in both languages, its rows made once (the downloads write both). */
  rowsInBoth(plan: P): Record<CsvLanguage, string>;
}

/** The `PlanTable` of `columns`, with `rowsOf` giving each plan's rows. */
export function planTable<P, Row>(
  columns: readonly Column<Row>[],
  rowsOf: (plan: P) => readonly Row[],
): PlanTable<P> {
  const writers = { en: tableWriter(columns, 'en'), zh: tableWriter(columns, 'zh') };
  return {
    header: (language) => writers[language].header,
    rows: (plan, language) => writers[language].rows(rowsOf(plan)),
    rowsInBoth: (plan) => {
      const rows = rowsOf(plan);
      return { en: writers.en.rows(rows), zh: writers.zh.rows(rows) };
    },
  };
}
