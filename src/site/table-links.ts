/**
 * Links inside annex tables: target values (a target source citing the table) and department names (the
 * 责任单位 column), found in the cells the same way as in clause text. Unfound values are not linked.
 */
import { locateValue, type Span } from '../lib/mdx/spans';
import type { AnnexTable, Plan } from '../lib/model/plan';

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
  for (const target of plan.targets) {
    for (const source of target.sources) {
      if (source.clauseId !== table.id) continue;
      const found = locateValue(texts, target, source.text, spans);
      if (found) spans.push({ kind: 'target', ...found, targetId: target.id });
    }
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
