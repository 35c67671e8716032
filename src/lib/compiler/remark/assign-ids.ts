import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { fingerprint } from '../../text/hash.ts';
import { headingSlug } from '../../text/heading-slug.ts';

/**
 * Gives every heading and every paragraph a stable `id`. Headings get a readable slug of their
 * text; paragraphs (and list items, captions) a fingerprint of their text, so an anchor survives
 * paragraphs being added or reordered around it, and breaks loudly (as a broken link) only when
 * its own text changes.
 */
export function remarkAssignIds() {
  return (tree: Root) => {
    const used = new Map<string, number>();
    const unique = (id: string) => {
      const n = (used.get(id) ?? 0) + 1;
      used.set(id, n);
      return n === 1 ? id : `${id}-${n}`;
    };
    visit(tree, (node, _index, parent) => {
      if (node.type === 'heading') {
        setId(node, unique(headingSlug(toString(node))));
      } else if (node.type === 'listItem') {
        setId(node, unique('p-' + fingerprint(toString(node))));
      } else if (node.type === 'paragraph' && parent?.type !== 'listItem') {
        setId(node, unique('p-' + fingerprint(toString(node))));
      }
    });
  };
}

function setId(node: { data?: { hProperties?: Record<string, unknown> } }, id: string) {
  node.data ??= {};
  node.data.hProperties = { ...node.data.hProperties, id };
}

export function idOf(node: { data?: unknown }): string | undefined {
  const id = (node.data as { hProperties?: { id?: unknown } } | undefined)?.hProperties?.id;
  return typeof id === 'string' ? id : undefined;
}
