/**
 * The indexing workers' leave to write bundle files (src/integrations/search-index.ts): one writer at a time,
 * in the order asked, and a worker that ends never keeps the others waiting.
 */
import { describe, expect, it } from 'vitest';
import { writerCount, WritersAtATime } from '../../src/integrations/search-index';

describe('WritersAtATime', () => {
  it('grants one writer at a time, the next in the order asked once the writer is done', () => {
    const writes = new WritersAtATime();
    const granted: string[] = [];
    const [a, b, c] = [{}, {}, {}];
    writes.ask(a, () => granted.push('a'));
    writes.ask(b, () => granted.push('b'));
    writes.ask(c, () => granted.push('c'));
    expect(granted).toEqual(['a']);
    writes.done(a);
    expect(granted).toEqual(['a', 'b']);
    writes.done(b);
    expect(granted).toEqual(['a', 'b', 'c']);
    writes.done(c);
    writes.ask(a, () => granted.push('a again'));
    expect(granted).toEqual(['a', 'b', 'c', 'a again']);
  });

  it('drops a waiting worker that ends, and passes a departed writer’s turn on', () => {
    const writes = new WritersAtATime();
    const granted: string[] = [];
    const [a, b, c] = [{}, {}, {}];
    writes.ask(a, () => granted.push('a'));
    writes.ask(b, () => granted.push('b'));
    writes.ask(c, () => granted.push('c'));
    writes.done(b); // b ends while waiting: never granted
    writes.done(a); // a ends while writing: c's turn
    expect(granted).toEqual(['a', 'c']);
    writes.done(a); // a second end of a changes nothing
    expect(granted).toEqual(['a', 'c']);
  });

  it('grants as many writers at once as it is given, the next as soon as one is done', () => {
    const writes = new WritersAtATime(2);
    const granted: string[] = [];
    const [a, b, c] = [{}, {}, {}];
    writes.ask(a, () => granted.push('a'));
    writes.ask(b, () => granted.push('b'));
    writes.ask(c, () => granted.push('c'));
    expect(granted).toEqual(['a', 'b']);
    writes.done(b);
    expect(granted).toEqual(['a', 'b', 'c']);
  });
});

describe('writerCount', () => {
  it('is one unless PLAN_ATLAS_SEARCH_WRITERS says how many', () => {
    expect(writerCount('')).toBe(1);
    expect(writerCount('2')).toBe(2);
    expect(() => writerCount('0')).toThrow(/PLAN_ATLAS_SEARCH_WRITERS/);
    expect(() => writerCount('two')).toThrow(/PLAN_ATLAS_SEARCH_WRITERS/);
  });
});
