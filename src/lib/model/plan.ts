/**
 * The plan model: what the parser produces from one seed and what every later stage (MDX, data downloads,
 * charts, search) consumes. The zod schemas are the single source of truth; the TypeScript types are inferred
 * from them and `/data/schema.json` is generated from them.
 */
import { z } from 'zod';
import { DraftSide, NotComparableReason, Verdict } from '../lineage/schema';

/** Administrative level of the issuing jurisdiction. A 区 or 县 is `county`. */
export const Level = z.enum(['national', 'province', 'city', 'county']);
export type Level = z.infer<typeof Level>;

/** `draft` for a 征求意见稿 (consultation draft), otherwise `final`. */
export const Status = z.enum(['draft', 'final']);
export type Status = z.infer<typeof Status>;

/**
 * A department's role in a clause: `lead` (named before 牵头, or a sole 负责), `responsible` (listed with
 * 按职责分工负责 and no lead), `supporting` (listed after a lead).
 */
export const Role = z.enum(['lead', 'responsible', 'supporting']);
export type Role = z.infer<typeof Role>;

/** Where a piece of the model came from in its seed: 1-based line numbers, inclusive. */
export const SourceLines = z.object({
  /** First source line (1-based). */
  line: z.number().int().positive(),
  /** Last source line (1-based, inclusive). */
  endLine: z.number().int().positive(),
});

/**
 * Where a recognised piece of text sits: `paragraphs[paragraph].slice(start, end)` of the clause it belongs to
 * (for an annex, `blocks[paragraph].text` of that annex). Offsets count UTF-16 code units, `end` exclusive, in
 * the display text as stored in the model, so slicing the model's own text gives back exactly what was read.
 */
export const TextRange = z.object({
  /** 0-based index into the clause's `paragraphs` (an annex's `blocks`). */
  paragraph: z.number().int().nonnegative(),
  /** First code unit (0-based). */
  start: z.number().int().nonnegative(),
  /** One past the last code unit. */
  end: z.number().int().nonnegative(),
});
export type TextRange = z.infer<typeof TextRange>;

/** Where a recognised piece of an annex table sits: `rows[row][column].slice(start, end)` of that table. */
export const CellRange = z.object({
  /** 0-based row index into `rows`, header rows included. */
  row: z.number().int().nonnegative(),
  /** 0-based cell index within that row. */
  column: z.number().int().nonnegative(),
  /** First code unit within the cell text (0-based). */
  start: z.number().int().nonnegative(),
  /** One past the last code unit. */
  end: z.number().int().nonnegative(),
});
export type CellRange = z.infer<typeof CellRange>;

/** A document the plan cites, e.g. 《关于印发…的通知》（渝府发〔2022〕39号）. */
export const CitedDocument = z.object({
  /** The title between 《 and 》, without the brackets. */
  title: z.string().min(1),
  /** Its 文号 (document number) where one follows, e.g. 国发〔2021〕33号. */
  number: z.string().nullable(),
});
export type CitedDocument = z.infer<typeof CitedDocument>;

/**
 * The parts of a seed that come before the plan body: a news lead, a notice (印发通知) with its addressees,
 * signature and date, an 附件 label, the plan title and a subtitle such as （征求意见稿）.
 */
export const FrontBlockKind = z.enum(['lead', 'notice', 'label', 'title', 'subtitle']);
export const FrontBlock = SourceLines.extend({
  kind: FrontBlockKind,
  /** Display text: original wording with export leftovers removed. */
  text: z.string(),
});
export type FrontBlock = z.infer<typeof FrontBlock>;

/** One named department as printed in a responsibility note, resolved to a department entity. */
export const DepartmentMention = z.object({
  /** The name exactly as printed (may contain nested brackets). */
  name: z.string().min(1),
  /** Id of the resolved department entity within the plan (see `Department.id`). */
  departmentId: z.string().min(1),
  /** The role for data (filters, counts); pages show `roleWording`, the plan's own word. */
  role: Role,
  /**
   * The role word exactly as the note prints it after the name's list: 牵头, 负责, 按职责分工负责, 配合, 协助,
   * 共同牵头…; null when the note prints none for this name.
   */
  roleWording: z.string().min(1).nullable(),
  /** Where the name is printed: its range in the clause's last paragraph, the one the note closes. */
  range: TextRange,
});
export type DepartmentMention = z.infer<typeof DepartmentMention>;

