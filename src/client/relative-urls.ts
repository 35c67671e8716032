import { posix } from 'node:path';

/**
 * Rewrites a URL the site emits (base-absolute, e.g. `/zhengce/documents/x/#p-1`) into one that
 * works from disk: relative to the file that contains it, with directory URLs pointing at their
 * index.html (`../documents/x/index.html#p-1`). Other URLs (other sites, `#…`, `mailto:`, already
 * relative) come back unchanged; a root-relative URL outside the base comes back as undefined.
 *
 * @param fromFile the containing file's path relative to the site root, e.g. `documents/x/index.html`
 */
export function toRelativeUrl(url: string, fromFile: string, base: string): string | undefined {
  if (!url.startsWith('/') || url.startsWith('//')) return url;
  if (!url.startsWith(base)) return undefined;
  const rest = url.slice(base.length);
  const cut = rest.search(/[?#]/);
  let path = cut === -1 ? rest : rest.slice(0, cut);
  const suffix = cut === -1 ? '' : rest.slice(cut);
  if (path === '' || path.endsWith('/')) path += 'index.html';
  const relative = posix.relative(posix.dirname(fromFile), path);
  return relative + suffix;
}
