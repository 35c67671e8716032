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