/** The closing parenthetical of a clause, e.g. （区发展改革委牵头，区经济信息委等按职责分工负责）. */
export const Responsibility = z.object({
  /** The note exactly as printed: a parenthetical with its brackets, or a last sentence of labels (责任单位：…). */
  text: z.string().min(1),
  /** Where the note is printed (brackets included): a range in the clause's last paragraph. */
  range: TextRange,
  departments: z.array(DepartmentMention),
  /**
   * Implementing governments/bodies as printed (各县（市、区）人民政府…负责落实), including those carried over from
   * an earlier standing note such as 以下均需…落实，不再列出.
   */
  implementers: z.array(z.string()),
  /** True when `implementers` came (wholly or partly) from an earlier standing note rather than this clause. */
  implementersInherited: z.boolean(),
});
export type Responsibility = z.infer<typeof Responsibility>;

/**
 * Which part of the plan a clause belongs to, for filters and comparison: 总体要求/主要目标 (`goals`),
 * 重点工程 (`projects`), 政策机制 (`policies`), 保障措施/工作落实 (`safeguards`), anything else `other`.
 */
export const PlanPart = z.enum(['preamble', 'goals', 'projects', 'policies', 'safeguards', 'annex', 'other']);
export type PlanPart = z.infer<typeof PlanPart>;

export const ClauseKind = z.enum(['preamble', 'chapter', 'section', 'item', 'paragraph', 'annex-list']);
export type ClauseKind = z.infer<typeof ClauseKind>;

/**
 * One unit of the plan body: a chapter (一、), section (（一）), item (1．) or unnumbered paragraph. The body is
 * a flat list in reading order; `parentId` rebuilds the tree.
 */
export const Clause = SourceLines.extend({
  /**
   * Stable id derived from the printed numbering: 三（四）3 → `3-4-3`. Unnumbered paragraphs get `p<n>` under
   * their parent (`4-4-p1`); the preamble is `preamble`. Used as the HTML id and the permalink fragment.
   */
  id: z.string().regex(/^[a-z0-9-]+$/),
  kind: ClauseKind,
  /** Id of the enclosing clause, null for chapters, the preamble and the annex list. */
  parentId: z.string().nullable(),
  /** 1 for chapters, 2 for sections, 3 for items; paragraphs take their parent's depth + 1. */
  depth: z.number().int().min(0).max(6),
  /** The number marker as printed, e.g. `三、`, `（四）`, `(四)`, `3．`; null when unnumbered. */
  number: z.string().nullable(),
  /** How the clause is cited: 三（四）3, 四（十一）, 二. Empty for the preamble. */
  citation: z.string(),
  /** A short heading where the text has one: the words before the first 。 (without it). */
  heading: z.string().nullable(),
  /**
   * The clause text after the number marker, one string per source paragraph, in the original wording
   * (export leftovers removed; a sentence broken across a page break is joined). Includes the heading and
   * the responsibility parenthetical.
   */
  paragraphs: z.array(z.string()),
  responsibility: Responsibility.nullable(),
  part: PlanPart,
  /** 0-based position in the plan body. */
  position: z.number().int().nonnegative(),
});
export type Clause = z.infer<typeof Clause>;

/** A department of the plan named in an annex table cell (a 责任单位 column), e.g. 区发展改革委. */
export const TableDepartmentMention = z.object({
  /** The name exactly as printed in the cell. */
  name: z.string().min(1),
  /** Id of the department entity (see `Department.id`). */
  departmentId: z.string().min(1),
  /** Where the name is printed. */
  cell: CellRange,
});
export type TableDepartmentMention = z.infer<typeof TableDepartmentMention>;

/** A header cell as drawn: `rows[row][cell]` placed at grid `column`, spanning `colSpan` columns and `rowSpan` rows. */
export const HeaderCell = z.object({
  /** Index of the cell within its row. */
  cell: z.number().int().nonnegative(),
  /** First grid column it covers (0-based). */
  column: z.number().int().nonnegative(),
  colSpan: z.number().int().positive(),
  rowSpan: z.number().int().positive(),
});
export type HeaderCell = z.infer<typeof HeaderCell>;

/**
 * The header rows as printed (merged cells spanning columns and rows), read once by the structure stage and
 * used by the page, target recognition and search alike.
 */
export const TableHeader = z.object({
  /** Per header row, the cells drawn; a cell covered by a merged cell (always empty) is absent. */
  rows: z.array(z.array(HeaderCell)),
  /** Per grid column, its non-empty header texts top to bottom, e.g. ['黔江区2025年', '目标值']. */
  columns: z.array(z.array(z.string())),
});
export type TableHeader = z.infer<typeof TableHeader>;

