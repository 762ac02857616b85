/**
 * The corpus as an administrative tree: hand-made division lists (a municipality whose districts hang off the
 * province, a prefecture with no plan of its own above a county that has one), plans the list cannot place,
 * and the five seeds against the official list.
 */
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/lib/model/plan';
import { buildDivisions, DivisionIndex, loadDivisions } from '../../src/lib/regions/divisions';
import {
  buildRegionTree,
  listingWithin,
  plansUnder,
  type ChildDivision,
  type RegionNode,
} from '../../src/lib/regions/tree';
import { provinceGroupOf, trailOf, type TrailStep } from '../../src/lib/regions/trail';
import { qianjiang } from '../fixtures/plans';
import { ingestedSeeds } from '../helpers/seeds';

const index = new DivisionIndex(
  buildDivisions(
    [
      { code: '37', name: '山东省' },
      { code: '50', name: '重庆市' },
      { code: '51', name: '四川省' },
    ],
    [
      { code: '3701', name: '济南市', provinceCode: '37' },
      { code: '3702', name: '青岛市', provinceCode: '37' },
      { code: '5001', name: '市辖区', provinceCode: '50' },
      { code: '5117', name: '达州市', provinceCode: '51' },
    ],
    [
      { code: '370102', name: '历下区', provinceCode: '37', cityCode: '3701' },
      { code: '370116', name: '莱芜区', provinceCode: '37', cityCode: '3701' },
      { code: '500114', name: '黔江区', provinceCode: '50', cityCode: '5001' },
      { code: '500101', name: '万州区', provinceCode: '50', cityCode: '5001' },
      { code: '511702', name: '通川区', provinceCode: '51', cityCode: '5117' },
    ],
    [],
  ),
);

/** A plan placed at a division of the hand-made list (its chain as regionPath), or anywhere else. */
function plan(id: string, overrides: Partial<Plan> & { at?: string } = {}): Plan {
  const { at, ...rest } = overrides;
  const division = at === undefined ? undefined : index.named(at)[0];
  if (at !== undefined && !division) throw new Error(`fixture: no division ${at}`);
  const regionPath = division
    ? index.chain(division).map((d) => ({ code: d.code, name: d.name, level: d.level }))
    : [];
  return {
    ...qianjiang,
    id,
    region: division?.name ?? null,
    regionPath,
    province: division ? index.province(division).name : null,
    level: division?.level ?? null,
    status: 'final',
    targets: [],
    ...rest,
  };
}

const laiwu = plan('laiwu-qu', { at: '莱芜区' });
const dazhou = plan('dazhou-shi', { at: '达州市' });
const dazhouDraft = plan('dazhou-shi-draft', { at: '达州市', status: 'draft' });
const qianjiangPlan = plan('qianjiang-qu', { at: '黔江区' });
const nationalPlan = plan('guowuyuan', { level: 'national', region: '全国' });
const newArea = plan('jinan-new-area', { region: '济南新区', province: '山东省' });
const devZone = plan('some-zone', { region: '某开发区' });
const nowhere = plan('plan-news', { region: null });
// The draft comes first in the corpus: the final text is still listed first.
const corpus = [dazhouDraft, laiwu, nowhere, qianjiangPlan, dazhou, devZone, nationalPlan, newArea];
const tree = buildRegionTree(corpus, index);
const node = (slug: string) => tree.bySlug(slug) as RegionNode;

