/**
 * Every quantified target of a plan: read from the clauses' running text and the annex tables, classified
 * against the indicator catalogue (or kept as `unclassified` with the plan's own wording), merged where the
 * text and a table state the same value, and given stable ids.
 */
import type {
  Annex,
  Clause,
  FrontBlock,
  Level,
  Outcome,
  Target,
  TargetOrigin,
  TargetSource,
  Warning,
} from '../model/plan';
import { LEAD_ID } from '../model/plan';
import { foldForRecognition } from '../read/normalize';
import { UNCLASSIFIED, type IndicatorCatalogue } from './catalogue';
import { compile, type Compiled } from './compile';
import type { Draft } from './draft';
import { extractFromTable } from './table';
import { extractFromParagraph, type ParagraphInput, type Period } from './text';

export {
  higherIsBetter,
  loadIndicatorCatalogue,
  parseIndicatorCatalogue,
  IndicatorCatalogueError,
  REQUIRED_INDICATOR_IDS,
  UNCLASSIFIED,
  type Indicator,
  type IndicatorCatalogue,
  type NationalReference,
} from './catalogue';
import { mapPacked } from '../packed';

export interface ExtractTargetsInput {
  /** Front matter: a news lead's values are read too, marked as the lead's. */
  front?: FrontBlock[];
  clauses: Clause[];
  annexes: Annex[];
  /** The issuing jurisdiction (黔江区): a table column of another jurisdiction is a parent's. */
  region: string;
  level: Level;
  /**
   * The governments above the plan by the whole-area word their plans use (全国 → 全国, 全省 → 浙江省, 全市 → 广州市
   * for a district): a value whose sentence names one of them before it (国务院…提出，全国单位…下降13.5%) is that
   * government's, quoted by the plan, never its own target. Words the plan uses of itself are left out.
   */
  above?: ReadonlyMap<string, string>;
  /** Seed file name, for warnings. */
  file: string;
  catalogue: IndicatorCatalogue;
}

export { LEAD_ID };

/** Full-width forms folded and spaces dropped: enough to compare two printings of one plan's wording. */
function wordingKey(label: string): string {
  return label
    .replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '');
}

/** Drafts stating the same target: same indicator, value, unit, scope and ambition (and label if unclassified). */
function mergeKey(draft: Draft): string {
  const label = draft.indicatorId === UNCLASSIFIED ? wordingKey(draft.label) : '';
  return [
    draft.indicatorId,
    draft.value,
    draft.unit,
    draft.scope ?? '',
    draft.jurisdiction ?? '',
    draft.outcome ? `${draft.outcome.period}/${draft.outcome.year}` : '',
    draft.ambition,
    label,
  ].join('\u0000');
}

interface Merged {
  draft: Draft;
  sources: TargetSource[];
}

interface KeyGroup {
  entries: Merged[];
  /**
   * How many entries already hold a given source (clause id → text → count). Entries fill in order, so the
   * count is the index of the first entry still free for that source: linear however often a sentence repeats.
   */
  taken: Map<string, Map<string, number>>;
}

/**
 * The plan's own text before a news lead, then in reading order. A lead reports the plan in an editor's words:
 * where both state a value, the target is the plan's (its first source, the permalink a chart mark opens, is the
 * plan's clause), and where they differ, the plan's value is the indicator's primary target, not the lead's.
 */
function byAuthority(a: Draft, b: Draft): number {
  return Number(a.source.origin === 'lead') - Number(b.source.origin === 'lead') || a.order - b.order;
}

function merge(drafts: Draft[]): Merged[] {
  const byKey = new Map<string, KeyGroup>();
  const merged: Merged[] = [];
  for (const draft of [...drafts].sort(byAuthority)) {
    const key = mergeKey(draft);
    let group = byKey.get(key);
    if (!group) {
      group = { entries: [], taken: new Map() };
      byKey.set(key, group);
    }
    // One sentence stating the same value twice (培育3个千亿、3个五百亿…) states two targets.
    let byText = group.taken.get(draft.source.clauseId);
    if (!byText) {
      byText = new Map();
      group.taken.set(draft.source.clauseId, byText);
    }
    const index = byText.get(draft.source.text) ?? 0;
    byText.set(draft.source.text, index + 1);
    const existing = group.entries[index];
    if (!existing) {
      const entry = { draft: { ...draft }, sources: [draft.source] };
      group.entries.push(entry);
      merged.push(entry);
      continue;
    }
    existing.sources.push(draft.source);
    // A table states no comparator or baseline wording; the text does.
    const target = existing.draft;
    if (!target.comparatorStated && draft.comparatorStated) {
      target.comparator = draft.comparator;
      target.comparatorStated = true;
    }
    target.baselineYear ??= draft.baselineYear;
    target.targetYear ??= draft.targetYear;
  }
  return merged;
}

