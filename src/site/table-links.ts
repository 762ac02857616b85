/**
 * Links inside annex tables: target values (a target source citing the table) and department names (the
 * 责任单位 column), found in the cells the same way as in clause text. Unfound values are not linked.
 */
import { locateValue, type Span } from '../lib/mdx/spans';
import type { AnnexTable, Plan, Target } from '../lib/model/plan';
import { foldForRecognition } from '../lib/read/normalize';

/** A piece of cell text, linked when `span` is set. */
export interface Segment {
  text: string;
  span: Span | null;
}

/** Splits `text` at the spans (sorted, non-overlapping, all in this text). */
export function segments(text: string, spans: readonly Span[]): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue;
    if (span.start > at) out.push({ text: text.slice(at, span.start), span: null });
    out.push({ text: text.slice(span.start, span.end), span });
    at = span.end;
  }
  if (at < text.length || out.length === 0) out.push({ text: text.slice(at), span: null });
  return out;
}

const key = (s: string) => foldForRecognition(s).replace(/\s+/g, '');

/** A table source written as `row label｜column header｜cell`, as the table recogniser states it. */
interface CellSource {
  target: Target;
  label: string;
  header: string;
  cell: string;
}

/**
 * The cell index (row-major over `rows.flat()`) of each `label｜header｜cell` source: the body row whose
 * label cell starts with the label, the cell there with the same text. When a row holds the same text in
 * several columns (100 for the province and for the plan's own region), sources are matched to those cells in
 * the order their header appears in the header rows, which is column order.
 */
function cellsOfSources(table: AnnexTable, sources: readonly CellSource[]): Map<CellSource, number> {
  const width = table.rows.map((r) => r.length);
  const offset = (r: number) => width.slice(0, r).reduce((a, b) => a + b, 0);
  const headerCells = table.rows.slice(0, table.headerRows).flat().map(key);
  /** Indexes of the header cells that a source's header names. */
  const headerMatches = (header: string) => {
    const h = key(header);
    return headerCells.flatMap((cell, i) => (cell !== '' && h.includes(cell) ? [i] : []));
  };
  const groups = new Map<string, { cells: number[]; sources: CellSource[] }>();
  for (const source of sources) {
    const label = key(source.label);
    const r = table.rows.findIndex(
      (row, i) => i >= table.headerRows && label !== '' && row.some((cell) => key(cell).startsWith(label)),
    );
    if (r === -1) continue;
    const row = table.rows[r] as string[];
    const cells = row.flatMap((cell, c) => (key(cell) === key(source.cell) ? [offset(r) + c] : []));
    const group = groups.get(`${r}\u0000${key(source.cell)}`) ?? { cells, sources: [] };
    group.sources.push(source);
    groups.set(`${r}\u0000${key(source.cell)}`, group);
  }
  const out = new Map<CellSource, number>();
  for (const { cells, sources: group } of groups.values()) {
    // Only the header cells that tell the sources apart order them (every source here may be a 目标值).
    const matches = new Map(group.map((source) => [source, headerMatches(source.header)]));
    const common = (i: number) => group.every((source) => matches.get(source)?.includes(i));
    const rank = (source: CellSource) =>
      Math.min(Number.MAX_SAFE_INTEGER, ...(matches.get(source) ?? []).filter((i) => !common(i)));
    const ordered = [...group].sort((a, b) => rank(a) - rank(b));
    ordered.forEach((source, k) => {
      const cell = cells[Math.min(k, cells.length - 1)];
      if (cell !== undefined && (cells.length >= ordered.length || ordered.length === 1))
        out.set(source, cell);
    });
  }
  return out;
}

/**
 * Spans per body cell of the table, keyed by the cell's index in row-major order over `table.rows` (header
 * rows included, so keys match `rows.flat()`); each span's `paragraph` is that index.
 */
export function tableSpans(plan: Plan, table: AnnexTable): Map<number, Span[]> {
  const cells = table.rows.flat();
  const firstBody = table.rows.slice(0, table.headerRows).flat().length;
  // Header cells take no links: blank them so nothing is found there.
  const texts = cells.map((text, i) => (i < firstBody ? '' : text));
  const spans: Span[] = [];
  const cellSources: CellSource[] = [];
  for (const target of plan.targets) {
    for (const source of target.sources) {
      if (source.clauseId !== table.id) continue;
      const parts = source.text.split('｜');
      if (parts.length >= 3) {
        cellSources.push({
          target,
          label: parts[0] as string,
          header: parts[1] as string,
          cell: parts.at(-1) as string,
        });
        continue;
      }
      const found = locateValue(texts, target, source.text, spans);
      if (found) spans.push({ kind: 'target', ...found, targetId: target.id });
    }
  }
  for (const [source, cell] of cellsOfSources(table, cellSources)) {
    const only = texts.map((text, i) => (i === cell ? text : ''));
    const found = locateValue(only, source.target, source.cell, spans);
    if (found) spans.push({ kind: 'target', ...found, targetId: source.target.id });
  }
  const names = plan.departments
    .flatMap((d) => [d.name, ...d.aliases].map((name) => ({ name, id: d.id })))
    .sort((a, b) => b.name.length - a.name.length);
  texts.forEach((text, cell) => {
    for (const { name, id } of names) {
      let at = text.indexOf(name);
      while (at !== -1) {
        const end = at + name.length;
        if (!spans.some((s) => s.paragraph === cell && s.start < end && at < s.end)) {
          spans.push({
            kind: 'department',
            paragraph: cell,
            start: at,
            end,
            departmentId: id,
            role: 'responsible',
          });
        }
        at = text.indexOf(name, end);
      }
    }
  });
  const byCell = new Map<number, Span[]>();
  for (const span of spans.sort((a, b) => a.start - b.start)) {
    byCell.set(span.paragraph, [...(byCell.get(span.paragraph) ?? []), span]);
  }
  return byCell;
}
