/**
 * The division pinyin table (src/lib/regions/division-pinyin.ts) is a memo of pinyin-pro over the division list's
 * proper names and suffixes, generated at build time so the parser does not convert ~3,300 names on start.
 */
import { describe, expect, it } from 'vitest';
import { loadPlanKnowledge } from '../../src/lib/curated/plan-knowledge';
import { divisionPinyinModule, divisionWords } from '../../src/lib/regions/division-pinyin-build';
import { convertedPinyin, pinyinWord } from '../../src/lib/regions/slug';

const { divisions } = loadPlanKnowledge();

describe('division pinyin table', () => {
  it('is what division-pinyin-build.ts generates from the division list and pinyin-pro', async () => {
    await expect(divisionPinyinModule(divisions, convertedPinyin)).toMatchFileSnapshot(
      '../../src/lib/regions/division-pinyin.ts',
    );
  });

  it('gives, read back, what pinyin-pro gives for every word of the list', () => {
    const words = divisionWords(divisions);
    expect(words.length).toBeGreaterThan(3000);
    const differing = words.filter((word) => pinyinWord(word) !== convertedPinyin(word));
    expect(differing).toEqual([]);
  });

  it('still converts words the list does not hold', () => {
    expect(pinyinWord('某某')).toBe(convertedPinyin('某某'));
    expect(pinyinWord('某某')).toBe('moumou');
    expect(pinyinWord('陕西')).toBe('shaanxi');
  });
});
