/**
 * The spreadsheet downloads: `/data/clauses.csv`, `/data/indicators.csv`, `/data/departments.csv`, and their
 * Chinese-headed variants under `/data/zh/` (`table.ts`).
 *
 * Made for Excel as much as for code: UTF-8 with a BOM (without it Excel reads Chinese as mojibake), CRLF
 * line endings, RFC 4180 quoting, one header row. Cells holding lists of names or ids join them with `;`;
 * cells holding lists of sentences (paragraphs, source texts) join them with a newline, because the
 * sentences themselves may contain `;` and a newline shows as a line break inside an Excel cell.
 *
 * Every row starts with the plan it comes from — id, title, region and status — so a row copied, filtered or
 * pivoted on its own still says whose it is and that a draft (征求意见稿) is a draft.
 */
import { distinctMentions } from '../departments/role-usage';
import {
  comparisonCells,
  verdictsFor,
  type ComparisonCells,
  type TargetVerdicts,
  type VerdictContext,
} from '../lineage/index';
import type { Clause, Plan, PlanSummary, Role, Target } from '../model/plan';
import { STATUS_MARKS } from '../status';
import { absolute, paths } from '../urls';
import {
  AMBITION,
  COMPARATOR_LONG,
  NOT_COMPARABLE,
  ORIGIN,
  STATUS,
  UNCLASSIFIED,
  VERDICT,
} from '../vocabulary';
import type { UrlContext } from './shared';
import {
  planTable,
  writeTable,
  writeTableInParts,
  type Column,
  type CsvLanguage,
  type PlanTable,
} from './table';

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

/**
 * The columns naming a row's plan, first in every download: `plan_id`, `plan_title`, `region` (empty where the
 * text names none; 地区未识别 in the Chinese variant) and `status` (`draft` | `final`; 征求意见稿 | 正式文件).
 */
export function planColumns<Row>(planOf: (row: Row) => PlanSummary): Column<Row>[] {
  return [
    { key: 'plan_id', zh: '方案标识', cell: (row) => planOf(row).id },
    { key: 'plan_title', zh: '方案名称', cell: (row) => planOf(row).title },
    {
      key: 'region',
      zh: '地区',
      cell: (row) => planOf(row).region,
      zhCell: (row) => planOf(row).region ?? STATUS_MARKS['region-unknown'].label,
    },
    {
      key: 'status',
      zh: '文件状态',
      cell: (row) => planOf(row).status,
      zhCell: (row) => STATUS[planOf(row).status],
    },
  ];
}

/** Each department named in the clause's note with the note's own role word: 区农业农村委（牵头）. */
function departmentRoles(clause: Clause): string {
  const mentions = clause.responsibility?.departments ?? [];
  return joinList(mentions.map((m) => (m.roleWording ? `${m.name}（${m.roleWording}）` : m.name)));
}

interface ClauseRow {
  plan: Plan;
  clause: Clause;
  url: string;
}

const CLAUSE_COLUMNS: readonly Column<ClauseRow>[] = [
  ...planColumns<ClauseRow>((row) => row.plan),
  { key: 'clause_id', zh: '条款标识', cell: (row) => row.clause.id },
  { key: 'number', zh: '编号', cell: (row) => row.clause.number },
  { key: 'heading', zh: '标题', cell: (row) => row.clause.heading },
  { key: 'text', zh: '正文', cell: (row) => row.clause.paragraphs.join(TEXT_SEPARATOR) },
  { key: 'responsibility_text', zh: '责任分工原文', cell: (row) => row.clause.responsibility?.text ?? null },
  // The machine roles, for filtering; the note's own words are in `department_roles` beside them.
  { key: 'lead_departments', zh: '牵头部门', cell: (row) => departmentNames(row.clause, 'lead') },
  {
    key: 'responsible_departments',
    zh: '负责部门',
    cell: (row) => departmentNames(row.clause, 'responsible'),
  },
  // Not 配合部门: a department listed after a lead 按职责分工负责 is supporting, but the plan never says 配合.
  {
    key: 'supporting_departments',
    zh: '其他参与部门',
    cell: (row) => departmentNames(row.clause, 'supporting'),
  },
  { key: 'department_roles', zh: '部门及原文职责用语', cell: (row) => departmentRoles(row.clause) },
  { key: 'url', zh: '链接', cell: (row) => row.url },
];

/**
 * `clauses.csv`: one row per clause of every plan, in reading order. Department columns list the names as
 * printed in the clause's responsibility note; `url` is the clause's permalink.
 */
export function clausesCsv(plans: Iterable<Plan>, urls: UrlContext, language: CsvLanguage = 'en'): string {
  return [...clausesCsvParts(plans, urls, language)].join('');
}

