import type { Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Root } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Problem } from './errors.ts';
import type { CompiledEntity } from './types.ts';
import { remarkAssignIds } from './remark/assign-ids.ts';
import { remarkLinkEntities, type EntityMatcher } from './remark/link-entities.ts';
import type { Mention } from './types.ts';
import { remarkResolveCitations } from './remark/resolve-citations.ts';
import type { Citation, ParagraphIndexEntry } from './types.ts';
import type { EntitySource } from './source/load-entities.ts';

export interface EntityPagePluginOptions {
  matcher: EntityMatcher;
  paragraphsOf: (document: string) => ParagraphIndexEntry[] | undefined;
  entityHref: (entityId: string) => string;
  citationHref: (document: string, anchor: string) => string;
  selfId?: string;
  onMention?: (m: Mention) => void;
  onCitation?: (c: Citation) => void;
  onProblem: (p: { message: string; line?: number }) => void;
}

/**
 * The remark stages of an entity page, in order: citations become paragraph links (so the linker
 * leaves them alone), paragraphs get anchors, entity names become links. The compiler runs these
 * to validate and record mentions; Astro's MDX pipeline runs the very same list to render.
 */
export function entityPageTransforms(o: EntityPagePluginOptions): Array<(tree: Root) => void> {
  return [
    remarkResolveCitations({ paragraphsOf: o.paragraphsOf, href: o.citationHref, onCitation: o.onCitation, onProblem: o.onProblem }),
    remarkAssignIds(),
    remarkLinkEntities({ matcher: o.matcher, href: o.entityHref, selfId: o.selfId, onMention: o.onMention }),
  ];
}

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);


/** Parses an entity body as MDX and runs its remark stages, collecting mentions, citations and problems. */
export function compileEntity(
  entity: EntitySource,
  options: Omit<EntityPagePluginOptions, 'selfId' | 'onMention' | 'onCitation' | 'onProblem'>,
): { entity: CompiledEntity; problems: Problem[] } {
  const problems: Problem[] = [];
  const mentions: Mention[] = [];
  const citations: Citation[] = [];
  let tree: Root;
  try {
    tree = parser.runSync(parser.parse(entity.body)) as Root;
  } catch (e) {
    const err = e as { line?: number; reason?: string; message: string };
    problems.push({ file: entity.file, line: err.line ? err.line + entity.bodyLine - 1 : undefined, message: `body is not valid MDX: ${err.reason ?? err.message}`, hint: 'Write plain Markdown; escape { } < > as \\{ \\} \\< \\>.' });
    return { entity: { id: entity.id, data: entity.frontmatter, mentions, citations, html: '' }, problems };
  }
  for (const node of tree.children) {
    if (node.type.startsWith('mdx')) {
      problems.push({ file: entity.file, line: (node.position?.start.line ?? 1) + entity.bodyLine - 1, message: `uses ${node.type}; entity bodies are Markdown only`, hint: 'Remove JSX/expressions or escape { and <.' });
    }
  }
  const transforms = entityPageTransforms({
    ...options,
    selfId: entity.id,
    onMention: (m) => mentions.push(m),
    onCitation: (c) => citations.push(c),
    onProblem: (p) => problems.push({ file: entity.file, line: p.line ? p.line + entity.bodyLine - 1 : undefined, message: p.message, hint: 'Quote words that occur in exactly one paragraph of the cited document.' }),
  });
  for (const t of transforms) t(tree);
  if (citations.length === 0 && problems.length === 0) {
    problems.push({ file: entity.file, message: 'cites no source', hint: 'Every factual statement needs a [〔label〕](cite:document "quote") citation.' });
  }
  // No allowDangerousHtml: raw HTML never reaches the page (it is also reported as a problem).
  const html = toHtml(toHast(tree) as HastRoot);
  return { entity: { id: entity.id, data: entity.frontmatter, mentions, citations, html }, problems };
}

export type { CompiledEntity };
