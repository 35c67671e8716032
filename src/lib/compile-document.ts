import type { Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import { toHtml } from 'hast-util-to-html';
import { toHast } from 'mdast-util-to-hast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Problem } from './errors.ts';
import { collectHeadings, type TocEntry } from './rehype/collect-headings.ts';
import { rehypePermalinks } from './rehype/permalinks.ts';
import { idOf, remarkAssignIds } from './remark/assign-ids.ts';
import { remarkLinkEntities, type EntityMatcher, type Mention } from './remark/link-entities.ts';
import type { ParagraphIndexEntry } from './remark/resolve-citations.ts';
import type { Corrections } from './schema/corrections.ts';
import type { SourceMeta } from './schema/source-meta.ts';
import { applyCorrections } from './structure/apply-corrections.ts';
import { buildMdast, type DocumentHeader } from './structure/build-mdast.ts';
import { classifyBlocks } from './structure/classify-blocks.ts';
import { cleanBlockText } from './structure/clean-block-text.ts';
import { joinBrokenParagraphs } from './structure/join-broken-paragraphs.ts';
import { nestHeadings } from './structure/nest-headings.ts';
import { splitBlocks } from './structure/split-blocks.ts';
import { decodeSource } from './text/decode-source.ts';

export interface SourceInput {
  slug: string;
  /** Path of the source text, for messages. */
  file: string;
  bytes: Uint8Array;
  meta: SourceMeta;
  corrections: Corrections;
  correctionsFile: string;
}

export interface CompileContext {
  matcher: EntityMatcher;
  entityHref: (entityId: string) => string;
}

export interface DocumentReport {
  headings: number;
  paragraphs: number;
  corrections: number;
  joins: number;
}

export interface CompiledDocument {
  slug: string;
  meta: SourceMeta;
  header: DocumentHeader;
  html: string;
  toc: TocEntry[];
  paragraphs: ParagraphIndexEntry[];
  mentions: Mention[];
  report: DocumentReport;
}

/** Stages 1–3 (text → structure → mdast) for one document; pure given its inputs. */
export function sourceToMdast(input: SourceInput): { tree: Root; header: DocumentHeader; problems: Problem[]; corrections: number; joins: number } {
  const text = decodeSource(input.bytes, input.file);
  const corrected = applyCorrections(splitBlocks(text), input.corrections, input.correctionsFile);
  const classified = classifyBlocks(corrected.blocks, { issuer: input.meta.issuer });
  const joined = joinBrokenParagraphs(classified);
  const blocks = cleanBlockText(nestHeadings(joined.blocks));
  const { tree, header } = buildMdast(blocks);
  return { tree, header, problems: corrected.problems, corrections: corrected.applied, joins: joined.joins };
}

/** The whole per-document pipeline: source bytes → anchored, entity-linked HTML and its indexes. */
export function compileDocument(input: SourceInput, context: CompileContext): { document?: CompiledDocument; problems: Problem[] } {
  const { tree, header, problems, corrections, joins } = sourceToMdast(input);
  if (problems.length > 0) return { problems };

  remarkAssignIds()(tree);
  const mentions: Mention[] = [];
  remarkLinkEntities({ matcher: context.matcher, href: context.entityHref, onMention: (m) => mentions.push(m) })(tree);

  const paragraphs: ParagraphIndexEntry[] = [];
  let headings = 0;
  visit(tree, (node) => {
    if (node.type === 'heading') headings++;
    const id = idOf(node);
    if (id && node.type !== 'heading') paragraphs.push({ id, text: toString(node) });
  });

  const hast = toHast(tree) as HastRoot;
  const toc = collectHeadings(hast);
  rehypePermalinks()(hast);
  const html = toHtml(hast);

  return {
    problems: [],
    document: {
      slug: input.slug,
      meta: input.meta,
      header,
      html,
      toc,
      paragraphs,
      mentions,
      report: { headings, paragraphs: paragraphs.length, corrections, joins },
    },
  };
}
