/**
 * Quantified targets in annex tables. Columns are read from their headers: the measure (指标), its unit (单位),
 * and value columns named by jurisdiction and year (重庆市2025年 目标值, 黔江区2025年 变化幅度/变化率). A column
 * of the plan's own jurisdiction holds its targets; another jurisdiction's column is its parent's (scoped to
 * the parent, or skipped, as the catalogue says); 实际值 columns report the base year and are no targets.
 */
import type { Annex, AnnexTable, TableHeader, Warning } from '../model/plan';
import { layoutHeader } from '../structure/table-header';
import { foldForRecognition } from '../read/normalize';
import { UNCLASSIFIED, type UnitDefinition } from './catalogue';
import { changeOfWording, classify, contextTester, type Change, type Compiled } from './compile';
import { scaleValue, tidy, type Draft } from './draft';
import { properName } from '../regions/names';
import { mapPacked } from '../packed';

export interface TableInput {
  compiled: Compiled;
  table: AnnexTable;
  annex: Annex;
  region: string;
  file: string;
  order: number;
}

interface Cell {
  display: string;
  folded: string;
  /**
   * For each display character, its offset in the cell as printed (`rows[r][c]`); then one past the last. Null
   * when the cell is read as printed (each character where it is).
   */
  printedAt: number[] | null;
}

type ColumnKind = 'label' | 'unit' | 'ignore' | 'actual' | 'target' | 'change';

interface Column {
  kind: ColumnKind;
  header: Pick<Cell, 'display' | 'folded'>;
  /** The sub-header under a merged header (目标值, 变化幅度/变化率), for labels. */
  subHeader: string;
  year: number | null;
  /** Jurisdiction named in the header; empty when none. */
  place: string;
  own: boolean;
  unit: UnitDefinition | null;
}

/** What `cellOf` would drop: a line break, or whitespace at either end. */
const NEEDS_CLEANING = /\n|^\s|\s$/;

/**
 * A cell as read: line breaks inside it (a label printed over two lines) and the spaces around them dropped,
 * then trimmed, remembering where each kept character is in the printed cell so ranges point into the model.
 */
const cellOf = (text: string): Cell => {
  // Most cells hold no line break and no space at either end: the cell as printed is the cell as read.
  if (!NEEDS_CLEANING.test(text)) return { display: text, folded: foldForRecognition(text), printedAt: null };
  const dropped = new Uint8Array(text.length);
  for (const m of text.matchAll(/\s*\n\s*/g)) dropped.fill(1, m.index, m.index + m[0].length);
  let kept: number[] = [];
  for (let i = 0; i < text.length; i++) if (dropped[i] === 0) kept.push(i);
  const blank = (i: number) => /\s/.test(text[i] as string);
  let first = 0;
  let last = kept.length;
  while (first < last && blank(kept[first] as number)) first++;
  while (last > first && blank(kept[last - 1] as number)) last--;
  kept = kept.slice(first, last);
  const display = kept.map((i) => text[i]).join('');
  const printedAt = [...kept, kept.length > 0 ? (kept[kept.length - 1] as number) + 1 : 0];
  return { display, folded: foldForRecognition(display), printedAt };
};

/** Where display characters `[start, end)` of a cell are in the printed cell. */
function printedRange(cell: Cell, start: number, end: number): { start: number; end: number } {
  const { printedAt } = cell;
  const at = (i: number) => (printedAt === null ? i : (printedAt[i] as number));
  return { start: at(start), end: end > start ? at(end - 1) + 1 : at(start) };
}

const nonEmpty = (row: Cell[]) => row.filter((cell) => cell.folded.length > 0).length;

/**
 * Each column's header and sub-header, from the header layout the structure stage read (a merged cell
 * spanning the columns under it): the lowest header text over a column is its sub-header (目标值 under
 * 黔江区2025年), the ones above it its header.
 */
function headersOf(header: TableHeader, width: number): { header: Cell; subHeader: string }[] {
  return Array.from({ length: width }, (_, c) => {
    const texts = header.columns[c] ?? [];
    if (texts.length < 2) return { header: cellOf(texts[0] ?? ''), subHeader: '' };
    return { header: cellOf(texts.slice(0, -1).join(' ')), subHeader: texts[texts.length - 1] as string };
  });
}

