/**
 * What the build reads of Pagefind's fragments (src/lib/search/build/fragments.ts): only the URL, which says
 * which record a fragment is; the fragment itself is then replaced by its record's clause files (compact.ts).
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fragmentUrl } from '../../src/lib/search/build/fragments';

const fragment = {
  url: '/plans/x/#3-4-1',
  content: 'qflimqffie \u200bqffieqhopp \u200bwaaan',
  word_count: 3,
  filters: {},
  meta: {},
  anchors: [],
};
const file = (text: string) => gzipSync(text);

describe('fragmentUrl', () => {
  it("reads a signed fragment's URL", () => {
    expect(fragmentUrl(file(`pagefind_dcd${JSON.stringify(fragment)}`))).toBe('/plans/x/#3-4-1');
  });

  it.each([
    ['no signature', JSON.stringify(fragment)],
    ['no url', `pagefind_dcd${JSON.stringify({ ...fragment, url: undefined })}`],
  ])('refuses a file with %s, naming it', (_, text) => {
    expect(() => fragmentUrl(file(text), 'bundle/fragment/x.pf_fragment')).toThrow(
      /^bundle\/fragment\/x\.pf_fragment: /,
    );
  });
});