/** `energy-intensity` for the plan's own binding target, `-2`, `-3` … for the others; `unclassified-<n>`. */
function assignIds(merged: Merged[]): Map<Merged, string> {
  const groups = new Map<string, Merged[]>();
  for (const entry of merged) {
    const group = groups.get(entry.draft.indicatorId) ?? [];
    group.push(entry);
    groups.set(entry.draft.indicatorId, group);
  }
  const ids = new Map<Merged, string>();
  for (const [indicatorId, group] of groups) {
    if (indicatorId === UNCLASSIFIED) {
      group.forEach((entry, index) => ids.set(entry, `${UNCLASSIFIED}-${index + 1}`));
      continue;
    }
    const primary =
      group.find(
        (entry) => !entry.draft.parent && entry.draft.scope === null && entry.draft.ambition === 'binding',
      ) ??
      group.find((entry) => !entry.draft.parent) ??
      (group[0] as Merged);
    ids.set(primary, indicatorId);
    let n = 2;
    for (const entry of group) {
      if (entry !== primary) ids.set(entry, `${indicatorId}-${n++}`);
    }
  }
  return ids;
}

function toTarget(entry: Merged, id: string, region: string | null): Target {
  const { draft } = entry;
  return {
    id,
    indicatorId: draft.indicatorId,
    label: draft.label.length > 0 ? draft.label : draft.source.text,
    value: draft.value,
    unit: draft.unit,
    originalValue: draft.originalValue,
    originalUnit: draft.originalUnit,
    comparator: draft.comparator,
    ambition: draft.ambition,
    baselineYear: draft.baselineYear,
    targetYear: draft.targetYear,
    scope: draft.scope,
    jurisdiction: draft.jurisdiction ?? region,
    wording: draft.wording,
    sources: entry.sources,
  };
}

function toOutcome(entry: Merged, id: string, region: string | null): Outcome {
  const { ambition: _ambition, targetYear: _targetYear, ...rest } = toTarget(entry, id, region);
  return { ...rest, period: entry.draft.outcome?.period ?? null, year: entry.draft.outcome?.year ?? null };
}

/**
 * The earlier period a clause reports on, from its own heading or an enclosing clause's (一、“十三五”…主要成效):
 * every sentence in it without a target year states an outcome.
 */
function periodsOfClauses(compiled: Compiled, clauses: readonly Clause[]): Map<string, Period> {
  const periods = new Map<string, Period>();
  for (const clause of clauses) {
    const inherited = clause.parentId === null ? undefined : periods.get(clause.parentId);
    if (inherited) {
      periods.set(clause.id, inherited);
      continue;
    }
    const heading = clause.heading === null ? '' : foldForRecognition(clause.heading);
    const marked = compiled.targetYears.some(({ re }) => {
      re.lastIndex = 0;
      return re.test(heading);
    });
    if (marked) continue;
    const rule = compiled.outcomePeriods.find(({ re }) => re.test(heading));
    if (rule) periods.set(clause.id, { period: rule.period, year: rule.year });
  }
  return periods;
}

/** What follows 全 in a whole-area word: 全国, 全省, 全市, 全区, 全县, 全州, 全旗, 全盟 (folded, so 全國 too). */
const WHOLE_AREA = new Set('国省市区县州旗盟');
/** Where a sentence ends, in the folded view. */
const SENTENCE_END = new Set('。;!?');

/**
 * Marks the drafts of one paragraph whose sentence names a government above the plan (`above`) as the last
 * whole-area word before the value: 全国单位国内生产总值能源消耗下降13.5% in a county's background is the
 * nation's value, held as a value the plan states for another government (`parent`, `jurisdiction`).
 */
