import type { Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Root } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Node, Parent } from 'unist';
import { SKIP, visit } from 'unist-util-visit';
import type { Problem } from '../errors.ts';
import type { CompiledEntity } from '../types.ts';
import { remarkAssignIds } from './remark/assign-ids.ts';
import { remarkLinkEntities, type EntityMatcher } from './remark/link-entities.ts';
import type { Mention } from '../types.ts';
import { remarkResolveCitations } from './remark/resolve-citations.ts';
import type { Citation, ParagraphIndexEntry } from '../types.ts';
import type { EntitySource } from './source/load-entities.ts';

export interface EntityPagePluginOptions {
  matcher: EntityMatcher;
  paragraphsOf: (document: string) => ParagraphIndexEntry[] | undefined;
  entityHref: (entityId: string) => string;
  citationHref: (document: string, anchor: string) => string;
  /** A cited document's source mark (［十四五规划］), the same on every page. */
  citationLabel?: (document: string) => string | undefined;
  selfId?: string;
  /** The entity's own region: its body links to entities of this region, enclosing or inside ones. */
  region?: string;
  onMention?: (m: Mention) => void;
  onCitation?: (c: Citation) => void;
  onProblem: (p: { message: string; line?: number }) => void;
}

/**
 * The remark stages of an entity page, in order: citations become paragraph links (so the linker
 * leaves them alone), paragraphs get anchors, entity names become links. The compiler runs them
 * once, both to validate and record mentions and to render the page's HTML: entity pages are never
 * rendered by Astro's MDX.
 */
export function entityPageTransforms(o: EntityPagePluginOptions): Array<(tree: Root) => void> {
  return [
    remarkResolveCitations({
      paragraphsOf: o.paragraphsOf,
      href: o.citationHref,
      labelOf: o.citationLabel,
      onCitation: o.onCitation,
      onProblem: o.onProblem,
    }),
    remarkAssignIds(),
    remarkLinkEntities({
      matcher: o.matcher,
      href: o.entityHref,
      selfId: o.selfId,
      region: o.region,
      innerRegions: true,
      sectionsAtHeadings: false,
      onMention: o.onMention,
    }),
  ];
}

/** Entity bodies are Markdown (CommonMark + GFM tables and strikethrough), never code. */
const markdownParser = unified().use(remarkParse).use(remarkGfm);
/**
 * Only to DETECT what an MDX renderer would run as code (JSX, `{expressions}`, import/export),
 * wherever it sits in the tree. The files are .md and rendered by the compiler, never by MDX, but
 * authors paste MDX habits (JSX, `{expressions}`) that would show as garbage or run as code if a
 * renderer ever treated them as MDX, so anything this parser reads as code is refused.
 */
const mdxDetector = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);

const MARKDOWN_ONLY =
  'Entity pages are Markdown only: remove it (use **bold**, [text](https://…) or cite: links); to show { or < as text, write \\{ or \\<.';

/**
 * Link, image and definition targets allowed on entity pages: web pages, this site's pages and
 * citations. Everything else (javascript:, data:, vbscript:, protocol-relative //host…) is refused.
 * Browsers drop tabs and newlines anywhere in a URL and leading spaces and control characters,
 * and read schemes in any letter case, so the check does too.
 */
