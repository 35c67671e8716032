import type { EntityBacklinks } from '../types.ts';
import { entityKindLabels } from '../labels.ts';
import { firstView } from './mentions.ts';
import { neighboursOf } from './svg/neighbourhood-svg.ts';

interface EntityData {
  name: string;
  kind: string;
  theme: string;
  aliases: string[];
}

/**
 * What an entity page shows besides its compiled body: the rows of its information table and the
 * bounded first view of its mentions (the complete list has pages of its own).
 */
export function entityPageView(kind: string, data: EntityData, links: EntityBacklinks | undefined) {
  const rows: Array<[string, string]> = [
    // The kind's label and the sub-type, once when they are the same word (治理模式 · 治理模式).
    ['类别', entityKindLabels[kind] === data.kind ? data.kind : `${entityKindLabels[kind]} · ${data.kind}`],
    ['主题', data.theme],
    ...(data.aliases.length ? [['别名', data.aliases.join('、')] as [string, string]] : []),
  ];
  const documents = links?.documents ?? [];
  // One list of relations per page: the relations section lists each neighbour once; the sidebar
  // and the list of entity pages mentioning this one leave out whoever is already listed above them.
  const listed = new Set(neighboursOf(links?.relations ?? [], links?.related ?? [], (id) => id).map((n) => n.id));
  const related = (links?.related ?? []).filter((r) => !listed.has(r.id));
  related.forEach((r) => listed.add(r.id));
  return {
    rows,
    mentions: firstView(documents),
    mentionCount: links?.mentionCount ?? 0,
    /** Result-card metadata for the search index: the first document naming it, and how many do. */
    documentMeta: documents.length
      ? `document:${documents[0].title}${documents.length > 1 ? ` 等 ${documents.length} 份文件` : ''}`
      : undefined,
    mentioningEntities: (links?.entities ?? []).filter((e) => !listed.has(e.id)),
    related,
  };
}

export type EntityPageView = ReturnType<typeof entityPageView>;