function markQuoted(
  drafts: Draft[],
  paragraph: string,
  above: ReadonlyMap<string, string> | undefined,
): Draft[] {
  if (drafts.length === 0 || !above || above.size === 0 || !paragraph.includes('全')) return drafts;
  const folded = foldForRecognition(paragraph);
  for (const draft of drafts) {
    const range = draft.source.range;
    if (draft.parent || range === null) continue;
    // Back from the value to its sentence's start, taking the first whole-area word met (the last before it).
    let whose: string | undefined;
    for (let i = range.start - 1; i >= 0 && whose === undefined; i--) {
      const ch = folded[i] as string;
      if (SENTENCE_END.has(ch)) break;
      if (ch === '全' && WHOLE_AREA.has(folded[i + 1] as string))
        whose = above.get(folded.slice(i, i + 2)) ?? '';
    }
    if (whose) {
      draft.parent = true;
      draft.jurisdiction = whose;
    }
  }
  return drafts;
}

/** `target.push(...items)` without the call-stack limit of a spread (a 10 MB plan has many targets). */
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/**
 * Extracts every quantified target of a plan from its clauses and annexes (paragraphs and tables), in
 * document order. Values are normalised (万吨 → 吨) with the printed value and unit kept; a value stated in
 * both text and a table is one target with two sources. Linear in the input size.
 */
export function extractTargets(input: ExtractTargetsInput): {
  targets: Target[];
  outcomes: Outcome[];
  warnings: Warning[];
} {
  const compiled = compile(input.catalogue);
  const warnings: Warning[] = [];
  const drafts: Draft[] = [];
  let order = 0;
  // Each paragraph's input written out in one literal: spreading shared fields into it is a slow generic copy
  // in V8, and it runs for every paragraph of the plan.
  const paragraphInput = (
    display: string,
    clauseId: string,
    paragraph: number,
    line: number,
    origin: TargetOrigin,
    period: Period | null,
  ): ParagraphInput => ({
    compiled,
    file: input.file,
    period,
    origin,
    display,
    clauseId,
    paragraph,
    line,
    order,
  });
  // A news lead reports the plan (方案要求，到2025年，…): its values are read and marked as the lead's.
  const leads = (input.front ?? []).filter((block) => block.kind === 'lead');
  leads.forEach((block, index) => {
    append(
      drafts,
      extractFromParagraph(paragraphInput(block.text, LEAD_ID, index, block.line, 'lead', null), warnings),
    );
    order += block.text.length + 1;
  });
  const periods = periodsOfClauses(compiled, input.clauses);
  for (const clause of input.clauses) {
    const period = periods.get(clause.id) ?? null;
    clause.paragraphs.forEach((paragraph, index) => {
      const line = Math.min(clause.line + index, clause.endLine);
      append(
        drafts,
        markQuoted(
          extractFromParagraph(paragraphInput(paragraph, clause.id, index, line, 'plan', period), warnings),
          paragraph,
          input.above,
        ),
      );
      order += paragraph.length + 1;
    });
  }
  for (const annex of input.annexes) {
    annex.blocks.forEach((block, index) => {
      if (block.type === 'paragraph') {
        append(
          drafts,
          markQuoted(
            extractFromParagraph(
              paragraphInput(block.text, annex.id, index, block.line, 'plan', null),
              warnings,
            ),
            block.text,
            input.above,
          ),
        );
        order += block.text.length + 1;
      } else {
        append(
          drafts,
          extractFromTable(
            { compiled, table: block, annex, region: input.region, file: input.file, order },
            warnings,
          ),
        );
        const width = block.rows.reduce((max, row) => Math.max(max, row.length), 0);
        order += (block.rows.length + 1) * (width + 1);
      }
    });
  }
  const merged = merge(drafts);
  const targets = merged.filter((entry) => entry.draft.outcome === null);
  const outcomes = merged.filter((entry) => entry.draft.outcome !== null);
  const targetIds = assignIds(targets);
  const outcomeIds = assignIds(outcomes);
  return {
    targets: mapPacked(targets, (entry) => toTarget(entry, targetIds.get(entry) as string, input.region)),
    outcomes: mapPacked(outcomes, (entry) => toOutcome(entry, outcomeIds.get(entry) as string, input.region)),
    warnings,
  };
}
