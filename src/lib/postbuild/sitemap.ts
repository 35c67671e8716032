/**
 * Post-build step: writes `sitemap.xml` (every page of the built site) and `robots.txt` (pointing
 * to it) into the output directory.
 *
 * With SITE_URL set (e.g. https://example.gov.cn), every <loc> is an absolute URL, as the sitemap
 * protocol requires. Without it the host is unknown, so each <loc> is the page's path including
 * the base (e.g. /zhengce/documents/…/): search engines need SITE_URL, see README.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSiteConfig, type SiteConfig } from '../site-config.ts';
import { htmlFiles, pageUrl, type BuiltPage } from './built-pages.ts';

/** Site-relative paths of every page (`''` for home, `documents/x/`): the built pages that are a folder's index. */
export function sitemapPaths(pages: readonly BuiltPage[]): string[] {
  return pages.filter((p) => p.file === 'index.html' || p.file.endsWith('/index.html')).map((p) => p.url).sort();
}

/** The same paths of a built site read from disk (tests and tools; the build passes the pages it has read). */
export function listPages(dist: string): string[] {
  return sitemapPaths(htmlFiles(dist).map((file) => ({ file, url: pageUrl(file), bytes: 0 })));
}

/** The public URL of a site-relative path: absolute with SITE_URL, otherwise base-prefixed. */
export function publicUrl(path: string, config: SiteConfig): string {
  const pathname = encodeURI(config.base + path);
  return config.site ? new URL(pathname, config.site).href : pathname;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

export function writeSitemap(dist: string, built: readonly BuiltPage[], config: SiteConfig = readSiteConfig()): { pages: number; sitemap: string } {
  const pages = sitemapPaths(built);
  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...pages.map((p) => `  <url><loc>${escapeXml(publicUrl(p, config))}</loc></url>`),
    '</urlset>',
    '',
  ].join('\n');
  writeFileSync(join(dist, 'sitemap.xml'), xml);
  const sitemap = publicUrl('sitemap.xml', config);
  // Crawlers only read /robots.txt at the host's root; under a sub-path, copy these lines there.
  writeFileSync(join(dist, 'robots.txt'), `User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`);
  return { pages: pages.length, sitemap };
}
