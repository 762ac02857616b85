import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/lib/model/plan';
import { buildAtlas, roleCounts } from '../../src/site/atlas';
import type { CategoryInfo, IndicatorInfo } from '../../src/site/catalogues';
import { qianjiang } from '../fixtures/plans';

const categories: CategoryInfo[] = [...new Set(qianjiang.departments.map((d) => d.category))].map((id) => ({
  id,
  name: id,
}));
const indicators: IndicatorInfo[] = [...new Set(qianjiang.targets.map((t) => t.indicatorId))].map((id) => ({
  id,
  name: id,
  unit: null,
  direction: null,
  national: null,
  catalogued: id !== 'unclassified',
}));

describe('buildAtlas', () => {
  it('indexes who is named where, role by role', () => {
    const atlas = buildAtlas([qianjiang], categories, indicators);
    const mentions = atlas.mentions(qianjiang, 'qu-fazhan-gaige-wei');
    expect(mentions.map((m) => [m.clause.id, m.role])).toEqual([
      ['3-1-1', 'responsible'],
      ['3-4-3', 'supporting'],
    ]);
    expect(roleCounts(mentions)).toEqual({ lead: 0, responsible: 1, supporting: 1 });
    expect(atlas.targets('green-building-share').map((t) => t.target.id)).toEqual([
      'green-building-share',
      'green-building-share-2',
    ]);
  });

  it.each([
    [
      'a department category missing from the catalogue',
      categories.filter((c) => c.id !== 'transport'),
      indicators,
      /clause 3-4-3 \(三（四）3\): department "区交通局（黔江邮政业安全发展中心）" has category "transport"/,
    ],
    [
      'an indicator missing from the catalogue',
      categories,
      indicators.filter((i) => i.id !== 'energy-intensity'),
      /clause 2-p1 \(二\): target "energy-intensity" refers to indicator "energy-intensity"/,
    ],
  ])('fails the build on %s, naming the clause', (_, cats, inds, message) => {
    expect(() => buildAtlas([qianjiang], cats, inds)).toThrow(message);
  });

  it('fails the build on a department mention without its department', () => {
    const broken: Plan = {
      ...qianjiang,
      departments: qianjiang.departments.filter((d) => d.id !== 'qu-shangwu-wei'),
    };
    expect(() => buildAtlas([broken], categories, indicators)).toThrow(/clause 3-4-3 .*"区商务委"/);
  });
});
