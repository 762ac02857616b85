// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

// `site` makes citations and canonical URLs absolute; `base` lets the site live under a sub-path.
// Both come from the environment so one build can be deployed anywhere.
const site = process.env.PLAN_ATLAS_SITE || undefined;
const base = process.env.PLAN_ATLAS_BASE || '/';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  integrations: [mdx()],
});
