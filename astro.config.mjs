// @ts-check
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'astro/config';
import { policyLibrary } from './src/lib/astro/integration.ts';
import { remarkEntityPage } from './src/lib/astro/remark-entity-page.ts';
import { readSiteConfig } from './src/lib/site-config.ts';

const config = readSiteConfig();
const workDir = process.env.WORK_DIR; // side-by-side builds: see README

export default defineConfig({
  base: config.base,
  site: config.site,
  trailingSlash: 'always',
  ...(workDir ? { outDir: `${workDir}/dist`, cacheDir: `${workDir}/cache` } : {}),
  build: { format: 'directory' },
  // Pinned: Astro 7 defaults to the Sätteri processor, which does not run remark plugins.
  // Entity pages need our remark stages, so both .md and .mdx go through unified.
  markdown: {
    processor: unified({
      gfm: true,
      smartypants: false, // would turn the sources' quotation marks into something they are not
      remarkPlugins: [[remarkEntityPage, { base: config.base }]],
    }),
  },
  // policyLibrary first: it compiles the documents before any other integration reads content.
  integrations: [policyLibrary({ config, contentDir: 'content' }), mdx()],
  vite: { plugins: [tailwindcss()] },
  devToolbar: { enabled: false },
});
