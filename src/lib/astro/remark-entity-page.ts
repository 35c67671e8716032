import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { entityPageTransforms } from '../compile-entity.ts';
import { GENERATED_DIR } from '../emit/write-generated.ts';
import { buildEntityMatcher, type EntityMatcher } from '../remark/link-entities.ts';
import type { ParagraphIndexEntry } from '../remark/resolve-citations.ts';
import type { EntityRef } from '../schema/entity.ts';
import { createUrls } from '../urls.ts';

let matcher: EntityMatcher | undefined;
const paragraphs = new Map<string, ParagraphIndexEntry[] | undefined>();

function loadParagraphs(slug: string): ParagraphIndexEntry[] | undefined {
  if (!paragraphs.has(slug)) {
    try {
      paragraphs.set(slug, JSON.parse(readFileSync(join(GENERATED_DIR, 'paragraphs', `${slug}.json`), 'utf8')));
    } catch {
      paragraphs.set(slug, undefined);
    }
  }
  return paragraphs.get(slug);
}

const ENTITY_FILE = /content\/(policies|projects|governance)\/([a-z0-9-]+)\.mdx$/;

/**
 * Astro's MDX pipeline runs the same remark stages on entity pages as the compiler did when it
 * validated them (citations → anchors → entity links), reading the compiler's output in .generated/.
 */
export function remarkEntityPage(options: { base: string }) {
  const urls = createUrls(options.base);
  return (tree: Root, file: VFile) => {
    const m = ENTITY_FILE.exec(file.path.replace(/\\/g, '/'));
    if (!m) return;
    matcher ??= buildEntityMatcher(JSON.parse(readFileSync(join(GENERATED_DIR, 'entity-names.json'), 'utf8')) as EntityRef[]);
    const transforms = entityPageTransforms({
      matcher,
      paragraphsOf: loadParagraphs,
      entityHref: (id) => urls.entity(id),
      citationHref: (slug, anchor) => urls.document(slug, anchor),
      selfId: `${m[1]}/${m[2]}`,
      onProblem: (p) => {
        throw new Error(`${file.path}${p.line ? `:${p.line}` : ''}: ${p.message} (run npm run compile for all problems)`);
      },
    });
    for (const t of transforms) t(tree);
  };
}
