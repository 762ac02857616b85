/**
 * Lighter fragments: the indexed tokens are emptied from Pagefind's fragments after the bundle is written, and
 * the record's meta (which Pagefind is not given, so it does not index it) is put in; url and filters are kept
 * as written.
 */
import { describe, expect, it } from 'vitest';
import { gunzipSync, gzipSync } from 'node:zlib';
import { finishedFragment, withoutContent } from '../../src/lib/search/build/fragments';

const fragment = {
  url: '/plans/x/#3-4-1',
  content: 'qflimqffie \u200bqffieqhopp \u200bwaaan',
  word_count: 3,
  filters: { plan: ['黔江区'] },
  meta: { text: '推进“公转铁”', citation: '三（四）1' },
  anchors: [],
};
const file = (text: string) => gzipSync(text);

describe('withoutContent', () => {
  it('empties the content and keeps every other field', () => {
    const out = gunzipSync(withoutContent(file(`pagefind_dcd${JSON.stringify(fragment)}`))).toString('utf8');
    expect(out.startsWith('pagefind_dcd')).toBe(true);
    expect(JSON.parse(out.slice('pagefind_dcd'.length))).toEqual({ ...fragment, content: '' });
  });

  it.each([
    ['no signature', JSON.stringify(fragment)],
    ['no content', `pagefind_dcd${JSON.stringify({ ...fragment, content: undefined })}`],
  ])('refuses a file with %s, naming it', (_, text) => {
    expect(() => withoutContent(file(text), 'bundle/fragment/x.pf_fragment')).toThrow(
      /^bundle\/fragment\/x\.pf_fragment: /,
    );
  });
});

describe('finishedFragment', () => {
  const written = file(`pagefind_dcd${JSON.stringify({ ...fragment, meta: {} })}`);
  const metaOf = (url: string) => (url === fragment.url ? fragment.meta : undefined);

  it("puts in the meta of the fragment's URL and empties the content", () => {
    const out = gunzipSync(finishedFragment(written, 'x', metaOf)).toString('utf8');
    expect(JSON.parse(out.slice('pagefind_dcd'.length))).toEqual({ ...fragment, content: '' });
  });

  it('refuses a fragment whose URL has no meta, naming the file and the URL', () => {
    expect(() => finishedFragment(written, 'bundle/fragment/x.pf_fragment', () => undefined)).toThrow(
      'bundle/fragment/x.pf_fragment: no record meta for the fragment of /plans/x/#3-4-1',
    );
  });
});
