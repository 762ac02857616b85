/**
 * The region pages' data: the corpus as an administrative tree (src/lib/regions/tree.ts) against the official
 * division list, the breadcrumb trail of every plan (全国 › 山东省 › 济南市 › 莱芜区), and the headline
 * indicators whose values each region page shows and distributes.
 */
import { countVerdicts, verdictSummary, type TargetVerdicts } from '../lib/lineage/index';
import { loadJurisdictions } from '../lib/curated/plan-knowledge';
import { loadDivisions, type Division } from '../lib/regions/divisions';
import { distributionOf, type Distribution } from '../lib/regions/distribution';
import {
  buildRegionTree,
  listingWithin,
  plansUnder,
  type ChildDivision,
  type Listing,
  type RegionNode,
  type RegionTree,
} from '../lib/regions/tree';
import { trailOf } from '../lib/regions/trail';
import type { PlanSummary } from '../lib/model/plan';
import { planLabel, UNKNOWN_LEVEL } from '../lib/model/label';
import { COUNTRY, LEVEL } from '../lib/vocabulary';
import type { IndicatorInfo } from './catalogues';
import { LIST_LIMITS } from './budgets';
import { homeCharts } from './charts';
import { atlas } from './corpus';
import type { Crumb } from './types';
import { paths } from './url';

/** How a region page lists the divisions below it: full levels within its budget (src/site/budgets.ts). */
export function regionListing(entries: readonly ChildDivision[]): Listing {
  const { elements, ...cost } = LIST_LIMITS.regionTree;
  return listingWithin(entries, elements, cost);
}

/** A distribution lists every plan's value in a table up to this many plans; above, quartiles and links. */
export const DISTRIBUTION_LIST_UP_TO = 12;

/** The groups of /regions/ for plans the division list cannot place: their headings, and their crumbs. */
export const GROUPS = {
  unplaced: '未列入官方区划代码的地区',
  unknown: '地区未识别的方案',
  /** On a province page: its plans of places the list lacks. */
  unlisted: '辖区内未列入官方区划代码的地区',
} as const;

let built: RegionTree | null = null;

/** The tree of this build's corpus, built once. */
export function regionTree(): RegionTree {
  built ??= buildRegionTree(atlas().plans, loadDivisions());
  return built;
}

let outside: { regions: ReadonlySet<string>; note: string } | null = null;

/**
 * Why a province-level unit has no plan when it is outside the national plan's system (香港, 澳门, 台湾;
 * content/jurisdictions.yaml), else null: such a unit is not a division whose plan the atlas lacks.
 */
export function outsideNote(division: Division): string | null {
  if (outside === null) {
    const { regions, note } = loadJurisdictions().outsideNationalPlan;
    outside = { regions: new Set(regions), note };
  }
  return division.level === 'province' && outside.regions.has(division.name) ? outside.note : null;
}

export interface HeadlineIndicator {
  info: IndicatorInfo;
  /** The name to show where space is short (化学需氧量 COD); the catalogue name otherwise. */
  shortName: string;
}

/**
 * The home page's headline indicators (content/home-charts.yaml): energy intensity, then the four key-project
 * pollutant reductions, with the short names the home page prints over their panels.
 */
export function headlineIndicators(): HeadlineIndicator[] {
  const a = atlas();
  const { headline, smallMultiples } = homeCharts();
  return [
    { info: a.indicator(headline), shortName: a.indicator(headline).name },
    ...smallMultiples.panels.map((panel) => ({
      info: a.indicator(panel.indicator),
      shortName: panel.shortName,
    })),
  ];
}

/** The distribution of every headline indicator over a region's plans (those with at least one value). */
export function regionDistributions(
  node: RegionNode,
): { indicator: HeadlineIndicator; distribution: Distribution }[] {
  const plans = plansUnder(node);
  return headlineIndicators().flatMap((indicator) => {
    const unit = indicator.info.unit;
    if (unit === null) return [];
    const distribution = distributionOf(plans, { id: indicator.info.id, unit });
    return distribution.points.length > 0 || distribution.notComparable.length > 0
      ? [{ indicator, distribution }]
      : [];
  });
}

/** The plan this level issued, for a crumb's "本级方案" link: the final text where there is one. */
function ownPlanLink(plans: readonly PlanSummary[]): Crumb['plan'] {
  const plan = plans[0];
  return plan ? { path: paths.plan(plan.id), label: planLabel(plan) } : undefined;
}

