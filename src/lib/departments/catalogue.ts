/**
 * The department catalogue (content/departments.yaml): functional categories shared across plans and the
 * rules that recognise departments, validated by zod so a broken edit fails with `file:line: reason`.
 */
import { loadCuratedYaml, parseCuratedYaml } from '../curated/load';
import { resolve } from 'node:path';
import { z } from 'zod';
import { foldForRecognition } from '../read/normalize';
import { CollectiveWords, collectiveExampleProblems } from '../responsibility/collectives';

const Slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase kebab-case ASCII');

/** The category every unrecognised department falls back to; the catalogue must define it. */
export const OTHER_CATEGORY = 'other';

export const DepartmentCategory = z.object({
  /** English kebab-case slug, part of public URLs (/departments/category/<id>/). */
  id: Slug,
  /** Chinese display name. */
  name: z.string().min(1),
});
export type DepartmentCategory = z.infer<typeof DepartmentCategory>;

export const DepartmentRule = z
  .object({
    id: Slug,
    /** Canonical functional name, without a jurisdiction prefix. */
    name: z.string().min(1),
    category: Slug,
    /** Exact names after the jurisdiction prefix is stripped. */
    aliases: z.array(z.string().min(1)).default([]),
    /** Regular expressions tried on the prefix-stripped name when no alias matches. */
    patterns: z.array(z.string().min(1)).default([]),
    /** `rule`: all names this rule matches in one plan are one department; `name`: one per distinct name. */
    mergeBy: z.enum(['rule', 'name']).default('rule'),
  })
  .strict();
export type DepartmentRule = z.infer<typeof DepartmentRule>;

const CatalogueShape = z
  .object({
    categories: z.array(DepartmentCategory.strict()).min(1),
    departments: z.array(DepartmentRule),
    /** Names that stand for a group of bodies (各有关部门), as word lists; never a department. */
    collectives: CollectiveWords,
    /** Pinyin readings for department ids where pinyin-pro reads a word wrongly (人行 → ren hang). */
    readings: z
      .record(
        z.string().min(1),
        z.string().regex(/^[a-z]+(?: [a-z]+)*$/, 'lowercase pinyin syllables separated by spaces'),
      )
      .default({}),
  })
  .strict();

export const DepartmentCatalogueSchema = CatalogueShape.superRefine((catalogue, ctx) => {
  const categoryIds = new Set<string>();
  catalogue.categories.forEach((category, index) => {
    if (categoryIds.has(category.id)) {
      ctx.addIssue({
        code: 'custom',
        path: ['categories', index, 'id'],
        message: `duplicate category id “${category.id}”`,
      });
    }
    categoryIds.add(category.id);
  });
  if (!categoryIds.has(OTHER_CATEGORY)) {
    ctx.addIssue({
      code: 'custom',
      path: ['categories'],
      message: `the fallback category “${OTHER_CATEGORY}” is missing`,
    });
  }

  for (const problem of collectiveExampleProblems(catalogue.collectives)) {
    ctx.addIssue({ code: 'custom', path: ['collectives', ...problem.path], message: problem.message });
  }

  const ruleIds = new Set<string>();
  const aliasOwner = new Map<string, string>();
  catalogue.departments.forEach((rule, index) => {
    if (ruleIds.has(rule.id)) {
      ctx.addIssue({
        code: 'custom',
        path: ['departments', index, 'id'],
        message: `duplicate rule id “${rule.id}”`,
      });
    }
    ruleIds.add(rule.id);
    if (!categoryIds.has(rule.category)) {
      ctx.addIssue({
        code: 'custom',
        path: ['departments', index, 'category'],
        message: `unknown category “${rule.category}”`,
      });
    }
    if (rule.aliases.length === 0 && rule.patterns.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['departments', index],
        message: `rule “${rule.id}” has no aliases and no patterns`,
      });
    }
    rule.aliases.forEach((alias, aliasIndex) => {
      const key = foldForRecognition(alias);
      const owner = aliasOwner.get(key);
      if (owner !== undefined && owner !== rule.id) {
        ctx.addIssue({
          code: 'custom',
          path: ['departments', index, 'aliases', aliasIndex],
          message: `alias “${alias}” already belongs to rule “${owner}”`,
        });
      }
      aliasOwner.set(key, rule.id);
    });
    rule.patterns.forEach((pattern, patternIndex) => {
      try {
        new RegExp(pattern);
      } catch (error) {
        ctx.addIssue({
          code: 'custom',
          path: ['departments', index, 'patterns', patternIndex],
          message: `invalid regular expression: ${(error as Error).message}`,
        });
      }
    });
  });
});

/** The validated catalogue of content/departments.yaml. */
export type DepartmentCatalogue = z.infer<typeof DepartmentCatalogueSchema>;

/** The default catalogue location, relative to the repository root (the process's working directory). */
export const DEFAULT_CATALOGUE_FILE = 'content/departments.yaml';

/** A catalogue that cannot be used; the message is `file:line: reason`. */
export { CuratedDataError as CatalogueError } from '../curated/load';

/**
 * Parses and validates the catalogue YAML. Throws a CatalogueError naming the YAML line of the first
 * problem (`file` only labels the message).
 */
export function parseDepartmentCatalogue(
  yamlText: string,
  file: string = DEFAULT_CATALOGUE_FILE,
): DepartmentCatalogue {
  return parseCuratedYaml(yamlText, file, DepartmentCatalogueSchema);
}

/**
 * Reads and validates the department catalogue, by default `<cwd>/content/departments.yaml` (scripts and
 * tests run from the repository root).
 */
export function loadDepartmentCatalogue(
  file: string = resolve(process.cwd(), DEFAULT_CATALOGUE_FILE),
): DepartmentCatalogue {
  return loadCuratedYaml(file, DepartmentCatalogueSchema);
}
