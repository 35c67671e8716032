// @ts-check
import mdx from '@astrojs/mdx';
import tailwindcss from '@tailwindcss/vite';
import { policyLibrary } from './src/lib/astro/integration.ts';
import { GENERATED_PUBLIC_DIR } from './src/lib/compiler/emit/write-generated.ts';
import { readSiteConfig, workPaths } from './src/config/environment.ts';

const config = readSiteConfig();
const paths = workPaths(); // side-by-side builds: WORK_DIR, see README

/**
 * A plain object, not `defineConfig(…)`: importing astro/config loads Astro's SVG optimiser (svgo,
 * csso, css-tree: about 350 modules) at every build and `astro dev` start, for an identity function.
 * The type annotation keeps the editor's checking.
 * @type {import('astro').AstroUserConfig}
 */
export default {
  base: config.base,
  site: config.site,
  trailingSlash: 'always',
  ...(paths.astroCache ? { outDir: paths.dist, cacheDir: paths.astroCache } : {}),
  // Render several pages at once: while one page's file is written the next renders (about a fifth
  // off the render step at 1,000 documents; pages are still rendered on one thread).
  build: { format: 'directory', concurrency: 4 },
  // public/ plus the documents' download files, assembled by the compiler (src/lib/compiler/emit/write-generated.ts).
  publicDir: GENERATED_PUBLIC_DIR,
  // policyLibrary first: it compiles the documents before any other integration reads content.
  // MDX is for the site's own pages under src/pages/ (the stack's authoring format); content never
  // goes through it: entity pages are Markdown rendered by the compiler, and a .mdx file in
  // content/ is refused. Its import costs about 0.2 s of startup.
  integrations: [policyLibrary({ config, contentDir: 'content' }), mdx()],
  vite: { plugins: [tailwindcss()] },
  devToolbar: { enabled: false },
};
