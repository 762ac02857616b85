/**
 * The header of an annex table as printed: which header cell spans which columns and rows. Word-processor
 * exports flatten a merged cell to one cell line and leave the cells it covers as empty lines, so a two-row
 * header such as
 *
 *     指标 | 单位 | 重庆市2025年          | 黔江区2025年          | 责任单位
 *          |      | 目标值 | 变化幅度/变化率 | 目标值 | 变化幅度/变化率 |
 *
 * arrives as rows of 5 and 7 cells (the body has 7). Read back, 重庆市2025年 spans the two columns under it,
 * 指标 spans two rows, and every value column gets its full header (黔江区2025年 目标值). The page draws this
 * layout, target recognition reads the column headers from it, and search labels cells with them, so the
 * three never disagree about which header a value sits under.
 */

import type { HeaderCell, TableHeader } from '../model/plan';

const isBlank = (text: string) => text.trim() === '';

/** Rows whose cells all fit in one line are a table's title or unit line (单位：吨), not column headers. */
const isTitleRow = (row: readonly string[]) => row.filter((cell) => !isBlank(cell)).length < 2;

/**
 * Groups the cells of the row below under the cells of a shorter row above: an empty cell below sits under
 * a vertically merged cell (one column); a run of non-empty cells below are the sub-headers of one merged
 * cell, until an empty cell or a sub-header repeats (2020年 2025年 | 2020年 2025年). Returns the number of
 * lower cells under each upper cell, or null when the rows do not fit together that way.
 */
function groupUnder(upper: readonly string[], lower: readonly string[]): number[] | null {
  const counts: number[] = [];
  let run = 0;
  let seen = new Set<string>();
  const closeRun = () => {
    if (run > 0) counts.push(run);
    run = 0;
    seen = new Set();
  };
  for (const cell of lower) {
    const text = cell.trim();
    if (text === '') {
      closeRun();
      counts.push(1);
      continue;
    }
    if (seen.has(text)) closeRun();
    seen.add(text);
    run++;
  }
  closeRun();
  return counts.length === upper.length ? counts : null;
}

/**
 * Column spans of each header row, bottom-up: the lowest header row's cells span one column each; a row
 * shorter than the one below spans the groups of cells under it.
 */
function columnSpans(header: readonly (readonly string[])[]): number[][] {
  const spans: number[][] = header.map((row) => row.map(() => 1));
  for (let r = header.length - 2; r >= 0; r--) {
    const upper = header[r] as readonly string[];
    const lower = header[r + 1] as readonly string[];
    if (upper.length >= lower.length) continue;
    const groups = groupUnder(upper, lower);
    if (!groups) continue;
    const lowerSpans = spans[r + 1] as number[];
    let at = 0;
    spans[r] = groups.map((count) => {
      let width = 0;
      for (let i = 0; i < count; i++) width += lowerSpans[at + i] ?? 1;
      at += count;
      return width;
    });
  }
  return spans;
}

interface Slot {
  row: number;
  cell: number;
  column: number;
  colSpan: number;
  rowSpan: number;
  text: string;
  covered: boolean;
}

/**
 * The layout of the first `headerRows` rows of a table as wide as its longest row. One-cell rows (a title or
 * unit line) span the whole width; they are not part of any column's header.
 */
export function layoutHeader(rows: readonly (readonly string[])[], headerRows: number): TableHeader {
  const width = Math.max(0, ...rows.map((row) => row.length));
  const header = rows.slice(0, headerRows);
  const columnRows = header.map((row, r) => ({ row, r })).filter(({ row }) => !isTitleRow(row));
  const spans = columnSpans(columnRows.map(({ row }) => row));
  const slots = new Map<number, Slot[]>();
  columnRows.forEach(({ row, r }, i) => {
    let column = 0;
    slots.set(
      r,
      row.map((text, cell) => {
        const colSpan = (spans[i] as number[])[cell] ?? 1;
        const slot = { row: r, cell, column, colSpan, rowSpan: 1, text, covered: false };
        column += colSpan;
        return slot;
      }),
    );
  });

  // A header cell left empty beside a filled one, over filled cells, continues the filled one to its
  // right: 2025年目标 | (empty) over 重庆 | 黔江 is one cell over both.
  columnRows.forEach(({ r }, i) => {
    const below = columnRows[i + 1];
    if (!below) return;
    const lower = slots.get(below.r) as Slot[];
    const filledBelow = (slot: Slot) =>
      lower.some((l) => !isBlank(l.text) && l.column >= slot.column && l.column < slot.column + slot.colSpan);
    let owner: Slot | null = null;
    for (const slot of slots.get(r) as Slot[]) {
      if (!isBlank(slot.text)) owner = slot;
      else if (owner && filledBelow(slot) && filledBelow(owner)) {
        slot.covered = true;
        owner.colSpan += slot.colSpan;
      } else owner = null;
    }
  });

  // A header cell left empty under a filled cell of the same columns continues it downwards: 指标 over an
  // empty cell (or two) is one cell two (or three) rows high.
  const drawn = (r: number) => (slots.get(r) ?? []).filter((slot) => !slot.covered && !isBlank(slot.text));
  columnRows.forEach(({ r }, i) => {
    if (i === 0) return;
    for (const slot of slots.get(r) as Slot[]) {
      if (!isBlank(slot.text)) continue;
      const owner = columnRows
        .slice(0, i)
        .flatMap((above) => drawn(above.r))
        .find((a) => a.column === slot.column && a.colSpan === slot.colSpan && a.row + a.rowSpan === r);
      if (owner) {
        slot.covered = true;
        owner.rowSpan++;
      }
    }
  });

  const layoutRows: HeaderCell[][] = header.map((row, r) => {
    if (isTitleRow(row)) {
      const cell = row.findIndex((text) => !isBlank(text));
      return [{ cell: Math.max(0, cell), column: 0, colSpan: Math.max(1, width), rowSpan: 1 }];
    }
    return (slots.get(r) as Slot[])
      .filter((slot) => !slot.covered)
      .map(({ cell, column, colSpan, rowSpan }) => ({ cell, column, colSpan, rowSpan }));
  });

  const columns: string[][] = Array.from({ length: width }, () => []);
  for (const { r } of columnRows) {
    for (const slot of slots.get(r) as Slot[]) {
      if (slot.covered || isBlank(slot.text)) continue;
      for (let c = slot.column; c < Math.min(width, slot.column + slot.colSpan); c++) {
        (columns[c] as string[]).push(slot.text.trim());
      }
    }
  }
  return { rows: layoutRows, columns };
}
