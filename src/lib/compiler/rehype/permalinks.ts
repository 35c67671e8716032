import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

const HEADING = /^h[2-6]$/;

/**
 * Adds a visible, copyable link to every anchored heading and paragraph. The link is excluded from
 * the search index; its label is for screen readers.
 */
export function rehypePermalinks() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      const id = node.properties?.id;
      if (typeof id !== 'string') return;
      const isHeading = HEADING.test(node.tagName);
      if (!isHeading && node.tagName !== 'p' && node.tagName !== 'li') return;
      node.children.push({
        type: 'element',
        tagName: 'a',
        properties: {
          className: [isHeading ? 'heading-anchor' : 'permalink'],
          href: `#${id}`,
          ariaLabel: isHeading ? '本节链接' : '本段链接',
          dataSearchIgnore: '',
        },
        children: [{ type: 'text', value: isHeading ? '#' : '¶' }],
      });
    });
  };
}