/** The place without its administrative suffix (黔江区 → 黔江), as the division list splits names. */
function regionCore(region: string): string {
  return properName(region);
}

function isOwnPlace(place: string, region: string): boolean {
  if (place.length === 0 || /^(全|本)(省|市|区|县|州)$/.test(place)) return true;
  const core = regionCore(foldForRecognition(region));
  const placeCore = regionCore(place);
  return core.length > 0 && (place.includes(core) || (placeCore.length > 0 && core.includes(placeCore)));
}

/** What every step of reading one table shares. */
interface TableContext {
  input: TableInput;
  width: number;
  headerCount: number;
  /** The annex title and the table's one-cell title rows, folded: context for classification and years. */
  titles: string;
  titleYear: number | null;
  columns: Column[];
  labelIndex: number;
  unitIndex: number;
  /** The first column of each kind and place (`kind\u0000place`). */
  columnIndex: Map<string, number>;
  warnings: Warning[];
}

/** One body row as read: its measure (label), unit and classification context. */
interface RowContext {
  row: Cell[];
  /** 0-based index among the body rows. */
  r: number;
  labelCell: Cell;
  labelFolded: string;
  labelDisplay: string;
  rowUnit: UnitDefinition | null;
  context: (re: RegExp) => boolean;
}

/** Header rows as recorded, else the rows before the first one with a digit (none when every row has one). */
function headerCountOf(table: AnnexTable, rows: Cell[][]): number {
  let headerCount = table.headerRows;
  if (headerCount === 0) {
    while (headerCount < rows.length && !rows[headerCount]!.some((cell) => /\d/.test(cell.folded)))
      headerCount++;
    if (headerCount === rows.length) headerCount = 0;
  }
  return headerCount;
}

/** The annex title and the one-cell rows above the header (a table title), folded and joined. */
function titlesOf(annex: Annex, rows: Cell[][], headerCount: number): string {
  return [
    annex.title ?? '',
    ...rows
      .slice(0, headerCount)
      .filter((row) => nonEmpty(row) < 2)
      .map((row) => row.map((c) => c.display).join('')),
  ]
    .map((text) => foldForRecognition(text))
    .join(' ');
}

/** The change a label names: a change noun (降低率), else the last fall or rise verb in it (降低, 下降); null when none. */
function labelChange(compiled: Compiled, labelFolded: string): Change {
  let change = changeOfWording(compiled, labelFolded);
  if (change === null) {
    compiled.verbs.lastIndex = 0;
    for (let m = compiled.verbs.exec(labelFolded); m !== null; m = compiled.verbs.exec(labelFolded)) {
      const cls = compiled.verbClass.get(m[0]);
      if (cls === 'decrease' || cls === 'increase') change = cls;
    }
  }
  return change;
}

/** Each column's kind (measure, unit, target, change, actual, ignored), year, place and unit, from its header. */
function readColumns(
  compiled: Compiled,
  composed: { header: Cell; subHeader: string }[],
  region: string,
): Column[] {
  const rules = compiled.tables;
  return composed.map(({ header, subHeader }): Column => {
    const text = foldForRecognition(tidy(`${header.display} ${subHeader}`));
    const yearMatch = /(\d{4})\s*年/.exec(text);
    const place = yearMatch ? text.slice(0, yearMatch.index).trim() : '';
    const unitMatch = /\(([^()]+)\)/.exec(text);
    const headerUnit = unitMatch ? (compiled.units.get((unitMatch[1] as string).trim()) ?? null) : null;
    let kind: ColumnKind;
    if (rules.unitHeader?.test(text)) kind = 'unit';
    else if (rules.ignoreHeader.test(text)) kind = 'ignore';
    else if (rules.labelHeader.test(text) && !yearMatch) kind = 'label';
    else if (rules.actualHeader.test(text)) kind = 'actual';
    else if (
      rules.changeHeader.test(foldForRecognition(subHeader)) ||
      (!subHeader && rules.changeHeader.test(text) && !headerUnit)
    )
      kind = 'change';
    else kind = 'target';
    return {
      kind,
      header: { display: tidy(`${header.display} ${subHeader}`), folded: text },
      subHeader,
      year: yearMatch ? Number(yearMatch[1]) : null,
      place,
      own: isOwnPlace(place, region),
      unit: headerUnit,
    };
  });
}

