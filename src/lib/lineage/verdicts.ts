/**
 * Every target of a plan held against the national reference (国发〔2021〕33号, from the indicator catalogue)
 * and against its parent's value: the parent plan's own target for the same indicator where the corpus holds
 * the parent, else the value the plan's own text states for its parent (黔江's annex prints 重庆市's values
 * beside its own). A verdict only for a like-for-like pair; otherwise the reason, and the reference still
 * named so a reader can look. A comparison involving a 征求意见稿 says so (`drafts`).
 */
import type { PlanSummary, Target } from '../model/plan';
import { planLabel } from '../model/label';
import { compareValues, likeness, type ComparableValue, type ComparisonRule } from './compare';
import type { DraftSide, NotComparableReason, Verdict } from './schema';
import type { Lineage } from './tree';

/** The national reference of an indicator, as the catalogue records it. */
export interface NationalValue extends Omit<ComparableValue, 'scope'> {
  /** Document and section, e.g. 国发〔2021〕33号 二、主要目标. */
  document: string;
}

/** What a comparison needs to know about an indicator. */
export interface IndicatorRule extends ComparisonRule {
  national: NationalValue | null;
}

export interface VerdictContext {
  lineage: Lineage;
  /** The catalogue's rule for an indicator id; undefined for `unclassified` and unknown ids. */
  indicator(id: string): IndicatorRule | undefined;
}

/** Where a reference value is stated. */
export type ReferenceSource =
  | { kind: 'national'; document: string }
  /** The parent plan in the corpus, its own target. */
  | { kind: 'parent-plan'; plan: PlanSummary; target: Target }
  /** The plan's own text, a value it states for its parent (jurisdiction = the parent's name). */
  | { kind: 'own-text'; plan: PlanSummary; target: Target };

export interface Reference {
  value: ComparableValue;
  /** Who set it: 全国, or the parent's name (重庆市). */
  name: string;
  source: ReferenceSource;
}

export type Comparison =
  | { kind: 'verdict'; verdict: Verdict; reference: Reference; drafts: DraftSide[] }
  | {
      kind: 'not-comparable';
      reason: NotComparableReason;
      /** The most alike reference value, where there is one to name. */
      reference: Reference | null;
      drafts: DraftSide[];
    }
  /** No reference value at all: the nation sets none, no parent is known, or the parent states none. */
  | { kind: 'none' };

export interface TargetVerdicts {
  target: Target;
  national: Comparison;
  parent: Comparison;
}

const NONE: Comparison = { kind: 'none' };

/** The government whose values these are when it is not the plan's own (黔江's 重庆市 column), else null. */
export function otherJurisdiction(plan: PlanSummary, target: Target): string | null {
  return target.jurisdiction === null || target.jurisdiction === plan.region ? null : target.jurisdiction;
}

function draftsOf(plan: PlanSummary, reference: Reference | null): DraftSide[] {
  const drafts: DraftSide[] = [];
  if (plan.status === 'draft') drafts.push('plan');
  if (reference?.source.kind === 'parent-plan' && reference.source.plan.status === 'draft')
    drafts.push('reference');
  return drafts;
}

/**
 * The target against the candidate references: the verdict of the like-for-like ones (or `several-references`
 * when they state different values), else the reason of the most alike.
 */
function against(
  plan: PlanSummary,
  target: Target,
  candidates: readonly Reference[],
  rule: ComparisonRule,
): Comparison {
  if (candidates.length === 0) return NONE;
  const results = candidates.map((reference) => ({
    reference,
    result: compareValues(target, reference.value, rule),
  }));
  const alike = results.filter((r) => 'verdict' in r.result);
  if (alike.length > 0) {
    const verdicts = new Set(alike.map((r) => ('verdict' in r.result ? r.result.verdict : null)));
    const values = new Set(alike.map((r) => `${r.reference.value.comparator}${r.reference.value.value}`));
    const first = alike[0] as (typeof alike)[number];
    if (values.size > 1 || verdicts.size > 1)
      return {
        kind: 'not-comparable',
        reason: 'several-references',
        reference: null,
        drafts: draftsOf(plan, null),
      };
    const verdict = (first.result as { verdict: Verdict }).verdict;
    return { kind: 'verdict', verdict, reference: first.reference, drafts: draftsOf(plan, first.reference) };
  }
  const closest = results.reduce((best, r) => (likeness(r.result) > likeness(best.result) ? r : best));
  const reason = (closest.result as { reason: NotComparableReason }).reason;
  return {
    kind: 'not-comparable',
    reason,
    reference: closest.reference,
    drafts: draftsOf(plan, closest.reference),
  };
}

function nationalReference(rule: IndicatorRule): Reference[] {
  const national = rule.national;
  if (national === null) return [];
  const { document, ...value } = national;
  return [{ value: { ...value, scope: null }, name: '全国', source: { kind: 'national', document } }];
}

/** The parent's values for an indicator: from the parent plan, else from the plan's own text. */
function parentReferences(plan: PlanSummary, indicatorId: string, lineage: Lineage): Reference[] {
  const parent = lineage.parentOf(plan)?.plan;
  if (parent) {
    const fromPlan = parent.targets
      .filter((t) => t.indicatorId === indicatorId && otherJurisdiction(parent, t) === null)
      .map((t): Reference => ({
        value: t,
        name: planLabel(parent),
        source: { kind: 'parent-plan', plan: parent, target: t },
      }));
    if (fromPlan.length > 0) return fromPlan;
  }
  const name = lineage.parentName(plan);
  if (name === null) return [];
  return plan.targets
    .filter(
      (t) => t.indicatorId === indicatorId && t.jurisdiction === name && otherJurisdiction(plan, t) !== null,
    )
    .map((t): Reference => ({ value: t, name, source: { kind: 'own-text', plan, target: t } }));
}

/** Each target of `plan`, in the plan's order, with its comparisons against the nation and the parent. */
export function verdictsFor(plan: PlanSummary, context: VerdictContext): TargetVerdicts[] {
  return plan.targets.map((target) => {
    const rule = context.indicator(target.indicatorId);
    if (rule === undefined) return { target, national: NONE, parent: NONE };
    if (otherJurisdiction(plan, target) !== null) {
      // A value the plan lists for another government is a reference itself, not a promise of this plan.
      const notOwn: Comparison = {
        kind: 'not-comparable',
        reason: 'not-own-target',
        reference: null,
        drafts: [],
      };
      return { target, national: notOwn, parent: notOwn };
    }
    return {
      target,
      national: against(plan, target, nationalReference(rule), rule),
      parent: against(plan, target, parentReferences(plan, target.indicatorId, context.lineage), rule),
    };
  });
}
