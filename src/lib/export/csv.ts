/**
 * The spreadsheet downloads: `/data/clauses.csv`, `/data/indicators.csv`, `/data/departments.csv`.
 *
 * Made for Excel as much as for code: UTF-8 with a BOM (without it Excel reads Chinese as mojibake), CRLF
 * line endings, RFC 4180 quoting, one header row. Cells holding lists of names or ids join them with `;`;
 * cells holding lists of sentences (paragraphs, source texts) join them with a newline, because the
 * sentences themselves may contain `;` and a newline shows as a line break inside an Excel cell.
 */
import { comparisonCells, verdictsFor, type TargetVerdicts, type VerdictContext } from '../lineage/index';
import type { Clause, Plan, Role, Target } from '../model/plan';
import { absolute, paths } from '../urls';
import { UNCLASSIFIED } from '../vocabulary';
import { distinctMentions } from '../departments/role-usage';
import { writeCsv } from './write-csv';
import type { UrlContext } from './shared';

const LIST_SEPARATOR = ';';
const TEXT_SEPARATOR = '\n';

/** What csv-stringify's `escape_formulas` defuses at the start of a cell. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Values joined with `;` for one cell, each defused like a cell: a spreadsheet's "text to columns" turns every
 * element into a cell of its own, so `局;=HYPERLINK(…)` must not become a formula there either.
 */
function joinElements(values: readonly string[]): string {
  return values.map((value) => (FORMULA_START.test(value) ? `'${value}` : value)).join(LIST_SEPARATOR);
}

/** Distinct values in first-seen order, joined for one cell. */
function joinList(values: Iterable<string>): string {
  return joinElements([...new Set(values)]);
}

function departmentNames(clause: Clause, role: Role): string {
  const mentions = clause.responsibility?.departments ?? [];
  return joinList(mentions.filter((m) => m.role === role).map((m) => m.name));
}

const CLAUSE_COLUMNS = [
  'plan_id',
  'clause_id',
  'number',
  'heading',
  'text',
  'responsibility_text',
  'lead_departments',
  'responsible_departments',
  'supporting_departments',
  'url',
] as const;

/**
 * `clauses.csv`: one row per clause of every plan, in reading order. Department columns list the names as
 * printed in the clause's responsibility note; `url` is the clause's permalink.
 */
export function clausesCsv(plans: Plan[], urls: UrlContext): string {
  const rows = plans.flatMap((plan) =>
    plan.clauses.map((clause) => ({
      plan_id: plan.id,
      clause_id: clause.id,
      number: clause.number,
      heading: clause.heading,
      text: clause.paragraphs.join(TEXT_SEPARATOR),
      responsibility_text: clause.responsibility?.text ?? null,
      lead_departments: departmentNames(clause, 'lead'),
      responsible_departments: departmentNames(clause, 'responsible'),
      supporting_departments: departmentNames(clause, 'supporting'),
      url: absolute(urls.site, urls.base, paths.clause(plan.id, clause.id)),
    })),
  );
  return writeCsv(CLAUSE_COLUMNS, rows);
}

const INDICATOR_COLUMNS = [
  'plan_id',
  'indicator_id',
  'indicator_name',
  'value',
  'unit',
  'original_value',
  'original_unit',
  'comparator',
  'ambition',
  'baseline_year',
  'target_year',
  'scope',
  'jurisdiction',
  'wording',
  'source_origin',
  'clause_id',
  'source_text',
  'url',
  'vs_national',
  'vs_national_value',
  'vs_national_source',
  'vs_national_note',
  'vs_parent',
  'vs_parent_value',
  'vs_parent_source',
  'vs_parent_note',
] as const;

/** The eight comparison columns of one target (src/lib/lineage/): empty where there is no reference. */
function comparisonColumns(entry: TargetVerdicts | undefined) {
  const national = entry ? comparisonCells(entry.target, entry.national) : null;
  const parent = entry ? comparisonCells(entry.target, entry.parent) : null;
  return {
    vs_national: national?.code ?? null,
    vs_national_value: national?.value ?? null,
    vs_national_source: national?.source ?? null,
    vs_national_note: national?.note ?? null,
    vs_parent: parent?.code ?? null,
    vs_parent_value: parent?.value ?? null,
    vs_parent_source: parent?.source ?? null,
    vs_parent_note: parent?.note ?? null,
  };
}

