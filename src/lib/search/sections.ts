import { buildExcerpt, matchRanges, type Excerpt } from './excerpt.ts';
import { foldWithOffsets, type FoldedText, type T2sMap } from './normalize.ts';

/** An element with an id on the page, from the fragment of the index holding it. */
export interface PageAnchor {
  element: string;
  id: string;
  text: string;
}

export interface SectionHit {
  /** The id to link to (`url#id`): the paragraph or heading where the words occur. */
  id: string;
  /** The heading of the section it is in, if any. */
  heading?: string;
  excerpt: Excerpt;
  /** All query words occur in this element. */
  complete: boolean;
}

const HEADING = /^h[2-6]$/;
const TEXT_BLOCKS = new Set(['p', 'li', 'td', 'th', 'dd', 'dt', 'blockquote', 'figcaption', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * Where on a page the query occurs, for links straight to it: the anchored paragraphs and headings
 * (documents and entity pages give every one an id) containing the words, each with the heading of
 * its section and a marked excerpt. Elements holding every word come first, then the rest, each
 * group in page order.
 */
export function matchingSections(
  anchors: readonly PageAnchor[],
  words: readonly string[],
  t2s: T2sMap,
  limit = 3,
  excerptLength = 60,
  folded?: FoldedAnchors,
): SectionHit[] {
  const keys = folded ?? foldAnchors(anchors, t2s);
  const hits: Array<{ i: number; heading?: string; complete: boolean }> = [];
  const seen = new Set<string>();
  let heading: string | undefined;
  anchors.forEach((a, i) => {
    if (HEADING.test(a.element)) heading = a.text;
    const key = keys[i];
    if (!key || seen.has(a.id)) return;
    const found = words.filter((w) => key.key.includes(w)).length;
    if (found === 0) return;
    seen.add(a.id);
    hits.push({ i, heading: HEADING.test(a.element) ? undefined : heading, complete: found === words.length });
  });
  const ordered = [...hits.filter((h) => h.complete), ...hits.filter((h) => !h.complete)].slice(0, limit);
  return ordered.map(({ i, heading, complete }) => ({
    id: anchors[i].id,
    heading,
    excerpt: buildExcerpt(anchors[i].text, matchRanges(keys[i]!, words), excerptLength),
    complete,
  }));
}

/** The anchors' texts in normal form (undefined for elements that are not text blocks); cache per page. */
export type FoldedAnchors = Array<FoldedText | undefined>;

export function foldAnchors(anchors: readonly PageAnchor[], t2s: T2sMap): FoldedAnchors {
  return anchors.map((a) => (TEXT_BLOCKS.has(a.element) && a.text ? foldWithOffsets(a.text, t2s) : undefined));
}
