/**
 * The comparisons of a plan's targets as `/data/plans.json` publishes them (`PublishedPlan.comparisons`):
 * plain data naming plans and targets by id, so a reader of the file can follow a reference to the parent
 * plan's target without the site.
 */
import { figuresOf } from '../model/figures';
import type { PublishedComparison, PublishedReference, TargetComparisons } from '../model/plan';
import { referenceValueText } from './describe';
import type { Comparison, Reference, TargetVerdicts } from './verdicts';

function publishedReference(reference: Reference): PublishedReference {
  const source = reference.source;
  return {
    ...figuresOf(reference.value),
    name: reference.name,
    text: referenceValueText(reference.value),
    source:
      source.kind === 'national'
        ? { kind: 'national', document: source.document }
        : source.kind === 'parent-plan'
          ? { kind: 'parent-plan', plan: source.plan.id, target: source.target.id }
          : { kind: 'own-text', target: source.target.id },
  };
}

function publishedComparison(comparison: Comparison): PublishedComparison {
  switch (comparison.kind) {
    case 'none':
      return { kind: 'none' };
    case 'verdict':
      return {
        kind: 'verdict',
        verdict: comparison.verdict,
        reference: publishedReference(comparison.reference),
        drafts: [...comparison.drafts],
      };
    case 'not-comparable':
      return {
        kind: 'not-comparable',
        reason: comparison.reason,
        reference: comparison.reference === null ? null : publishedReference(comparison.reference),
        drafts: [...comparison.drafts],
      };
  }
}

/** Each target's comparisons (from `verdictsFor`), in the plan's target order. */
export function publishedComparisons(entries: readonly TargetVerdicts[]): TargetComparisons[] {
  return entries.map(({ target, national, parent }) => ({
    target: target.id,
    national: publishedComparison(national),
    parent: publishedComparison(parent),
  }));
}
