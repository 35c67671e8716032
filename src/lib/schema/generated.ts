import { z } from 'zod';
import { ContentError, zodProblems } from '../errors.ts';
import type { CollationNote, ResolvedEvent, ResolvedFigure } from '../types.ts';
import { entityFrontmatterSchema, type EntityKind } from './entity.ts';
import { figureKinds } from './facts.ts';
import type { SourceMeta } from './source-meta.ts';

/**
 * The files the compiler writes to `.generated/` (src/lib/compiler/emit/write-generated.ts) and the Astro
 * routes read: one schema per file, and the types of those files derived from the schemas, so the
 * writer and the readers cannot drift apart and the readers need no casts.
 *
 * Parts that an earlier schema already validated, or that are built by one function from validated
 * data, are declared by their type (`z.custom`) and not checked again: a document's `meta` passed
 * sourceMetaSchema when the compiler read its .meta.yaml (re-parsing would re-run its
 * canonicalisation), and an entity's resolved figures and events were checked by the facts schema.
 * This also keeps validation cheap: the large fields (a document's HTML) are one string check each.
 *
 * The view models that produce some of these files (src/lib/views/figures.ts, timeline.ts) keep
 * their own interfaces, since views sit below nothing here; tests/unit/generated-seams.test.ts checks
 * at type level that each equals the type derived from its schema, so they cannot drift apart.
 */

const documentHeaderSchema = z.object({ title: z.string().optional(), docNumber: z.string().optional(), issuer: z.string().optional() });
const tocEntrySchema = z.object({ depth: z.number(), id: z.string(), text: z.string() });
const documentReportSchema = z.object({ headings: z.number(), paragraphs: z.number(), corrections: z.number(), joins: z.number() });
const collationNoteSchema = z.object({
  kind: z.enum(['删除重复', '版面角色', '文章顺序', '原文缺漏', '提取错漏']),
  reason: z.string(),
  lines: z.string().optional(),
  anchor: z.string().optional(),
  at: z.string().optional(),
}) satisfies z.ZodType<CollationNote>;
const documentLinkSchema = z.object({ slug: z.string(), title: z.string(), date: z.string() });
const entityKindSchema = z.custom<EntityKind>((v) => typeof v === 'string');

/** How a kept original is offered: its format for readers (原始文件（PDF）) and the MIME type of the download. */
export const originalFormatSchema = z.object({ label: z.string(), mime: z.string() });

/** File names under `downloads/<slug>/`, served beside the page as `documents/<slug>/<file>`. */
const downloadsSchema = z.object({
  source: z.string(),
  text: z.string(),
  original: z.string().optional(),
  originalFormat: originalFormatSchema.optional(),
});

/** `.generated/document-pages/<slug>.json`, as the document route reads it (one file per page, never all at once). */
export const generatedDocumentSchema = z.object({
  slug: z.string(),
  meta: z.custom<SourceMeta>((v) => typeof v === 'object' && v !== null),
  header: documentHeaderSchema,
  html: z.string(),
  toc: z.array(tocEntrySchema),
  entities: z.array(z.object({ id: z.string(), name: z.string(), kind: entityKindSchema, count: z.number() })),
  /** 上一篇 / 下一篇 and related documents, from the site-wide reduce. */
  neighbours: z.object({
    previous: documentLinkSchema.optional(),
    next: documentLinkSchema.optional(),
    related: z.array(documentLinkSchema.extend({ sharedCount: z.number(), shared: z.array(z.string()) })),
  }),
  downloads: downloadsSchema,
  /** Metadata fields still marked 待确认 in its .meta.yaml: shown with 未核对 on the page. */
  unconfirmed: z.array(z.string()),
  report: documentReportSchema,
  collation: z.array(collationNoteSchema),
});

/** `.generated/documents/<slug>.json`: a document as listings and route lists read it (no body). */
export const documentSummarySchema = generatedDocumentSchema.pick({ slug: true, meta: true, downloads: true });

const entityLabelSchema = z.object({ id: z.string(), name: z.string(), kind: entityKindSchema });

