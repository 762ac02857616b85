/**
 * The search records. A clause (and an annex's text, and an annex table) is what a result shows, at its
 * permalink; a Pagefind record is one chapter of a plan (or one annex): its clauses' words one after another,
 * a record id that says where each clause's words lie and, in its bundle's values file, each clause's filter
 * values (layout.ts), so the page maps Pagefind's word positions back to clauses (clause-view.ts). Pure: the Pagefind integration
 * (src/integrations/pagefind.ts) feeds the records to `addCustomRecord`.
 */
import type { Annex, AnnexTable, Clause, Level, Plan, PlanPart, PlanSummary } from '../../model/plan';
import { planLabel } from '../../model/label';
import { markedName, statusMarks, statusSuffix } from '../../status';
import { paths, withBase } from '../../urls';
import { COUNTRY, LEVEL, levelLabel, PREAMBLE, provinceLabel } from '../../vocabulary';
import {
  encodeValues,
  encodeWords,
  layoutLength,
  type ClauseLayout,
  type FilterTable,
} from '../browser/layout';
import type { ClauseData, FilterKey, RecordData, RecordMeta } from '../browser/record-meta';
import { containsForm, printsForm, type CompiledGroup } from '../browser/synonyms';
import { formToken, groupToken, indexWords, runsOf, type Run, type Unit } from '../browser/tokens';

/** One clause as a result shows it: its permalink, the words indexed for it, its meta and filter values. */
export interface SearchClause {
  url: string;
  /** The words indexed (search alphabet tokens, see tokens.ts), not text for people. */
  content: string;
  language: string;
  meta: RecordMeta;
  filters: Record<FilterKey, string[]>;
}

/**
 * Pagefind's custom record, as `addCustomRecord` takes it (with `meta`, `layout` and `values`, which go into
 * the clause files, the record's id and its bundle's values file once the bundle is written): the clauses of
 * one chapter.
 */
export interface SearchRecord {
  /** The first clause's permalink (the record's key; each clause keeps its own in `meta`). */
  url: string;
  /** The clauses' words, one clause after another. */
  content: string;
  language: string;
  meta: RecordData;
  /** None: the page filters clauses by their layout (layout.ts), so Pagefind is given no filter to index. */
  filters: Record<string, string[]>;
  /** How many words each clause has (layout.ts `encodeWords`), for the record's id. */
  layout: string;
  /** The record's and its clauses' filter values (layout.ts `encodeValues`), for its bundle's values file. */
  values: string;
}

/** A result shows the plan's status marks, so a draft's clause is never quoted as adopted policy. */
function statusMeta(plan: Plan): string {
  return statusMarks(plan)
    .map((mark) => mark.label)
    .join('，');
}

export {
  FILTER_KEYS,
  type ClauseData,
  type FilterKey,
  type RecordData,
  type RecordMeta,
} from '../browser/record-meta';

/** Chinese labels for filter values, from the catalogues. */
export interface SearchNames {
  /** Department category id → name (content/departments.yaml). */
  category(id: string): string;
  /** Indicator id → name (content/indicators.yaml), or the target's own label when the id is not catalogued. */
  indicator(id: string, label: string): string;
  /** Plan part → name shown in the filter. */
  part(part: PlanPart): string;
  /** Category and indicator names in catalogue order, for listing filter values. */
  order: { department: readonly string[]; indicator: readonly string[] };
}

/** Level filter values: the site's one vocabulary, so a filter reads 省级 as the plan pages do. */
export const LEVEL_NAMES: Record<Level, string> = LEVEL;

/** The language every record is indexed under (the site's `<html lang>`, so Pagefind picks this index). */
export const RECORD_LANGUAGE = 'zh-cn';

export interface BuildOptions {
  /** The deployment base path (Astro `base`): record URLs are the permalinks under it. */
  base: string;
  /** The search fold of the build: foldForRecognition, then lowercase ASCII. */
  fold: (s: string) => string;
  names: SearchNames;
  /** Every search group: curated synonyms, then the department groups (build/departments.ts). */
  synonyms: readonly CompiledGroup[];
  /** For a plan, the department group of a printed department name (build/departments.ts), or null. */
  departmentGroup?: (plan: Pick<Plan, 'region' | 'level'>) => (name: string) => number | null;
  /**
   * The filter values of the whole corpus (`filterValues`), which the records' layouts point into and the
   * build writes beside the index for the page; needed to group clauses into records.
   */
  table?: FilterTable;
}

