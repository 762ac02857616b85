/**
 * Where the cross-links go in displayed text: the ranges the recognisers recorded, turned into link spans.
 * Department names in a clause's responsibility note and target values in its text come from the model's
 * `range`s; department names and values in annex table cells from its `cell` ranges. Nothing is searched
 * for here: what the recognisers did not record is not linked, and a recorded range that does not fit its
 * text is a bug that throws rather than a link that silently goes missing.
 */
import type { AnnexTable, Clause, Role, Target } from './model/plan';

/** A department link, `[start, end)` of one paragraph or cell. */
export interface DepartmentSpan {
  kind: 'department';
  start: number;
  end: number;
  departmentId: string;
  /** The role the clause's note gives; null in a table, where no role is printed. */
  role: Role | null;
  /** The role word as the note prints it (按职责分工负责, 协助…), shown instead of a word of ours; null if none. */
  roleWording: string | null;
}

/** A target value link: the number and its unit as printed, e.g. `14.5%`. */
export interface TargetSpan {
  kind: 'target';
  start: number;
  end: number;
  targetId: string;
}

export type Span = DepartmentSpan | TargetSpan;

/** A run of displayed text: plain, or linked when `span` is set. */
export interface Segment {
  text: string;
  span: Span | null;
}

/** Adds `span` unless it overlaps one already there (first recorded wins: departments, then targets). */
function addSpan(spans: Span[], span: Span): void {
  if (spans.some((s) => s.start < span.end && span.start < s.end)) return;
  spans.push(span);
}

const byStart = (a: Span, b: Span) => a.start - b.start;

/** Each target source with the target it belongs to, grouped by the clause (or table) id it cites. */
const sourcesByPlace = new WeakMap<readonly Target[], Map<string, { target: Target; index: number }[]>>();

function sourcesIn(targets: readonly Target[], placeId: string): { target: Target; index: number }[] {
  let byPlace = sourcesByPlace.get(targets);
  if (!byPlace) {
    byPlace = new Map();
    for (const target of targets) {
      target.sources.forEach((source, index) => {
        const list = byPlace?.get(source.clauseId) ?? [];
        list.push({ target, index });
        byPlace?.set(source.clauseId, list);
      });
    }
    sourcesByPlace.set(targets, byPlace);
  }
  return byPlace.get(placeId) ?? [];
}

/**
 * The link spans of each paragraph of a clause (`result[p]` for `clause.paragraphs[p]`), sorted and never
 * overlapping: the departments of its responsibility note, then the values of targets stated in it.
 */
export function clauseSpans(clause: Clause, targets: readonly Target[]): Span[][] {
  const spans: Span[][] = clause.paragraphs.map(() => []);
  const into = (paragraph: number) => {
    const list = spans[paragraph];
    if (!list) throw new Error(`${clause.id}: range in paragraph ${paragraph}, which the clause lacks`);
    return list;
  };
  for (const mention of clause.responsibility?.departments ?? []) {
    const { paragraph, start, end } = mention.range;
    addSpan(into(paragraph), {
      kind: 'department',
      start,
      end,
      departmentId: mention.departmentId,
      role: mention.role,
      roleWording: mention.roleWording,
    });
  }
  for (const { target, index } of sourcesIn(targets, clause.id)) {
    const range = target.sources[index]?.range;
    if (!range) continue;
    addSpan(into(range.paragraph), {
      kind: 'target',
      start: range.start,
      end: range.end,
      targetId: target.id,
    });
  }
  return spans.map((list) => list.sort(byStart));
}

/**
 * Throws as `clauseSpans(clause, targets)` does — when a department mention or a target value of the clause
 * is recorded in a paragraph the clause lacks — without making the spans (ingest's check that a plan can be
 * shown, `assertShowable`).
 */
export function assertClauseRanges(clause: Clause, targets: readonly Target[]): void {
  // A function of its own rather than a closure per clause: ingest checks every clause of every plan.
  for (const mention of clause.responsibility?.departments ?? [])
    assertParagraphOf(clause, mention.range.paragraph);
  for (const { target, index } of sourcesIn(targets, clause.id)) {
    const range = target.sources[index]?.range;
    if (range) assertParagraphOf(clause, range.paragraph);
  }
}

function assertParagraphOf(clause: Clause, paragraph: number): void {
  if (!(Number.isInteger(paragraph) && paragraph >= 0 && paragraph < clause.paragraphs.length))
    throw new Error(`${clause.id}: range in paragraph ${paragraph}, which the clause lacks`);
}

/**
 * The link spans of each cell of an annex table (`result[row][column]` for `table.rows[row][column]`),
 * sorted and never overlapping: the departments named in it, then the target values read from it.
 */
export function tableSpans(table: AnnexTable, targets: readonly Target[]): Span[][][] {
  const spans: Span[][][] = table.rows.map((cells) => cells.map(() => []));
  const into = (row: number, column: number) => {
    const list = spans[row]?.[column];
    if (!list) throw new Error(`${table.id}: range in cell ${row},${column}, which the table lacks`);
    return list;
  };
  for (const mention of table.departments) {
    const { row, column, start, end } = mention.cell;
    addSpan(into(row, column), {
      kind: 'department',
      start,
      end,
      departmentId: mention.departmentId,
      role: null,
      roleWording: null,
    });
  }
  for (const { target, index } of sourcesIn(targets, table.id)) {
    const cell = target.sources[index]?.cell;
    if (!cell) continue;
    addSpan(into(cell.row, cell.column), {
      kind: 'target',
      start: cell.start,
      end: cell.end,
      targetId: target.id,
    });
  }
  return spans.map((row) => row.map((list) => list.sort(byStart)));
}

/**
 * Cuts a text into runs at its spans (sorted, non-overlapping, as `clauseSpans` and `tableSpans` give them);
 * the runs joined give the text back unchanged. Throws when a span does not fit the text.
 */
export function segments(text: string, spans: readonly Span[]): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start < at || span.end > text.length || span.end <= span.start) {
      throw new Error(`segments: span [${span.start}, ${span.end}) does not fit “${text}”`);
    }
    if (span.start > at) out.push({ text: text.slice(at, span.start), span: null });
    out.push({ text: text.slice(span.start, span.end), span });
    at = span.end;
  }
  if (at < text.length) out.push({ text: text.slice(at), span: null });
  return out;
}
