/**
 * Post-build step: writes `robots.txt` and, when SITE_URL is set, `sitemap.xml` (every page of the
 * built site that stands on its own) into the output directory.
 *
 * The sitemap protocol requires absolute URLs, so the sitemap is written only with SITE_URL (e.g.
 * https://example.gov.cn) and robots.txt names it only then; without it the host is unknown and a
 * sitemap of paths would be invalid (see README). Mention lists (`/<kind>/<slug>/mentions/…`) are
 * left out: they repeat the documents' text, and their pages say `noindex`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSiteConfig, type SiteConfig } from '../../config/environment.ts';
import { htmlFiles, pageUrl, type BuiltPage } from './built-pages.ts';

/** Site-relative paths of every page (`''` for home, `documents/x/`): the built pages that are a folder's index. */
export function sitemapPaths(pages: readonly BuiltPage[]): string[] {
  return pages
    .filter((p) => p.file === 'index.html' || p.file.endsWith('/index.html'))
    .map((p) => p.url)
    .sort();
}

/** Pages that only repeat other pages' text: an entity's complete mention list and its further pages. */
export const isMentionList = (path: string) => /^[^/]+\/[^/]+\/mentions\//.test(path);

/** The same paths of a built site read from disk (tests and tools; the build passes the pages it has read). */
export function listPages(dist: string): string[] {
  return sitemapPaths(htmlFiles(dist).map((file) => ({ file, url: pageUrl(file), bytes: 0 })));
}

/** The public URL of a site-relative path: absolute with SITE_URL, otherwise base-prefixed (links inside the site). */
export function publicUrl(path: string, config: SiteConfig): string {
  const pathname = encodeURI(config.base + path);
  return config.site ? new URL(pathname, config.site).href : pathname;
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

export function writeSitemap(
  dist: string,
  built: readonly BuiltPage[],
  config: SiteConfig = readSiteConfig(),
): { pages: number; sitemap: string } {
  const robots = ['User-agent: *', 'Allow: /', ''];
  if (!config.site) {
    writeFileSync(join(dist, 'robots.txt'), robots.join('\n'));
    return { pages: 0, sitemap: 'not written: SITE_URL is unset' };
  }
  const pages = sitemapPaths(built).filter((p) => !isMentionList(p));
  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...pages.map((p) => `  <url><loc>${escapeXml(publicUrl(p, config))}</loc></url>`),
    '</urlset>',
    '',
  ].join('\n');
  writeFileSync(join(dist, 'sitemap.xml'), xml);
  const sitemap = publicUrl('sitemap.xml', config);
  // Crawlers only read /robots.txt at the host's root; under a sub-path, copy the Sitemap line there.
  writeFileSync(join(dist, 'robots.txt'), [...robots, `Sitemap: ${sitemap}`, ''].join('\n'));
  return { pages: pages.length, sitemap };
}
