/**
 * Annexes (附件1 …). Word-processor exports flatten a table to one tab-indented cell per line with a blank
 * line between rows; a line without the tab inside a row continues the cell above (a wrapped cell such as
 * `氮氧化物` ⏎ `（吨）`). Rows and columns are rebuilt here; cell text is kept as printed.
 */
import type { Annex, AnnexParagraph, AnnexTable } from '../model/plan';
import { annexLabel, TAB_ROW, type SourceLine } from './lines';
import { layoutHeader } from './table-header';

const isCellLine = (line: SourceLine) => line.raw.startsWith('\t');
/** Inside annexes a tab-only line is an empty cell, not a blank line. */
const isEmptyLine = (line: SourceLine) => !line.raw.includes('\t') && line.display.trim() === '';

/** Groups lines into runs separated by empty lines. */
function runs(lines: SourceLine[]): SourceLine[][] {
  const result: SourceLine[][] = [];
  let current: SourceLine[] = [];
  for (const line of lines) {
    if (isEmptyLine(line)) {
      if (current.length > 0) result.push(current);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) result.push(current);
  return result;
}

function cellsOf(run: SourceLine[]): string[] {
  const cells: string[] = [];
  for (const line of run) {
    const text = line.display.trim();
    if (isCellLine(line) || cells.length === 0) cells.push(text);
    else cells[cells.length - 1] += text;
  }
  return cells;
}

/** A row printed on one line (`TAB_ROW`); a Word export's cell line starts with the tab instead. */
const isTabRow = (line: SourceLine) => TAB_ROW.test(line.raw) && !isCellLine(line);
const cellsOfTabRow = (line: SourceLine) =>
  line.display
    .trim()
    .split(/\t+/)
    .map((cell) => cell.trim());

const isOneCellRow = (row: string[] | undefined) =>
  (row ?? []).filter((cell) => cell.trim() !== '').length < 2;

/**
 * Header rows: one-cell rows on top (a table title or 单位：吨 line), the first row of column headers, and the
 * rows under it that continue merged header cells (their first cell is empty, as in 目标值 | 变化幅度 under
 * 重庆市2025年).
 */
function countHeaderRows(rows: string[][]): number {
  if (rows.length < 2) return 0;
  let count = 0;
  while (count < rows.length - 1 && isOneCellRow(rows[count])) count++;
  count++;
  while (count < rows.length && rows[count]?.[0] === '' && (rows[count]?.length ?? 0) > 1) count++;
  return count;
}

function parseAnnex(label: SourceLine, content: SourceLine[], ordinal: number): Annex {
  const id = `annex-${ordinal}`;
  const blocks: (AnnexTable | AnnexParagraph)[] = [];
  let title: string | null = null;
  let table: { rows: string[][]; line: number; endLine: number } | null = null;
  let tableCount = 0;

  const closeTable = () => {
    if (!table) return;
    tableCount++;
    const headerRows = countHeaderRows(table.rows);
    // Keys in the schema's order (see model/conforms.ts).
    blocks.push({
      line: table.line,
      endLine: table.endLine,
      type: 'table',
      id: `${id}-table-${tableCount}`,
      headerRows,
      header: layoutHeader(table.rows, headerRows),
      rows: table.rows,
      // Filled by department recognition, which knows the plan's departments.
      departments: [],
    });
    table = null;
  };

  for (const run of runs(content)) {
    const first = run[0] as SourceLine;
    const last = run[run.length - 1] as SourceLine;
    if (title === null && blocks.length === 0 && table === null && run.length === 1) {
      title = first.display.trim();
      continue;
    }
    // Two or more lines of tab-apart cells in a row are a table of one row a line.
    if (run.length >= 2 && run.every(isTabRow)) {
      closeTable();
      table = { rows: run.map(cellsOfTabRow), line: first.number, endLine: last.number };
      closeTable();
      continue;
    }
    if (isCellLine(first)) {
      table ??= { rows: [], line: first.number, endLine: last.number };
      table.rows.push(cellsOf(run));
      table.endLine = last.number;
      continue;
    }
    closeTable();
    for (const line of run) {
      blocks.push({ line: line.number, endLine: line.number, type: 'paragraph', text: line.display.trim() });
    }
  }
  closeTable();

  const end = content.length > 0 ? (content[content.length - 1] as SourceLine).number : label.number;
  return { line: label.number, endLine: end, id, label: label.display.trim(), title, blocks };
}

/** Splits the lines from the first annex label to the end of the seed into annexes. */
export function parseAnnexes(lines: SourceLine[]): Annex[] {
  const annexes: Annex[] = [];
  let label: SourceLine | null = null;
  let content: SourceLine[] = [];
  for (const line of lines) {
    if (annexLabel(line) !== null) {
      if (label) annexes.push(parseAnnex(label, content, annexes.length + 1));
      label = line;
      content = [];
    } else {
      content.push(line);
    }
  }
  if (label) annexes.push(parseAnnex(label, content, annexes.length + 1));
  return annexes;
}
