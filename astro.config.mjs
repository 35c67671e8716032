// @ts-check
import mdx from '@astrojs/mdx';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'astro/config';
import { policyLibrary } from './src/lib/astro/integration.ts';
import { readSiteConfig } from './src/lib/site-config.ts';

const config = readSiteConfig();
const workDir = process.env.WORK_DIR; // side-by-side builds: see README

export default defineConfig({
  base: config.base,
  site: config.site,
  trailingSlash: 'always',
  ...(workDir ? { outDir: `${workDir}/dist`, cacheDir: `${workDir}/cache` } : {}),
  build: { format: 'directory' },
  // policyLibrary first: it compiles the documents before any other integration reads content.
  integrations: [policyLibrary({ config, contentDir: 'content' }), mdx()],
  vite: { plugins: [tailwindcss()] },
  devToolbar: { enabled: false },
});
