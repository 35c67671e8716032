/**
 * The data contract between the compiler's stages, the site-wide reduce, the generated files and
 * the routes. Stages import their inputs' and outputs' types from here; this module imports no
 * stage (only schemas, which are data), so the layers point one way.
 */
import type { Corrections } from './schema/corrections.ts';
import type { EntityFrontmatter, EntityKind, EntityRef } from './schema/entity.ts';
import type { EventEntry, FigureEntry } from './schema/facts.ts';
import type { SourceMeta } from './schema/source-meta.ts';

/** One source document as the loader hands it to the compiler. */
export interface SourceInput {
  slug: string;
  /** Path of the source text, for messages. */
  file: string;
  bytes: Uint8Array;
  meta: SourceMeta;
  corrections: Corrections;
  correctionsFile: string;
  /** The original file this text was extracted from (PDF, DOCX, web page), when it was kept. */
  original?: string;
  /** The line of the corrections file where a field (`articles[0].blocks[2]`) is, for messages. */
  locateCorrection?: (field: string) => number | undefined;
  /**
   * Top-level metadata fields that still carry add-document's `# 待确认` comment: detected by the
   * program, not yet checked by an editor. Published all the same, marked 未核对 on the page.
   */
  unconfirmed?: string[];
}

/** Title block of a document, read off its first lines. */
export interface DocumentHeader {
  title?: string;
  docNumber?: string;
  issuer?: string;
}

/** One entry of a page's table of contents. */
export interface TocEntry {
  depth: number;
  id: string;
  text: string;
}

/** A paragraph (or list item) with its anchor, as citations are resolved against. */
export interface ParagraphIndexEntry {
  id: string;
  text: string;
}

/** A citation of an entity page, resolved to the paragraph it quotes. */
export interface Citation {
  document: string;
  anchor: string;
  quote: string;
}

/** One place where a document or entity page names an entity. */
export interface Mention {
  entityId: string;
  /** `id` of the paragraph (or list item, heading) the mention sits in. */
  anchor?: string;
  before: string;
  match: string;
  after: string;
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
  /** The source exactly as received, and the original PDF/DOCX/web page when one was kept: 下载原文. */
  source: { bytes: Uint8Array; original?: string };
  /** Metadata fields still marked 待确认 (see SourceInput.unconfirmed). */
  unconfirmed?: string[];
  /** The compiled text as plain text (headings and paragraphs, one block a paragraph): the cleaned-text download. */
  text: string;
  header: DocumentHeader;
  html: string;
  toc: TocEntry[];
  paragraphs: ParagraphIndexEntry[];
  mentions: Mention[];
  report: DocumentReport;
  /** 校勘说明: corrections applied and known gaps of the source (src/lib/compiler/collation/collation-notes.ts). */
  collation?: CollationNote[];
}

export interface CompiledEntity {
  id: string;
  /** The validated frontmatter. */
  data: EntityFrontmatter;
  mentions: Mention[];
  citations: Citation[];
  /** The body rendered by the compiler: Markdown only, never executed. */
  html: string;
  /** Citations of documents that failed to compile, by document: counted, not checked. */
  uncheckedCitations?: Record<string, number>;
  /** Frontmatter facts resolved to their paragraphs (src/lib/compiler/facts/resolve-facts.ts). */
  facts?: ResolvedFacts;
}

export interface MentionExcerpt {
  anchor?: string;
  before: string;
  match: string;
  after: string;
}

export interface RelatedEntity {
  id: string;
  name: string;
  kind: EntityKind;
  /** Paragraphs both are mentioned in, plus links between their pages. */
  count: number;
}

/** Everything an entity page shows about the rest of the site. */
export interface EntityBacklinks {
  id: string;
  mentionCount: number;
  documents: Array<{ slug: string; title: string; date: string; mentions: MentionExcerpt[] }>;
  entities: Array<{ id: string; name: string; kind: EntityKind; mentions: MentionExcerpt[] }>;
  related: RelatedEntity[];
  /** Typed relations in both directions: declared on this page and declared on others about it. */
  relations: EntityRelation[];
}

export interface DocumentEntities {
  slug: string;
  entities: Array<{ id: string; name: string; kind: EntityKind; count: number }>;
}

