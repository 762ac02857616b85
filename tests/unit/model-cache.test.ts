/**
 * The few whole plans the site keeps in memory (src/site/model-cache.ts): each read once while kept, the
 * least recently used dropped past the size, and all dropped when the plans loader loads the corpus again.
 */
import { describe, expect, it } from 'vitest';
import { modelCache } from '../../src/site/model-cache';

function counting(generation = () => 1) {
  const reads: string[] = [];
  const cache = modelCache(
    (id) => {
      reads.push(id);
      return { id, copy: reads.length };
    },
    2,
    generation,
  );
  return { cache, reads };
}

describe('modelCache', () => {
  it.each([
    ['the same plan again', ['a', 'a', 'a'], ['a']],
    ['two plans in turn (both kept)', ['a', 'b', 'a', 'b'], ['a', 'b']],
    ['a third plan drops the least recently used', ['a', 'b', 'c', 'a'], ['a', 'b', 'c', 'a']],
    ['a plan used again is kept over an older one', ['a', 'b', 'a', 'c', 'a', 'b'], ['a', 'b', 'c', 'b']],
  ])('%s', (_, asked, read) => {
    const { cache, reads } = counting();
    for (const id of asked) expect(cache.get(id).id).toBe(id);
    expect(reads).toEqual(read);
  });

  it('returns the very object it keeps, so per-plan indexes (mentions) are made once', () => {
    const { cache } = counting();
    expect(cache.get('a')).toBe(cache.get('a'));
  });

  it('reads again after the corpus is loaded again (astro dev)', () => {
    let generation = 1;
    const { cache, reads } = counting(() => generation);
    cache.get('a');
    generation = 2;
    const again = cache.get('a');
    expect(reads).toEqual(['a', 'a']);
    expect(again.copy).toBe(2);
  });
});