export function isAllowedUrl(url: string): boolean {
  const u = url
    .replace(/[\t\n\r]/g, '')
    .replace(/^[\u0000-\u0020]+/, '')
    .toLowerCase();
  if (/^https?:\/\//.test(u) || u.startsWith('cite:') || u.startsWith('#') || u.startsWith('./') || u.startsWith('../')) return true;
  return u.startsWith('/') && !u.startsWith('//') && !u.startsWith('/\\');
}

const snippet = (s: string) => {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > 40 ? one.slice(0, 39) + '…' : one;
};

interface MdxNode extends Node {
  name?: string | null;
  value?: string;
}

function describeMdxNode(node: MdxNode): string | undefined {
  switch (node.type) {
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      return `contains the JSX element <${node.name ?? ''}>, which the MDX renderer would run as code`;
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      return `contains the expression {${snippet(node.value ?? '')}}, which the MDX renderer would run as code`;
    case 'mdxjsEsm':
      return `contains "${snippet(node.value ?? '')}", which the MDX renderer would run as code`;
    default:
      return undefined;
  }
}

/**
 * Everything in an entity body that is not plain Markdown: raw HTML, MDX code anywhere in the tree
 * (flow, inline, nested), and link targets with other schemes. One problem per source line.
 * `lineOffset` maps body lines to file lines.
 */
export function findUnsafeMarkdown(tree: Root, body: string, file: string, lineOffset: number): Problem[] {
  const byLine = new Map<number, Problem>();
  const add = (node: Node | undefined, line: number | undefined, column: number | undefined, message: string, hint: string) => {
    const at = (line ?? node?.position?.start.line ?? 1) + lineOffset;
    if (!byLine.has(at)) byLine.set(at, { file, line: at, column: column ?? node?.position?.start.column, message, hint });
  };
  visit(tree, (node) => {
    if (node.type === 'html') {
      add(node, undefined, undefined, `contains HTML (${snippet(node.value)}); entity pages are Markdown only`, MARKDOWN_ONLY);
    } else if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && !isAllowedUrl(node.url)) {
      add(
        node,
        undefined,
        undefined,
        `${node.type === 'image' ? 'shows an image from' : 'links to'} "${snippet(node.url)}"; only https://, http://, site paths (/…, ./…, ../…, #…) and cite: are allowed`,
        'Link to a web page (https://…), a page of this site (/…) or a source (cite:<document>).',
      );
    }
  });
  // MDX code needs a `<` (JSX), a `{` (expression) or a line starting with import/export (ESM);
  // a body with none of them cannot hold any, and most pages are like that.
  if (!/[<{]|^(import|export)\b/m.test(body)) return [...byLine.values()].sort((a, b) => a.line! - b.line!);
  try {
    visit(mdxDetector.parse(body), (node: MdxNode) => {
      const what = describeMdxNode(node);
      if (what) add(node, undefined, undefined, what, MARKDOWN_ONLY);
    });
  } catch (e) {
    // Not even valid MDX (an unquoted attribute, a lone `{` or `<`): the renderer would stop here.
    const err = e as { line?: number; column?: number; reason?: string; message: string };
    add(
      undefined,
      err.line ?? 1,
      err.column,
      `would be read as code by the MDX renderer: ${(err.reason ?? err.message).split('\n')[0]}`,
      MARKDOWN_ONLY,
    );
  }
  return [...byLine.values()].sort((a, b) => a.line! - b.line!);
}

/** Takes citations of failed documents out of the tree (so they are not each reported), counting them. */
function setAsideCitations(tree: Root, isFailedDocument: (slug: string) => boolean): Record<string, number> {
  const counts: Record<string, number> = {};
  visit(tree, 'link', (node, index, parent: Parent | undefined) => {
    const document = node.url.startsWith('cite:') ? node.url.slice('cite:'.length) : undefined;
    if (document === undefined || !isFailedDocument(document) || !parent || index === undefined) return;
    counts[document] = (counts[document] ?? 0) + 1;
    parent.children.splice(index, 1, ...node.children);
    return [SKIP, index];
  });
  return counts;
}

/**
 * Parses an entity body as Markdown, refuses anything that is not (HTML, MDX code, unsafe link
 * targets), and runs its remark stages, collecting mentions, citations and problems.
 */
export function compileEntity(
  entity: EntitySource,
  options: Omit<EntityPagePluginOptions, 'selfId' | 'region' | 'onMention' | 'onCitation' | 'onProblem'> & {
    isFailedDocument?: (slug: string) => boolean;
  },
): { entity: CompiledEntity; problems: Problem[] } {
  const mentions: Mention[] = [];
  const citations: Citation[] = [];
  const lineOffset = entity.bodyLine - 1;
  const tree = markdownParser.runSync(markdownParser.parse(entity.body)) as Root;
  const problems = findUnsafeMarkdown(tree, entity.body, entity.file, lineOffset);
  if (problems.length > 0)
    return { entity: { id: entity.id, data: entity.frontmatter, mentions, citations, uncheckedCitations: {}, html: '' }, problems };

  const uncheckedCitations = options.isFailedDocument ? setAsideCitations(tree, options.isFailedDocument) : {};
  const transforms = entityPageTransforms({
    ...options,
    selfId: entity.id,
    region: entity.frontmatter.region,
    onMention: (m) => mentions.push(m),
    onCitation: (c) => citations.push(c),
    onProblem: (p) =>
      problems.push({
        file: entity.file,
        line: p.line ? p.line + lineOffset : undefined,
        message: p.message,
        hint: p.message.startsWith('cites unknown document')
          ? 'Cite a document by the name of its file in content/sources, without .txt: cite:<slug>.'
          : 'Quote words that occur in exactly one paragraph of the cited document.',
      }),
  });
  for (const t of transforms) t(tree);
  if (citations.length === 0 && problems.length === 0 && Object.keys(uncheckedCitations).length === 0) {
    problems.push({
      file: entity.file,
      message: 'cites no source',
      hint: 'Every factual statement needs a [source](cite:document "quote") citation; the page shows the document\'s one short name (［十四五规划］).',
    });
  }
  // No allowDangerousHtml: raw HTML never reaches the page (it is also reported as a problem).
  const html = toHtml(toHast(tree) as HastRoot);
  return { entity: { id: entity.id, data: entity.frontmatter, mentions, citations, uncheckedCitations, html }, problems };
}

/**
 * One line per failed document (or one for an unreadable sources folder) saying how many citations
 * of it were not checked, instead of one "cites unknown document" per citation.
 */
export function uncheckedCitationProblems(pages: CompiledEntity[], failed: Map<string, string>, unreadableSources?: string): Problem[] {
  const sentence = (count: (e: CompiledEntity) => number, of: string) => {
    const total = pages.reduce((n, e) => n + count(e), 0);
    const citing = pages.filter((e) => count(e) > 0).length;
    return total === 0
      ? undefined
      : `${total} citation${total > 1 ? 's' : ''}${of} in ${citing} entity page${citing > 1 ? 's' : ''} ${total > 1 ? 'were' : 'was'} not checked`;
  };
  const problems: Problem[] = [];
  if (unreadableSources !== undefined) {
    const what = sentence((e) => Object.values(e.uncheckedCitations ?? {}).reduce((a, b) => a + b, 0), '');
    if (what) problems.push({ file: unreadableSources, message: `${what}, because there are no sources to check them against` });
  }
  for (const [slug, file] of failed) {
    const what = sentence((e) => e.uncheckedCitations?.[slug] ?? 0, ` of "${slug}"`);
    if (what) problems.push({ file, message: `${what}, because this document failed (see above)` });
  }
  return problems;
}

export type { CompiledEntity };
