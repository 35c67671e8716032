import { getCollection, getEntry, type CollectionKey } from 'astro:content';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import type { z } from 'zod';
import { backlinksFile, documentPageFile, mentionPageFile } from '../compiler/emit/write-generated.ts';
import {
  entityBacklinksSchema,
  generatedDocumentSchema,
  generatedEntitySchema,
  mentionPageSchema,
  parseGenerated,
  type DocumentSummary,
  type GeneratedBacklinks,
  type GeneratedDocument,
  type GeneratedEntity,
  type GeneratedEntityFacts,
  type GeneratedFiguresPage,
  type GeneratedKindsOverview,
  type GeneratedMentionPage,
  type GeneratedTimelinePage,
} from '../schema/generated.ts';
import { entityKinds, type EntityKind } from '../schema/entity.ts';

/** A generated file that a route reads itself (outside the content layer), checked against its schema. */
const readGenerated = <S extends z.ZodType>(schema: S, file: string): z.output<S> =>
  parseGenerated(schema, relative(process.cwd(), file), JSON.parse(readFileSync(file, 'utf8')));

/** Typed access to the collections; routes stay thin and never scan more than they show. */
export async function allDocuments(): Promise<DocumentSummary[]> {
  const entries = await getCollection('documents');
  return entries.map((e) => e.data).sort((a, b) => b.meta.date.localeCompare(a.meta.date));
}

/**
 * One document's page data, read from its own file when its page is rendered: bodies never sit in
 * the content layer's store, so the build's memory does not grow with the corpus's text.
 */
export function documentPage(slug: string): GeneratedDocument {
  return readGenerated(generatedDocumentSchema, documentPageFile(slug));
}

/** An entity page as the routes read it: its slug, frontmatter and compiled body. */
export interface EntityEntry {
  id: string;
  data: GeneratedEntity;
}

const entitiesByKind = new Map<EntityKind, Promise<EntityEntry[]>>();

/**
 * Entity pages of one kind. The collections are made from the kinds in src/config/site.config.ts, so
 * Astro cannot type them by name: their data is typed by parsing it with the same schema the
 * collection used, once per kind and build (many routes ask for the same kind).
 */
export function entitiesOf(kind: EntityKind): Promise<EntityEntry[]> {
  let entries = entitiesByKind.get(kind);
  if (!entries) {
    const schema = generatedEntitySchema(kind);
    entries = getCollection(kind as CollectionKey).then((all) =>
      all.map((e) => ({ id: e.id, data: schema.parse(e.data) })).sort((a, b) => a.data.name.localeCompare(b.data.name, 'zh')),
    );
    entitiesByKind.set(kind, entries);
  }
  return entries;
}

export async function entityCounts(): Promise<Record<EntityKind, number>> {
  const counts = await Promise.all(entityKinds.map(async (k) => [k, (await getCollection(k as CollectionKey)).length] as const));
  return Object.fromEntries(counts) as Record<EntityKind, number>;
}

/**
 * An entity's backlinks, read from its own file when its page is rendered: every mention with its
 * excerpt grows with the corpus, so it never sits in the content layer's store or in page props.
 */
export async function backlinksOf(entityId: string): Promise<GeneratedBacklinks | undefined> {
  const file = backlinksFile(entityId);
  return existsSync(file) ? readGenerated(entityBacklinksSchema, file) : undefined;
}

/** The page numbers of an entity's complete mention list (none when no document mentions it). */
export function mentionPageNumbers(entityId: string): number[] {
  const dir = dirname(mentionPageFile(entityId, 1));
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((f) => Number(f.replace(/\.json$/, '')))
    .sort((a, b) => a - b);
}

/** Page n of an entity's complete mention list, as written by the compiler. */
export function mentionPage(entityId: string, n: number): GeneratedMentionPage {
  return readGenerated(mentionPageSchema, mentionPageFile(entityId, n));
}

/** The site-wide view of the kinds, computed once by the site-wide reduce. */
export async function kindsOverview(): Promise<GeneratedKindsOverview | undefined> {
  return (await getEntry('overview', 'kinds'))?.data;
}

/** The figures and events one entity page shows (written by the one site-wide reduce). */
export async function factsOf(entityId: string): Promise<GeneratedEntityFacts | undefined> {
  return (await getEntry('entityFacts', entityId))?.data;
}

/** The pages of /figures/ (指标), each a bounded slice of metric groups. */
export async function figuresPages(): Promise<GeneratedFiguresPage[]> {
  return (await getCollection('figurePages')).map((e) => e.data).sort((a, b) => a.page - b.page);
}

/** The pages of /timeline/ (大事记), each a bounded run of years. */
export async function timelinePages(): Promise<GeneratedTimelinePage[]> {
  return (await getCollection('timelinePages')).map((e) => e.data).sort((a, b) => a.page - b.page);
}