/** `.generated/overview/kinds.json`: the site-wide view of the kinds. */
export const kindsOverviewSchema = z.object({
  id: z.string(),
  kinds: z.array(
    z.object({
      kind: entityKindSchema,
      count: z.number(),
      top: z.array(z.object({ id: z.string(), name: z.string(), mentions: z.number() })),
    }),
  ),
  links: z.array(z.object({ from: entityKindSchema, to: entityKindSchema, relations: z.number(), coMentions: z.number() })),
  relationTypes: z.array(z.object({ type: z.string(), count: z.number() })),
  relationPairs: z
    .array(z.object({ type: z.string(), count: z.number(), pairs: z.array(z.object({ from: entityLabelSchema, to: entityLabelSchema })) }))
    .optional(),
  map: z
    .object({
      nodes: z.array(entityLabelSchema.extend({ degree: z.number() })),
      edges: z.array(z.object({ from: z.string(), to: z.string(), typed: z.boolean() })),
    })
    .optional(),
});

const factSourceSchema = z.object({
  document: z.string(),
  anchor: z.string(),
  quote: z.string(),
  title: z.string(),
  date: z.string(),
  label: z.string(),
  region: z.string().optional(),
});

const figureViewSchema = z.object({
  id: z.number(),
  kind: z.enum(figureKinds),
  value: z.string(),
  period: z.string(),
  region: z.string(),
  source: factSourceSchema,
});
const cellValueSchema = figureViewSchema.extend({ short: z.string() });
const progressViewSchema = z.object({
  target: z.number(),
  text: z.string(),
  share: z.string(),
  note: z.string().optional(),
  fraction: z.object({ low: z.number(), high: z.number() }),
});
const indicatorRowSchema = z.object({
  metric: z.string(),
  region: z.string(),
  unit: z.string(),
  topic: z.string(),
  base: z.array(cellValueSchema),
  target: z.array(cellValueSchema),
  growth: z.array(cellValueSchema),
  actual: z.array(cellValueSchema),
  progress: z.array(progressViewSchema),
  trend: z.array(z.object({ label: z.string(), value: z.number(), kind: z.enum(figureKinds) })),
});
const planLinkSchema = z.object({ slug: z.string(), title: z.string(), date: z.string(), indicators: z.number(), href: z.string() });

/** `.generated/figure-pages/<n>.json`: one page of /figures/ (指标), of one of its three views. */
export const figuresPageSchema = z.discriminatedUnion('view', [
  z.object({
    view: z.literal('index'),
    page: z.number(),
    number: z.number(),
    pages: z.number(),
    path: z.string(),
    groups: z.array(z.object({ topic: z.string(), continued: z.boolean(), rows: z.array(indicatorRowSchema) })),
    topics: z.array(z.object({ topic: z.string(), count: z.number(), href: z.string() })),
    plans: z.array(planLinkSchema),
    planCount: z.number(),
    indicators: z.number(),
    values: z.number(),
  }),
  z.object({
    view: z.literal('plan'),
    page: z.number(),
    path: z.string(),
    groups: z.tuple([]),
    plan: planLinkSchema,
    rows: z.array(indicatorRowSchema),
    baselines: z.array(indicatorRowSchema),
  }),
  z.object({
    view: z.literal('plans'),
    page: z.number(),
    number: z.number(),
    pages: z.number(),
    path: z.string(),
    groups: z.tuple([]),
    plans: z.array(planLinkSchema),
  }),
]);

/** `.generated/timeline-pages/<n>.json`: one page of /timeline/ (大事记), a bounded run of years. */
export const timelinePageSchema = z.object({
  page: z.number(),
  pages: z.number(),
  years: z.array(
    z.object({
      year: z.string(),
      events: z.array(
        z.object({
          id: z.number(),
          date: z.string(),
          dateText: z.string(),
          dayText: z.string(),
          title: z.string(),
          kind: z.string(),
          region: z.string(),
          entities: z.array(z.string()),
          source: factSourceSchema,
        }),
      ),
    }),
  ),
  regions: z.array(z.string()),
  kinds: z.array(z.string()),
  total: z.number(),
});