/** `clausesCsv` written plan by plan, as `plans` yields them (one whole plan at a time is enough). */
export function clausesCsvParts(
  plans: Iterable<Plan>,
  urls: UrlContext,
  language: CsvLanguage = 'en',
): Generator<string> {
  return writeTableInParts(
    CLAUSE_COLUMNS,
    mapIterable(plans, (plan) => clauseRows(plan, urls)),
    language,
  );
}

/** `clauses.csv` as a table written plan by plan, for the whole corpus or for one plan. */
export function clausesTable(urls: UrlContext): PlanTable<Plan> {
  return planTable(CLAUSE_COLUMNS, (plan: Plan) => clauseRows(plan, urls));
}

function clauseRows(plan: Plan, urls: UrlContext): ClauseRow[] {
  return plan.clauses.map((clause) => ({
    plan,
    clause,
    url: absolute(urls.site, urls.base, paths.clause(plan.id, clause.id)),
  }));
}

function* mapIterable<T, U>(items: Iterable<T>, f: (item: T) => U): Generator<U> {
  for (const item of items) yield f(item);
}

function indicatorName(target: Target, indicatorNames: (id: string) => string | undefined): string {
  // An unclassified target's own wording says more than a generic "unclassified" name would.
  if (target.indicatorId === UNCLASSIFIED) return target.label;
  return indicatorNames(target.indicatorId) ?? target.label;
}

interface TargetRow {
  plan: PlanSummary;
  target: Target;
  name: string;
  urls: string[];
  national: ComparisonCells;
  parent: ComparisonCells;
}

/** A comparison code in words: 严于 / 持平 / 弱于, or why it is not compared (单位不同…). */
function codeInWords(code: string | null): string | null {
  if (code === null) return null;
  return (
    (VERDICT as Record<string, string>)[code] ?? (NOT_COMPARABLE as Record<string, string>)[code] ?? code
  );
}

/** The four columns of one comparison (src/lib/lineage/): `vs_national…` or `vs_parent…`. */
function comparisonColumns(
  key: 'vs_national' | 'vs_parent',
  whom: string,
  cells: (row: TargetRow) => ComparisonCells,
): Column<TargetRow>[] {
  return [
    {
      key,
      zh: `与${whom}比较`,
      cell: (row) => cells(row).code,
      zhCell: (row) => codeInWords(cells(row).code),
    },
    { key: `${key}_value`, zh: `${whom}目标值`, cell: (row) => cells(row).value },
    { key: `${key}_source`, zh: `${whom}目标出处`, cell: (row) => cells(row).source },
    { key: `${key}_note`, zh: `与${whom}比较说明`, cell: (row) => cells(row).note },
  ];
}

const INDICATOR_COLUMNS: readonly Column<TargetRow>[] = [
  ...planColumns<TargetRow>((row) => row.plan),
  { key: 'indicator_id', zh: '指标标识', cell: (row) => row.target.indicatorId },
  { key: 'indicator_name', zh: '指标名称', cell: (row) => row.name },
  { key: 'value', zh: '目标值', cell: (row) => row.target.value },
  { key: 'unit', zh: '单位', cell: (row) => row.target.unit },
  { key: 'original_value', zh: '原文数值', cell: (row) => row.target.originalValue },
  { key: 'original_unit', zh: '原文单位', cell: (row) => row.target.originalUnit },
  {
    key: 'comparator',
    zh: '比较方式',
    cell: (row) => row.target.comparator,
    zhCell: (row) => COMPARATOR_LONG[row.target.comparator],
  },
  {
    key: 'ambition',
    zh: '目标性质',
    cell: (row) => row.target.ambition,
    zhCell: (row) => AMBITION[row.target.ambition],
  },
  { key: 'baseline_year', zh: '基准年', cell: (row) => row.target.baselineYear },
  { key: 'target_year', zh: '目标年', cell: (row) => row.target.targetYear },
  { key: 'scope', zh: '范围', cell: (row) => row.target.scope },
  // Whose target: the plan's region, or a parent's (黔江's annex lists 重庆市's values).
  { key: 'jurisdiction', zh: '目标所属地区', cell: (row) => row.target.jurisdiction },
  { key: 'wording', zh: '原文文字表述', cell: (row) => row.target.wording },
  {
    key: 'source_origin',
    zh: '出处类型',
    cell: (row) => row.target.sources.map((s) => s.origin).join(LIST_SEPARATOR),
    zhCell: (row) => row.target.sources.map((s) => ORIGIN[s.origin]).join(LIST_SEPARATOR),
  },
  // Not deduplicated: the n-th id, text and url describe the same source.
  {
    key: 'clause_id',
    zh: '出处条款标识',
    cell: (row) => joinElements(row.target.sources.map((s) => s.clauseId)),
  },
  {
    key: 'source_text',
    zh: '出处原文',
    cell: (row) => row.target.sources.map((s) => s.text).join(TEXT_SEPARATOR),
  },
  { key: 'url', zh: '链接', cell: (row) => joinElements(row.urls) },
  ...comparisonColumns('vs_national', '全国', (row) => row.national),
  ...comparisonColumns('vs_parent', '上级', (row) => row.parent),
];

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
 * 征求意见稿 named. The Chinese variant writes the code in words (严于, 单位不同).
 */