/** An annex table rebuilt from one-cell-per-line text: `rows[r][c]` are cell texts as printed. */
export const AnnexTable = SourceLines.extend({
  type: z.literal('table'),
  /** Stable id within the plan, e.g. `annex-1-table-1`. */
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** Number of header rows at the top of `rows`. */
  headerRows: z.number().int().nonnegative(),
  /** How the header rows span the grid, and each column's header. */
  header: TableHeader,
  rows: z.array(z.array(z.string())),
  /** Departments of the plan named in body cells, in reading order (row by row). */
  departments: z.array(TableDepartmentMention),
});
export type AnnexTable = z.infer<typeof AnnexTable>;

export const AnnexParagraph = SourceLines.extend({
  type: z.literal('paragraph'),
  text: z.string(),
});
export type AnnexParagraph = z.infer<typeof AnnexParagraph>;

/** An annex (附件1 …) with its title and its content: paragraphs and tables in source order. */
export const Annex = SourceLines.extend({
  /** `annex-1`, `annex-2`… in order. */
  id: z.string().regex(/^annex-[0-9]+$/),
  /** The label as printed, e.g. 附件1. */
  label: z.string(),
  title: z.string().nullable(),
  blocks: z.array(z.discriminatedUnion('type', [AnnexTable, AnnexParagraph])),
});
export type Annex = z.infer<typeof Annex>;

/**
 * A department entity: one per (plan jurisdiction, department), with its aliases merged, e.g. 市市场监管局 and
 * 市市场监督管理局 are one entity.
 */
export const Department = z.object({
  /** Slug unique within the plan (pinyin of the canonical name); part of `/departments/<plan>/<id>/`. */
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** Canonical name as used by this plan (the most frequent printed form, typos corrected). */
  name: z.string().min(1),
  /** Every other printed form found in this plan. */
  aliases: z.array(z.string()),
  /** Functional category id from `content/departments.yaml`, shared across plans. */
  category: z.string().min(1),
});
export type Department = z.infer<typeof Department>;

/**
 * How the value relates to the target: `>=` (X以上, 不低于X), `>` (超过X, 高于X), `<=` (X以下, 不超过X), `<` (低于X),
 * `~` (X左右), `=` (达到X, or nothing stated).
 */
export const Comparator = z.enum(['>=', '>', '<=', '<', '~', '=']);
export type Comparator = z.infer<typeof Comparator>;

/** `binding` (约束性), `incentive` (激励目标) or `aspiration` (力争). */
export const Ambition = z.enum(['binding', 'incentive', 'aspiration']);
export type Ambition = z.infer<typeof Ambition>;

/**
 * Which text states a value: `plan` for the plan's own text (body and annexes), `lead` for a news lead that
 * reports the plan (方案要求，到2025年，…) — a journalist's summary, not the plan's wording.
 */
export const TargetOrigin = z.enum(['plan', 'lead']);
export type TargetOrigin = z.infer<typeof TargetOrigin>;

/** The `clauseId` of a value read from the news lead, and the lead's fragment id (`/plans/<id>/#lead`). */
export const LEAD_ID = 'lead';

/** Where a target is stated: a clause, a news lead, or a cell of an annex table. */
export const TargetSource = z.object({
  /** Clause id, the annex table id for a value read from a table, or `lead` for the news lead. */
  clauseId: z.string().min(1),
  origin: TargetOrigin,
  /** The exact source wording the value was read from. */
  text: z.string().min(1),
  /** 1-based source line. */
  line: z.number().int().positive(),
  /**
   * For a value read from running text: where the value and its unit are printed (e.g. `14.5%`) in the
   * clause (or annex) named by `clauseId` — for the news lead (`lead`), paragraph n is the plan's n-th
   * front block of kind `lead`; null for a value read from a table.
   */
  range: TextRange.nullable(),
  /** For a value read from an annex table: the cell and where in it the value and unit are printed; else null. */
  cell: CellRange.nullable(),
});
export type TargetSource = z.infer<typeof TargetSource>;