/**
 * `.generated/entity-facts/<id>.json`: the figures and events one entity page shows. Figures and
 * events are resolved from frontmatter the facts schema validated; only their identity is checked.
 */
export const entityFactsSchema = z.object({
  id: z.string(),
  figures: z.array(z.custom<ResolvedFigure>((v) => typeof v === 'object' && v !== null)),
  events: z.array(z.custom<ResolvedEvent>((v) => typeof v === 'object' && v !== null)),
});

const mentionExcerptSchema = z.object({ anchor: z.string().optional(), before: z.string(), match: z.string(), after: z.string() });

/** `.generated/backlinks/<kind>/<slug>.json`: everything an entity page shows about the rest of the site. */
export const entityBacklinksSchema = z.object({
  id: z.string(),
  mentionCount: z.number(),
  documents: z.array(z.object({ slug: z.string(), title: z.string(), date: z.string(), mentions: z.array(mentionExcerptSchema) })),
  entities: z.array(entityLabelSchema.extend({ mentions: z.array(mentionExcerptSchema) })),
  related: z.array(entityLabelSchema.extend({ count: z.number() })),
  relations: z.array(entityLabelSchema.extend({ direction: z.enum(['out', 'in']), type: z.string(), label: z.string() })),
});

/** `.generated/mention-pages/<kind>/<slug>/<n>.json`: page n of an entity's complete mention list. */
export const mentionPageSchema = z.object({
  number: z.number(),
  total: z.number(),
  count: z.number(),
  groups: z.array(
    z.object({
      slug: z.string(),
      title: z.string(),
      date: z.string(),
      total: z.number(),
      mentions: z.array(mentionExcerptSchema),
      continued: z.boolean(),
    }),
  ),
});

/** Frontmatter facts resolved to their paragraphs (src/lib/compiler/facts/resolve-facts.ts). */
export const resolvedFactsSchema = z.object({
  region: factSourceSchema.optional(),
  period: factSourceSchema.optional(),
  status: z.array(z.object({ value: z.string(), source: factSourceSchema })),
  figures: z.array(z.object({ label: z.string(), value: z.string(), source: factSourceSchema })),
});

/** `.generated/entities/<kind>/<slug>.json`: an entity page's frontmatter and its body rendered by the compiler. */
export const generatedEntitySchema = (kind: EntityKind) =>
  entityFrontmatterSchema(kind).extend({ html: z.string(), facts: resolvedFactsSchema });

/**
 * Checks a generated file's data against its schema. A mismatch means the compiler wrote another
 * shape than the site reads (a stale .generated/ or a bug): the build names the file and the field
 * instead of failing later inside a template.
 */
export function parseGenerated<S extends z.ZodType>(schema: S, file: string, data: unknown): z.output<S> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const hint =
    'the compiler wrote this file in a shape the site does not read: run the build again; if it persists, the compiler and src/lib/schema/generated.ts disagree (a bug to report)';
  throw new ContentError(zodProblems(file, parsed.error, data).map((p) => ({ ...p, hint })));
}

export type GeneratedDocument = z.output<typeof generatedDocumentSchema>;
export type DocumentSummary = z.output<typeof documentSummarySchema>;
export type OriginalFormat = z.output<typeof originalFormatSchema>;
export type GeneratedKindsOverview = z.output<typeof kindsOverviewSchema>;
export type GeneratedFiguresPage = z.output<typeof figuresPageSchema>;
export type GeneratedTimelinePage = z.output<typeof timelinePageSchema>;
export type GeneratedEntityFacts = z.output<typeof entityFactsSchema>;
export type GeneratedBacklinks = z.output<typeof entityBacklinksSchema>;
export type GeneratedMentionPage = z.output<typeof mentionPageSchema>;
export type GeneratedEntity = z.output<ReturnType<typeof generatedEntitySchema>>;
