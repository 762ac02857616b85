/**
 * The worker segmenter-warmup.ts starts: creates the segmenters Pagefind creates for a query (zh-CN, grapheme
 * and word), uses them once on an ASCII word like our tokens, and says when the browser's data is in.
 */
for (const granularity of ['grapheme', 'word'] as const)
  for (const segment of new Intl.Segmenter('zh-CN', { granularity }).segment('ab cd')) void segment;
postMessage(0);
