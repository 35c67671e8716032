import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { listPages } from '../src/lib/postbuild/sitemap.ts';

export interface PageType {
  /** What the page is, for test names: `home`, `documents/`, `documents/*`, `404`… */
  name: string;
  /** The built file, relative to dist. */
  file: string;
  /** Site-relative URL to open in a browser (may carry a query, or be a missing page for 404). */
  url: string;
}

/** The search page is checked with results shown, which is where its markup varies. */
export const SEARCH_QUERY = '楼长制';

/**
 * One page of every type the build emits, read from dist/ (not from a hand-kept list), so a view
 * another change adds (a new section such as /timeline/) is checked as soon as it is built: the
 * home page, each top-level section's own page, the largest page inside each section (it carries
 * the most kinds of markup), and the 404 page (served for a missing URL).
 */
export function pageTypes(dist: string): PageType[] {
  const pages = listPages(dist);
  const types: PageType[] = [];
  const sections = new Map<string, string[]>();
  for (const page of pages) {
    if (page === '') continue;
    const [section, ...rest] = page.split('/').filter(Boolean);
    if (!sections.has(section)) sections.set(section, []);
    if (rest.length > 0) sections.get(section)!.push(page);
  }
  if (pages.includes('')) types.push({ name: 'home', file: 'index.html', url: '' });
  for (const [section, inner] of [...sections].sort(([a], [b]) => a.localeCompare(b))) {
    if (pages.includes(`${section}/`)) {
      const url = section === 'search' ? `search/?q=${encodeURIComponent(SEARCH_QUERY)}` : `${section}/`;
      types.push({ name: `${section}/`, file: `${section}/index.html`, url });
    }
    const size = (page: string) => statSync(join(dist, page, 'index.html')).size;
    const largest = inner.reduce<string | undefined>(
      (best, page) => (best === undefined || size(page) > size(best) ? page : best),
      undefined,
    );
    if (largest) types.push({ name: `${section}/*`, file: `${largest}index.html`, url: largest });
  }
  if (existsSync(join(dist, '404.html'))) types.push({ name: '404', file: '404.html', url: 'no/such/page/' });
  return types;
}
