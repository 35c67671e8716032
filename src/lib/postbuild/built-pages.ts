/**
 * The post-build pass over the built pages: every HTML file is read once, gets its own
 * Content-Security-Policy, and hands its indexed text to the search index; the pass returns what
 * the later steps need of each page (its path, title and size), so none of them reads the pages
 * again. Reading each page once (and as a stream, src/lib/html-stream.ts) is what keeps the
 * post-build cost a small share of the build at thousands of pages.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { readHtml, type HtmlReader } from '../html-stream.ts';
import { IndexedTextReader, type IndexedPage } from '../search/indexed-text.ts';
import { InlineScriptReader, withContentSecurityPolicy } from './content-security-policy.ts';

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

/**
 * Every HTML file under `dist`, relative with `/` separators, in a stable order. With `staticDir`
 * (Astro's publicDir, which it copies into the output as it is), only the pages the site itself
 * built: a file that came from there is a download (a document's original, say), not a page of
 * the site, and the post-build steps must neither rewrite it nor fail on it.
 */
export function htmlFiles(dist: string, staticDir?: string): string[] {
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => relative(dist, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter((file) => staticDir === undefined || !existsSync(join(staticDir, file)))
    .sort();
}

/** A post-build step that failed on one page: the message names the page's file. */
export class BuiltPageError extends Error {
  readonly file: string;
  constructor(file: string, message: string, options?: ErrorOptions) {
    super(`${file}: ${message}`, options);
    this.name = 'BuiltPageError';
    this.file = file;
  }
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

/** Reads one built page with `readers` besides its title; returns the page's record and its HTML. */
function readPage(dist: string, file: string, readers: HtmlReader[]): { page: BuiltPage; html: string } {
  const html = readFileSync(join(dist, file), 'utf8');
  const title = new TitleReader();
  readHtml(html, [title, ...readers]);
  return { page: { file, url: pageUrl(file), title: title.title?.trim() || undefined, bytes: Buffer.byteLength(html) }, html };
}

/** The pages of a built site as they are, without changing them (tools and tests that regenerate a later step). */
export function readBuiltPages(dist: string): BuiltPage[] {
  return htmlFiles(dist).map((file) => readPage(dist, file, []).page);
}

/**
 * The pass: every page gets its policy (written back), and `onIndexed` receives the indexed text of
 * each searchable page, in file order. Returns the pages as written.
 */
export function finishBuiltPages(dist: string, onIndexed: (page: IndexedPage) => void, staticDir?: string): BuiltPage[] {
  return htmlFiles(dist, staticDir).map((file) => {
    const scripts = new InlineScriptReader();
    const indexed = new IndexedTextReader();
    const { page, html } = readPage(dist, file, [scripts, indexed]);
    let out: string;
    try {
      out = withContentSecurityPolicy(html, {}, scripts.scripts);
    } catch (e) {
      throw new BuiltPageError(
        file,
        `(a page of the built site) ${(e as Error).message}. Every page the site builds must render the layout (src/layouts/Base.astro), which gives it a <head>; a file meant as a download belongs in public/ or the documents' originals.`,
        { cause: e },
      );
    }
    writeFileSync(join(dist, file), out);
    const text = indexed.page(page.url);
    if (text) onIndexed(text);
    return { ...page, bytes: Buffer.byteLength(out) };
  });
}
