import { describe, expect, it } from 'vitest';
import { chineseDecimalText, chineseNumeralValue } from '../../src/lib/structure/numerals';

describe('chineseNumeralValue', () => {
  it.each([
    ['一', 1],
    ['三', 3],
    ['十', 10],
    ['十一', 11],
    ['二十', 20],
    ['二十一', 21],
    ['九十九', 99],
    ['一百零五', 105],
    ['二〇二三', 2023],
    ['12', 12],
    ['', null],
    ['甲', null],
  ])('%s → %s', (text, value) => {
    expect(chineseNumeralValue(text)).toBe(value);
  });
});

describe('chineseDecimalText', () => {
  it.each([
    ['十三点五', '13.5'],
    ['零点五', '0.5'],
    ['一百', '100'],
    ['两', '2'],
    ['十九点二五', '19.25'],
    ['十三点', null],
    ['十点五点五', null],
    ['13', null],
    ['', null],
  ])('%s → %s', (text, value) => {
    expect(chineseDecimalText(text)).toBe(value);
  });
});