describe('region tree', () => {
  it('lists every province-level unit, in code order, with or without plans', () => {
    expect(tree.provinces.map((p) => [p.division.name, p.total])).toEqual([
      ['山东省', 2],
      ['重庆市', 1],
      ['四川省', 2],
    ]);
  });

  it('has a page node for every division with a plan in or under it, in tree order', () => {
    expect(tree.nodes.map((n) => n.slug)).toEqual([
      'shandong-sheng',
      'jinan-shi',
      'laiwu-qu',
      'chongqing-shi',
      'qianjiang-qu',
      'sichuan-sheng',
      'dazhou-shi',
    ]);
    expect(tree.bySlug('qingdao-shi')).toBeUndefined();
  });

  it.each([
    ['laiwu-qu', ['山东省', '济南市', '莱芜区']],
    ['qianjiang-qu', ['重庆市', '黔江区']], // a municipality's district: no 市辖区 between
    ['dazhou-shi', ['四川省', '达州市']],
  ])('%s sits under %j', (slug, chain) => {
    expect(tree.chain(node(slug)).map((n) => n.division.name)).toEqual(chain);
  });

  it('keeps a level between a plan and its province, with no plan of its own', () => {
    const jinan = node('jinan-shi');
    expect(jinan.plans).toEqual([]);
    expect(jinan.total).toBe(1);
    expect(jinan.children.map((c) => c.division.name)).toEqual(['莱芜区']);
  });

  it('lists every division below a node, saying which have no plan', () => {
    expect(tree.childDivisions(node('jinan-shi')).map((c) => [c.division.name, c.node !== null])).toEqual([
      ['历下区', false],
      ['莱芜区', true],
    ]);
    expect(tree.childDivisions(node('shandong-sheng')).map((c) => [c.slug, c.node !== null])).toEqual([
      ['jinan-shi', true],
      ['qingdao-shi', false],
    ]);
  });

  it('lists a final text before its draft', () => {
    expect(node('dazhou-shi').plans.map((p) => p.id)).toEqual(['dazhou-shi', 'dazhou-shi-draft']);
  });

  it('counts plans by their level all the way up', () => {
    expect(node('shandong-sheng').byLevel).toEqual({ province: 0, city: 0, county: 1, unknown: 1 });
    expect(node('sichuan-sheng').byLevel).toEqual({ province: 0, city: 2, county: 0, unknown: 0 });
  });

  it('keeps every plan the list cannot place, each in its own group', () => {
    expect(tree.national.map((p) => p.id)).toEqual(['guowuyuan']);
    expect(node('shandong-sheng').unlisted.map((p) => p.id)).toEqual(['jinan-new-area']);
    expect(tree.unplaced.map((p) => p.id)).toEqual(['some-zone']);
    expect(tree.unknown.map((p) => p.id)).toEqual(['plan-news']);
    const listed = [
      ...tree.national,
      ...tree.unplaced,
      ...tree.unknown,
      ...tree.provinces.flatMap(plansUnder),
    ];
    expect(listed.map((p) => p.id).sort()).toEqual(corpus.map((p) => p.id).sort());
  });

  it('finds the node a plan belongs to', () => {
    expect(tree.nodeOf(laiwu)?.slug).toBe('laiwu-qu');
    expect(tree.nodeOf(newArea)?.slug).toBe('shandong-sheng');
    expect(tree.nodeOf(nowhere)).toBeNull();
    expect(tree.nodeOf(nationalPlan)).toBeNull();
  });

  it('lists the plans of a subtree in tree order: own, unlisted, then each child', () => {
    expect(plansUnder(node('shandong-sheng')).map((p) => p.id)).toEqual(['jinan-new-area', 'laiwu-qu']);
  });
});

describe('breadcrumb trails', () => {
  /** A step as text: 全国, a division (* for the plan's own), a group, or a place the list lacks. */
  const text = (step: TrailStep) => {
    switch (step.kind) {
      case 'country':
        return '全国';
      case 'region':
        return `${step.node.division.name}${step.own ? '*' : ''}`;
      case 'group':
        return `#${step.group}`;
      case 'unlisted':
        return `${step.name}@${step.province?.slug ?? '-'}`;
    }
  };

  it.each([
    ['a county under a prefecture without a plan', laiwu, ['全国', '山东省', '济南市', '莱芜区*']],
    ['a municipality’s district', qianjiangPlan, ['全国', '重庆市', '黔江区*']],
    ['a draft, like its final text', dazhouDraft, ['全国', '四川省', '达州市*']],
    ['the national plan', nationalPlan, ['全国']],
    // A place the list lacks, in a known province: its province, then its printed name (→ the province's list).
    ['a 新区 of a known province', newArea, ['全国', '山东省', '济南新区@shandong-sheng']],
    // Its province unknown too: the /regions/ group of such places, then its printed name.
    ['a place with no province', devZone, ['全国', '#unplaced', '某开发区@-']],
    // No region read: the /regions/ group of such plans, never a guessed place.
    ['a plan whose region was not read', nowhere, ['全国', '#unknown']],
  ])('%s', (_what, p, expected) => {
    expect(trailOf(p, tree).map(text)).toEqual(expected);
  });
});