/** The site-wide view of the kinds (/relations/): bounded, whatever the corpus size. */
export interface KindsOverview {
  kinds: Array<{ kind: EntityKind; count: number; top: Array<{ id: string; name: string; mentions: number }> }>;
  /** Links between kinds: typed relations and same-paragraph co-mentions, counted once per pair of entities. */
  links: Array<{ from: EntityKind; to: EntityKind; relations: number; coMentions: number }>;
  relationTypes: Array<{ type: string; count: number }>;
  /** Every typed relation as declared, by type (build data: /relations/ pages show a bounded part of each). */
  relationPairs?: Array<{ type: string; count: number; pairs: Array<{ from: EntityLabel; to: EntityLabel }> }>;
  /** The most connected entities and the relations and co-mentions among them, for the map on /relations/. */
  map?: { nodes: Array<EntityLabel & { degree: number }>; edges: Array<{ from: string; to: string; typed: boolean }> };
}

/** An entity as a link shows it. */
export interface EntityLabel {
  id: string;
  name: string;
  kind: EntityKind;
}

/** A figure of content/figures.yaml with its citation resolved (FactSource: the paragraph, the source's title and date); `id` is its position in the file. */
export type ResolvedFigure = Omit<FigureEntry, 'citation'> & {
  id: number;
  source: FactSource;
  /** The cited paragraph's position in its document, so a plan's indicators keep the plan's order. */
  position?: number;
  /** The site theme of the entities the figure names or its paragraph mentions (src/lib/compiler/site-wide/resolve-figures-and-events.ts). */
  topic?: string;
};

/** An event of content/events.yaml with its citation resolved. */
export type ResolvedEvent = Omit<EventEntry, 'citation'> & { id: number; source: FactSource };

/** The figures and events an entity page shows (from the one reduce). */
export interface EntityFacts {
  id: string;
  figures: ResolvedFigure[];
  events: ResolvedEvent[];
}

/** A document as another document's page links to it. */
export interface DocumentLink {
  slug: string;
  title: string;
  date: string;
}

/** A document's place among the others: 上一篇 / 下一篇 by date, and documents sharing entities. */
export interface DocumentNeighbours {
  slug: string;
  previous?: DocumentLink;
  next?: DocumentLink;
  /** Most shared entities first, bounded: each names up to a few of the shared entities. */
  related: Array<DocumentLink & { sharedCount: number; shared: string[] }>;
}

/** The result of the one site-wide reduce. */
export interface SiteIndex {
  backlinks: EntityBacklinks[];
  documentEntities: DocumentEntities[];
  /** One per entity, empty when it has none, so every entity page finds its slice. */
  entityFacts: EntityFacts[];
  documentNeighbours: DocumentNeighbours[];
  overview?: KindsOverview;
}

export interface SiteBuild {
  documents: CompiledDocument[];
  entities: EntityRef[];
  entityPages: CompiledEntity[];
  figures: ResolvedFigure[];
  events: ResolvedEvent[];
  index: SiteIndex;
}

/** Where a frontmatter fact comes from: a paragraph of a dated document. */
export interface FactSource {
  document: string;
  anchor: string;
  quote: string;
  /** The document's title and date, so a fact is shown dated by its source. */
  title: string;
  date: string;
  /** The source's one short name (src/lib/text/short-title.ts): `十四五规划`, `2022年计划`. */
  label: string;
  /** The region the source document is about, so figures of different places are never mixed unlabelled (set for entity frontmatter facts). */
  region?: string;
}

/** An entity's frontmatter facts, each resolved to the paragraph that states it. */
export interface ResolvedFacts {
  region?: FactSource;
  period?: FactSource;
  status: Array<{ value: string; source: FactSource }>;
  figures: Array<{ label: string; value: string; source: FactSource }>;
}

/** A typed relation as shown on a page: declared by it (`out`) or pointing at it (`in`, with the inverse label). */
export interface EntityRelation {
  direction: 'out' | 'in';
  type: string;
  label: string;
  id: string;
  name: string;
  kind: EntityKind;
}

/** One line of a document's 校勘说明: a correction applied or a known gap of the source, with the paragraph concerned. */
export interface CollationNote {
  kind: '删除重复' | '版面角色' | '文章顺序' | '原文缺漏' | '提取错漏';
  /** Why, for readers (the corrections file's `reason`, or the gap's note). */
  reason: string;
  /** Source lines concerned, as the corrections file names them. */
  lines?: string;
  /** Anchor of the paragraph or heading concerned, when the text is on the page. */
  anchor?: string;
  /** Words of that paragraph (once in it) that the defect follows: the page marks the spot after them. */
  at?: string;
}
