/**
 * What the offline search indexes of one built page: exactly what Pagefind indexes (the element
 * marked `data-pagefind-body`, minus `data-pagefind-ignore` subtrees), split into text blocks that
 * keep the nearest element id, so a result can link to the paragraph or heading it was found in.
 */
import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import type { OfflinePage } from './search-core.ts';

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table',
  'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'br',
]);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'button', 'input', 'select', 'textarea']);

const classes = (el: Element) => (Array.isArray(el.properties.className) ? el.properties.className.map(String) : []);
/** Ignored by Pagefind, not text, a permalink glyph, or the title (kept apart as the page's title). */
const skipped = (el: Element) =>
  SKIP.has(el.tagName) ||
  el.properties.dataPagefindIgnore !== undefined ||
  el.properties.dataPagefindMeta === 'title' ||
  classes(el).some((c) => c === 'permalink' || c === 'heading-anchor');

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Text blocks of an element in reading order, each with the id of its nearest block ancestor that has one. */
export function textBlocks(body: Element): Array<[string, string]> {
  const blocks: Array<[string, string]> = [];
  let buffer = '';
  let anchor = typeof body.properties.id === 'string' ? body.properties.id : '';
  const flush = () => {
    const text = collapse(buffer);
    if (text) blocks.push([anchor, text]);
    buffer = '';
  };
  const walk = (children: ElementContent[]) => {
    for (const child of children) {
      if (child.type === 'text') buffer += child.value;
      else if (child.type === 'element' && !skipped(child)) {
        if (!BLOCK.has(child.tagName)) {
          walk(child.children);
          continue;
        }
        flush();
        const outer = anchor;
        if (typeof child.properties.id === 'string' && child.properties.id) anchor = child.properties.id;
        walk(child.children);
        flush();
        anchor = outer;
      }
    }
  };
  walk(body.children);
  flush();
  return blocks;
}

function metaValue(tree: Root, key: string): string | undefined {
  const el = select(`[data-pagefind-meta*="${key}:"]`, tree) as Element | undefined;
  const attr = el ? String(el.properties.dataPagefindMeta) : '';
  return new RegExp(`(?:^|,)\\s*${key}:([^,]*)`).exec(attr)?.[1]?.trim();
}

/**
 * The searchable content of a page, or undefined for pages Pagefind does not index either (those
 * without `data-pagefind-body`: home, lists, search).
 */
export function extractSearchablePage(html: string, url: string, siteName: string): OfflinePage | undefined {
  const tree = fromHtml(html);
  const body = select('[data-pagefind-body]', tree) as Element | undefined;
  if (!body) return undefined;
  const titleEl = (select('[data-pagefind-meta="title"]', tree) ?? select('[data-pagefind-meta^="title,"]', tree)) as Element | undefined;
  const docTitle = toString((select('title', tree) as Element | undefined) ?? { type: 'root', children: [] }).replace(` · ${siteName}`, '');
  const title = collapse(titleEl ? toString(titleEl) : docTitle);
  return { url, title, kind: metaValue(tree, 'kind') ?? '', blocks: textBlocks(body) };
}
