/**
 * The catalogue's words and pattern sources compiled once into regular expressions. Compiled lazily per
 * catalogue object (a WeakMap), so the catalogue type itself stays plain, serialisable data.
 */
import type { Comparator } from '../model/plan';
import type {
  ClassValues,
  Indicator,
  IndicatorCatalogue,
  SpelledNumbers,
  TableRules,
  UnitDefinition,
  WordValue,
} from './catalogue';

export type VerbClass = 'level' | 'decrease' | 'increase' | 'action';
/** Whether a value is stated as a change against a baseline, and which way. */
export type Change = 'decrease' | 'increase' | 'unspecified' | null;

export interface CompiledIndicator {
  indicator: Indicator;
  patterns: RegExp[];
  /**
   * Whether any of `patterns` matches a wording, in one test: most wordings match none of an indicator's
   * patterns, and are then not searched by each for its longest match. Null when the patterns cannot be joined
   * into one expression (a backreference or a named group would change meaning); every pattern is then tried.
   */
  anyPattern: RegExp | null;
  requires: RegExp[];
}

/** Group references and named groups: a pattern holding one keeps its own expression (see `anyPattern`). */
const GROUP_REFERENCE = /\\[1-9k]|\(\?<[^=!]/;

function anyPatternOf(sources: readonly string[]): RegExp | null {
  if (sources.length === 0 || sources.some((source) => GROUP_REFERENCE.test(source))) return null;
  return new RegExp(sources.map((source) => `(?:${source})`).join('|'));
}

export interface Compiled {
  catalogue: IndicatorCatalogue;
  indicators: CompiledIndicator[];
  /**
   * By unit, the indicators a value in that unit can belong to (their unit or one of its aliases) with the
   * factor to their unit, in catalogue order, and which of them each change fits: filled as units are met (see
   * `indicatorsInUnit`).
   */
  byUnit: Map<string, ByChange>;
  /** Printed unit (folded) → definition. */
  units: Map<string, UnitDefinition>;
  /** Sticky: a unit right at lastIndex, longest printed form first. */
  unitAt: RegExp;
  /** Right after a unit: “/” and a per-unit (年, 万元) completing a rate, or another continuation (·, /人·日). */
  perUnitAt: RegExp;
  /** Sticky: a comparator suffix (以上, 左右…) right at lastIndex. */
  suffixAt: RegExp;
  suffixComparator: Map<string, Comparator>;
  /** Global: any verb; longest form first so 提高到 wins over 提高. */
  verbs: RegExp;
  verbClass: Map<string, VerbClass>;
  beforeComparator: Map<string, Comparator>;
  /** Sticky: an after-verb (采用, 执行…) right at lastIndex. */
  afterVerbAt: RegExp;
  changeNouns: { decrease: RegExp; increase: RegExp };
  incentive: RegExp;
  aspiration: RegExp;
  /** Global target-year markers, with a fixed year or a capturing group. */
  targetYears: { re: RegExp; year: number | undefined }[];
  /** Words marking a sentence about the past; null when the catalogue lists none. */
  factMarkers: RegExp | null;
  /** Marks of an earlier period (十三五), each with the period's name and last year. */
  outcomePeriods: { re: RegExp; period: string; year: number }[];
  /** Global: any value stated in words; `wordValueOf` finds which rule matched. */
  wordValues: RegExp | null;
  wordRules: { re: RegExp; rule: WordValue; follow: RegExp | null }[];
  /**
   * Global: a number in Chinese numerals with the unit that makes it a quantity — group 1 the prefix
   * (百分之), group 2 the numeral after it; or group 3 the numeral, group 4 the printed unit after it. Null when
   * the catalogue lists no prefix or unit. Every match holds one of `words` (the prefixes and units), so a text
   * holding none is not scanned: the pattern cannot skip ahead to a literal and is tried at every position.
   */
  spelledNumbers: {
    re: RegExp;
    prefixUnits: Map<string, UnitDefinition>;
    words: string[];
    /** The unit words alone (吨, 个百分点): a numeral must stand right before one for the pattern to match. */
    units: string[];
  } | null;
  /** Classes (II 类): a class numeral with its class word. */
  classes: {
    /** Global: the class numeral, then the unit. */
    re: RegExp;
    /** A full-width class numeral (ＩＩ类), which folds to a half-width one: looked for before folding. */
    fullWidth: RegExp;
    rules: ClassValues;
  } | null;
  /** Global baseline phrase; group 1 is the year. */
  baseline: RegExp;
  /** Anchored at the end: a baseline phrase closing a label. */
  baselineAtEnd: RegExp;
  /** Anchored at the start: words to drop from the front of a label (year markers, 全区, 力争, connectors). */
  labelLead: RegExp;
  /** Anchored at the end: words to drop from the end of a label (平均, 力争…). */
  labelTrail: RegExp;
  scopeSuffix: RegExp | null;
  scopePrefix: RegExp | null;
  /** Longest first. */
  measureSuffixes: string[];
  /** Sticky: one of the verbs and ambition words, to test whether a label says anything else. */
  emptyWords: RegExp;
  tables: CompiledTables;
}

export interface CompiledTables {
  rules: TableRules;
  labelHeader: RegExp;
  unitHeader: RegExp | null;
  ignoreHeader: RegExp;
  actualHeader: RegExp;
  changeHeader: RegExp;
  placeholders: Set<string>;
  titleYears: { re: RegExp; year: number }[];
}

const cache = new WeakMap<IndicatorCatalogue, Compiled>();

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** An alternation of literal words, longest first (so a longer word wins at the same position). */
function alternation(words: readonly string[]): string {
  const unique = [...new Set(words)].filter((word) => word.length > 0);
  unique.sort((a, b) => b.length - a.length);
  return unique.length === 0 ? '(?!)' : unique.map(escapeRegExp).join('|');
}

function patternAlternation(sources: readonly string[]): string | null {
  return sources.length === 0 ? null : sources.map((source) => `(?:${source})`).join('|');
}

/** The characters a quantity in Chinese numerals is written with, and ends in (十三点五, 一千二百, 两). */
export const SPELLED_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千';
/** Chinese numerals as a quantity reads them: 十三点五, 两, 一百, 零点五. */
const SPELLED_NUMERAL = `[${SPELLED_NUMERAL_CHARS}]+(?:点[零〇一二三四五六七八九]+)?`;

function spelledNumbers(
  rules: SpelledNumbers,
  units: Map<string, UnitDefinition>,
): Compiled['spelledNumbers'] {
  if (rules.prefixes.length === 0 && rules.units.length === 0) return null;
  const prefixUnits = new Map(rules.prefixes.map((p) => [p.printed, units.get(p.unit) as UnitDefinition]));
  const branches: string[] = [];
  // Both branches keep their groups (an alternation's unused groups are undefined), so group numbers are fixed.
  branches.push(
    prefixUnits.size === 0 ? '(?!)()()' : `(${alternation([...prefixUnits.keys()])})(${SPELLED_NUMERAL})`,
  );
  branches.push(
    rules.units.length === 0
      ? '(?!)()()'
      : // Not after a numeral character it cannot read whole (一万二千吨 is not 二千吨).
        `(?<![${SPELLED_NUMERAL_CHARS}万亿点])(${SPELLED_NUMERAL})(${alternation(rules.units)})`,
  );
  const words = [...prefixUnits.keys(), ...rules.units].filter((word) => word.length > 0);
  const unitWords = rules.units.filter((word) => word.length > 0);
  return { re: new RegExp(branches.join('|'), 'g'), prefixUnits, words, units: unitWords };
}

/** The compiled form of a catalogue, built on first use and cached for that catalogue object. */
export function compile(catalogue: IndicatorCatalogue): Compiled {
  const cached = cache.get(catalogue);
  if (cached) return cached;
  const grammar = catalogue.grammar;

  const units = new Map(catalogue.units.map((unit) => [unit.printed, unit]));
  const suffixComparator = new Map<string, Comparator>();
  const beforeComparator = new Map<string, Comparator>();
  for (const comparator of ['>=', '>', '<=', '<', '~'] as const) {
    for (const word of grammar.comparators[comparator].after) suffixComparator.set(word, comparator);
    for (const word of grammar.comparators[comparator].before) beforeComparator.set(word, comparator);
  }
  const verbClass = new Map<string, VerbClass>();
  for (const cls of ['action', 'increase', 'decrease', 'level'] as const) {
    for (const word of grammar.verbs[cls]) verbClass.set(word, cls);
  }
  const allVerbs = [...verbClass.keys()];
  const ambitionWords = [...grammar.ambition.incentive, ...grammar.ambition.aspiration];
  const yearMarkers = grammar.targetYears.map((rule) => `(?:${rule.pattern})`).join('|');
  const scopeSuffix = patternAlternation(grammar.scopes.suffix);
  const scopePrefix = patternAlternation(grammar.scopes.prefix);
  const tables = catalogue.tables;
  const unitHeader = patternAlternation(tables.unitHeaders);

  const compiled: Compiled = {
    catalogue,
    indicators: catalogue.indicators.map((indicator) => ({
      indicator,
      patterns: indicator.patterns.map((source) => new RegExp(source, 'g')),
      anyPattern: anyPatternOf(indicator.patterns),
      requires: indicator.requires.map((source) => new RegExp(source)),
    })),
    byUnit: new Map(),
    units,
    unitAt: new RegExp(`\\s*(${alternation([...units.keys()])})`, 'y'),
    perUnitAt: new RegExp(
      `(?:/(${grammar.perUnits.length === 0 ? '(?!)' : alternation(grammar.perUnits)})(?![/·•每]))|[/·•每]`,
      'y',
    ),
    suffixAt: new RegExp(`\\s*(${alternation([...suffixComparator.keys()])})`, 'y'),
    suffixComparator,
    verbs: new RegExp(alternation(allVerbs), 'g'),
    verbClass,
    beforeComparator,
    afterVerbAt: new RegExp(`\\s*(?:${alternation(grammar.afterVerbs)})`, 'y'),
    changeNouns: {
      decrease: new RegExp(alternation(grammar.changeNouns.decrease)),
      increase: new RegExp(alternation(grammar.changeNouns.increase)),
    },
    incentive: new RegExp(alternation(grammar.ambition.incentive)),
    aspiration: new RegExp(alternation(grammar.ambition.aspiration)),
    targetYears: grammar.targetYears.map((rule) => ({ re: new RegExp(rule.pattern, 'g'), year: rule.year })),
    factMarkers: grammar.factMarkers.length === 0 ? null : new RegExp(alternation(grammar.factMarkers)),
    outcomePeriods: grammar.outcomePeriods.map((rule) => ({
      re: new RegExp(rule.pattern),
      period: rule.period,
      year: rule.year,
    })),
    wordValues:
      grammar.wordValues.length === 0
        ? null
        : new RegExp(grammar.wordValues.map((rule) => `(?:${rule.pattern})`).join('|'), 'g'),
    wordRules: grammar.wordValues.map((rule) => ({
      re: new RegExp(`^(?:${rule.pattern})$`),
      rule,
      follow: rule.follow.length === 0 ? null : new RegExp(`\\s*(?:${alternation(rule.follow)})`, 'y'),
    })),
    spelledNumbers: spelledNumbers(grammar.spelledNumbers, units),
    classes: grammar.classes
      ? {
          re: new RegExp(`(?:${grammar.classes.pattern})\\s*${escapeRegExp(grammar.classes.unit)}`, 'g'),
          fullWidth: new RegExp(`[Ｉ-Ｖ]\\s*${escapeRegExp(grammar.classes.unit)}`),
          rules: grammar.classes,
        }
      : null,
    baseline: new RegExp(grammar.baselineYear, 'g'),
    baselineAtEnd: new RegExp(`(?:${grammar.baselineYear})\\s*$`),
    labelLead: new RegExp(
      `^(?:[\\s、,，和及与并“”"‘’']+|${yearMarkers}|${alternation([...grammar.jurisdictionPrefixes, ...grammar.ambition.aspiration, ...grammar.labelLeaders])})`,
    ),
    labelTrail: new RegExp(
      `(?:[\\s。!?“”"‘’']+|${alternation([...grammar.labelTrailers, ...grammar.ambition.aspiration])})$`,
    ),
    scopeSuffix: scopeSuffix === null ? null : new RegExp(`(?:${scopeSuffix})$`),
    scopePrefix: scopePrefix === null ? null : new RegExp(`^(?:${scopePrefix})`),
    measureSuffixes: [...grammar.measureSuffixes].sort((a, b) => b.length - a.length),
    emptyWords: new RegExp(
      `${alternation([...allVerbs, ...ambitionWords, '目标', '的'])}|[\\s、,，。；;：:()]`,
      'y',
    ),
    tables: {
      rules: tables,
      labelHeader: new RegExp(alternation(tables.labelHeaders)),
      unitHeader: unitHeader === null ? null : new RegExp(unitHeader),
      ignoreHeader: new RegExp(alternation(tables.ignoreHeaders)),
      actualHeader: new RegExp(alternation(tables.actualHeaders)),
      changeHeader: new RegExp(alternation(tables.changeHeaders)),
      placeholders: new Set(tables.placeholders.map((text) => text.trim())),
      titleYears: tables.titleYears.map((rule) => ({ re: new RegExp(rule.pattern), year: rule.year })),
    },
  };
  cache.set(catalogue, compiled);
  return compiled;
}

/** The change a measure's own wording states (下降率), if any. */
export function changeOfWording(compiled: Compiled, folded: string): Change {
  if (compiled.changeNouns.decrease.test(folded)) return 'decrease';
  if (compiled.changeNouns.increase.test(folded)) return 'increase';
  return null;
}

export interface Classification {
  indicator: Indicator;
  /** Factor from the value's unit into the indicator's unit (1 unless a unit alias applies). */
  factor: number;
}

/**
 * A cached test of patterns against one context text (a sentence can hold many values: each pattern runs
 * over it once, keeping extraction linear).
 */
export function contextTester(text: string): (re: RegExp) => boolean {
  const seen = new Map<RegExp, boolean>();
  return (re) => {
    let hit = seen.get(re);
    if (hit === undefined) {
      re.lastIndex = 0;
      hit = re.test(text);
      seen.set(re, hit);
    }
    return hit;
  };
}

/** An indicator a value in some unit can belong to, with the factor from that unit to the indicator's. */
interface InUnit {
  entry: CompiledIndicator;
  factor: number;
}

/** The indicators of one unit that each change of a value fits (see `fits`), in catalogue order. */
interface ByChange {
  none: InUnit[];
  decrease: InUnit[];
  increase: InUnit[];
  unspecified: InUnit[];
}

/**
 * Whether a value stated with `change` (降低 → decrease, 达到 → none) can be a value of `indicator`: a level is
 * stated without one, a reduction as a decrease, anything else as an increase, or any change the indicator
 * also accepts (`alsoAsChange`).
 */
function fits(indicator: Indicator, change: Change): boolean {
  return (
    (indicator.measure === 'level'
      ? change === null
      : indicator.measure === 'reduction'
        ? change === 'decrease'
        : change === 'increase') ||
    (change !== null && change !== 'unspecified' && indicator.alsoAsChange.includes(change))
  );
}

/**
 * The indicators a value in `unit` can belong to, with the factor to each one's unit, in catalogue order, split
 * by the change each fits: worked out once per unit, not for every indicator at every value a plan states.
 */
function indicatorsInUnit(compiled: Compiled, unit: string): ByChange {
  let byChange = compiled.byUnit.get(unit);
  if (byChange === undefined) {
    const entries: InUnit[] = [];
    for (const entry of compiled.indicators) {
      const { indicator } = entry;
      const factor = indicator.unit === unit ? 1 : indicator.unitAliases[unit];
      if (factor !== undefined) entries.push({ entry, factor });
    }
    const fitting = (change: Change) => entries.filter(({ entry }) => fits(entry.indicator, change));
    byChange = {
      none: fitting(null),
      decrease: fitting('decrease'),
      increase: fitting('increase'),
      unspecified: fitting('unspecified'),
    };
    compiled.byUnit.set(unit, byChange);
  }
  return byChange;
}

/**
 * The catalogue entry a measure belongs to: its unit must agree, its way of stating the value (level or
 * change) must fit the entry's `measure`, and of the entries whose patterns match the wording the longest
 * match wins (ties: catalogue order). Null when nothing fits: the target is then unclassified.
 */
export function classify(
  compiled: Compiled,
  label: string,
  contextHas: (re: RegExp) => boolean,
  unit: string,
  change: Change,
): Classification | null {
  let best: { classification: Classification; length: number } | null = null;
  const byChange = indicatorsInUnit(compiled, unit);
  for (const { entry, factor } of change === null ? byChange.none : byChange[change]) {
    const { indicator } = entry;
    if (entry.anyPattern !== null && !entry.anyPattern.test(label)) continue;
    let length = 0;
    for (const pattern of entry.patterns) {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(label); m !== null; m = pattern.exec(label)) {
        length = Math.max(length, m[0].length);
        if (m[0].length === 0) pattern.lastIndex++;
      }
    }
    if (length === 0) continue;
    if (!entry.requires.every((re) => re.test(label) || contextHas(re))) continue;
    if (best === null || length > best.length) best = { classification: { indicator, factor }, length };
  }
  return best?.classification ?? null;
}
