import { describe, expect, it } from 'vitest';
import { currentPlanLabel } from '../../src/lib/search/browser/plan-filter-label';
import { PLAN_LABEL_SUFFIXES as SUFFIXES } from '../../src/lib/search/build/records';

describe('currentPlanLabel: a shared URL written before plan labels carried status marks', () => {
  const labels = [
    '黔江区',
    '达州市（征求意见稿）',
    '贵州省',
    '某方案（地区未识别）',
    '甲市（征求意见稿，地区未识别）',
  ];
  it.each([
    ['a label as it is now', '黔江区', '黔江区'],
    ['a label with its marks', '达州市（征求意见稿）', '达州市（征求意见稿）'],
    ['a draft named by its bare region', '达州市', '达州市（征求意见稿）'],
    ['a plan whose region is unknown, named by its bare title', '某方案', '某方案（地区未识别）'],
    ['both marks', '甲市', '甲市（征求意见稿，地区未识别）'],
    ['a plan the corpus does not have', '乙县', '乙县'],
    ['a prefix of a label, not the label without marks', '达州', '达州'],
  ])('%s', (_, value, expected) => {
    expect(currentPlanLabel(value, labels, SUFFIXES)).toBe(expected);
  });
  it('keeps the value when the bare name is the adopted plan and the draft is marked', () => {
    expect(currentPlanLabel('达州市', ['达州市', '达州市（征求意见稿）'], SUFFIXES)).toBe('达州市');
  });
  it('the build hands the page every suffix a label may carry', () => {
    expect(SUFFIXES).toEqual(['（征求意见稿）', '（地区未识别）', '（征求意见稿，地区未识别）']);
  });
  it('picks none of two candidates', () => {
    expect(currentPlanLabel('丙市', ['丙市（征求意见稿）', '丙市（地区未识别）'], SUFFIXES)).toBe('丙市');
  });
});
