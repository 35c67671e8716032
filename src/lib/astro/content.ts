import { getCollection, getEntry } from 'astro:content';
import type { GeneratedDocument } from '../emit/write-generated.ts';
import type { EntityBacklinks } from '../site/build-site-index.ts';
import { entityKinds, type EntityKind } from '../schema/entity.ts';

/** Typed access to the collections; routes stay thin and never scan more than they show. */
export async function allDocuments(): Promise<GeneratedDocument[]> {
  const entries = await getCollection('documents');
  return entries.map((e) => e.data as unknown as GeneratedDocument).sort((a, b) => b.meta.date.localeCompare(a.meta.date));
}

export async function entitiesOf(kind: EntityKind) {
  return (await getCollection(kind)).sort((a, b) => a.data.name.localeCompare(b.data.name, 'zh'));
}

export async function entityCounts(): Promise<Record<EntityKind, number>> {
  const counts = await Promise.all(entityKinds.map(async (k) => [k, (await getCollection(k)).length] as const));
  return Object.fromEntries(counts) as Record<EntityKind, number>;
}

export async function backlinksOf(entityId: string): Promise<EntityBacklinks | undefined> {
  return (await getEntry('backlinks', entityId))?.data as unknown as EntityBacklinks | undefined;
}
