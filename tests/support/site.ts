import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { remove } from 'unist-util-remove';
import { workPaths } from '../../src/config/environment.ts';

export const DIST = workPaths(process.env, join(import.meta.dirname, '../..')).dist;

export function readPage(path: string, dist = DIST): Root {
  return fromHtml(readFileSync(join(dist, path), 'utf8'));
}

/** Text a reader sees in the given elements, without permalink glyphs and the editor's 校勘 marks. */
export function visibleText(tree: Root, selector: string): string {
  const nodes = selectAll(selector, tree) as Element[];
  return nodes
    .map((n) => {
      const copy = structuredClone(n);
      remove(
        copy,
        (x) => x.type === 'element' && /permalink|heading-anchor|collation-mark/.test(String((x as Element).properties?.className ?? '')),
      );
      return toString(copy);
    })
    .join('\n');
}
