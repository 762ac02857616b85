/**
 * The records' filter values, one file per bundle (src/lib/search/browser/record-values.ts), and the two halves
 * of a record's layout (layout.ts): the word counts its id carries and the values its bundle's file carries.
 */
import { describe, expect, it } from 'vitest';
import {
  clauseStarts,
  clauseValues,
  encodeValues,
  encodeWords,
  layoutLength,
  valuesOf,
  wordsOf,
  type RecordLayout,
} from '../../src/lib/search/browser/layout';
import { recordValuesOf, type IndexValues } from '../../src/lib/search/browser/record-values';

const layout: RecordLayout = {
  province: 2,
  plan: 11,
  level: 1,
  clauses: [
    { words: 7, part: 1, departments: [], indicators: [] },
    { words: 289, part: 1, departments: [3, 4], indicators: [0] },
  ],
};

describe('record layouts', () => {
  it('spells the word counts for the id and the filter values for the values file, each read back', () => {
    expect(encodeWords(layout)).toBe('7.289');
    expect(encodeValues(layout)).toBe('2.11.1~p1~p1d3d4i0');
    expect(wordsOf(`0_abc1234~${encodeWords(layout)}`)).toEqual([7, 289]);
    expect(clauseStarts([7, 289])).toEqual([0, 7, 296]);
    const values = valuesOf(encodeValues(layout))!;
    expect(clauseValues(values, 1)).toEqual({
      province: [2],
      plan: [11],
      level: [1],
      part: [1],
      department: [3, 4],
      indicator: [0],
    });
    // The length records were split by when words and values were spelt as one: `2.11.1~7p1~289p1d3d4i0`.
    expect(layoutLength(layout)).toBe('2.11.1~7p1~289p1d3d4i0'.length);
  });

  it('reads no word counts or values from a spelling it does not know', () => {
    expect(wordsOf('0_abc1234')).toBeNull();
    expect(wordsOf('0_abc1234~2.11.1~7p1')).toBeNull();
    expect(valuesOf('2.11.1')).toBeNull();
    expect(valuesOf('2.11.1~7p1')).toBeNull();
  });
});

describe('record values', () => {
  const index: IndexValues = {
    table: { province: [], plan: [], level: [], part: [], department: [], indicator: [] },
    bundles: [
      { records: '0_aaaaaa', values: ['0.0.0~p0', '0.1.0~p2~p3'] },
      { records: '1_bbbbbb', values: ['1.2.0~p1d5'] },
    ],
  };
  const of = recordValuesOf(index);

  it("finds a record's values in its own bundle's file by the number its short name ends with", () => {
    expect(of('0_aaaaaa1~4.5')).toEqual(valuesOf('0.1.0~p2~p3'));
    expect(of('1_bbbbbb0~9')).toEqual(valuesOf('1.2.0~p1d5'));
  });

  it('refuses a record its bundle does not list, or a values file of other ids (a stale copy)', () => {
    expect(() => of('0_aaaaaa2~4')).toThrow(/no filter values/);
    expect(() => of('0_cccccc0~4')).toThrow(/does not list/);
    expect(() => of('2_aaaaaa0~4')).toThrow(/does not list/);
  });
});