/** One quantified target (indicator value) of a plan. */
export const Target = z.object({
  /** Stable id within the plan, e.g. `energy-intensity` or `energy-intensity-2` when one indicator has several. */
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** Catalogue id from `content/indicators.yaml`, or `unclassified`. */
  indicatorId: z.string().min(1),
  /** The catalogue name, or the plan's own wording for an unclassified target. */
  label: z.string().min(1),
  /** Value in the normalised unit (万吨 → 吨). */
  value: z.number(),
  unit: z.string(),
  originalValue: z.number(),
  originalUnit: z.string(),
  comparator: Comparator,
  ambition: Ambition,
  /** 比2020年 → 2020; null where the text names none. */
  baselineYear: z.number().int().nullable(),
  /** 到2025年 → 2025; null where the text names none. */
  targetYear: z.number().int().nullable(),
  /** A narrower scope than the whole jurisdiction (市本级, 县城); null for all of it. */
  scope: z.string().nullable(),
  /**
   * The government whose target this is: the plan's region for its own targets, another name for a value the
   * plan lists for its parent (黔江's annex columns for 重庆市). Null only when the plan's region is unknown.
   */
  jurisdiction: z.string().nullable(),
  /**
   * The words stating the value when it is not printed in digits — 全面 or 全部 (read as 100%), 零增长, 清零,
   * 零填埋 (0), a water-quality class such as II 类, a number in Chinese numerals (百分之十三点五 → 13.5%) — else
   * null.
   */
  wording: z.string().nullable(),
  /** Every place stating this value: text and annex table give one target with two sources. */
  sources: z.array(TargetSource).min(1),
});
export type Target = z.infer<typeof Target>;

/**
 * A result of an earlier plan period that the plan reports (“十三五”期间单位地区生产总值能耗降低21.3%，超额完成…):
 * already achieved, never a target.
 */
export const Outcome = Target.omit({ ambition: true, targetYear: true }).extend({
  /** The period as printed, e.g. 十三五; null where only a date is stated (截至2020年底). */
  period: z.string().nullable(),
  /** The last year the outcome covers (十三五 → 2020, 截至2020年底 → 2020); null where unknown. */
  year: z.number().int().nullable(),
});
export type Outcome = z.infer<typeof Outcome>;

/** A division of the official list (GB/T 2260): code, canonical name, level. */
export const DivisionRef = z.object({
  /** GB/T 2260 code: 2 digits for a province, 4 for a prefecture, 6 for a county-level unit. */
  code: z.string().regex(/^\d{2}(\d{2}){0,2}$/),
  /** Canonical simplified name, e.g. 莱芜区. */
  name: z.string().min(1),
  level: Level,
  /**
   * For a division abolished before the official list's edition (content/former-divisions.yaml), e.g. 莱芜市:
   * the year it was abolished and the divisions its area went to (济南市). Absent for a current division.
   */
  former: z.object({ abolished: z.number().int(), successors: z.array(z.string().min(1)).min(1) }).optional(),
});
export type DivisionRef = z.infer<typeof DivisionRef>;

/** Where the region was read from: the title, the issuer, the notice, a news lead, the 文号, the body, the file name, or the sidecar. */
export const RegionSource = z.enum([
  'title',
  'issuer',
  'notice',
  'lead',
  'document-number',
  'body',
  'file-name',
  'sidecar',
]);
export type RegionSource = z.infer<typeof RegionSource>;

/** What the parser could not recognise in a plan's text; the page shows a notice for each. */
export const Unrecognised = z.enum(['title', 'region', 'level', 'issuer', 'date', 'structure']);
export type Unrecognised = z.infer<typeof Unrecognised>;

/**
 * Where a plan's `parent` link came from: the sidecar's `parent`, the division list (the corpus plan of the
 * nearest division above), or a cited 《…方案》 whose title resolves to exactly one corpus plan.
 */
export const ParentSource = z.enum(['sidecar', 'division', 'citation']);
export type ParentSource = z.infer<typeof ParentSource>;