export function indicatorsCsv(
  plans: readonly PlanSummary[],
  urls: UrlContext,
  indicatorNames: (id: string) => string | undefined,
  comparisons: VerdictContext,
  language: CsvLanguage = 'en',
): string {
  return writeTable(
    INDICATOR_COLUMNS,
    plans.flatMap((plan) => targetRows(plan, urls, indicatorNames, comparisons)),
    language,
  );
}

/** `indicators.csv` as a table written plan by plan, for the whole corpus or for one plan. */
export function indicatorsTable(
  urls: UrlContext,
  indicatorNames: (id: string) => string | undefined,
  comparisons: VerdictContext,
): PlanTable<PlanSummary> {
  return planTable(INDICATOR_COLUMNS, (plan: PlanSummary) =>
    targetRows(plan, urls, indicatorNames, comparisons),
  );
}

function targetRows(
  plan: PlanSummary,
  urls: UrlContext,
  indicatorNames: (id: string) => string | undefined,
  comparisons: VerdictContext,
): TargetRow[] {
  const verdicts = new Map<Target, TargetVerdicts>(
    verdictsFor(plan, comparisons).map((entry) => [entry.target, entry]),
  );
  return plan.targets.map((target): TargetRow => {
    const entry = verdicts.get(target);
    const none = { kind: 'none' } as const;
    return {
      plan,
      target,
      name: indicatorName(target, indicatorNames),
      urls: target.sources.map((s) => absolute(urls.site, urls.base, paths.clause(plan.id, s.clauseId))),
      national: comparisonCells(target, entry?.national ?? none),
      parent: comparisonCells(target, entry?.parent ?? none),
    };
  });
}

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

interface DepartmentRow {
  plan: Plan;
  department: Plan['departments'][number];
  category: string;
  counts: Record<Role, number>;
  url: string;
}

const DEPARTMENT_COLUMNS: readonly Column<DepartmentRow>[] = [
  ...planColumns<DepartmentRow>((row) => row.plan),
  { key: 'department_id', zh: '部门标识', cell: (row) => row.department.id },
  { key: 'name', zh: '部门名称', cell: (row) => row.department.name },
  { key: 'aliases', zh: '其他写法', cell: (row) => joinList(row.department.aliases) },
  { key: 'category', zh: '职能类别', cell: (row) => row.category },
  { key: 'lead_count', zh: '牵头条款数', cell: (row) => row.counts.lead },
  { key: 'responsible_count', zh: '负责条款数', cell: (row) => row.counts.responsible },
  { key: 'supporting_count', zh: '其他参与条款数', cell: (row) => row.counts.supporting },
  { key: 'url', zh: '链接', cell: (row) => row.url },
];

/**
 * `departments.csv`: one row per department entity of every plan. The counts are numbers of clauses whose
 * responsibility note names the department in that role. `category` is the category's display name when
 * `categoryNames` knows it, else its id.
 */
export function departmentsCsv(
  plans: Iterable<Plan>,
  urls: UrlContext,
  categoryNames?: (id: string) => string | undefined,
  language: CsvLanguage = 'en',
): string {
  return [...departmentsCsvParts(plans, urls, categoryNames, language)].join('');
}

/** `departmentsCsv` written plan by plan, as `plans` yields them (one whole plan at a time is enough). */
export function departmentsCsvParts(
  plans: Iterable<Plan>,
  urls: UrlContext,
  categoryNames?: (id: string) => string | undefined,
  language: CsvLanguage = 'en',
): Generator<string> {
  return writeTableInParts(
    DEPARTMENT_COLUMNS,
    mapIterable(plans, (plan) => departmentRows(plan, urls, categoryNames)),
    language,
  );
}

/** `departments.csv` as a table written plan by plan, for the whole corpus or for one plan. */
export function departmentsTable(
  urls: UrlContext,
  categoryNames?: (id: string) => string | undefined,
): PlanTable<Plan> {
  return planTable(DEPARTMENT_COLUMNS, (plan: Plan) => departmentRows(plan, urls, categoryNames));
}

function departmentRows(
  plan: Plan,
  urls: UrlContext,
  categoryNames?: (id: string) => string | undefined,
): DepartmentRow[] {
  const counts = roleCounts(plan);
  return plan.departments.map((department) => ({
    plan,
    department,
    category: categoryNames?.(department.category) ?? department.category,
    counts: counts.get(department.id) ?? { lead: 0, responsible: 0, supporting: 0 },
    url: absolute(urls.site, urls.base, paths.department(plan.id, department.id)),
  }));
}
