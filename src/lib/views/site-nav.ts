import type { SiteDefinition } from '../../config/site-definition.ts';
import type { Urls } from '../urls.ts';

/**
 * How a header link relates to the page being shown: `page` on the page itself, `true` on a page
 * inside its section (a document under 文件), so the reader sees where they are.
 */
export function navCurrent(pathname: string, href: string, home: string): 'page' | 'true' | undefined {
  const path = pathname.endsWith('/') || /\.[a-z]+$/.test(pathname) ? pathname : pathname + '/';
  if (path === href) return 'page';
  if (href !== home && path.startsWith(href)) return 'true';
  return undefined;
}

export interface NavLink {
  href: string;
  label: string;
}

/** The header's sections, in order, from the site configuration: home, documents, kinds, views, search. */
export function siteNav(site: SiteDefinition, urls: Pick<Urls, 'home' | 'asset' | 'kindIndex' | 'search'>): NavLink[] {
  return [
    { href: urls.home(), label: '首页' },
    { href: urls.asset('documents/'), label: site.documentsLabel },
    ...site.kinds.map((k) => ({ href: urls.kindIndex(k.id), label: k.label })),
    ...site.views.map((v) => ({ href: urls.asset(`${v.path}/`), label: v.label })),
    // A link, not only the header box's form: /search/ leaves that box out (it has its own).
    { href: urls.search(), label: '搜索' },
  ];
}
