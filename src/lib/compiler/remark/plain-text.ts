import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Container } from '../structure/build-mdast.ts';

type Node = Root | Root['children'][number] | Container;

/**
 * The compiled document as plain text, for readers who want the cleaned text rather than the
 * source as received: one block (heading, paragraph, list item) a paragraph, headings marked by
 * their numbering as in the source, labelled notes keeping their label (【图片说明】…).
 */
export function toPlainText(tree: Root, titleLines: string[] = []): string {
  const blocks: string[] = titleLines.length ? [titleLines.join('\n')] : [];
  const walk = (node: Node) => {
    if (node.type === 'heading' || node.type === 'paragraph' || node.type === 'listItem') {
      // A signature's lines are kept apart, as printed.
      const text = (
        node.type === 'paragraph' ? node.children.map((c) => (c.type === 'break' ? '\n' : toString(c))).join('') : toString(node)
      ).trim();
      if (text) blocks.push(text);
      return;
    }
    if (node.type === 'container') {
      const [first, ...rest] = node.children;
      if (first?.type === 'container' && first.data.hName === 'span') {
        blocks.push(`【${toString(first as never)}】${rest.map((n) => toString(n as never)).join('')}`);
        return;
      }
    }
    if ('children' in node) for (const child of node.children as Node[]) walk(child);
  };
  walk(tree);
  return blocks.join('\n\n') + '\n';
}
