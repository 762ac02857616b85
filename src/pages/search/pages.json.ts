import type { APIRoute } from 'astro';
import type { RelatedPage } from '../../lib/search/browser/related';
import { alignment } from '../../site/compare';
import { atlas } from '../../site/corpus';
import { href, paths } from '../../site/url';

/**
 * `/search/pages.json`: the pages the search page offers beside results and instead of a dead end, as
 * `[label, href, terms]`: compare topics (by title, aliases, heading terms and keywords of
 * content/national-template.yaml) and indicator pages (by name). Fetched once the first results are drawn
 * (src/browser/search/main.ts), so it costs nothing on the way to them.
 */
export const GET: APIRoute = () => {
  const pages: RelatedPage[] = [
    ...alignment().template.topics.map((t): RelatedPage => [
      `对比：${t.title}`,
      href(paths.compareTopic(t.id)),
      [t.title, ...t.aliases, ...t.headingTerms, ...t.keywords],
    ]),
    ...atlas()
      .indicators.filter((i) => i.catalogued)
      .map((i): RelatedPage => [`指标：${i.name}`, href(paths.indicator(i.id)), [i.name]]),
  ];
  return new Response(JSON.stringify(pages), { headers: { 'Content-Type': 'application/json' } });
};