describe('the row a plan is counted in by province', () => {
  it.each([
    ['a county', laiwu, { kind: 'province', name: '山东省' }],
    ['a draft', dazhouDraft, { kind: 'province', name: '四川省' }],
    // The national plan has no province, and is not unrecognised either.
    ['the national plan', nationalPlan, { kind: 'country' }],
    ['a 新区 of a known province', newArea, { kind: 'province', name: '山东省' }],
    ['a place with no province', devZone, { kind: 'group', group: 'unplaced' }],
    ['a plan whose region was not read', nowhere, { kind: 'group', group: 'unknown' }],
  ])('%s', (_what, p, expected) => {
    expect(provinceGroupOf(p)).toEqual(expected);
  });

  it('leads to the same /regions/ group as the plan’s breadcrumbs', () => {
    for (const p of [laiwu, dazhouDraft, nationalPlan, newArea, devZone, nowhere]) {
      const group = provinceGroupOf(p);
      const trailGroup = trailOf(p, tree).find(
        (step): step is Extract<TrailStep, { kind: 'group' }> => step.kind === 'group',
      );
      expect(group.kind === 'group' ? group.group : undefined).toBe(trailGroup?.group);
    }
  });
});

describe('how much of the tree a page lists within its budget', () => {
  const entriesOf = (nodes: readonly RegionNode[]): ChildDivision[] =>
    nodes.map((n) => ({ division: n.division, slug: n.slug, node: n.total > 0 ? n : null }));
  const provinces = entriesOf(tree.provinces);

  // At 1 per division and per plan: the 3 provinces and 山东省's unlisted plan, 4; then 济南市 (no plan of its
  // own), 黔江区 and its plan, 达州市 and its 2 plans, 6 more (10); then 莱芜区 and its plan, 2 more (12).
  it.each([
    [4, { depth: 0, compact: false }],
    [9, { depth: 0, compact: false }],
    [10, { depth: 1, compact: false }],
    [11, { depth: 1, compact: false }],
    [12, { depth: 2, compact: false }],
    [100, { depth: 2, compact: false }],
  ])('within %i: %j', (budget, listing) => {
    expect(listingWithin(provinces, budget, { division: 1, plan: 1 })).toEqual(listing);
  });

  it('names the entries’ plans only when their summaries alone exceed the budget', () => {
    expect(listingWithin(provinces, 3, { division: 1, plan: 1 })).toEqual({ depth: 0, compact: true });
    // A plan's summary costs more than a division's line: 3 divisions + 1 plan × 20 = 23.
    expect(listingWithin(provinces, 22, { division: 1, plan: 20 })).toEqual({ depth: 0, compact: true });
    expect(listingWithin(provinces, 23, { division: 1, plan: 20 })).toEqual({ depth: 0, compact: false });
  });

  it('counts the divisions below that have no plan: they are listed too', () => {
    // 济南市's divisions: 历下区 (no plan) and 莱芜区 with its plan.
    const jinan = tree.childDivisions(node('jinan-shi'));
    expect(listingWithin(jinan, 2, { division: 1, plan: 1 })).toEqual({ depth: 0, compact: true });
    expect(listingWithin(jinan, 3, { division: 1, plan: 1 })).toEqual({ depth: 0, compact: false });
  });

  it('goes no deeper than the tree', () => {
    expect(listingWithin(tree.childDivisions(node('laiwu-qu')), 100, { division: 1, plan: 1 })).toEqual({
      depth: 0,
      compact: false,
    });
  });
});

describe('the seeds in the official division list', () => {
  const seeds = buildRegionTree(ingestedSeeds().plans, loadDivisions());

  it('places every seed under its province (done-when of issue 14)', () => {
    expect(seeds.provinces.filter((p) => p.total > 0).map((p) => p.division.name)).toEqual([
      '河北省',
      '山东省',
      '重庆市',
      '四川省',
      '贵州省',
    ]);
    expect(seeds.unknown).toEqual([]);
    expect(seeds.unplaced).toEqual([]);
  });

  it('puts 莱芜区 under 济南市, which has no plan in the corpus', () => {
    const laiwuNode = seeds.bySlug('laiwu-qu') as RegionNode;
    expect(seeds.chain(laiwuNode).map((n) => [n.division.name, n.plans.length])).toEqual([
      ['山东省', 0],
      ['济南市', 0],
      ['莱芜区', 1],
    ]);
  });

  it('has the 34 province-level units of the official list', () => {
    expect(seeds.provinces).toHaveLength(34);
  });
});