export const Plan = z.object({
  /** URL slug: `/plans/<id>/`. From the sidecar, else the region's (unique among divisions), else the file name's. */
  id: z.string().regex(/^[a-z0-9-]+$/),
  /**
   * The plan's own name, e.g. 黔江区“十四五”节能减排综合工作实施方案; read from the notice that issues it when the
   * text has no title line, else the file name (and `unrecognised` includes `title`).
   */
  title: z.string().min(1),
  /**
   * The issuing jurisdiction's canonical simplified name (黔江区; 重慶市 → 重庆市), or the place as printed when the
   * official list does not have it; null when the text names none.
   */
  region: z.string().min(1).nullable(),
  /** The region in the official division list, top first (山东省, 济南市, 莱芜区); empty when not in it. */
  regionPath: z.array(DivisionRef),
  /** Where the region was read from; null when it was not found. */
  regionSource: RegionSource.nullable(),
  /** Province-level unit the region belongs to (itself for a province), where known. */
  province: z.string().nullable(),
  /** Administrative level (a 县级市 is a county); null when the region is unknown. */
  level: Level.nullable(),
  /** Issuing body where the text states it, e.g. 重庆市黔江区人民政府. */
  issuer: z.string().nullable(),
  /** Issue date (ISO yyyy-mm-dd) where the text states it. */
  issued: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  status: Status,
  /**
   * Id of the plan this one implements: the sidecar's `parent`, else the corpus plan of the nearest division
   * above this one (莱芜区 → 济南市's plan, else 山东省's), else the one corpus plan a cited 《…方案》 names.
   */
  parent: z.string().nullable(),
  /** Where `parent` came from; null without a parent. */
  parentSource: ParentSource.nullable(),
  /** Ids of other texts of the same government's plan in the corpus (a draft and the final, two copies). */
  versions: z.array(z.string()),
  /** What could not be recognised in the text. */
  unrecognised: z.array(Unrecognised),
  /** The seed's file name. */
  source: z.string().min(1),
  /** The plan's own 文号 (document number), e.g. 黔江府发〔2023〕12号, where the text or the sidecar gives it. */
  documentNumber: z.string().nullable(),
  /** Where the official text is published (sidecar `source_url`), for readers to verify against. */
  sourceUrl: z.httpUrl().nullable(),
  /** When the seed was retrieved from `sourceUrl` (sidecar `retrieved`, ISO yyyy-mm-dd). */
  retrieved: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  cites: z.array(CitedDocument),
  front: z.array(FrontBlock),
  clauses: z.array(Clause),
  annexes: z.array(Annex),
  departments: z.array(Department),
  targets: z.array(Target),
  /** Results of the previous period the plan reports (十三五 outcomes), kept apart from its targets. */
  outcomes: z.array(Outcome),
});
export type Plan = z.infer<typeof Plan>;

/**
 * The plan's text: everything of the seed in reading order (front matter, clauses, annexes). Most of a plan's
 * bytes (~70%); cross-plan stages never need it, so a build holds it for one plan at a time.
 */
export const PLAN_TEXT_KEYS = ['front', 'clauses', 'annexes'] as const;

/**
 * A plan without its text: what the whole corpus is linked from (slugs, versions, parents) and what pages
 * listing many plans read (region, level, status, departments, targets).
 */
export const PlanHead = Plan.omit({ front: true, clauses: true, annexes: true });
export type PlanHead = z.infer<typeof PlanHead>;

/**
 * A plan as pages about many plans see it: the head, and the plan's text in outline — each front block's
 * kind, each clause's id, citation, part and the departments its note names, each annex's id, label and
 * tables — without a word of the text itself (about a quarter of the plan). Field names are the `Plan`'s and
 * each part keeps a subset of its fields, so a whole plan is also a summary: code that needs no text takes a
 * `PlanSummary` and works with either. `PlanSummary.parse(plan)` makes one (zod drops every other field).
 */
export const PlanSummary = PlanHead.extend({
  front: z.array(FrontBlock.pick({ kind: true })),
  clauses: z.array(
    Clause.pick({ id: true, citation: true, part: true }).extend({
      responsibility: z
        .object({ departments: z.array(DepartmentMention.pick({ name: true, departmentId: true })) })
        .nullable(),
    }),
  ),
  annexes: z.array(
    Annex.pick({ id: true, label: true }).extend({
      blocks: z.array(
        z.discriminatedUnion('type', [
          AnnexTable.pick({ type: true, id: true }).extend({
            departments: z.array(TableDepartmentMention.pick({ name: true, departmentId: true })),
          }),
          AnnexParagraph.pick({ type: true }),
        ]),
      ),
    }),
  ),
});
export type PlanSummary = z.infer<typeof PlanSummary>;

/** A problem found while parsing, reported as `file:line: message`. */
export const Warning = z.object({
  file: z.string(),
  line: z.number().int().nonnegative(),
  message: z.string(),
});
export type Warning = z.infer<typeof Warning>;

