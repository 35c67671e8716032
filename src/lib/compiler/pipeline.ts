/**
 * The compiler, stage by stage. Each stage is a small pure function in its own file; the folder says
 * what it consumes and produces (../text/ string→string, structure/ string→tree, remark/ and rehype/
 * tree→tree, site-wide/ all documents→indexes, emit/ indexes→files).
 *
 *   1 text       decodeSource                      bytes → string (UTF-8, BOM, CRLF; errors name the file)
 *   2 structure  splitBlocks                       string → blocks with source line numbers
 *                applyCorrections                  reviewed per-source fixes: duplicates, roles, article order
 *                splitParagraphLines               line conventions: one paragraph per line, numbered lines after 。
 *                classifyBlocks                    headings (一、（一）1. 第X章), articles, 公文 parts (版头, 文号, title,
 *                                                  主送, signature, 附注, 附件, 版记), boxes, lists, tables, captions
 *                joinBrokenParagraphs              sentences broken by the extraction are re-joined
 *                nestHeadings                      heading depth from the document's numbering families
 *                cleanBlockText (text rules)       spaces, full-width punctuation, —— list dashes, **bold**
 *                buildMdast                        blocks → mdast (articles, sidebars, 专栏 boxes, labelled notes)
 *   3 mdast      remarkAssignIds                   stable ids on headings and paragraphs
 *                remarkLinkEntities                entity names → links (trie scan, longest first; the document's
 *                                                  region; first mention per section); every mention recorded
 *                toPlainText                       the cleaned text as a .txt download
 *                (entity pages: remarkResolveCitations → remarkAssignIds → remarkLinkEntities, see compile-entity.ts)
 *   4 hast       toHast → collectHeadings → rehypePermalinks → toHtml
 *                (entity frontmatter: resolveFacts cites region, period, status, figures; relationProblems checks targets)
 *   5 site       resolveFiguresAndEvents           figures.yaml / events.yaml citations → paragraph anchors
 *                buildSiteIndex                    one reduce: backlinks, related entities, typed relations both ways,
 *                                                  entities per document, figures and events per entity,
 *                                                  上一篇 / 下一篇 and related documents
 *                collationNotes                    per document: corrections applied (with reasons) and known gaps → 校勘说明
 *   6 emit       writeGenerated                    JSON read by the Astro routes
 *   7 postbuild  one pass over the built pages (CSP, indexed text, titles) → search index → sitemap →
 *                service worker (src/lib/astro/integration.ts)
 *
 * Shared types live in ../types.ts, which imports no stage.
 */
