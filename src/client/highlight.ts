/**
 * The document page's search highlight: a result link carries the searched words
 * (`?highlight=楼长制 三送一关怀`, written by src/client/search-page.ts); this island marks their
 * occurrences in the document's text and scrolls to the first one (the first inside the linked
 * paragraph when the link has one). Matching uses the search's own normal form
 * (src/lib/search/normalize.ts), so `“楼长制”` in the text is found for 楼长制 as the search found it.
 * Page text is only ever split into text nodes and wrapped in <mark>; nothing is parsed as HTML.
 */
import { matchRanges } from '../lib/search/excerpt.ts';
import { fold, foldWithOffsets } from '../lib/search/normalize.ts';

/** The document's text: the body, and the title block above it. */
const SCOPE = '#document-body, main h1';
const MARK_CLASS = 'search-hit';

export function highlightWords(param: string | null): string[] {
  if (!param) return [];
  return [
    ...new Set(
      param
        .split(/\s+/u)
        .map((w) => fold(w))
        .filter((w) => w !== ''),
    ),
  ];
}

/** Wraps every occurrence of `words` under `root` in <mark>, also across inline elements; returns the marks in document order. */
export function markWords(root: Element, words: readonly string[]): HTMLElement[] {
  if (words.length === 0) return [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest('script, style, mark, [aria-hidden="true"]') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  const nodes: Text[] = [];
  const starts: number[] = [];
  let text = '';
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    nodes.push(n as Text);
    starts.push(text.length);
    text += (n as Text).data;
  }
  const ranges = matchRanges(foldWithOffsets(text), words);
  // Overlapping matches (one word inside another) are marked once.
  const kept: Array<{ start: number; end: number }> = [];
  for (const r of ranges) if (!kept.length || r.start >= kept[kept.length - 1].end) kept.push(r);
  const marks: HTMLElement[] = [];
  // From the end, so the text offsets of earlier matches stay valid while nodes are split.
  for (let k = kept.length - 1; k >= 0; k--) {
    const { start, end } = kept[k];
    const pieces: HTMLElement[] = [];
    for (let i = nodes.length - 1; i >= 0; i--) {
      const from = Math.max(start, starts[i]);
      const to = Math.min(end, starts[i] + nodes[i].data.length);
      if (from >= to) continue;
      const range = document.createRange();
      range.setStart(nodes[i], from - starts[i]);
      range.setEnd(nodes[i], to - starts[i]);
      const mark = document.createElement('mark');
      mark.className = MARK_CLASS;
      range.surroundContents(mark);
      pieces.unshift(mark);
    }
    marks.unshift(...pieces);
  }
  return marks;
}

function start(): void {
  const words = highlightWords(new URLSearchParams(location.search).get('highlight'));
  if (words.length === 0) return;
  const marks = [...document.querySelectorAll(SCOPE)].flatMap((root) => markWords(root, words));
  if (marks.length === 0) return;
  // The linked paragraph (#p-12) when there is one: its first hit, or the first after it.
  const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  const first =
    (target && marks.find((m) => target.contains(m) || target.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_FOLLOWING)) ?? marks[0];
  first.scrollIntoView({ block: 'center' });
}

start();
