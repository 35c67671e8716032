import type { Link, Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import { normalizeForMatching } from '../../text/normalize-for-matching.ts';
import type { Citation, ParagraphIndexEntry } from '../../types.ts';

export type { Citation, ParagraphIndexEntry };

/**
 * The one paragraph of `document` containing `quote` (compared in the normal form for matching),
 * or why there is not exactly one. Body citations and frontmatter facts are resolved by this.
 */
/** The paragraphs containing a quote, compared in the matching form (spaces and quotation marks aside). */
export function paragraphsQuoting(paragraphs: readonly ParagraphIndexEntry[], quote: string): ParagraphIndexEntry[] {
  const needle = normalizeForMatching(quote);
  return paragraphs.filter((p) => matchingFormOf(p).includes(needle));
}

/**
 * Each paragraph's matching form, computed once: every citation of every entity page, fact, figure
 * and event searches the paragraphs of its document (about a sixth of a five-document compile went
 * to normalizing the same paragraphs again). Keyed by the entry, so it lives as long as the compile.
 */
const matchingForms = new WeakMap<ParagraphIndexEntry, string>();
function matchingFormOf(paragraph: ParagraphIndexEntry): string {
  let form = matchingForms.get(paragraph);
  if (form === undefined) {
    form = normalizeForMatching(paragraph.text);
    matchingForms.set(paragraph, form);
  }
  return form;
}

export function findQuotedParagraph(
  paragraphs: ParagraphIndexEntry[],
  document: string,
  quote: string,
): { paragraph: ParagraphIndexEntry } | { message: string } {
  if (normalizeForMatching(quote).length < 4) return { message: 'citation quote is missing or shorter than 4 characters' };
  const hits = paragraphsQuoting(paragraphs, quote);
  if (hits.length === 0) return { message: `quote "${quote}" is not in document "${document}"` };
  if (hits.length > 1)
    return { message: `quote "${quote}" occurs in ${hits.length} paragraphs of "${document}"; quote more words to make it unique` };
  return { paragraph: hits[0] };
}

export interface CitationProblem {
  url: string;
  quote: string;
  line?: number;
  message: string;
}

export interface ResolveCitationsOptions {
  /** Paragraphs of a document by slug; undefined when there is no such document. */
  paragraphsOf: (document: string) => ParagraphIndexEntry[] | undefined;
  href: (document: string, anchor: string) => string;
  /**
   * The document's one source mark (src/lib/text/short-title.ts); it replaces whatever label the
   * author wrote, so a document is cited by the same words on every page.
   */
  labelOf?: (document: string) => string | undefined;
  onCitation?: (citation: Citation) => void;
  onProblem: (problem: CitationProblem) => void;
}

/**
 * Turns `[十四五规划](cite:slug "quoted words")` into a link to the exact paragraph of the
 * document that contains the quoted words. Entity pages cite by quotation rather than by anchor so
 * that every citation is checked against the source text at every build.
 */
export function remarkResolveCitations(options: ResolveCitationsOptions) {
  return (tree: Root) => {
    visit(tree, 'link', (node: Link) => {
      if (!node.url.startsWith('cite:')) return;
      const document = node.url.slice('cite:'.length);
      const quote = node.title ?? '';
      const line = node.position?.start.line;
      const paragraphs = options.paragraphsOf(document);
      if (!paragraphs) {
        options.onProblem({ url: node.url, quote, line, message: `cites unknown document "${document}"` });
        return;
      }
      const found = findQuotedParagraph(paragraphs, document, quote);
      if ('message' in found) {
        options.onProblem({ url: node.url, quote, line, message: found.message });
        return;
      }
      options.onCitation?.({ document, anchor: found.paragraph.id, quote });
      node.url = options.href(document, found.paragraph.id);
      node.title = `原文：${quote}`;
      node.data = { ...node.data, hProperties: { className: ['citation'] } };
      const label = options.labelOf?.(document);
      if (label) node.children = [{ type: 'text', value: label }];
      node.children = node.children.flatMap((child): Link['children'] => (child.type === 'text' ? withYearBreaks(child.value) : [child]));
    });
  };
}

/**
 * A label's text with a line-break opportunity (<wbr>) where digits meet a Han character
 * (［2022<wbr>年计划］). Justified text must be able to wrap inside a label, or the line before an
 * unbreakable label is spread character by character; some line breakers (Chromium 150's) allow no
 * break between a number and 年, so the label says where it may wrap.
 */
export function withYearBreaks(text: string): Array<Text> {
  const parts = text.split(/(?<=\d)(?=\p{Script=Han})/u);
  return parts.flatMap((value, i): Text[] => (i === 0 ? [{ type: 'text', value }] : [WORD_BREAK(), { type: 'text', value }]));
}

/** An empty text node rendered as <wbr> (mdast has no node for it; data.hName makes the element). */
const WORD_BREAK = (): Text => ({ type: 'text', value: '', data: { hName: 'wbr', hChildren: [] } });
