import { describe, expect, it } from 'vitest';
import { renderGolden } from '../helpers/golden';
import { planOf, seedFiles } from '../helpers/seeds';

// Expected outputs are reviewed files: regenerate locally with `npx vitest run -u` and read the diff.
describe.each(seedFiles)('%s', (file) => {
  it('matches its golden file (outline, departments with roles, targets)', async () => {
    await expect(renderGolden(planOf(file))).toMatchFileSnapshot(`./expected/${file.replace(/\.txt$/, '.golden.txt')}`);
  });
});