/**
 * The measure (指标) column: the labelled one, else the first column that is neither a number nor ignored
 * (then marked as the label); -1 when there is none.
 */
function labelColumnIndex(columns: Column[], rows: Cell[][], headerCount: number): number {
  // Without a labelled 指标 column, the measure is the first column that is neither a number nor ignored.
  let labelIndex = columns.findIndex((column) => column.kind === 'label');
  if (labelIndex < 0) {
    labelIndex = columns.findIndex(
      (column, c) =>
        column.kind !== 'ignore' &&
        column.kind !== 'unit' &&
        rows.slice(headerCount).some((row) => /[\u3400-\u9fff]/.test(row[c]?.folded ?? '')),
    );
    if (labelIndex < 0) return -1;
    (columns[labelIndex] as Column).kind = 'label';
  }
  return labelIndex;
}

/** A body row's measure and unit; null for a category row (能源) or a row without a measure. */
function readRow(at: TableContext, row: Cell[], r: number): RowContext | null {
  const { compiled } = at.input;
  const rules = compiled.tables;
  if (nonEmpty(row) < 2) return null; // a category row such as 能源
  const labelCell = row[at.labelIndex];
  if (!labelCell || labelCell.folded.length === 0) return null;
  // 氮氧化物（吨）: the unit in brackets after the measure.
  const bracket = /\s*\(([^()]+)\)\s*$/.exec(labelCell.folded);
  const labelUnit = bracket ? (compiled.units.get((bracket[1] as string).trim()) ?? null) : null;
  const labelEnd = bracket && labelUnit ? bracket.index : labelCell.folded.length;
  const labelFolded = labelCell.folded.slice(0, labelEnd);
  const labelDisplay = tidy(labelCell.display.slice(0, labelEnd));
  const unitCell = at.unitIndex >= 0 ? row[at.unitIndex] : undefined;
  const rowUnit =
    unitCell && !rules.placeholders.has(unitCell.folded)
      ? (compiled.units.get(unitCell.folded) ?? null)
      : labelUnit;
  const context = contextTester(
    `${at.titles} ${at.columns.map((column) => column.header.folded).join(' ')} ${labelFolded}`,
  );
  return { row, r, labelCell, labelFolded, labelDisplay, rowUnit, context };
}

/** The row's number per place and kind, to tell a derived change (25 − 22.2 = 2.8) from a stated one. */
function numberIn(at: TableContext, row: Cell[], kind: ColumnKind, place: string): number | null {
  const c = at.columnIndex.get(`${kind}\u0000${place}`) ?? -1;
  const text = c >= 0 ? (row[c]?.folded ?? '') : '';
  return /^\d+(?:\.\d+)?%?$/.test(text) ? Number(text.replace('%', '')) : null;
}