function indicatorName(target: Target, indicatorNames: (id: string) => string | undefined): string {
  // An unclassified target's own wording says more than a generic "unclassified" name would.
  if (target.indicatorId === UNCLASSIFIED) return target.label;
  return indicatorNames(target.indicatorId) ?? target.label;
}

/**
 * `indicators.csv`: ONE ROW PER TARGET, so that counting, filtering and pivoting in a spreadsheet never
 * counts a value twice. A target stated in several places (text and annex table) lists every source in the
 * same order in `clause_id` and `url` (joined with `;`) and in `source_text` (joined with a newline); the
 * first is the primary source. `indicator_name` is the catalogue name, or the plan's own wording for an
 * unclassified target.
 *
 * `vs_national` and `vs_parent` hold `stricter`, `equal` or `weaker` for a like-for-like reference, else the
 * reason code (`unit-differs`, `target-year-unstated`…), empty without a reference; `_value` is the reference
 * as printed (13.5%), `_source` where it is stated (国发〔2021〕33号 二、主要目标, the parent plan's id and
 * title, or `own text` for a value the plan states for its parent), `_note` the same in Chinese with any
 * 征求意见稿 named.
 */
export function indicatorsCsv(
  plans: Plan[],
  urls: UrlContext,
  indicatorNames: (id: string) => string | undefined,
  comparisons: VerdictContext,
): string {
  const rows = plans.flatMap((plan) => {
    const verdicts = new Map(verdictsFor(plan, comparisons).map((entry) => [entry.target, entry]));
    return plan.targets.map((target) => ({
      plan_id: plan.id,
      indicator_id: target.indicatorId,
      indicator_name: indicatorName(target, indicatorNames),
      value: target.value,
      unit: target.unit,
      original_value: target.originalValue,
      original_unit: target.originalUnit,
      comparator: target.comparator,
      ambition: target.ambition,
      baseline_year: target.baselineYear,
      target_year: target.targetYear,
      scope: target.scope,
      // Whose target: the plan's region, or a parent's (黔江's annex lists 重庆市's values).
      jurisdiction: target.jurisdiction,
      wording: target.wording,
      source_origin: target.sources.map((s) => s.origin).join(LIST_SEPARATOR),
      // Not deduplicated: the n-th id, text and url describe the same source.
      clause_id: joinElements(target.sources.map((s) => s.clauseId)),
      source_text: target.sources.map((s) => s.text).join(TEXT_SEPARATOR),
      url: joinElements(
        target.sources.map((s) => absolute(urls.site, urls.base, paths.clause(plan.id, s.clauseId))),
      ),
      ...comparisonColumns(verdicts.get(target)),
    }));
  });
  return writeCsv(INDICATOR_COLUMNS, rows);
}

const DEPARTMENT_COLUMNS = [
  'plan_id',
  'department_id',
  'name',
  'aliases',
  'category',
  'lead_count',
  'responsible_count',
  'supporting_count',
  'url',
] as const;

/** Per department id, the number of clauses naming it in each role. */
function roleCounts(plan: Plan): Map<string, Record<Role, number>> {
  const counts = new Map<string, Record<Role, number>>();
  for (const clause of plan.clauses) {
    for (const mention of distinctMentions(clause)) {
      let entry = counts.get(mention.departmentId);
      if (!entry) {
        entry = { lead: 0, responsible: 0, supporting: 0 };
        counts.set(mention.departmentId, entry);
      }
      entry[mention.role]++;
    }
  }
  return counts;
}

/**
 * `departments.csv`: one row per department entity of every plan. The counts are numbers of clauses whose
 * responsibility note names the department in that role. `category` is the category's display name when
 * `categoryNames` knows it, else its id.
 */
export function departmentsCsv(
  plans: Plan[],
  urls: UrlContext,
  categoryNames?: (id: string) => string | undefined,
): string {
  const rows = plans.flatMap((plan) => {
    const counts = roleCounts(plan);
    return plan.departments.map((department) => {
      const count = counts.get(department.id);
      return {
        plan_id: plan.id,
        department_id: department.id,
        name: department.name,
        aliases: joinList(department.aliases),
        category: categoryNames?.(department.category) ?? department.category,
        lead_count: count?.lead ?? 0,
        responsible_count: count?.responsible ?? 0,
        supporting_count: count?.supporting ?? 0,
        url: absolute(urls.site, urls.base, paths.department(plan.id, department.id)),
      };
    });
  });
  return writeCsv(DEPARTMENT_COLUMNS, rows);
}
