import { describe, expect, it } from 'vitest';
import { absolute, paths, withBase } from '../../src/lib/urls';

describe('urls', () => {
  it.each([
    ['/', paths.clause('qianjiang-qu', '3-4-3'), '/plans/qianjiang-qu/#3-4-3'],
    ['/atlas/', paths.plan('dazhou-shi'), '/atlas/plans/dazhou-shi/'],
    ['/atlas', paths.data('indicators.csv'), '/atlas/data/indicators.csv'],
  ])('withBase(%s, %s)', (base, path, expected) => {
    expect(withBase(base, path)).toBe(expected);
  });

  it('makes absolute URLs when the site is known', () => {
    expect(absolute('https://example.org', '/atlas/', paths.clause('p', '1'))).toBe(
      'https://example.org/atlas/plans/p/#1',
    );
    expect(absolute(undefined, '/', paths.plan('p'))).toBe('/plans/p/');
  });
});
