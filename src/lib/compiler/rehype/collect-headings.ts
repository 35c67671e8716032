import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { TocEntry } from '../../types.ts';

export type { TocEntry };

/** Reads the table of contents off the tree (before permalinks are added), so it lists exactly the anchors the page has. */
export function collectHeadings(tree: Root, maxDepth = 4): TocEntry[] {
  const toc: TocEntry[] = [];
  visit(tree, 'element', (node: Element) => {
    const m = /^h([2-6])$/.exec(node.tagName);
    const id = node.properties?.id;
    if (!m || typeof id !== 'string' || Number(m[1]) > maxDepth) return;
    toc.push({ depth: Number(m[1]), id, text: toString(node).trim() });
  });
  return toc;
}
