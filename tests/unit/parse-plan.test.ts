/**
 * parsePlan's guard around the recognisers: the model is checked once after all of them, and only when that
 * fails are they re-run one check at a time. Whatever path it takes, a recogniser that throws or produces
 * what the model refuses is skipped with a warning naming it, and the plan keeps its text and what the other
 * recognisers found.
 */
import { describe, expect, it } from 'vitest';
import { enrichments, loadKnowledge } from '../../src/lib/knowledge';
import type { Plan } from '../../src/lib/model/plan';
import { parsePlan, type Enrichment } from '../../src/lib/parse-plan';

const knowledge = loadKnowledge();
const [departments, targets] = enrichments(knowledge) as [Enrichment, Enrichment];

const text = [
  '某市“十四五”节能减排综合工作方案',
  '一、总体要求',
  '到2025年，全市单位地区生产总值能源消耗比2020年下降14.5%。',
  '二、重点工程',
  '（一）工业节能工程。推进重点行业节能改造。（市发展改革委负责）',
  '',
].join('\n');

const parse = (stages: Enrichment[]) =>
  parsePlan(text, 'guard.txt', null, knowledge.plan, { enrichments: stages });

/** A recogniser whose output the model refuses: a department without a name. */
function invalidDepartments(plan: Plan) {
  return { plan: { ...plan, departments: [{ name: 42 }] } as unknown as Plan, warnings: [] };
}
function throwing(): never {
  throw new Error('boom');
}

const reference = parse([departments, targets]);

describe('parsePlan: recognisers that fail', () => {
  it('reads departments and targets when all is well (control)', () => {
    expect(reference.plan.departments.length).toBeGreaterThan(0);
    expect(reference.plan.targets.length).toBeGreaterThan(0);
    expect(reference.warnings.filter((w) => w.message.startsWith('internal error'))).toEqual([]);
  });

  it.each([
    ['produces what the model refuses', invalidDepartments, 'invalidDepartments'],
    ['throws', throwing, 'throwing'],
  ])('a recogniser that %s is skipped, the others keep their results', (_, broken, name) => {
    const { plan, warnings } = parse([departments, broken as Enrichment, targets]);
    expect(warnings.map((w) => w.message)).toContainEqual(
      expect.stringMatching(new RegExp(`^internal error, ${name} skipped: `)),
    );
    expect(plan).toEqual(reference.plan);
  });

  it('skipping a recogniser leaves exactly what the stages before it gave', () => {
    const { plan } = parse([invalidDepartments, targets]);
    expect(plan.departments).toEqual([]);
    expect(plan.targets).toEqual(reference.plan.targets);
    expect(plan.clauses.map((c) => c.paragraphs)).toEqual(reference.plan.clauses.map((c) => c.paragraphs));
  });
});
