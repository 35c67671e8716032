/**
 * The one reader of a built page's indexed text, used by the search index builder, the benchmark
 * and the tests. A page is indexed when it has an element marked `data-search-body` (the page
 * templates' markup contract: document and entity pages); inside it, everything except
 * `data-search-ignore` subtrees (metadata table, table of contents, mention lists, related
 * entities), controls, and the links entity pages cite documents by (`a.citation`: 〔十四五规划〕
 * names the document, it is not text of the entity page). Page chrome (header, navigation,
 * footer) is outside the body and never indexed.
 *
 * Text is split into blocks that keep the nearest element id, so a result links to the paragraph
 * or heading it was found in. The page's head (title, kind, date, document) comes from
 * `data-search-meta="key:value, …"` attributes, its filter values from `data-search-filter`.
 *
 * The reader consumes the page as a stream (src/lib/html-stream.ts), so the post-build pass reads
 * each page once for the search index and its other steps.
 */
import { HTML_BLOCK_ELEMENTS, readHtml, type HtmlReader } from '../html-stream.ts';

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
  /** data-search-filter values by key (类型, 地区, 年份, 来源文件). */
  filters: Record<string, string[]>;
  blocks: IndexedBlock[];
  /** Citation links of the page: their label and target path (with base), for document names. */
  citations: Array<{ label: string; href: string }>;
}

// A line break ends an indexed block too: a block is what a search excerpt shows.
const BLOCK = new Set([...HTML_BLOCK_ELEMENTS, 'br']);
const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'button',
  'input',
  'select',
  'textarea',
  'label',
  'form',
  'nav',
  'footer',
  'iframe',
]);
const SKIPPED_CLASSES = new Set(['permalink', 'heading-anchor', 'citation']);
const CITATION = new Set(['citation']);

const hasClass = (attributes: Readonly<Record<string, string>>, names: ReadonlySet<string>) =>
  (attributes.class ?? '').split(/\s+/).some((c) => names.has(c));
const skipped = (tag: string, attributes: Readonly<Record<string, string>>) =>
  SKIP.has(tag) || 'data-search-ignore' in attributes || hasClass(attributes, SKIPPED_CLASSES);

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** `kind:文件` / `date:2022年1月13日, document:…` attributes: `key:value` pairs separated by commas. */
function pairs(attr: string | undefined): Array<[string, string]> {
  if (attr === undefined) return [];
  const out: Array<[string, string]> = [];
  for (const part of attr.split(/,(?=\s*[^,:]+:)/)) {
    const at = part.indexOf(':');
    if (at > 0) out.push([part.slice(0, at).trim(), part.slice(at + 1).trim()]);
  }
  return out;
}

/** What an open element means to the reader when it closes. */
type Open = { role: 'plain' } | { role: 'skip' } | { role: 'block'; outer: [string, string] } | { role: 'body' };

/** Collects one page's indexed content while the page is read; `page(url)` gives the result. */
export class IndexedTextReader implements HtmlReader {
  private readonly stack: Open[] = [];
  /** Open skipped subtrees inside the body (their text is not indexed). */
  private skipDepth = 0;
  private inBody = false;
  private bodySeen = false;
  private buffer = '';
  private anchor = '';
  private element = '';
  private readonly blocks: IndexedBlock[] = [];
  /** The element marked as the title and the link being read as a citation, by stack depth. */
  private title?: { depth: number; text: string; done: boolean };
  private citation?: { depth: number; href: string; text: string };
  private readonly meta: Record<string, string> = {};
  private readonly filters: Record<string, string[]> = {};
  private readonly citations: IndexedPage['citations'] = [];

  open(tag: string, attributes: Readonly<Record<string, string>>): void {
    const metaAttr = attributes['data-search-meta'];
    if (!this.title && metaAttr !== undefined && (metaAttr === 'title' || metaAttr.startsWith('title,')))
      this.title = { depth: this.stack.length, text: '', done: false };
    for (const [k, v] of pairs(metaAttr)) if (v && !(k in this.meta)) this.meta[k] = v;
    for (const [k, v] of pairs(attributes['data-search-filter'])) if (v && !(this.filters[k] ??= []).includes(v)) this.filters[k].push(v);
    if (!this.citation && tag === 'a' && attributes.href !== undefined && hasClass(attributes, CITATION))
      this.citation = { depth: this.stack.length, href: attributes.href, text: '' };

    if (!this.inBody) {
      if (!this.bodySeen && 'data-search-body' in attributes) {
        this.inBody = this.bodySeen = true;
        this.anchor = attributes.id ?? '';
        this.element = tag;
        this.stack.push({ role: 'body' });
      } else this.stack.push({ role: 'plain' });
      return;
    }
    if (this.skipDepth > 0 || skipped(tag, attributes)) {
      this.skipDepth++;
      this.stack.push({ role: 'skip' });
    } else if (BLOCK.has(tag)) {
      this.flush();
      this.stack.push({ role: 'block', outer: [this.anchor, this.element] });
      if (attributes.id) this.anchor = attributes.id;
      this.element = tag;
    } else this.stack.push({ role: 'plain' });
  }

  text(text: string): void {
    if (this.inBody && this.skipDepth === 0) this.buffer += text;
    if (this.title && !this.title.done) this.title.text += text;
    if (this.citation) this.citation.text += text;
  }

  close(): void {
    const open = this.stack.pop();
    if (!open) return;
    const depth = this.stack.length;
    if (this.title && !this.title.done && depth === this.title.depth) this.title.done = true;
    if (this.citation && depth === this.citation.depth) {
      this.citations.push({ label: collapse(this.citation.text), href: this.citation.href });
      this.citation = undefined;
    }
    if (open.role === 'skip') this.skipDepth--;
    else if (open.role === 'block') {
      this.flush();
      [this.anchor, this.element] = open.outer;
    } else if (open.role === 'body') {
      this.flush();
      this.inBody = false;
    }
  }

  /** The indexed content, or undefined for pages that are not searched (home, listings, the search page). */
  page(url: string): IndexedPage | undefined {
    if (!this.bodySeen) return undefined;
    this.flush();
    const title = collapse(this.title ? this.title.text : url);
    return {
      url,
      title,
      kind: this.meta.kind ?? '',
      date: this.meta.date,
      document: this.meta.document,
      filters: this.filters,
      blocks: this.blocks,
      citations: this.citations,
    };
  }

  private flush(): void {
    const text = collapse(this.buffer);
    if (text) this.blocks.push({ anchor: this.anchor, element: this.element, text });
    this.buffer = '';
  }
}

/**
 * The indexed content of a built page, or undefined for pages that are not searched.
 * `url`: the page's site path without the base.
 */
export function extractIndexedPage(html: string, url: string): IndexedPage | undefined {
  const reader = new IndexedTextReader();
  readHtml(html, [reader]);
  return reader.page(url);
}