/** 全国, linking to /regions/ (and to the national plan where the corpus has one). */
export function countryCrumb(): Crumb {
  const national = regionTree().national;
  const plan = ownPlanLink(national);
  return { label: COUNTRY, path: paths.regions(), root: true, ...(plan ? { plan } : {}) };
}

/** The crumbs of a region and every region above it, each linking to its region page. */
export function regionCrumbs(node: RegionNode, options: { current?: boolean } = {}): Crumb[] {
  const chain = regionTree().chain(node);
  return [
    countryCrumb(),
    ...chain.map((n, i) => {
      const isCurrent = options.current === true && i === chain.length - 1;
      const plan = isCurrent ? undefined : ownPlanLink(n.plans);
      return {
        label: n.division.name,
        ...(isCurrent ? {} : { path: paths.region(n.slug) }),
        ...(plan ? { plan } : {}),
      };
    }),
  ];
}

/**
 * A plan's place in the tree as breadcrumbs (src/lib/regions/trail.ts), each level linking to its region
 * page and, where that level's own plan is in the corpus, to that plan: 全国 › 山东省 › 济南市 › 莱芜区. A
 * plan the division list cannot place leads to the /regions/ group (or the province's list) it is in.
 */
export function planTrail(plan: PlanSummary): Crumb[] {
  return trailOf(plan, regionTree()).map((step): Crumb => {
    switch (step.kind) {
      case 'country':
        return plan.level === 'national'
          ? { label: COUNTRY, path: paths.regions(), root: true }
          : countryCrumb();
      case 'region': {
        const link = step.own ? undefined : ownPlanLink(step.node.plans);
        return {
          label: step.node.division.name,
          path: paths.region(step.node.slug),
          ...(link ? { plan: link } : {}),
        };
      }
      case 'group':
        return { label: GROUPS[step.group], path: paths.regionGroup(step.group) };
      case 'unlisted':
        return step.province
          ? { label: step.name, path: paths.regionUnlisted(step.province.slug) }
          : { label: step.name };
    }
  });
}

/** （省级 1，市级 1，区县 1）: a subtree's plans by level, levels without plans left out; empty without plans. */
export function levelBreakdown(node: RegionNode): string {
  const parts = (['province', 'city', 'county'] as const)
    .filter((level) => node.byLevel[level] > 0)
    .map((level) => `${LEVEL[level]} ${node.byLevel[level]}`);
  if (node.byLevel.unknown > 0) parts.push(`${UNKNOWN_LEVEL} ${node.byLevel.unknown}`);
  return parts.length > 0 ? `（${parts.join('，')}）` : '';
}

/** 共 3 份方案（省级 1，市级 1，区县 1）. */
export function countsText(node: RegionNode): string {
  return `共 ${node.total} 份方案${levelBreakdown(node)}`;
}

export interface RegionVerdictLine {
  /** 全国 or 上级方案. */
  whom: string;
  /** Adopted plans' targets: 12 项目标严于全国，3 项弱于全国; null when none has a reference. */
  final: string | null;
  /** The same over drafts (征求意见稿), said apart; null when none. */
  draft: string | null;
}

/**
 * Every target of every plan in a region held against the national reference and against its parent's value
 * (src/lib/lineage/), counted: adopted plans and drafts apart, so a draft's value never counts unmarked.
 */
export function regionVerdicts(node: RegionNode): RegionVerdictLine[] {
  const a = atlas();
  const plans = plansUnder(node);
  const of = (status: PlanSummary['status']) =>
    plans.filter((p) => p.status === status).flatMap((p) => a.verdicts(p));
  const finals = of('final');
  const drafts = of('draft');
  return (
    [
      ['national', COUNTRY],
      ['parent', '上级方案'],
    ] as const
  ).flatMap(([side, whom]) => {
    const line = {
      whom,
      final: verdictSummary(countVerdicts(finals, side), whom),
      draft: verdictSummary(countVerdicts(drafts, side), whom),
    };
    return line.final === null && line.draft === null ? [] : [line];
  });
}

/** A plan's targets against the national reference in one line (7 项目标严于全国，1 项弱于全国), or null. */
export function planVerdictLine(plan: PlanSummary): string | null {
  return verdictSummary(countVerdicts(atlas().verdicts(plan), 'national'), COUNTRY);
}

/** The comparisons of one of a plan's targets (the one a distribution shows), if it has any. */
export function targetVerdicts(plan: PlanSummary, targetId: string): TargetVerdicts | undefined {
  return atlas()
    .verdicts(plan)
    .find((v) => v.target.id === targetId);
}
