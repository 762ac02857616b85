import type { APIRoute } from 'astro';
import { absoluteUrl } from '../site/url';

/** `/robots.txt`: everything may be indexed; points to the sitemap when the site origin is known. */
export const GET: APIRoute = () => {
  const sitemap = import.meta.env.SITE ? `Sitemap: ${absoluteUrl('/sitemap-index.xml')}\n` : '';
  return new Response(`User-agent: *\nAllow: /\n${sitemap}`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
