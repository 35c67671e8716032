import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { relative } from 'node:path';
import { GENERATED_DIR } from '../compiler/emit/write-generated.ts';
import { createCompileCache } from '../compiler/cache/document-cache.ts';
import type { SiteConfig } from '../../config/environment.ts';
import type { Synonyms } from '../compiler/source/load-synonyms.ts';
import type { SiteBuild } from '../types.ts';
import type { SharePage } from '../postbuild/share-images.ts';
import { site } from '../../config/site.config.ts';
import { partStart, stepStart, timed } from '../build/step-timings.ts';
import { compileAndReport, diskCompileCache } from '../build/run-compile.ts';

export interface PolicyLibraryOptions {
  config: SiteConfig;
  /** Folder of sources, corrections and entity pages. */
  contentDir: string;
}

/** Post-build summary lines: printed whatever Astro's log level, they are the build's report. */
const report = (line: string) => console.log(line);

/**
 * The site's one build entry, so `astro build`, `npm run build` and `npm run dev` run the same
 * pipeline: the document compiler before Astro reads any content (and again in dev whenever a file
 * under content/ changes, so backlinks never go stale), then, on the finished pages: one pass that
 * reads each page once (its Content-Security-Policy, its indexed text), the search index, sitemap
 * and robots.txt, and the service worker last, because it fingerprints the final files.
 */
export function policyLibrary(options: PolicyLibraryOptions): AstroIntegration {
  let synonyms: Synonyms = [];
  // Per-document results: on disk across builds, and in memory too in the dev process, so a save
  // recompiles only the documents whose inputs changed (src/lib/compiler/cache/document-cache.ts).
  const cache = diskCompileCache() ?? createCompileCache();
  /** The compiled entity pages, for the search index's entity list (written by the post-build step, not a route). */
  let entityPages: SiteBuild['entityPages'] = [];
  /** Documents and entity pages with the titles their pages show, for the share pictures drawn before Astro's build. */
  let sharePages: SharePage[] = [];
  const io = { out: (line: string) => console.log(line), err: (line: string) => console.error(line) };
  /** Compiles and writes .generated/; the names of the files it changed, or undefined when the content has problems. */
  const compile = (timingsAs = 'compile'): string[] | undefined => {
    const result = compileAndReport({ contentDir: options.contentDir, base: options.config.base, write: true, cache, timingsAs }, io);
    if (result.status === 'bug') throw result.error;
    if (result.status !== 'built') return undefined;
    synonyms = result.synonyms;
    entityPages = result.build.entityPages;
    sharePages = [
      ...result.build.documents.map((d) => ({ url: `documents/${d.slug}/`, title: d.meta.title })),
      ...result.build.entityPages.map((e) => ({ url: `${e.id}/`, title: e.data.name })),
    ];
    const changes = result.changes!;
    const changed = [...changes.written, ...changes.removed];
    report(`.generated: ${changes.written.length} files written, ${changes.removed.length} removed, ${changes.unchanged} unchanged`);
    return changed.map((f) => relative(GENERATED_DIR, f));
  };

  let endAstroBuild = () => {};
  /** Astro's publicDir: its files are copied into the build as they are, downloads, not pages of the site. */
  let staticDir: string | undefined;
  return {
    name: 'policy-library',
    hooks: {
      'astro:config:setup': async ({ command }) => {
        if (command === 'preview') return;
        // A failed build stops here with the list of problems, not a stack trace; dev keeps serving
        // the last good output and shows the problems in the terminal.
        const endCompile = stepStart('compile');
        const compiled = compile() !== undefined;
        endCompile();
        if (!compiled && command === 'build') process.exit(1);
        if (command !== 'build') return;
        // Share pictures are drawn now, while the process is small, and copied after the build
        // (src/lib/postbuild/share-images.ts says why). Dev serves no pictures.
        if (site.shareImages === 'page') {
          const { predrawForBuild } = await import('../postbuild/share-images.ts');
          report(await timed('share-images-draw', () => predrawForBuild(sharePages)));
        }
        endAstroBuild = stepStart('astro-build');
      },
      'astro:config:done': ({ config }) => {
        staticDir = fileURLToPath(config.publicDir);
      },
      'astro:server:setup': ({ server, refreshContent }) => {
        const contentDir = resolve(options.contentDir) + sep;
        let timer: NodeJS.Timeout | undefined;
        const onChange = (file: string) => {
          if (!resolve(file).startsWith(contentDir)) return;
          clearTimeout(timer);
          // One save can arrive as several events (an editor's write and rename): they make one compile.
          timer = setTimeout(async () => {
            const endRecompile = partStart('dev:recompile');
            const changed = compile('dev');
            // Nothing the pages read changed (a comment, a file saved as it was): nothing to reload.
            if (!changed?.length) return endRecompile();
            // Only files whose content changed were rewritten, so the glob loaders (which compare each
            // file's digest) parse only those entries; awaiting the refresh means the reload below
            // never serves the old entries. The downloads under public/ are served as files.
            const endRefresh = partStart('dev:refresh-content');
            if (changed.some((f) => !f.startsWith('public'))) await refreshContent?.({});
            endRefresh();
            server.ws.send({ type: 'full-reload' });
            endRecompile();
          }, 50);
        };
        server.watcher.add(contentDir);
        for (const event of ['add', 'change', 'unlink'] as const) server.watcher.on(event, onChange);
      },
      'astro:build:done': async ({ dir }) => {
        endAstroBuild();
        // The post-build steps are loaded here, not with the config: dev never runs them, and the
        // service worker's workbox-build (with Babel, Rollup and Terser) alone took about 0.7 s of CPU
        // to import at every `astro dev` start and every build's config load.
        const [{ finishBuiltPages }, { SearchIndexWriter }, { generateServiceWorker }, { writeSitemap }] = await Promise.all([
          import('../postbuild/built-pages.ts'),
          import('../postbuild/search-index.ts'),
          import('../postbuild/generate-service-worker.ts'),
          import('../postbuild/sitemap.ts'),
        ]);
        const dist = fileURLToPath(dir);
        // One pass reads every page the site built (not the static files of publicDir, such as the
        // documents' originals): its policy, its indexed text, its title and size for the later steps.
        const index = new SearchIndexWriter(
          dist,
          options.config.base,
          synonyms,
          [site.documentsLabel, ...site.kinds.map((k) => k.badge)],
          entityPages,
        );
        const pages = await timed('pages', () => finishBuiltPages(dist, (page) => index.add(page), staticDir));
        report(`Content-Security-Policy: ${pages.length} pages`);

        const search = await timed('search-index', () => index.finish());
        report(
          `search index: ${search.pages} pages, ${search.shards} shards, ${search.files} files (${(search.bytes / 1e6).toFixed(1)} M characters)`,
        );

        const sitemap = await timed('sitemap', () => writeSitemap(dist, pages, options.config));
        report(`sitemap.xml: ${sitemap.pages} pages (${sitemap.sitemap}); robots.txt written`);

        const { buildShareImages } = await import('../postbuild/share-images.ts');
        report(await timed('share-images', () => buildShareImages(dist, pages)));

        const sw = await timed('service-worker', () => generateServiceWorker(dist, pages));
        if (sw.warnings.length) throw new Error(`service worker: ${sw.warnings.join('; ')}`);
        report(
          `sw.js: precaches ${sw.count} files (${(sw.size / 1024 / 1024).toFixed(2)} MB); ${sw.rest.files.length} more (${(sw.rest.size / 1024 / 1024).toFixed(1)} MB) cached when read or saved from /offline/`,
        );
      },
    },
  };
}
