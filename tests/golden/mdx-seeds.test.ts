import { describe, expect, it } from 'vitest';
import { planToMdx } from '../../src/lib/mdx/index';
import { planOf, seedFiles } from '../helpers/seeds';

// The generated MDX is build output, not committed; these reviewed copies guard it.
describe.each(seedFiles)('%s', (file) => {
  it('generates the expected MDX', async () => {
    await expect(planToMdx(planOf(file))).toMatchFileSnapshot(`./expected/${file.replace(/\.txt$/, '.mdx')}`);
  });
});
