import { describe, expect, it } from 'vitest';
import { planDocument } from '../../src/lib/document/index';
import { documentOutline } from '../helpers/document-outline';
import { planOf, seedFiles } from '../helpers/seeds';

// What each plan page shows, as a reviewed outline of the plan's document.
describe.each(seedFiles)('%s', (file) => {
  it('gives the expected document', async () => {
    await expect(documentOutline(planDocument(planOf(file)))).toMatchFileSnapshot(
      `./expected/${file.replace(/\.txt$/, '.document.txt')}`,
    );
  });
});
