/**
 * One streaming read of an HTML page shared by several readers, so the post-build pass tokenizes
 * each built page once for everything it needs from it (inline scripts for the
 * Content-Security-Policy, the title for the offline list, the indexed text for search).
 *
 * htmlparser2 rather than a tree (hast-util-from-html) or parse5's SAX parser: at thousands of
 * pages, building a tree of every page cost seconds and hundreds of MB of garbage, and
 * htmlparser2's tokenizer is about twice as fast as parse5's. It reads script, style, textarea and
 * title contents as raw text as browsers do, closes void elements at once and implied ends (a <p>
 * before a block) as they happen, so the open/close calls a reader sees always balance. The pages
 * read here are the ones Astro built, which are well-formed; parse5's full tree construction rules
 * are not needed.
 */
import { Parser } from 'htmlparser2';

/**
 * Elements that start a new line of text, as a browser lays them out: what both the saved-web-page
 * reader and the search's indexed text split text at (line breaks, `br`, are each reader's own).
 */
export const HTML_BLOCK_ELEMENTS: ReadonlySet<string> = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'caption',
  'center',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

export interface HtmlReader {
  /** An element starts; tag and attribute names are lower case, attribute values decoded. */
  open?(tag: string, attributes: Readonly<Record<string, string>>): void;
  /** Text (character references decoded, except inside script and style); may come in pieces. */
  text?(text: string): void;
  /** The element opened last ends (written, implied, or void). */
  close?(tag: string): void;
}

export function readHtml(html: string, readers: readonly HtmlReader[]): void {
  const parser = new Parser(
    {
      onopentag: (tag, attributes) => {
        for (const r of readers) r.open?.(tag, attributes);
      },
      ontext: (text) => {
        for (const r of readers) r.text?.(text);
      },
      onclosetag: (tag) => {
        for (const r of readers) r.close?.(tag);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
}
