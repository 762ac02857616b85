/**
 * The audit points of issue 8 part B on the five seeds: what the text says about targets is what the model
 * says — word targets, strict comparators, measures that differ kept apart, parent values with their
 * jurisdiction.
 */
import { describe, expect, it } from 'vitest';
import type { Target } from '../../src/lib/model/plan';
import { planOf } from '../helpers/seeds';

const QIANJIANG = '000_5b537b9a7be6a6a5.txt';
const DAZHOU = '001_fe432f922416074d.txt';
const GUIZHOU = '002_9e3084a1a31ff5d6.txt';
const LAIWU = '003_a39c52263945813a.txt';
const LANGFANG = '004_5c114cb50a3ad106.txt';

const own = (file: string, indicatorId: string): Target[] => {
  const plan = planOf(file);
  return plan.targets.filter((t) => t.indicatorId === indicatorId && t.jurisdiction === plan.region);
};

describe('城镇新建建筑全面执行绿色建筑标准 is a 100% green-building target, not 未设定量目标', () => {
  it.each([DAZHOU, GUIZHOU, LAIWU, LANGFANG])('%s', (file) => {
    expect(own(file, 'green-building-share')).toEqual([
      expect.objectContaining({ value: 100, unit: '%', wording: '全面', comparator: '=' }),
    ]);
  });
  it('黔江 prints 100% itself: no wording', () => {
    expect(own(QIANJIANG, 'green-building-share')).toEqual([
      expect.objectContaining({ value: 100, wording: null }),
    ]);
  });
});

describe('other word targets on the seeds', () => {
  it.each<[string, string, string, number, string]>([
    [QIANJIANG, 'frugal-agency-share', '全部', 100, '%'],
    [GUIZHOU, 'unclassified', '全部', 100, '%'],
    [GUIZHOU, 'unclassified', '零填埋', 0, ''],
    [LAIWU, 'unclassified', '清零', 0, ''],
    [LANGFANG, 'unclassified', '零增长', 0, '%'],
  ])('%s %s “%s”', (file, indicatorId, wording, value, unit) => {
    expect(planOf(file).targets).toContainEqual(
      expect.objectContaining({ indicatorId, wording, value, unit }),
    );
  });
  it('贵州: 赤水河干流稳定达到 II 类水质 is a class target', () => {
    expect(own(GUIZHOU, 'water-quality-class')).toContainEqual(
      expect.objectContaining({ value: 2, unit: '类', wording: 'II 类', label: '赤水河干流水质' }),
    );
  });
});

describe('超过 is a strict comparator', () => {
  it.each([QIANJIANG, GUIZHOU, LANGFANG])('%s: 标杆水平…超过30% is > 30', (file) => {
    expect(own(file, 'benchmark-capacity-share')).toEqual([
      expect.objectContaining({ value: 30, comparator: '>' }),
    ]);
  });
});

describe('measures that differ are not one indicator', () => {
  it('贵州’s 公共交通机动化出行分担率 is not 黔江’s 城市公交出行分担率', () => {
    expect(own(GUIZHOU, 'bus-share')).toEqual([]);
    expect(own(GUIZHOU, 'motorised-public-transport-share')).toEqual([
      expect.objectContaining({ value: 45, comparator: '>=' }),
    ]);
    expect(own(QIANJIANG, 'bus-share')).toEqual([expect.objectContaining({ value: 30 })]);
  });
});

describe('黔江’s annex lists 重庆市’s values: they carry 重庆市 as their jurisdiction', () => {
  it('never as 黔江’s own, and never as a scope', () => {
    const plan = planOf(QIANJIANG);
    const parents = plan.targets.filter((t) => t.jurisdiction !== '黔江区');
    expect(parents.map((t) => [t.indicatorId, t.value, t.jurisdiction, t.scope])).toEqual([
      ['non-fossil-share', 25, '重庆市', null],
      ['industrial-energy-intensity', 14.5, '重庆市', null],
      ['green-building-share', 100, '重庆市', null],
      ['public-institution-energy-per-area', 5, '重庆市', null],
      ['public-institution-energy-per-capita', 6, '重庆市', null],
    ]);
  });
  it('every other plan’s targets are its own', () => {
    for (const file of [DAZHOU, GUIZHOU, LAIWU, LANGFANG]) {
      const plan = planOf(file);
      expect(plan.targets.every((t) => t.jurisdiction === plan.region)).toBe(true);
    }
  });
});

describe('no seed reviews an earlier period', () => {
  it.each([QIANJIANG, DAZHOU, GUIZHOU, LAIWU, LANGFANG])('%s has no outcomes', (file) => {
    expect(planOf(file).outcomes).toEqual([]);
  });
});
