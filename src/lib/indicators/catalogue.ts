/**
 * The indicator catalogue (content/indicators.yaml): what each quantified target measures, its national
 * reference, and — as data — the words and patterns that recognise targets in a plan's text and tables.
 */
import { loadCuratedYaml, parseCuratedYaml } from '../curated/load';
import { resolve } from 'node:path';
import { z } from 'zod';
import { Ambition, Comparator } from '../model/plan';

const Slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase kebab-case ASCII');
const Year = z.number().int().min(1900).max(2100);

/** A regular-expression source; validated by compiling it. */
const Pattern = z
  .string()
  .min(1)
  .superRefine((source, ctx) => {
    try {
      new RegExp(source);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: `invalid regular expression: ${(error as Error).message}` });
    }
  });

/** Ids that are public URLs (/indicators/<id>/) and so must always exist. */
export const REQUIRED_INDICATOR_IDS = [
  'energy-intensity',
  'industrial-energy-intensity',
  'industrial-water-intensity',
  'cod-reduction',
  'ammonia-nitrogen-reduction',
  'nox-reduction',
  'voc-reduction',
  'non-fossil-share',
  'green-building-share',
  'bus-share',
  'straw-utilization',
  'manure-utilization',
  'rural-sewage-treatment',
  'sludge-treatment',
  'public-institution-energy-per-area',
  'public-institution-energy-per-capita',
] as const;

/** The indicator id of a target that matches no catalogue entry. */
import { UNCLASSIFIED } from '../vocabulary';

export { UNCLASSIFIED };

export const IndicatorCategory = z.enum([
  'energy',
  'industry',
  'pollutant',
  'building',
  'transport',
  'agriculture',
  'public-institution',
  'environment-infrastructure',
]);
export type IndicatorCategory = z.infer<typeof IndicatorCategory>;

/** The value a national plan sets for an indicator, with where it was checked. */
export const NationalReference = z
  .object({
    value: z.number(),
    /** May differ from the indicator's unit: then the reference is not drawn on the indicator's scale. */
    unit: z.string(),
    comparator: Comparator,
    /** 约束性 unless the national plan says otherwise: 33号's 主要目标 are binding. */
    ambition: Ambition.default('binding'),
    baselineYear: Year.nullable(),
    targetYear: Year.nullable(),
    /** The national plan's wording. */
    text: z.string().min(1),
    /** Document and section, e.g. 国发〔2021〕33号 二、主要目标. */
    document: z.string().min(1),
    /** Public pages the figure was checked against. */
    verifiedVia: z.array(z.url()).min(1),
  })
  .strict();
export type NationalReference = z.infer<typeof NationalReference>;

export const Indicator = z
  .object({
    id: Slug,
    /** Chinese name of the value as charted. */
    name: z.string().min(1),
    /** Normalised unit of the value. */
    unit: z.string(),
    /** Which way of the value is better. */
    direction: z.enum(['increase', 'decrease']),
    /** `level`: 达到 X; `reduction`: 比基准年下降 X; `increase`: 比基准年提高 X. */
    measure: z.enum(['level', 'reduction', 'increase']),
    category: IndicatorCategory,
    national: NationalReference.nullable(),
    /** Regexes on the measure's folded wording. */
    patterns: z.array(Pattern).min(1),
    /** Regexes that must also match the folded context (sentence, or table title/headers/row). */
    requires: z.array(Pattern).default([]),
    /** Other units measuring the same thing → factor into `unit`. */
    unitAliases: z.record(z.string(), z.number().positive()).default({}),
    /**
     * Changes that state the same value as the `level` wording: a pollutant 比2020年减少0.5万吨 is a
     * reduction of 0.5万吨, the same as 重点工程减排量0.5万吨.
     */
    alsoAsChange: z.array(z.enum(['decrease', 'increase'])).default([]),
    /** A class rather than a quantity (water-quality class): recorded, listed, never drawn on a scale. */
    categorical: z.boolean().default(false),
  })
  .strict();
export type Indicator = z.infer<typeof Indicator>;

export const UnitDefinition = z
  .object({
    /** The unit as printed (after folding), e.g. 万吨. */
    printed: z.string().min(1),
    /** Normalised unit, e.g. 吨. */
    unit: z.string().min(1),
    factor: z.number().positive(),
    kind: z.enum(['percent', 'measure', 'count']),
  })
  .strict();