/** The draft target of one value cell; null for a placeholder, a non-number (warned) or no target. */
function draftOfCell(at: TableContext, line: RowContext, column: Column, c: number): Draft | null {
  const { input, warnings, headerCount, width, titleYear, columns } = at;
  const { compiled, table } = input;
  const rules = compiled.tables;
  const { row, r, labelCell, labelFolded, labelDisplay, rowUnit, context } = line;
  const actualYear = (place: string) =>
    columns.find((column) => column.kind === 'actual' && column.place === place)?.year ?? null;
  if (column.kind !== 'target' && column.kind !== 'change') return null;
  const cell = row[c];
  if (!cell || rules.placeholders.has(cell.folded)) return null;
  const parsed = /^(\[)?\s*(\d+(?:\.\d+)?)\s*([^\]\s\d]*)\s*\]?$/d.exec(cell.folded);
  if (!parsed) {
    warnings.push({
      file: input.file,
      line: table.line,
      message: `${table.id}: cell “${cell.display}” under “${column.header.display}” is not a number`,
    });
    return null;
  }
  const parent = !column.own;
  if (parent && rules.rules.parentColumns === 'skip') return null;
  const printedUnit = parsed[3] as string;
  const unit = (printedUnit ? compiled.units.get(printedUnit) : undefined) ?? column.unit ?? rowUnit;
  if (printedUnit && !compiled.units.has(printedUnit)) {
    warnings.push({
      file: input.file,
      line: table.line,
      message: `${table.id}: unknown unit “${printedUnit}” in “${cell.display}”`,
    });
  }
  // A measure named as its fall or rise (单位地区生产总值能耗降低（%） under 2025年) states the change, whatever
  // its column is called.
  const worded = labelChange(compiled, labelFolded);
  const isChange =
    parsed[1] === '[' || column.kind === 'change' || (column.kind === 'target' && worded !== null);
  if (column.kind === 'change' && parsed[1] !== '[' && numberIn(at, row, 'target', column.place) !== null) {
    // An unbracketed 变化幅度 beside a target level is arithmetic on that level (25 − 22.2 = 2.8), not a
    // target of its own. (黔江's 47.8 beside 57.2 → 100 is not even that; either way it is no target.)
    return null;
  }
  let change: Change = null;
  if (isChange) change = worded ?? 'unspecified';
  const number = parsed[2] as string;
  const indices = parsed.indices as RegExpIndicesArray;
  const valueStart = (indices[2] as [number, number])[0];
  const valueEnd = printedUnit ? (indices[3] as [number, number])[1] : (indices[2] as [number, number])[1];
  const value = scaleValue(number, unit?.factor ?? 1);
  const classification = classify(compiled, labelFolded, context, unit?.unit ?? '', change);
  const label =
    classification?.indicator.name ??
    (change === 'unspecified' && column.subHeader ? `${labelDisplay}（${column.subHeader}）` : labelDisplay);
  return {
    indicatorId: classification?.indicator.id ?? UNCLASSIFIED,
    label,
    value: classification ? scaleValue(String(value), classification.factor) : value,
    unit: classification?.indicator.unit ?? unit?.unit ?? '',
    originalValue: Number(number),
    originalUnit: unit?.printed ?? '',
    comparator: '=',
    comparatorStated: false,
    ambition: 'binding',
    baselineYear: isChange ? actualYear(column.place) : null,
    targetYear: column.year ?? titleYear,
    scope: null,
    parent,
    jurisdiction: parent ? column.place : null,
    wording: null,
    outcome: null,
    change,
    source: {
      clauseId: table.id,
      origin: 'plan',
      text: `${labelCell.display}｜${column.header.display}｜${cell.display}`,
      line: table.line,
      range: null,
      // The value and the unit printed with it (13.5％ in [13.5％]), as in running text.
      cell: { row: headerCount + r, column: c, ...printedRange(cell, valueStart, valueEnd) },
    },
    order: input.order + r * width + c,
  };
}

/** Targets stated in one annex table. */
export function extractFromTable(input: TableInput, warnings: Warning[]): Draft[] {
  const { compiled, table, annex } = input;
  const rows = mapPacked(table.rows, (row) => mapPacked(row, (cell) => cellOf(cell)));
  const width = rows.reduce((max, row) => Math.max(max, row.length), 0);
  if (width < 2) return [];

  const headerCount = headerCountOf(table, rows);
  // A table recorded without header rows has them guessed here (the rows before the first number).
  const header = headerCount === table.headerRows ? table.header : layoutHeader(table.rows, headerCount);
  const titles = titlesOf(annex, rows, headerCount);
  const titleYear = compiled.tables.titleYears.find((rule) => rule.re.test(titles))?.year ?? null;
  const columns = readColumns(compiled, headersOf(header, width), input.region);
  const labelIndex = labelColumnIndex(columns, rows, headerCount);
  if (labelIndex < 0) return [];
  const unitIndex = columns.findIndex((column) => column.kind === 'unit');
  const columnIndex = new Map<string, number>();
  columns.forEach((column, c) => {
    const key = `${column.kind}\u0000${column.place}`;
    if (!columnIndex.has(key)) columnIndex.set(key, c);
  });
  const at: TableContext = {
    input,
    width,
    headerCount,
    titles,
    titleYear,
    columns,
    labelIndex,
    unitIndex,
    columnIndex,
    warnings,
  };

  const drafts: Draft[] = [];
  rows.slice(headerCount).forEach((row, r) => {
    const line = readRow(at, row, r);
    if (!line) return;
    columns.forEach((column, c) => {
      const draft = draftOfCell(at, line, column, c);
      if (draft) drafts.push(draft);
    });
  });
  return drafts;
}
