import type { Element, ElementContent, Root, Text } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import type { CollationNote } from '../types.ts';

/** The id of the n-th (1-based) entry of a document's 校勘说明, and of the mark that points to it. */
export const collationNoteId = (n: number) => `collation-${n}`;
export const collationMarkId = (n: number) => `collation-mark-${n}`;

/** Elements whose text is not the paragraph's (the permalink's ¶ and the like). */
const isTool = (e: Element) => {
  const cls = e.properties.className;
  return Array.isArray(cls) && cls.some((c) => c === 'permalink' || c === 'heading-anchor');
};

interface TextAt {
  node: Text;
  parent: Element;
  /** The link the text is in, with the element holding it: a mark goes after a link, never inside. */
  link?: { element: Element; parent: Element };
}

/** The text nodes of an element in reading order, leaving out its tools. */
function textNodes(parent: Element, out: TextAt[] = [], link?: TextAt['link']): TextAt[] {
  for (const child of parent.children) {
    if (child.type === 'text') out.push({ node: child, parent, link });
    else if (child.type === 'element' && !isTool(child))
      textNodes(child, out, link ?? (child.tagName === 'a' ? { element: child, parent } : undefined));
  }
  return out;
}

function findById(node: Root | Element, id: string): Element | undefined {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.properties.id === id) return child;
    const hit = findById(child, id);
    if (hit) return hit;
  }
  return undefined;
}

/**
 * The superscript mark: 校 and the entry's number, a link to the entry, named in full for screen
 * readers. It is the editor's, not the source's: search and the text checks leave it out.
 */
function mark(n: number, note: CollationNote): Element {
  return {
    type: 'element',
    tagName: 'a',
    properties: {
      className: ['collation-mark'],
      dataSearchIgnore: '',
      href: `#${collationNoteId(n)}`,
      id: collationMarkId(n),
      title: `${note.kind}：${note.reason}`,
    },
    children: [
      { type: 'element', tagName: 'span', properties: { ariaHidden: 'true' }, children: [{ type: 'text', value: `校${n}` }] },
      {
        type: 'element',
        tagName: 'span',
        properties: { className: ['sr-only'] },
        children: [{ type: 'text', value: `（校勘说明第${n}条：${note.kind}）` }],
      },
    ],
  };
}

/**
 * A document's body with a mark at every spot its 校勘说明 places (a gap's or a slip's `at`, see
 * content/gaps.yaml): the reader meets the defect where it is, not only in the list at the end.
 * The words are found in the paragraph's own text, across entity links, as the compiler checked
 * them (src/lib/compiler/collation/collation-notes.ts); a spot that cannot be found is an error, not a
 * silently missing mark. Only documents with such notes are parsed, so the cost is per defect.
 */
export function markCollationSpots(html: string, notes: readonly CollationNote[]): string {
  const spots = notes.map((note, i) => ({ note, n: i + 1 })).filter((s) => s.note.anchor && s.note.at);
  if (spots.length === 0) return html;
  const tree = fromHtml(html, { fragment: true });
  for (const { note, n } of spots) {
    const paragraph = findById(tree, note.anchor!);
    const texts = paragraph ? textNodes(paragraph) : [];
    const whole = texts.map((t) => t.node.value).join('');
    const start = whole.indexOf(note.at!);
    if (!paragraph || start < 0)
      throw new Error(`校勘说明第${n}条: "${note.at}" is not in paragraph #${note.anchor} of the page; check content/gaps.yaml`);
    let end = start + note.at!.length;
    for (const { node, parent, link } of texts) {
      if (end > node.value.length) {
        end -= node.value.length;
        continue;
      }
      if (link) {
        link.parent.children.splice(link.parent.children.indexOf(link.element) + 1, 0, mark(n, note));
        break;
      }
      const index = parent.children.indexOf(node);
      const rest: ElementContent[] = end < node.value.length ? [{ type: 'text', value: node.value.slice(end) }] : [];
      parent.children.splice(index, 1, { type: 'text', value: node.value.slice(0, end) }, mark(n, note), ...rest);
      break;
    }
  }
  return toHtml(tree);
}
