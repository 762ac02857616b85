/**
 * Departments named in annex tables (a 责任单位 column lists 区经济信息委、区发展改革委): every printed form of the
 * plan's departments found in a body cell, recorded with its cell and offsets so the site links it without
 * looking again. Only names the plan's responsibility notes already made into departments are recognised:
 * a table cell says too little to tell a department from any other phrase.
 */
import type { Annex, AnnexTable, Department, TableDepartmentMention } from '../model/plan';
import { mapPacked } from '../packed';

interface PrintedForm {
  name: string;
  departmentId: string;
}

/** Every printed form (name and aliases), longest first so 区交通局（…中心） wins over 区交通局. */
function printedForms(departments: readonly Department[]): PrintedForm[] {
  return departments
    .flatMap((d) => [d.name, ...d.aliases].map((name) => ({ name, departmentId: d.id })))
    .filter((form) => form.name.length > 0)
    .sort((a, b) => b.name.length - a.name.length);
}

/** The department names in one cell, in reading order, never overlapping. */
function mentionsInCell(text: string, forms: readonly PrintedForm[]): { form: PrintedForm; start: number }[] {
  const found: { form: PrintedForm; start: number }[] = [];
  const taken = (start: number, end: number) =>
    found.some((f) => f.start < end && start < f.start + f.form.name.length);
  for (const form of forms) {
    for (let at = text.indexOf(form.name); at !== -1; at = text.indexOf(form.name, at + form.name.length)) {
      if (!taken(at, at + form.name.length)) found.push({ form, start: at });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The department mentions in the body cells of one table (header rows name columns, not departments). */
export function tableDepartments(
  table: AnnexTable,
  departments: readonly Department[],
): TableDepartmentMention[] {
  const forms = printedForms(departments);
  if (forms.length === 0) return [];
  return table.rows.flatMap((cells, row) =>
    row < table.headerRows
      ? []
      : cells.flatMap((text, column) =>
          mentionsInCell(text, forms).map(({ form, start }) => ({
            name: form.name,
            departmentId: form.departmentId,
            cell: { row, column, start, end: start + form.name.length },
          })),
        ),
  );
}

/** The annexes with every table's department mentions filled in. */
export function withTableDepartments(annexes: readonly Annex[], departments: readonly Department[]): Annex[] {
  return mapPacked(annexes, (annex) => ({
    ...annex,
    blocks: mapPacked(annex.blocks, (block) =>
      block.type === 'table' ? { ...block, departments: tableDepartments(block, departments) } : block,
    ),
  }));
}
