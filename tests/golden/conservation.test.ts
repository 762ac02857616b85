import { describe, expect, it } from 'vitest';
import { readingOrder } from '../../src/lib/model/reading-order';
import { stripExportLeftovers } from '../../src/lib/read/normalize';
import { planOf, seedFiles, seedText } from '../helpers/seeds';

const squeeze = (text: string) => text.replace(/\s+/g, '');

describe.each(seedFiles)('%s', (file) => {
  it('keeps every character of the seed, in order (whitespace and export leftovers aside)', () => {
    const source = squeeze(stripExportLeftovers(seedText(file)));
    const model = squeeze([...readingOrder(planOf(file))].join(''));
    // Compare in chunks so a failure points at the first place the texts differ.
    let i = 0;
    while (i < source.length && source[i] === model[i]) i++;
    expect(model.slice(i, i + 60), `first difference at character ${i}`).toBe(source.slice(i, i + 60));
    expect(model.length).toBe(source.length);
  });

  it('parses without errors', () => {
    expect(planOf(file).clauses.length).toBeGreaterThan(0);
  });
});