export type UnitDefinition = z.infer<typeof UnitDefinition>;

const Words = z.array(z.string().min(1));

/** A value stated in words, e.g. 全面 (100%) before 执行, or 零增长 (0%). */
export const WordValue = z
  .object({
    /** Regex on the folded words. */
    pattern: Pattern,
    value: z.number(),
    /** A printed unit from `units`, or '' for a count of things left (清零). */
    unit: z.string(),
    /** The words count only when one of these follows right after (全面 alone is everywhere). */
    follow: Words.default([]),
    /** What the words say about the measure besides the value (零增长 → 增长), appended to the label. */
    label: z.string().default(''),
  })
  .strict();
export type WordValue = z.infer<typeof WordValue>;

/**
 * Numbers written in Chinese numerals (百分之十三点五, 三个百分点): read only where a unit makes them a quantity —
 * right after a prefix that names the unit, or right before one of the listed printed units.
 */
export const SpelledNumbers = z
  .object({
    /** Words before the numeral that give its unit (百分之 → %); `unit` is a printed unit from `units`. */
    prefixes: z.array(z.object({ printed: z.string().min(1), unit: z.string().min(1) }).strict()).default([]),
    /** Printed units from `units` that make a numeral right before them a quantity (个百分点). */
    units: Words.default([]),
  })
  .strict();
export type SpelledNumbers = z.infer<typeof SpelledNumbers>;

/** Ordered classes such as water-quality classes: the captured numeral names a class number. */
export const ClassValues = z
  .object({
    /**
     * Regex with one capturing group holding the class numeral, without the unit: a class is the numeral, then
     * `unit` (spaces allowed between them), so a text without the unit holds no class.
     */
    pattern: Pattern,
    /** Numeral as printed → class number. */
    numerals: z.record(z.string(), z.number().int().positive()),
    /** The unit the class is recorded in, e.g. 类. */
    unit: z.string().min(1),
  })
  .strict();
export type ClassValues = z.infer<typeof ClassValues>;

export const Grammar = z
  .object({
    verbs: z.object({ level: Words, decrease: Words, increase: Words, action: Words }).strict(),
    maxComplement: z.number().int().nonnegative(),
    afterVerbs: Words,
    changeNouns: z.object({ decrease: Words, increase: Words }).strict(),
    comparators: z
      .object({
        '>=': z.object({ before: Words, after: Words }).strict(),
        '>': z.object({ before: Words, after: Words }).strict(),
        '<=': z.object({ before: Words, after: Words }).strict(),
        '<': z.object({ before: Words, after: Words }).strict(),
        '~': z.object({ before: Words, after: Words }).strict(),
      })
      .strict(),
    ambition: z.object({ incentive: Words, aspiration: Words }).strict(),
    targetYears: z.array(z.object({ pattern: Pattern, year: Year.optional() }).strict()).min(1),
    factMarkers: Words.default([]),
    /**
     * Marks of an earlier plan period: a sentence with one (and no target year), or every sentence of a clause
     * whose heading has one, reports an outcome of that period, not a target.
     */
    outcomePeriods: z
      .array(z.object({ pattern: Pattern, period: z.string().min(1), year: Year }).strict())
      .default([]),
    /** Values stated in words (全面执行 → 100%, 零增长 → 0). */
    wordValues: z.array(WordValue).default([]),
    /** Numbers in Chinese numerals, read where a unit makes them a quantity (百分之十三点五 → 13.5%). */
    spelledNumbers: SpelledNumbers.default({ prefixes: [], units: [] }),
    /** Categorical values such as water-quality classes (II 类): `pattern` captures the class numeral. */
    classes: ClassValues.nullable().default(null),
    /** Words dropped from the start of a label (基本实现 原生生活垃圾…). */
    labelLeaders: Words.default([]),
    baselineYear: Pattern,
    jurisdictionPrefixes: Words,
    labelTrailers: Words,
    /**
     * What may follow a catalogued unit after “/” to make a rate printed as one unit (100公里/年, 5.2吨/万元):
     * read as that compound unit with the catalogued unit's factor. Any other continuation leaves the value unread.
     */
    perUnits: Words.default([]),
    scopes: z.object({ suffix: z.array(Pattern), prefix: z.array(Pattern) }).strict(),
    measureSuffixes: Words,
  })
  .strict();