/** Where a reference value is stated: the national plan, the parent plan's own target, or this plan's text. */
export const PublishedReferenceSource = z.discriminatedUnion('kind', [
  /** The national plan: document and section, e.g. 国发〔2021〕33号 二、主要目标. */
  z.object({ kind: z.literal('national'), document: z.string().min(1) }),
  /** The parent plan of the corpus: its id and the id of its target. */
  z.object({ kind: z.literal('parent-plan'), plan: z.string().min(1), target: z.string().min(1) }),
  /** A value this plan's own text states for its parent (黔江's annex column for 重庆市): that target's id. */
  z.object({ kind: z.literal('own-text'), target: z.string().min(1) }),
]);
export type PublishedReferenceSource = z.infer<typeof PublishedReferenceSource>;

/** A value a target is held against: whose it is, its figures, the value as the site prints it, its source. */
export const PublishedReference = Target.pick({
  value: true,
  unit: true,
  comparator: true,
  ambition: true,
  baselineYear: true,
  targetYear: true,
  scope: true,
}).extend({
  /** 全国, or the parent's name (重庆市). */
  name: z.string().min(1),
  /** The value as pages print it: 13.5%, ≥10%. */
  text: z.string().min(1),
  source: PublishedReferenceSource,
});
export type PublishedReference = z.infer<typeof PublishedReference>;

/**
 * One comparison of a target (src/lib/lineage/): a `verdict` for a like-for-like reference, `not-comparable`
 * with the reason (and the most alike reference, where there is one), or `none` when there is no reference.
 * `drafts` names each side that is a 征求意见稿 (`plan`, `reference`).
 */
export const PublishedComparison = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('verdict'),
    verdict: Verdict,
    reference: PublishedReference,
    drafts: z.array(DraftSide),
  }),
  z.object({
    kind: z.literal('not-comparable'),
    reason: NotComparableReason,
    reference: PublishedReference.nullable(),
    drafts: z.array(DraftSide),
  }),
  z.object({ kind: z.literal('none') }),
]);
export type PublishedComparison = z.infer<typeof PublishedComparison>;

/** A target of the plan (by its id) against the national reference and against its parent's value. */
export const TargetComparisons = z.object({
  target: z.string().min(1),
  national: PublishedComparison,
  parent: PublishedComparison,
});
export type TargetComparisons = z.infer<typeof TargetComparisons>;

/**
 * A plan as published in its own file, `/data/plans/<id>.json`: the model plus its page's URL and its
 * targets' comparisons. The URL depends on where the site is deployed and the comparisons on the other plans
 * of the corpus, so the model holds neither; export adds them.
 */
export const PublishedPlan = Plan.extend({
  /** The plan page's path, e.g. `/plans/qianjiang-qu/` (base-prefixed when the site has a base). */
  url: z.string(),
  /**
   * Each target, in `targets` order, against the national reference and its parent's value — the verdicts
   * pages show and `indicators.csv` has as `vs_national` and `vs_parent`.
   */
  comparisons: z.array(TargetComparisons),
});
export type PublishedPlan = z.infer<typeof PublishedPlan>;

/**
 * A plan in the index `/data/plans.json`: who issued it, where, when and in what status, how much it holds,
 * and where its page and its whole data are. Why an index and not every plan: at 3,000 plans the whole
 * corpus in one file was ~0.5 GB, more than anyone can download or parse comfortably (issue 13).
 */
export const PlanIndexEntry = PlanHead.pick({
  id: true,
  title: true,
  region: true,
  regionPath: true,
  province: true,
  level: true,
  issuer: true,
  issued: true,
  status: true,
  parent: true,
  parentSource: true,
  versions: true,
  unrecognised: true,
  source: true,
  documentNumber: true,
  sourceUrl: true,
  retrieved: true,
}).extend({
  /** The plan page's path, e.g. `/plans/qianjiang-qu/` (base-prefixed when the site has a base). */
  url: z.string(),
  /** The plan's whole data, a `PublishedPlan`: `/data/plans/qianjiang-qu.json` (base-prefixed likewise). */
  data: z.string(),
  /** How many clauses, departments and quantified targets the plan has (the lengths of those lists in `data`). */
  counts: z.object({
    clauses: z.number().int().nonnegative(),
    departments: z.number().int().nonnegative(),
    targets: z.number().int().nonnegative(),
  }),
});
export type PlanIndexEntry = z.infer<typeof PlanIndexEntry>;

/** The downloadable `/data/plans.json`: every plan of the corpus in the site's order, without its text. */
export const PlansIndexFile = z.object({ plans: z.array(PlanIndexEntry) });
export type PlansIndexFile = z.infer<typeof PlansIndexFile>;
