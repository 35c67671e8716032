/**
 * The one extractor of a built page's indexed text, used by the search index builder, the
 * benchmark and the tests. A page is indexed when it has an element marked `data-pagefind-body`
 * (the page templates' markup contract: document and entity pages); inside it, everything except
 * `data-pagefind-ignore` subtrees (metadata table, table of contents, mention lists, related
 * entities), controls, and the links entity pages cite documents by (`a.citation`: 〔十四五规划〕
 * names the document, it is not text of the entity page). Page chrome (header, navigation,
 * footer) is outside the body and never indexed.
 *
 * Text is split into blocks that keep the nearest element id, so a result links to the paragraph
 * or heading it was found in.
 */
import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

export interface IndexedBlock {
  /** The nearest id (the block's own or an ancestor's), '' when none. */
  anchor: string;
  /** The block element's tag (h2, p, li…): headings head the sections of a result. */
  element: string;
  text: string;
}

export interface IndexedPage {
  /** Site path without the base, e.g. `documents/changzheng-2022-plan/`. */
  url: string;
  title: string;
  kind: string;
  date?: string;
  document?: string;
  /** data-pagefind-filter values by key (类型, 地区, 年份, 来源文件). */
  filters: Record<string, string[]>;
  blocks: IndexedBlock[];
  /** Citation links of the page: their label and target path (with base), for document names. */
  citations: Array<{ label: string; href: string }>;
}

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table',
  'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'br',
]);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'button', 'input', 'select', 'textarea', 'label', 'form', 'nav', 'footer', 'iframe']);

const classes = (el: Element) => (Array.isArray(el.properties.className) ? el.properties.className.map(String) : []);
const skipped = (el: Element) =>
  SKIP.has(el.tagName) ||
  el.properties.dataPagefindIgnore !== undefined ||
  classes(el).some((c) => c === 'permalink' || c === 'heading-anchor' || c === 'citation');

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Text blocks of an element in reading order. */
export function textBlocks(body: Element): IndexedBlock[] {
  const blocks: IndexedBlock[] = [];
  let buffer = '';
  let anchor = typeof body.properties.id === 'string' ? body.properties.id : '';
  let element = body.tagName;
  const flush = () => {
    const text = collapse(buffer);
    if (text) blocks.push({ anchor, element, text });
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
        const outer = [anchor, element] as const;
        if (typeof child.properties.id === 'string' && child.properties.id) anchor = child.properties.id;
        element = child.tagName;
        walk(child.children);
        flush();
        [anchor, element] = outer;
      }
    }
  };
  walk(body.children);
  flush();
  return blocks;
}

/** `kind:文件` / `date:2022年1月13日, document:…` attributes: `key:value` pairs separated by commas. */
function pairs(attr: unknown): Array<[string, string]> {
  if (typeof attr !== 'string') return [];
  const out: Array<[string, string]> = [];
  for (const part of attr.split(/,(?=\s*[^,:]+:)/)) {
    const at = part.indexOf(':');
    if (at > 0) out.push([part.slice(0, at).trim(), part.slice(at + 1).trim()]);
  }
  return out;
}

/**
 * The indexed content of a built page, or undefined for pages that are not searched (home,
 * listings, the search page itself). `url`: the page's site path without the base.
 */
export function extractIndexedPage(html: string, url: string): IndexedPage | undefined {
  const tree = fromHtml(html) as Root;
  let body: Element | undefined;
  let titleEl: Element | undefined;
  const meta: Record<string, string> = {};
  const filters: Record<string, string[]> = {};
  const citations: IndexedPage['citations'] = [];
  visit(tree, 'element', (el: Element) => {
    const p = el.properties;
    if (!body && p.dataPagefindBody !== undefined) body = el;
    if (p.dataPagefindMeta === 'title' || (typeof p.dataPagefindMeta === 'string' && p.dataPagefindMeta.startsWith('title,'))) titleEl ??= el;
    for (const [k, v] of pairs(p.dataPagefindMeta)) if (v && !(k in meta)) meta[k] = v;
    for (const [k, v] of pairs(p.dataPagefindFilter)) if (v && !(filters[k] ??= []).includes(v)) filters[k].push(v);
    if (el.tagName === 'a' && classes(el).includes('citation') && typeof p.href === 'string') citations.push({ label: collapse(toString(el)), href: p.href });
  });
  if (!body) return undefined;
  const title = collapse(titleEl ? toString(titleEl) : url);
  return { url, title, kind: meta.kind ?? '', date: meta.date, document: meta.document, filters, blocks: textBlocks(body), citations };
}
