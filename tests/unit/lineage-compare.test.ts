/**
 * One target against one reference (src/lib/lineage/compare.ts): every rule of like for like, and the verdict
 * with the indicator's direction and the comparators taken into account. Values are written for the tests.
 */
import { describe, expect, it } from 'vitest';
import { compareValues, type ComparableValue, type ComparisonRule } from '../../src/lib/lineage';

/** 比2020年下降13.5%, 到2025年, 约束性, whole region. */
const base: ComparableValue = {
  value: 13.5,
  unit: '%',
  comparator: '=',
  ambition: 'binding',
  baselineYear: 2020,
  targetYear: 2025,
  scope: null,
};
const v = (fields: Partial<ComparableValue>): ComparableValue => ({ ...base, ...fields });
const higherBetter: ComparisonRule = { direction: 'increase', categorical: false };
const lowerBetter: ComparisonRule = { direction: 'decrease', categorical: false };

describe('verdicts, where higher asks more (a cut, a share)', () => {
  it.each([
    ['a larger cut', v({ value: 20.8 }), base, 'stricter'],
    ['a smaller cut', v({ value: 13 }), base, 'weaker'],
    ['the same cut', base, base, 'equal'],
    ['float noise is no difference', v({ value: 13.500000000000002 }), base, 'equal'],
    ['以上 against a plain value: both floors', v({ comparator: '>=' }), base, 'equal'],
    ['超过30% asks more than 30%', v({ value: 30, comparator: '>' }), v({ value: 30 }), 'stricter'],
    [
      '30%以上 asks less than 超过30%',
      v({ value: 30, comparator: '>=' }),
      v({ value: 30, comparator: '>' }),
      'weaker',
    ],
    ['超过 both: equal', v({ comparator: '>' }), v({ comparator: '>' }), 'equal'],
    [
      'a larger value wins over a strict comparator',
      v({ value: 14, comparator: '>=' }),
      v({ comparator: '>' }),
      'stricter',
    ],
    [
      'two 左右 values compare',
      v({ value: 12, comparator: '~' }),
      v({ value: 20, comparator: '~' }),
      'weaker',
    ],
    [
      '力争 against 力争',
      v({ value: 15, ambition: 'aspiration' }),
      v({ ambition: 'aspiration' }),
      'stricter',
    ],
    [
      'the same narrower scope',
      v({ value: 95, scope: '市本级' }),
      v({ value: 90, scope: '市本级' }),
      'stricter',
    ],
    [
      'a share without baseline year on either side',
      v({ value: 90, baselineYear: null }),
      v({ value: 86, baselineYear: null }),
      'stricter',
    ],
  ] as const)('%s → %s', (_name, own, reference, verdict) => {
    expect(compareValues(own, reference, higherBetter)).toEqual({ verdict });
  });
});

describe('verdicts, where lower asks more (a ceiling)', () => {
  const ceiling = v({ value: 318, unit: '克标准煤/千瓦时', comparator: '<=', baselineYear: null });
  it.each([
    ['a lower ceiling', v({ ...ceiling, value: 300 }), ceiling, 'stricter'],
    ['a higher ceiling', v({ ...ceiling, value: 320 }), ceiling, 'weaker'],
    ['低于 asks more than 以内 at the same value', v({ ...ceiling, comparator: '<' }), ceiling, 'stricter'],
    ['a plain value is a ceiling too', v({ ...ceiling, comparator: '=' }), ceiling, 'equal'],
  ] as const)('%s → %s', (_name, own, reference, verdict) => {
    expect(compareValues(own, reference, lowerBetter)).toEqual({ verdict });
  });
});

describe('not like for like: the reason instead of a verdict', () => {
  it.each([
    [
      'tonnes against % of total emissions',
      v({ value: 909, unit: '吨', baselineYear: null }),
      v({ value: 8 }),
      'unit-differs',
    ],
    [
      'a baseline the reference has and the target does not',
      v({ baselineYear: null }),
      base,
      'baseline-year-unstated',
    ],
    [
      'a baseline the target has and the reference does not',
      base,
      v({ baselineYear: null }),
      'baseline-year-unstated',
    ],
    ['比2019年 against 比2020年', v({ baselineYear: 2019 }), base, 'baseline-year-differs'],
    ['no target year', v({ targetYear: null }), base, 'target-year-unstated'],
    [
      'no target year on either side',
      v({ targetYear: null }),
      v({ targetYear: null }),
      'target-year-unstated',
    ],
    ['到2030年 against 到2025年', v({ targetYear: 2030 }), base, 'target-year-differs'],
    ['市本级 against the whole region', v({ scope: '市本级' }), base, 'scope-differs'],
    ['县城 against 市本级', v({ scope: '县城' }), v({ scope: '市本级' }), 'scope-differs'],
    ['激励 against 约束性', v({ value: 14.5, ambition: 'incentive' }), base, 'ambition-differs'],
    ['力争 against 约束性', v({ ambition: 'aspiration' }), base, 'ambition-differs'],
    ['左右 against an exact value', v({ comparator: '~' }), base, 'approximate'],
    ['an exact value against 左右', base, v({ comparator: '~' }), 'approximate'],
    ['a ceiling where higher asks more', v({ comparator: '<=' }), base, 'comparator-differs'],
    ['低于 against 以上', v({ comparator: '<' }), v({ comparator: '>=' }), 'comparator-differs'],
  ] as const)('%s → %s', (_name, own, reference, reason) => {
    expect(compareValues(own, reference, higherBetter)).toEqual({ reason });
  });

  it('a floor where lower asks more is not compared', () => {
    expect(compareValues(v({ comparator: '>=' }), base, lowerBetter)).toEqual({
      reason: 'comparator-differs',
    });
  });

  it('a class is never compared, whatever its number', () => {
    const rule: ComparisonRule = { direction: 'decrease', categorical: true };
    const classII = v({ value: 2, unit: '类', baselineYear: null });
    expect(compareValues(classII, v({ ...classII, value: 3 }), rule)).toEqual({ reason: 'categorical' });
  });

  it('gives the first reason in the order of checks', () => {
    // Unit, baseline and ambition all differ: the unit is said.
    const own = v({ unit: '吨', baselineYear: 2019, ambition: 'aspiration' });
    expect(compareValues(own, base, higherBetter)).toEqual({ reason: 'unit-differs' });
  });
});