/**
 * Every suffix `planLabels` may add to a plan's name (（征求意见稿）, （地区未识别）, both), from the one function that
 * marks plans: the search page reads a URL shared before labels carried them (plan-filter-label.ts).
 */
export const PLAN_LABEL_SUFFIXES: readonly string[] = (
  [
    { status: 'draft', region: '某地' },
    { status: 'final', region: null },
    { status: 'draft', region: null },
  ] as const
).map((plan) => statusSuffix(statusMarks(plan)));

/**
 * How each plan appears in the plan filter: its region with its status marks (贵州省（征求意见稿）), as a chart
 * row names it, or its title with them when two plans would read alike. A draft's option never reads as the
 * adopted plan's, and the draft and the final of one government are two options, not one.
 */
export function planLabels(
  plans: readonly Pick<PlanSummary, 'id' | 'region' | 'title' | 'status'>[],
): Map<string, string> {
  const count = new Map<string, number>();
  for (const plan of plans) {
    const label = markedName(planLabel(plan), plan);
    count.set(label, (count.get(label) ?? 0) + 1);
  }
  return new Map(
    plans.map((p) => {
      const label = markedName(planLabel(p), p);
      return [p.id, (count.get(label) ?? 0) > 1 ? markedName(p.title, p) : label];
    }),
  );
}

