/**
 * The post-build pass over the built pages: every HTML file is read once, gets its own
 * Content-Security-Policy, and hands its indexed text to the search index; the pass returns what
 * the later steps need of each page (its path, title and size), so none of them reads the pages
 * again. Reading each page once (and as a stream, src/lib/html-stream.ts) is what keeps the
 * post-build cost a small share of the build at thousands of pages.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { readHtml, type HtmlReader } from '../html-stream.ts';
import { IndexedTextReader, type IndexedPage } from '../search/indexed-text.ts';
import { InlineScriptReader, withContentSecurityPolicy, type PolicyOptions } from './content-security-policy.ts';

export interface BuiltPage {
  /** The file, relative to the output folder with `/` separators: `documents/x/index.html`, `404.html`. */
  file: string;
  /** The address readers navigate to, without the base: `documents/x/`, `` for home, `404.html`. */
  url: string;
  /** The page's <title>, entities decoded. */
  title?: string;
  /** Size in bytes as written (with its policy). */
  bytes: number;
}

/** Top-level folders of the output that hold no pages to search. */
const NOT_SEARCHED = new Set(['_astro', 'search-index', 'offline']);

/** Every HTML file under `dist`, relative with `/` separators, in a stable order. */
export function htmlFiles(dist: string): string[] {
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => relative(dist, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/** A page's address from its file: `documents/x/index.html` → `documents/x/`. */
export const pageUrl = (file: string) => file.replace(/(^|\/)index\.html$/, '$1');

class TitleReader implements HtmlReader {
  title?: string;
  private depth = 0;
  private reading = false;
  open(tag: string): void {
    if (tag === 'title' && this.title === undefined && !this.reading) {
      this.reading = true;
      this.title = '';
    }
    if (this.reading) this.depth++;
  }
  text(text: string): void {
    if (this.reading) this.title += text;
  }
  close(): void {
    if (this.reading && --this.depth === 0) this.reading = false;
  }
}

export interface BuiltPagesOptions {
  policy?: PolicyOptions;
  /** Receives the indexed text of each searchable page, in file order. */
  onIndexed?: (page: IndexedPage) => void;
}

/** The pages of a built site as they are, without changing them (tools and tests that regenerate a later step). */
export function readBuiltPages(dist: string): BuiltPage[] {
  return htmlFiles(dist).map((file) => {
    const html = readFileSync(join(dist, file), 'utf8');
    const title = new TitleReader();
    readHtml(html, [title]);
    return { file, url: pageUrl(file), title: title.title?.trim() || undefined, bytes: Buffer.byteLength(html) };
  });
}

export function finishBuiltPages(dist: string, options: BuiltPagesOptions = {}): BuiltPage[] {
  return htmlFiles(dist).map((file) => {
    const path = join(dist, file);
    const html = readFileSync(path, 'utf8');
    const url = pageUrl(file);
    const scripts = new InlineScriptReader();
    const title = new TitleReader();
    const searched = options.onIndexed && !NOT_SEARCHED.has(file.split('/')[0]);
    const indexed = searched ? new IndexedTextReader() : undefined;
    readHtml(html, indexed ? [scripts, title, indexed] : [scripts, title]);
    const out = withContentSecurityPolicy(html, options.policy, scripts.scripts);
    writeFileSync(path, out);
    const page = indexed?.page(url);
    if (page) options.onIndexed!(page);
    return { file, url, title: title.title?.trim() || undefined, bytes: Buffer.byteLength(out) };
  });
}
