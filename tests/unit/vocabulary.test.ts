import { describe, expect, it } from 'vitest';
import {
  formerDivisionNote,
  chineseDate,
  cleanNumber,
  formatNumber,
  printedValue,
  targetValueText,
  valueInWords,
  provinceLabel,
  valueLabel,
} from '../../src/lib/vocabulary';

describe('formatNumber: digits as the plans print them', () => {
  it.each([
    [12100, '12100'],
    [659.1, '659.1'],
    [0.0691, '0.0691'],
    [690.9999999999999, '691'],
    [10169.999999999998, '10170'],
    [447000, '447000'],
    [1e-7, '0.0000001'],
    [-3.5, '-3.5'],
    [0, '0'],
  ])('%s → %s', (value, expected) => {
    expect(formatNumber(value)).toBe(expected);
  });

  it('keeps twelve significant digits, no more', () => {
    expect(cleanNumber(0.1 + 0.2)).toBe(0.3);
    expect(cleanNumber(123456.789012)).toBe(123456.789012);
  });

  // Integers of up to twelve digits skip the round trip through a string; every value gives what it gives.
  it.each([
    0,
    -0,
    7,
    -7,
    2025,
    999999999999,
    -999999999999,
    1e12,
    -1e12,
    1234567890123,
    2 ** 53,
    10169.999999999998,
    0.1 + 0.2,
    1e-7,
    NaN,
    Infinity,
    -Infinity,
  ])('%s is what twelve significant digits make of it', (value) => {
    const roundTrip = Number.isFinite(value) ? Number(value.toPrecision(12)) : value;
    expect(Object.is(cleanNumber(value), roundTrip)).toBe(true);
  });
});

describe('values with unit and comparator', () => {
  it.each([
    [14.5, '%', '>=', '≥14.5%', '14.5%以上'],
    [12100, '吨', '=', '12100吨', '12100吨'],
    [12, '%', '~', '≈12%', '12%左右'],
    [7.8, '%', '<=', '≤7.8%', '7.8%以内'],
  ] as const)('%s%s %s', (value, unit, comparator, label, words) => {
    expect(valueLabel(value, unit, comparator)).toBe(label);
    expect(valueInWords(value, unit, comparator)).toBe(words);
  });

  it('keeps the printed form beside the normalised value where they differ', () => {
    const target = {
      value: 447000,
      unit: '立方米/日',
      originalValue: 44.7,
      originalUnit: '万立方米/日',
      comparator: '>=' as const,
    };
    expect(printedValue(target)).toBe('44.7万立方米/日');
    expect(targetValueText(target)).toBe('≥447000立方米/日（原文：44.7万立方米/日）');
  });

  it('says nothing more when the plan printed the value as shown', () => {
    const target = {
      value: 14.5,
      unit: '%',
      originalValue: 14.5,
      originalUnit: '%',
      comparator: '=' as const,
    };
    expect(printedValue(target)).toBeNull();
    expect(targetValueText(target)).toBe('14.5%');
  });

  it('treats conversion noise as the same number', () => {
    const target = {
      value: 691.0000000000001,
      unit: '吨',
      originalValue: 691,
      originalUnit: '吨',
      comparator: '=' as const,
    };
    expect(printedValue(target)).toBeNull();
  });
});

describe('chineseDate', () => {
  it.each([
    ['2023-05-04', '2023年5月4日'],
    [null, null],
  ])('%s', (iso, expected) => {
    expect(chineseDate(iso)).toBe(expected);
  });
});

describe('formerDivisionNote', () => {
  it('says when an abolished division was abolished and where its area went', () => {
    expect(formerDivisionNote({ name: '莱芜市', former: { abolished: 2019, successors: ['济南市'] } })).toBe(
      '莱芜市已于2019年撤销，辖区划归济南市',
    );
    expect(formerDivisionNote({ name: '济南市' })).toBeNull();
  });
});

describe('provinceLabel: where plans are grouped by province', () => {
  it.each([
    [{ province: '四川省', level: 'city', region: '达州市' }, '四川省'],
    [{ province: '重庆市', level: 'province', region: '重庆市' }, '重庆市'],
    [{ province: null, level: 'national', region: '全国' }, '全国'],
    [{ province: null, level: null, region: null }, '地区未识别'],
    [{ province: null, level: null, region: '  ' }, '地区未识别'],
    [{ province: null, level: null, region: '两江新区' }, '省份未识别'],
  ] as const)('%j → %s', (plan, expected) => {
    expect(provinceLabel(plan)).toBe(expected);
  });
});