export type Grammar = z.infer<typeof Grammar>;

export const TableRules = z
  .object({
    parentColumns: z.enum(['keep', 'skip']),
    labelHeaders: Words,
    unitHeaders: z.array(Pattern),
    ignoreHeaders: Words,
    actualHeaders: Words,
    changeHeaders: Words,
    placeholders: z.array(z.string()),
    titleYears: z.array(z.object({ pattern: Pattern, year: Year }).strict()),
  })
  .strict();
export type TableRules = z.infer<typeof TableRules>;

export const IndicatorCatalogueSchema = z
  .object({
    indicators: z.array(Indicator).min(1),
    units: z.array(UnitDefinition).min(1),
    grammar: Grammar,
    tables: TableRules,
  })
  .strict()
  .superRefine((catalogue, ctx) => {
    const ids = new Set<string>();
    catalogue.indicators.forEach((indicator, index) => {
      if (indicator.id === UNCLASSIFIED) {
        ctx.addIssue({
          code: 'custom',
          path: ['indicators', index, 'id'],
          message: `“${UNCLASSIFIED}” is reserved`,
        });
      }
      if (ids.has(indicator.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['indicators', index, 'id'],
          message: `duplicate indicator id “${indicator.id}”`,
        });
      }
      ids.add(indicator.id);
    });
    for (const id of REQUIRED_INDICATOR_IDS) {
      if (!ids.has(id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['indicators'],
          message: `indicator “${id}” is a public URL and must exist`,
        });
      }
    }
    const printed = new Set<string>();
    catalogue.units.forEach((unit, index) => {
      if (printed.has(unit.printed)) {
        ctx.addIssue({
          code: 'custom',
          path: ['units', index, 'printed'],
          message: `duplicate unit “${unit.printed}”`,
        });
      }
      printed.add(unit.printed);
    });
    const spelled = catalogue.grammar.spelledNumbers;
    const spelledUnits: [string, (string | number)[]][] = [
      ...spelled.prefixes.map((p, i): [string, (string | number)[]] => [p.unit, ['prefixes', i, 'unit']]),
      ...spelled.units.map((u, i): [string, (string | number)[]] => [u, ['units', i]]),
    ];
    for (const [unit, path] of spelledUnits) {
      if (!printed.has(unit)) {
        ctx.addIssue({
          code: 'custom',
          path: ['grammar', 'spelledNumbers', ...path],
          message: `unit “${unit}” is not a printed unit of \`units\``,
        });
      }
    }
    const targetYears = catalogue.grammar.targetYears;
    targetYears.forEach((rule, index) => {
      if (rule.year === undefined && !/\((?!\?)/.test(rule.pattern)) {
        ctx.addIssue({
          code: 'custom',
          path: ['grammar', 'targetYears', index],
          message: 'a target-year pattern needs a fixed `year` or a capturing group holding the year',
        });
      }
    });
  });

/** The validated content of content/indicators.yaml. */
export type IndicatorCatalogue = z.infer<typeof IndicatorCatalogueSchema>;

/** The default catalogue location, relative to the repository root (the process's working directory). */
export const DEFAULT_INDICATOR_CATALOGUE_FILE = 'content/indicators.yaml';

/** A catalogue that cannot be used; the message is `file:line: reason`. */
export { CuratedDataError as IndicatorCatalogueError } from '../curated/load';

/**
 * Parses and validates the catalogue YAML. Throws an IndicatorCatalogueError naming the YAML line of the
 * first problem (`file` only labels the message).
 */
export function parseIndicatorCatalogue(
  yamlText: string,
  file: string = DEFAULT_INDICATOR_CATALOGUE_FILE,
): IndicatorCatalogue {
  return parseCuratedYaml(yamlText, file, IndicatorCatalogueSchema);
}

/**
 * Reads and validates the indicator catalogue, by default `<cwd>/content/indicators.yaml` (scripts and
 * tests run from the repository root).
 */
export function loadIndicatorCatalogue(
  file: string = resolve(process.cwd(), DEFAULT_INDICATOR_CATALOGUE_FILE),
): IndicatorCatalogue {
  return loadCuratedYaml(file, IndicatorCatalogueSchema);
}

/** True when a larger value of the indicator is the more ambitious target. */
export function higherIsBetter(indicator: Pick<Indicator, 'direction'>): boolean {
  return indicator.direction === 'increase';
}
