import { describe, expect, it } from 'vitest';
import { insertedCharacters, typedAtOnce } from '../../src/lib/search/browser/typed';

describe('insertedCharacters', () => {
  it('counts one key typed at the end, in the middle or at the start as one', () => {
    expect(insertedCharacters('', 'P')).toBe(1);
    expect(insertedCharacters('PU', 'PUE')).toBe(1);
    expect(insertedCharacters('公铁', '公转铁')).toBe(1);
    expect(insertedCharacters('转铁', '公转铁')).toBe(1);
  });

  it('counts a deletion as nothing put in', () => {
    expect(insertedCharacters('公转铁', '公转')).toBe(0);
    expect(insertedCharacters('公转铁', '')).toBe(0);
    expect(insertedCharacters('公转铁', '公铁')).toBe(0);
  });

  it("counts an input method's committed word, a paste or a replacement by what it put in", () => {
    expect(insertedCharacters('', '节能减排')).toBe(4);
    expect(insertedCharacters('节能', '节能减排')).toBe(2);
    expect(insertedCharacters('公铁', '公路转铁')).toBe(2);
    // Everything selected and one key typed over it: one character put in.
    expect(insertedCharacters('节能减排', 'P')).toBe(1);
    expect(insertedCharacters('两高', '碳达峰')).toBe(3);
  });

  it('counts characters outside the basic plane once each', () => {
    expect(insertedCharacters('', '𠀀')).toBe(1);
    expect(insertedCharacters('a', 'a𠀀𠀁')).toBe(2);
  });

  it('finds the shortest insertion when the new text repeats the old', () => {
    expect(insertedCharacters('节能', '节能节能')).toBe(2);
    expect(insertedCharacters('aa', 'aaa')).toBe(1);
    expect(insertedCharacters('', '')).toBe(0);
    expect(insertedCharacters('节能', '节能')).toBe(0);
  });
});

describe('typedAtOnce', () => {
  it('is true for two characters or more put in at once, false for a key or a deletion', () => {
    expect(typedAtOnce('', '节能')).toBe(true);
    expect(typedAtOnce('', '"超低排放改造"')).toBe(true);
    expect(typedAtOnce('', '节')).toBe(false);
    expect(typedAtOnce('PU', 'PUE')).toBe(false);
    expect(typedAtOnce('节能减排', '节能')).toBe(false);
  });
});