function uniq(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

/** Distinct values in the order of `order`, values it lacks after them in first-seen order. */
function byOrder(order: readonly string[], values: Iterable<string>): string[] {
  const rank = (v: string) => {
    const i = order.indexOf(v);
    return i === -1 ? order.length : i;
  };
  return uniq(values)
    .map((v, i) => ({ v, i }))
    .sort((a, b) => rank(a.v) - rank(b.v) || a.i - b.i)
    .map(({ v }) => v);
}

/** Department names shorter than this are not looked for in running text (人行 would match 人行道). */
const DEPARTMENT_FORM_MIN_UNITS = 3;

const unitKey = (unit: Unit): string => `${unit.kind}\u0000${unit.text}`;

// Per form, the distinct units it is made of: a text lacking any of them cannot contain the form.
const formUnitKeys = new WeakMap<readonly Run[], readonly string[]>();

function unitKeysOf(form: readonly Run[]): readonly string[] {
  let keys = formUnitKeys.get(form);
  if (!keys) {
    keys = [...new Set(form.flatMap((run) => run.map(unitKey)))];
    formUnitKeys.set(form, keys);
  }
  return keys;
}

/**
 * The groups a text contains — a synonym group by any form, a department group by a form long enough — and the
 * tokens of every group form it prints (tokens.ts `formToken`: each run of the form somewhere, as the page's
 * exact lookups of that wording would find it; a department form of any length, since it is looked up only
 * when typed). Every record is checked against every form of every group (thousands with the department
 * names), so a form is looked for only when the text has each of its units.
 */
function groupWords(
  runs: readonly Run[],
  groups: readonly CompiledGroup[],
): { groups: number[]; forms: string[] } {
  const units = new Set(runs.flatMap((run) => run.map(unitKey)));
  const contained: number[] = [];
  const forms: string[] = [];
  for (const group of groups) {
    let contains = false;
    group.runs.forEach((form, f) => {
      if (!unitKeysOf(form).every((key) => units.has(key)) || !printsForm(runs, form)) return;
      forms.push(formToken(group.index, f));
      contains ||=
        (group.kind !== 'department' ||
          form.reduce((n, run) => n + run.length, 0) >= DEPARTMENT_FORM_MIN_UNITS) &&
        containsForm(runs, form);
    });
    if (contains) contained.push(group.index);
  }
  return { groups: contained, forms };
}

/**
 * The indexed words of some pieces of text; each piece is cut into runs on its own, so pieces never join into
 * a phrase. Only words of the pieces, group tokens and form tokens are indexed, never words the reader is not
 * shown, so a literal match is always a match in the shown text. `extraGroups` are group indexes known
 * otherwise (the departments responsible for a clause).
 */
function words(
  pieces: readonly string[],
  options: BuildOptions,
  extraGroups: readonly number[] = [],
): string {
  const runs = pieces.flatMap((piece) => runsOf(options.fold(piece)));
  const found = groupWords(runs, options.synonyms);
  const groups = [...new Set([...found.groups, ...extraGroups])].sort((a, b) => a - b);
  return indexWords(runs, [...groups.map(groupToken), ...found.forms]);
}

/** Indicator names per clause or table id: the targets stated there. */
function indicatorsBySource(plan: Plan, names: SearchNames): Map<string, string[]> {
  const out = new Map<string, Set<string>>();
  for (const target of plan.targets) {
    for (const source of target.sources) {
      const set = out.get(source.clauseId) ?? new Set<string>();
      set.add(names.indicator(target.indicatorId, target.label));
      out.set(source.clauseId, set);
    }
  }
  return new Map([...out].map(([id, set]) => [id, [...set]]));
}

/** The heading a clause is read under: its own, else its nearest enclosing clause's (a chapter's paragraph shows the chapter's). */
/** What a result shows of any record: its place (citation and heading) in which plan, and its text. */
function shownAs(plan: Plan, citation: string, heading: string, text: string) {
  return {
    title: `${citation} ${heading}`.trim(),
    plan: plan.title,
    region: planLabel(plan),
    status: statusMeta(plan),
    citation,
    heading,
    text,
  };
}

/** A record's filter values: its province, plan and level, the part it is in, department categories, indicators. */
function filtersOf(
  plan: Plan,
  label: string,
  part: string,
  departments: string[],
  indicators: string[],
): Record<FilterKey, string[]> {
  return {
    province: [provinceLabel(plan)],
    plan: [label],
    level: [levelLabel(plan.level)],
    part: [part],
    department: departments,
    indicator: indicators,
  };
}

function headingOf(clause: Clause, byId: ReadonlyMap<string, Clause>): string {
  for (let at: Clause | undefined = clause; at; at = at.parentId ? byId.get(at.parentId) : undefined) {
    if (at.heading) return at.heading;
  }
  return '';
}

function clauseRecord(
  plan: Plan,
  clause: Clause,
  label: string,
  indicators: string[],
  context: { byId: ReadonlyMap<string, Clause>; departmentGroup: (name: string) => number | null },
  options: BuildOptions,
): SearchClause | null {
  const text = clause.paragraphs.join('\n');
  if (!text.trim()) return null;
  const mentioned = uniq((clause.responsibility?.departments ?? []).map((m) => m.departmentId));
  const departments = mentioned.flatMap((id) => plan.departments.filter((d) => d.id === id));
  // The departments responsible are found by any of their catalogue names (as 部门别名), through their groups.
  const departmentGroups = (clause.responsibility?.departments ?? []).flatMap((m) => {
    const group = context.departmentGroup(m.name);
    return group === null ? [] : [group];
  });
  const citation = clause.kind === 'preamble' ? PREAMBLE : clause.citation;
  const heading = headingOf(clause, context.byId);
  return {
    url: withBase(options.base, paths.clause(plan.id, clause.id)),
    content: words([text], options, departmentGroups),
    language: RECORD_LANGUAGE,
    meta: {
      kind: 'clause',
      headerRows: '0',
      ...shownAs(plan, citation, heading, text),
    },
    filters: filtersOf(
      plan,
      label,
      options.names.part(clause.part),
      uniq(departments.map((d) => options.names.category(d.category))),
      indicators,
    ),
  };
}

function annexRecords(
  plan: Plan,
  annex: Annex,
  label: string,
  bySource: Map<string, string[]>,
  options: BuildOptions,
): SearchClause[] {
  const part = options.names.part('annex');
  const filters = (sourceId: string) => filtersOf(plan, label, part, [], bySource.get(sourceId) ?? []);
  const records: SearchClause[] = [];
  const paragraphs = annex.blocks.flatMap((b) => (b.type === 'paragraph' && b.text.trim() ? [b.text] : []));
  const heading = annex.title ?? '';
  const headText = [heading, ...paragraphs].filter(Boolean).join('\n');
  if (headText.trim()) {
    records.push({
      url: withBase(options.base, paths.clause(plan.id, annex.id)),
      content: words([headText], options),
      language: RECORD_LANGUAGE,
      meta: {
        kind: 'annex',
        headerRows: '0',
        ...shownAs(plan, annex.label, heading, headText),
      },
      filters: filters(annex.id),
    });
  }
  const tables = annex.blocks.filter((b): b is AnnexTable => b.type === 'table');
  tables.forEach((table, i) => {
    // Shown one row per line, cells separated by an ideographic space; indexed cell by cell, so a phrase
    // never spans two cells.
    const text = table.rows.map((row) => row.join('　')).join('\n');
    if (!text.trim()) return;
    const citation = tables.length > 1 ? `${annex.label}表${i + 1}` : annex.label;
    records.push({
      url: withBase(options.base, paths.clause(plan.id, table.id)),
      content: words(table.rows.flat(), options),
      language: RECORD_LANGUAGE,
      meta: {
        kind: 'table',
        headerRows: String(table.headerRows),
        columns: table.header.columns.map((texts) => texts.join(' ')).join('　'),
        ...shownAs(plan, citation, heading, text),
      },
      filters: filters(table.id),
    });
  });
  return records;
}

/** Every record of every plan, clauses in reading order, then annexes. */
export function buildRecords(plans: readonly Plan[], options: BuildOptions): SearchRecord[] {
  return [...buildRecordsByPlan(plans, options).values()].flat();
}

/** The records of each plan (by plan id, in plan order); the filter table defaults to these plans' own. */
export function buildRecordsByPlan(
  plans: readonly Plan[],
  options: BuildOptions,
): Map<string, SearchRecord[]> {
  const labels = planLabels(plans);
  const withTable = { ...options, table: options.table ?? filterValues(plans, options.names) };
  return new Map(
    plans.map((plan) => [plan.id, recordsOfPlan(plan, labels.get(plan.id) ?? planLabel(plan), withTable)]),
  );
}

/** A clause with the chapter (or annex) it is grouped under. */
interface Placed {
  clause: SearchClause;
  chapter: string;
}

/** The chapter a clause is in: its outermost enclosing clause (the preamble's clauses are one chapter). */
function chapterOf(clause: Clause, byId: ReadonlyMap<string, Clause>): string {
  if (clause.kind === 'preamble') return PREAMBLE;
  let at = clause;
  for (
    let up = at.parentId ? byId.get(at.parentId) : undefined;
    up;
    up = up.parentId ? byId.get(up.parentId) : undefined
  )
    at = up;
  return at.id;
}

/** Every clause of one plan that has words, in reading order, then annexes, each with its chapter. */
function placedClauses(plan: Plan, label: string, options: BuildOptions): Placed[] {
  const bySource = indicatorsBySource(plan, options.names);
  const context = {
    byId: new Map(plan.clauses.map((c) => [c.id, c])),
    departmentGroup: options.departmentGroup?.(plan) ?? (() => null),
  };
  const clauses = plan.clauses.flatMap((clause) => {
    const record = clauseRecord(plan, clause, label, bySource.get(clause.id) ?? [], context, options);
    return record ? [{ clause: record, chapter: chapterOf(clause, context.byId) }] : [];
  });
  const annexes = plan.annexes.flatMap((annex) =>
    annexRecords(plan, annex, label, bySource, options).map((clause) => ({ clause, chapter: annex.id })),
  );
  // A clause without a word can never be found.
  return [...clauses, ...annexes].filter(({ clause }) => clause.content !== '');
}

/**
 * The clauses of one plan as results show them, in reading order, then annexes; `label` is its name in
 * results (from `planLabels` of the whole corpus, which needs only the plans' summaries).
 */
export function clausesOfPlan(plan: Plan, label: string, options: BuildOptions): SearchClause[] {
  return placedClauses(plan, label, options).map(({ clause }) => clause);
}

/**
 * Layout characters a record's clauses may take at most; a chapter whose clauses would take more is split. Set
 * when the record's fragment was a file named by its short name and layout (a file name's 255 bytes); the
 * fragment is no longer written (its clauses' files are named by the short name alone, clause-file.ts), so the
 * bound now only keeps record ids short, and was kept as measured (records and metadata bytes unchanged). It
 * bounds the words and values spelt together (layout.ts `layoutLength`), as when both were in the record's id.
 */
export const LAYOUT_MAX = 200;

/** Value indexes of a filter table, by key and value. */
function indexesOf(table: FilterTable): Record<FilterKey, Map<string, number>> {
  return Object.fromEntries(
    Object.entries(table).map(([key, values]) => [key, new Map(values.map((v, i) => [v, i]))]),
  ) as Record<FilterKey, Map<string, number>>;
}

const tableIndexes = new WeakMap<FilterTable, Record<FilterKey, Map<string, number>>>();

/**
 * The records of one plan: its clauses grouped by chapter (consecutive clauses of one chapter, or of one
 * annex), a chapter split where its layout would outgrow `LAYOUT_MAX`. Needs `options.table`.
 */
export function recordsOfPlan(plan: Plan, label: string, options: BuildOptions): SearchRecord[] {
  const table = options.table;
  if (!table) throw new Error('search records need the filter table (BuildOptions.table)');
  let indexes = tableIndexes.get(table);
  if (!indexes) tableIndexes.set(table, (indexes = indexesOf(table)));
  const at = (key: FilterKey, value: string): number => {
    const i = indexes[key].get(value);
    if (i === undefined)
      throw new Error(`search filter value “${value}” (${key}) is not in the filter table`);
    return i;
  };
  const records: SearchRecord[] = [];
  let group: {
    chapter: string;
    clauses: SearchClause[];
    layout: ClauseLayout[];
    head: { province: number; plan: number; level: number };
  } | null = null;
  const close = () => {
    if (!group) return;
    const [first] = group.clauses as [SearchClause];
    records.push({
      url: first.url,
      content: group.clauses.map((c) => c.content).join(' '),
      language: RECORD_LANGUAGE,
      meta: { clauses: group.clauses.map(({ url, meta, filters }): ClauseData => ({ url, meta, filters })) },
      filters: {},
      layout: encodeWords({ ...group.head, clauses: group.layout }),
      values: encodeValues({ ...group.head, clauses: group.layout }),
    });
    group = null;
  };
  for (const { clause, chapter } of placedClauses(plan, label, options)) {
    const f = clause.filters;
    const own: ClauseLayout = {
      words: clause.content.split(' ').length,
      part: at('part', f.part[0] as string),
      departments: f.department.map((v) => at('department', v)),
      indicators: f.indicator.map((v) => at('indicator', v)),
    };
    const head = {
      province: at('province', f.province[0] as string),
      plan: at('plan', f.plan[0] as string),
      level: at('level', f.level[0] as string),
    };
    if (
      !group ||
      group.chapter !== chapter ||
      layoutLength({ ...head, clauses: [...group.layout, own] }) > LAYOUT_MAX
    ) {
      close();
      group = { chapter, clauses: [], layout: [], head };
    }
    group.clauses.push(clause);
    group.layout.push(own);
  }
  close();
  return records;
}

/** The province-level code a plan is filed under (its regionPath's top), for ordering provinces; '' if none. */
function provinceCode(plan: PlanSummary): string {
  const top = plan.regionPath[0];
  return top?.level === 'province' ? top.code : '';
}

/**
 * The plans' provinces (as the province filter names them, vocabulary.ts `provinceLabel`), each with its plans'
 * filter labels in plan order: 全国 first, then by division code, provinces the list cannot tell last.
 */
export function plansByProvince(plans: readonly PlanSummary[]): [string, string[]][] {
  const labels = planLabels(plans);
  const groups = new Map<string, { code: string; plans: string[] }>();
  for (const plan of plans) {
    const province = provinceLabel(plan);
    const group = groups.get(province) ?? { code: provinceCode(plan), plans: [] };
    group.plans.push(labels.get(plan.id) ?? planLabel(plan));
    groups.set(province, group);
  }
  const rank = (name: string, code: string) => (name === COUNTRY ? '' : code === '' ? '\uffff' : code);
  return [...groups]
    .sort(([a, ga], [b, gb]) => rank(a, ga.code).localeCompare(rank(b, gb.code)))
    .map(([province, group]) => [province, uniq(group.plans)]);
}

/** The values of each filter in display order: provinces and plans as listed, then levels, parts, categories, indicators. */
export function filterValues(plans: readonly PlanSummary[], names: SearchNames): Record<FilterKey, string[]> {
  const labels = planLabels(plans);
  const levelOrder: Level[] = ['national', 'province', 'city', 'county'];
  const partOrder: PlanPart[] = ['preamble', 'goals', 'projects', 'policies', 'safeguards', 'other', 'annex'];
  const parts = new Set<PlanPart>(plans.flatMap((p) => p.clauses.map((c) => c.part)));
  if (plans.some((p) => p.annexes.length > 0)) parts.add('annex');
  return {
    province: plansByProvince(plans).map(([province]) => province),
    plan: uniq(plans.map((p) => labels.get(p.id) ?? planLabel(p))),
    // Every level a plan's records carry, 级别未识别 included (after the known ones), so a layout can name it.
    level: byOrder(
      levelOrder.map((l) => LEVEL_NAMES[l]),
      plans.map((p) => levelLabel(p.level)),
    ),
    part: partOrder.filter((p) => parts.has(p)).map((p) => names.part(p)),
    department: byOrder(
      names.order.department,
      plans.flatMap((p) =>
        p.clauses.flatMap((c) =>
          (c.responsibility?.departments ?? []).flatMap((m) =>
            p.departments.filter((d) => d.id === m.departmentId).map((d) => names.category(d.category)),
          ),
        ),
      ),
    ),
    indicator: byOrder(
      names.order.indicator,
      plans.flatMap((p) => p.targets.map((t) => names.indicator(t.indicatorId, t.label))),
    ),
  };
}