import type { Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import { toHtml } from 'hast-util-to-html';
import { toHast } from 'mdast-util-to-hast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { compileEntity, uncheckedCitationProblems } from './compile-entity.ts';
import { sourceMark } from '../text/short-title.ts';
import { ContentError, ProblemList, type Problem } from '../errors.ts';
import { collationNotes } from './collation/collation-notes.ts';
import { relationProblems } from './facts/check-relations.ts';
import { loadGaps } from './source/load-gaps.ts';
import { resolveFacts } from './facts/resolve-facts.ts';
import { buildSiteIndex } from './site-wide/build-site-index.ts';
import { loadEntities } from './source/load-entities.ts';
import { loadFiguresAndEvents } from './source/load-figures-and-events.ts';
import { resolveFiguresAndEvents } from './site-wide/resolve-figures-and-events.ts';
import { loadSources } from './source/load-sources.ts';
import { buildEntityMatcher } from './remark/link-entities.ts';
import { citedQuotesByDocument, citeLinks, type CitedQuote } from './site-wide/cited-paragraphs.ts';
import type { EntitySource } from './source/load-entities.ts';
import { site } from '../../config/site.config.ts';
import { loadLinkExclusions } from './source/load-link-exclusions.ts';
import type { EntityRef } from '../schema/entity.ts';
import type { Urls } from '../urls.ts';
import { collectHeadings } from './rehype/collect-headings.ts';
import { rehypePermalinks } from './rehype/permalinks.ts';
import { idOf, remarkAssignIds } from './remark/assign-ids.ts';
import { toPlainText } from './remark/plain-text.ts';
import { remarkLinkEntities, type EntityMatcher } from './remark/link-entities.ts';
import { applyCorrections } from './structure/apply-corrections.ts';
import { buildMdast } from './structure/build-mdast.ts';
import type { CompiledDocument, CompiledEntity, DocumentHeader, Mention, ParagraphIndexEntry, SiteBuild, SourceInput } from '../types.ts';
import { classifyBlocks } from './structure/classify-blocks.ts';
import { cleanBlockText } from './structure/clean-block-text.ts';
import { joinBrokenParagraphs } from './structure/join-broken-paragraphs.ts';
import { nestHeadings } from './structure/nest-headings.ts';
import { splitBlocks } from './structure/split-blocks.ts';
import { splitParagraphLines } from './structure/split-paragraph-lines.ts';
import { decodeSource } from '../text/decode-source.ts';
import { contentHash, documentKey, entityKey, sharedKey, type CompileCache } from './cache/document-cache.ts';

export interface CompileContext {
  matcher: EntityMatcher;
  entityHref: (entityId: string) => string;
  /** Quotes entity pages cite, by document: those paragraphs link the citing entity (src/lib/compiler/site-wide/cited-paragraphs.ts). */
  citedQuotes?: ReadonlyMap<string, CitedQuote[]>;
}

/** Stages 1–3 (text → structure → mdast) for one document; pure given its inputs. */
export function sourceToMdast(input: SourceInput): {
  tree: Root;
  header: DocumentHeader;
  problems: Problem[];
  corrections: number;
  joins: number;
} {
  const text = decodeSource(input.bytes, input.file);
  const corrected = applyCorrections(splitBlocks(text), input.corrections, input.correctionsFile);
  const classified = classifyBlocks(splitParagraphLines(corrected.blocks), { issuer: input.meta.issuer, title: input.meta.title });
  const joined = joinBrokenParagraphs(classified);
  const blocks = cleanBlockText(nestHeadings(joined.blocks));
  const { tree, header } = buildMdast(blocks);
  // Corrections problems name the corrections file, so their line is that file's line, not the source's.
  const problems = corrected.problems.map((p) => ({ ...p, line: p.field ? input.locateCorrection?.(p.field) : undefined }));
  return { tree, header, problems, corrections: corrected.applied, joins: joined.joins };
}

/** The whole per-document pipeline: source bytes → anchored, entity-linked HTML and its indexes. */
export function compileDocument(input: SourceInput, context: CompileContext): { document?: CompiledDocument; problems: Problem[] } {
  const { tree, header, problems, corrections, joins } = sourceToMdast(input);
  if (problems.length > 0) return { problems };

  remarkAssignIds()(tree);
  const mentions: Mention[] = [];
  remarkLinkEntities({
    matcher: context.matcher,
    href: context.entityHref,
    region: input.meta.region,
    citations: context.citedQuotes?.get(input.slug),
    onMention: (m) => mentions.push(m),
  })(tree);

  const paragraphs: ParagraphIndexEntry[] = [];
  let headings = 0;
  visit(tree, (node) => {
    if (node.type === 'heading') headings++;
    const id = idOf(node);
    if (id && node.type !== 'heading') paragraphs.push({ id, text: toString(node) });
  });

  const text = toPlainText(
    tree,
    [header.docNumber, header.title ?? input.meta.title, header.issuer].filter((l): l is string => Boolean(l)),
  );
  const hast = toHast(tree) as HastRoot;
  const toc = collectHeadings(hast);
  rehypePermalinks()(hast);
  const html = toHtml(hast);

  return {
    problems: [],
    document: {
      slug: input.slug,
      meta: input.meta,
      source: { bytes: input.bytes, original: input.original },
      unconfirmed: input.unconfirmed,
      text,
      header,
      html,
      toc,
      paragraphs,
      mentions,
      report: { headings, paragraphs: paragraphs.length, corrections, joins },
    },
  };
}

export interface CompileSiteOptions {
  /**
   * Results of earlier compiles (./cache/document-cache.ts): a document, or an entity page, whose
   * inputs are unchanged is not compiled again, and an unchanged entity file is not parsed again.
   */
  cache?: CompileCache;
  /** Called as each part of the compile starts; the function it returns as that part ends (step timings). */
  step?: (name: string) => () => void;
}

/**
 * All stages for the whole corpus: every document once, every entity page once, then the single
 * site-wide reduce. Throws one ContentError listing every problem found.
 */
export function compileSite(contentDir: string, urls: Urls, options: CompileSiteOptions = {}): SiteBuild {
  const { cache } = options;
  const step = options.step ?? (() => () => {});
  const problems = new ProblemList();
  let endStep = step('read-content');
  const sources = loadSources(contentDir);
  const loaded = loadEntities(contentDir, cache?.memo);
  const linkExclusions = loadLinkExclusions(contentDir, loaded.entities);
  const gaps = loadGaps(contentDir);
  [...sources.problems, ...loaded.problems, ...linkExclusions.problems, ...gaps.problems].forEach((p) => problems.add(p));

  const matcher = buildEntityMatcher(
    loaded.entities.map((e) => ({ ...e, region: e.frontmatter.region })),
    linkExclusions.exclusions,
  );
  // Figures (指标) and events (大事记) are read first: the paragraphs they cite for an entity link to it.
  const figureFiles = loadFiguresAndEvents(contentDir);
  // Parsing every entity body for its cite links took about 0.7 s of a rebuild at 1,000 documents;
  // they depend on the body alone, so the cache keeps them by the body's hash.
  const linksOf = (entity: EntitySource) => {
    const key = cache?.citeLinks ? contentHash(entity.body) : '';
    const kept = cache?.citeLinks?.get(entity.id, key);
    if (kept) return kept;
    const links = citeLinks(entity.body);
    cache?.citeLinks?.set(entity.id, key, links);
    return links;
  };
  const citedQuotes = citedQuotesByDocument(loaded.entities, [...figureFiles.figures.entries, ...figureFiles.events.entries], linksOf);
  endStep();
  endStep = step('compile-documents');
  const documents: CompiledDocument[] = [];
  const failed = new Map(sources.failed);

  // Everything a document's compile reads besides its own files: the matcher's inputs (a new alias
  // recompiles every document), the entity link pattern (base path) and the compiler itself.
  const shared = cache
    ? sharedKey({
        compilerVersion: cache.version,
        base: urls.entity('\0'),
        matcher: [loaded.entities.map((e) => [e.id, e.name, e.aliases, e.frontmatter.region]), linkExclusions.exclusions],
      })
    : '';
  for (const input of sources.inputs) {
    const documentGaps = gaps.gaps.filter((g) => g.doc === input.slug);
    const key = cache ? documentKey(input, shared, { gaps: documentGaps, citedQuotes: citedQuotes.get(input.slug) }) : '';
    const cached = cache?.get(input.slug, key);
    if (cached) {
      documents.push({
        slug: input.slug,
        meta: input.meta,
        source: { bytes: input.bytes, original: input.original },
        unconfirmed: input.unconfirmed,
        ...cached,
      });
      continue;
    }
    try {
      const result = compileDocument(input, { matcher, entityHref: (id) => urls.entity(id), citedQuotes });
      result.problems.forEach((p) => problems.add(p));
      if (result.document) {
        const collation = collationNotes({
          slug: input.slug,
          corrections: input.corrections,
          sourceLines: decodeSource(input.bytes, input.file).split('\n'),
          paragraphs: result.document.paragraphs,
          toc: result.document.toc,
          gaps: documentGaps,
        });
        collation.problems.forEach((p) => problems.add(p));
        documents.push({ ...result.document, collation: collation.notes });
        // Only a clean result is kept: a document with problems is compiled (and reported) every time.
        if (cache && result.problems.length === 0 && collation.problems.length === 0) {
          const { text, header, html, toc, paragraphs, mentions, report } = result.document;
          cache.set(input.slug, key, { text, header, html, toc, paragraphs, mentions, report, collation: collation.notes });
        }
      } else failed.set(input.slug, input.file);
    } catch (e) {
      if (!(e instanceof ContentError)) throw e;
      e.problems.forEach((p) => problems.add(p));
      failed.set(input.slug, input.file);
    }
  }

  const known = new Set([...sources.inputs.map((i) => i.slug), ...failed.keys()]);
  for (const g of gaps.gaps.filter((x) => !known.has(x.doc))) {
    problems.add({
      file: g.file,
      line: g.line,
      field: 'doc',
      message: `names unknown document "${g.doc}"`,
      hint: 'Name a document by the name of its file in content/sources, without .txt.',
    });
  }
  endStep();
  endStep = step('compile-entity-pages');
  const paragraphs = new Map(documents.map((d) => [d.slug, d.paragraphs]));
  const documentsBySlug = new Map(documents.map((d) => [d.slug, d]));
  const isFailedDocument = (slug: string) => failed.has(slug) || sources.unreadable !== undefined;
  /**
   * What an entity page citing a document reads of it, hashed once per compile when first asked: its
   * body reads the cited paragraphs and the document's source mark (［十四五规划］), its frontmatter
   * facts the paragraphs and the metadata (a fact shows its source's title and date). Not the
   * document's whole key: a correction reason changes the document's page, not the pages citing it,
   * and a new title that keeps the mark re-resolves the facts of the citing pages, not their bodies.
   */
  const fingerprints = new Map<string, string>();
  const fingerprint = (slug: string, of: 'body' | 'facts') => {
    if (sources.unreadable !== undefined) return 'unreadable';
    if (failed.has(slug)) return 'failed';
    const document = documentsBySlug.get(slug);
    if (!document) return 'absent';
    const id = `${of}\0${slug}`;
    let hash = fingerprints.get(id);
    if (!hash) {
      hash = contentHash([of === 'body' ? sourceMark(document.meta) : document.meta, document.paragraphs]);
      fingerprints.set(id, hash);
    }
    return hash;
  };
  const unchanged = (deps: Record<string, string>, of: 'body' | 'facts') =>
    Object.entries(deps).every(([slug, was]) => fingerprint(slug, of) === was);
  const entityPages: CompiledEntity[] = [];
  for (const entity of loaded.entities) {
    const key = cache?.entities ? entityKey(entity, shared) : '';
    const cached = cache?.entities?.get(entity.id, key);
    const bodyKept = cached && unchanged(cached.bodyDeps, 'body') ? cached : undefined;
    if (bodyKept && unchanged(bodyKept.factsDeps, 'facts')) {
      entityPages.push(bodyKept.page);
      continue;
    }
    // The documents the page reads (cites), recorded so a cached result is reused only while they read the same.
    const bodyDeps: Record<string, string> = {};
    const factsDeps: Record<string, string> = {};
    const reads = (deps: Record<string, string>, of: 'body' | 'facts') => (slug: string) => {
      deps[slug] = fingerprint(slug, of);
      return slug;
    };
    const bodyReads = reads(bodyDeps, 'body');
    const factsReads = reads(factsDeps, 'facts');
    let body: { entity: CompiledEntity; problems: Problem[] };
    if (bodyKept) body = { entity: bodyKept.page, problems: [] };
    else
      body = compileEntity(entity, {
        matcher,
        paragraphsOf: (slug) => paragraphs.get(bodyReads(slug)),
        entityHref: (id) => urls.entity(id),
        citationHref: (slug, anchor) => urls.document(slug, anchor),
        citationLabel: (slug) => {
          const d = documentsBySlug.get(bodyReads(slug));
          return d && sourceMark(d.meta);
        },
        isFailedDocument: (slug) => isFailedDocument(bodyReads(slug)),
      });
    body.problems.forEach((p) => problems.add(p));
    const facts = resolveFacts(entity, {
      documentOf: (slug) => documentsBySlug.get(factsReads(slug)),
      isFailedDocument: (slug) => isFailedDocument(factsReads(slug)),
    });
    facts.problems.forEach((p) => problems.add(p));
    const page = { ...body.entity, facts: facts.facts };
    entityPages.push(page);
    // Only a clean result is kept: a page with problems is compiled (and reported) every time.
    if (cache?.entities && body.problems.length === 0 && facts.problems.length === 0)
      cache.entities.set(entity.id, key, { bodyDeps: bodyKept?.bodyDeps ?? bodyDeps, factsDeps, page });
  }
  relationProblems(loaded.entities).forEach((p) => problems.add(p));
  // A document that failed is reported once above; its citations are counted, not each reported.
  uncheckedCitationProblems(entityPages, failed, sources.unreadable).forEach((p) => problems.add(p));

  // Figures (指标) and events (大事记): each cites its paragraph, checked like entity citations;
  // a figure's topic is the theme of the entities it concerns (the 指标 page groups by it).
  const themeById = new Map(loaded.entities.map((e) => [e.id, e.frontmatter.theme]));
  // Without a sources folder no citation can be checked; that folder's problem is reported above.
  const resolved = sources.unreadable
    ? { figures: [], events: [], problems: [] }
    : resolveFiguresAndEvents(
        figureFiles,
        new Map(documents.map((d) => [d.slug, d])),
        new Set(loaded.entities.map((e) => e.id)),
        new Set(failed.keys()),
        {
          themeOf: (id) => themeById.get(id),
          order: site.themes,
        },
      );
  [...figureFiles.problems, ...resolved.problems].forEach((p) => problems.add(p));
  cache?.sweep();
  problems.throwIfAny();
  endStep();

  endStep = step('site-wide');
  const entities: EntityRef[] = loaded.entities.map(({ id, kind, slug, name, aliases }) => ({ id, kind, slug, name, aliases }));
  const { figures, events } = resolved;
  const index = buildSiteIndex(documents, entityPages, entities, { figures, events });
  endStep();
  return { documents, entities, entityPages, figures, events, index };
}

export type { CompiledDocument, SiteBuild, SourceInput };
