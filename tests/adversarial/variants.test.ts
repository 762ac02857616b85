/**
 * Every variant of every seed is kept as a plan, read as the seed is (region, status, structure counts) or says
 * what it could not read, and conserves its text. See variants.ts for the table.
 */
import { describe, expect, it } from 'vitest';
import { ingestSeeds } from '../../src/lib/ingest';
import { enrichments, loadKnowledge } from '../../src/lib/knowledge';
import { readingOrder } from '../../src/lib/model/reading-order';
import { stripExportLeftovers } from '../../src/lib/read/normalize';
import { planOf, seedFiles, seedText } from '../helpers/seeds';
import { foldForRecognition } from '../../src/lib/read/normalize';
import { roleKeys, statedInBody, targetKey, VARIANTS, type VariantFile } from './variants';

/** A multiset as sorted keys, so a difference prints as a readable list. */
const sorted = (keys: string[]) => [...keys].sort();
/** Keys of `part` missing from `whole`, counting repeats. */
function missingFrom(whole: string[], part: string[]): string[] {
  const left = new Map<string, number>();
  for (const key of whole) left.set(key, (left.get(key) ?? 0) + 1);
  return part.filter((key) => {
    const n = left.get(key) ?? 0;
    if (n === 0) return true;
    left.set(key, n - 1);
    return false;
  });
}

const knowledge = loadKnowledge();
const squeeze = (text: string) => text.replace(/\s+/g, '');
const ingest = (variants: VariantFile[]) =>
  ingestSeeds(
    variants.map((v) => ({ file: v.file, bytes: v.bytes, sidecar: null })),
    knowledge.plan,
    { enrichments: enrichments(knowledge) },
  );

describe.each(seedFiles)('%s', (file) => {
  const baseline = planOf(file);
  const seed = { file, text: seedText(file), baseline };

  it.each(VARIANTS.map((v) => [v.id, v] as const))('%s', (_id, variant) => {
    const made = variant.make(seed);
    const expected = variant.expect(baseline);
    const result = ingest([made]);
    expect(result.errors.map((e) => e.message)).toEqual([]);
    expect(result.plans).toHaveLength(1);
    const plan = result.plans[0]!;

    if (expected.regionMayBeUnknown && plan.region === null) expect(plan.unrecognised).toContain('region');
    else expect(plan.region).toBe(expected.region);
    if (plan.region !== null) expect(plan.regionPath).toEqual(baseline.regionPath);
    expect(plan.status).toBe(expected.status);

    const chapters = plan.clauses.filter((c) => c.kind === 'chapter').length;
    const sections = plan.clauses.filter((c) => c.kind === 'section').length;
    if (typeof expected.chapters === 'number') expect(chapters).toBe(expected.chapters);
    else expect(chapters).toBeLessThanOrEqual(expected.chapters.atMost);
    if (typeof expected.sections === 'number') expect(sections).toBe(expected.sections);
    else expect(sections).toBeLessThanOrEqual(expected.sections.atMost);
    expect(plan.unrecognised).toEqual(expect.arrayContaining(expected.unrecognised));

    // Nothing lost, nothing added: every character of the variant, in order.
    const source = squeeze(stripExportLeftovers(made.text));
    const model = squeeze([...readingOrder(plan)].join(''));
    let i = 0;
    while (i < source.length && source[i] === model[i]) i++;
    expect(model.slice(i, i + 40), `first difference at character ${i}`).toBe(source.slice(i, i + 40));
    expect(model.length).toBe(source.length);

    // Targets: the seed's, read the same (value, comparator, year, jurisdiction), and never one it lacks.
    const targets = plan.targets.map(targetKey);
    const seedTargets = baseline.targets.map(targetKey);
    expect(missingFrom(seedTargets, targets), 'targets the seed does not have').toEqual([]);
    if (expected.targets === 'all') expect(sorted(targets)).toEqual(sorted(seedTargets));
    if (expected.targets === 'body')
      expect(
        missingFrom(targets, baseline.targets.filter(statedInBody).map(targetKey)),
        'body targets lost',
      ).toEqual([]);

    // Roles: every department mention with the note's own role word, in order.
    const roles = roleKeys(plan, foldForRecognition);
    const seedRoles = roleKeys(baseline, foldForRecognition, expected.rewordRole);
    if (expected.roles === 'all' || expected.roles === 'reworded') expect(roles).toEqual(seedRoles);
    else if (expected.roles === 'names') {
      const names = (keys: string[]) => keys.map((key) => key.split('|')[0]);
      expect(names(roles)).toEqual(names(seedRoles));
    }
    else expect(missingFrom(seedRoles, roles), 'roles the seed does not have').toEqual([]);

    for (const check of expected.checks) check.run(plan, baseline);
  });

  it('keeps two texts of the same plan (a copy and a draft), with distinct slugs, linked', () => {
    const copy = VARIANTS.find((v) => v.id === 'half-width')!.make(seed);
    const draft = VARIANTS.find((v) => v.id === 'draft-title')!.make(seed);
    const original = { file, bytes: new TextEncoder().encode(seed.text), text: seed.text };
    const { plans, errors } = ingest([original, copy, draft]);
    expect(errors).toEqual([]);
    expect(plans).toHaveLength(3);
    expect(new Set(plans.map((p) => p.id)).size).toBe(3);
    for (const plan of plans) {
      expect(plan.versions.sort()).toEqual(
        plans
          .filter((p) => p !== plan)
          .map((p) => p.id)
          .sort(),
      );
    }
  });
});
