import { describe, expect, it } from 'vitest';
import { FoldRecord } from '../../src/lib/read/fold-record';

describe('FoldRecord answers as a Map of text to fold would', () => {
  const long = (n: number, tail: string) => `${'节'.repeat(n)}${tail}`;

  it('finds short and long texts, and tells apart long texts of one length', () => {
    const record = new FoldRecord();
    const a = long(40, '甲');
    const b = long(40, '乙');
    record.set('单位', 'short fold');
    record.set(a, 'fold of a');
    record.set(b, 'fold of b');
    expect(record.get('单位')).toBe('short fold');
    expect(record.get(a)).toBe('fold of a');
    expect(record.get(b)).toBe('fold of b');
    // An equal text made anew (not the same string) is found; a text of the same length that differs is not.
    expect(record.get(long(40, '') + '乙')).toBe('fold of b');
    expect(record.get(long(40, '丙'))).toBeUndefined();
    expect(record.get(long(41, ''))).toBeUndefined();
    expect(record.get('部门')).toBeUndefined();
  });

  it('keeps the last fold recorded for a text, short or long', () => {
    const record = new FoldRecord();
    const text = long(50, '末');
    record.set(text, 'first');
    record.set(long(50, '') + '末', 'second');
    record.set('局', 'first');
    record.set('局', 'second');
    expect(record.get(text)).toBe('second');
    expect(record.get('局')).toBe('second');
  });
});
