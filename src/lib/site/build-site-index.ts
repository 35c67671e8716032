import type { CompiledDocument, CompiledEntity, DocumentEntities, EntityBacklinks, KindsOverview, Mention, MentionExcerpt, RelatedEntity, SiteIndex } from '../types.ts';
import { relationTypes, type EntityRef, type RelationType } from '../schema/entity.ts';

export type { DocumentEntities, EntityBacklinks, MentionExcerpt, RelatedEntity };





const RELATED_LIMIT = 12;
/** Entities shown per kind on the site-wide view: the page stays the same size as the corpus grows. */
const OVERVIEW_TOP = 8;

/** Counts per kind, the most mentioned entities, and links between kinds, from what the reduce already grouped. */
function kindsOverview(entities: EntityRef[], backlinks: Map<string, EntityBacklinks>, relatedCounts: Map<string, Map<string, number>>): KindsOverview {
  const kindOf = new Map(entities.map((e) => [e.id, e.kind]));
  const kinds = [...new Set(entities.map((e) => e.kind))].map((kind) => {
    const members = entities.filter((e) => e.kind === kind);
    const top = members
      .map((e) => ({ id: e.id, name: e.name, mentions: backlinks.get(e.id)!.mentionCount }))
      .sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name, 'zh'))
      .slice(0, OVERVIEW_TOP);
    return { kind, count: members.length, top };
  });
  const pair = new Map<string, { from: string; to: string; relations: number; coMentions: number }>();
  const at = (a: string, b: string) => {
    const [from, to] = [a, b].sort();
    const key = `${from} ${to}`;
    if (!pair.has(key)) pair.set(key, { from, to, relations: 0, coMentions: 0 });
    return pair.get(key)!;
  };
  const types = new Map<string, number>();
  for (const b of backlinks.values()) {
    for (const r of b.relations) {
      if (r.direction !== 'out') continue;
      at(kindOf.get(b.id)!, r.kind).relations++;
      types.set(r.type, (types.get(r.type) ?? 0) + 1);
    }
  }
  for (const [a, others] of relatedCounts) for (const b of others.keys()) if (a < b) at(kindOf.get(a)!, kindOf.get(b)!).coMentions++;
  return {
    kinds,
    links: [...pair.values()].sort((x, y) => x.from.localeCompare(y.from) || x.to.localeCompare(y.to)),
    relationTypes: [...types].map(([type, count]) => ({ type, count })).sort((x, y) => y.count - x.count),
  };
}

/**
 * The one reduce over the whole corpus: every recorded mention is grouped once into backlinks per
 * entity, entities per document, and related entities (co-mentioned in a paragraph, or linked
 * from each other's pages). Pages read their own slice; none of them scans the corpus.
 */
export function buildSiteIndex(documents: CompiledDocument[], entityPages: CompiledEntity[], entities: EntityRef[]): SiteIndex {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const backlinks = new Map<string, EntityBacklinks>(
    entities.map((e) => [e.id, { id: e.id, mentionCount: 0, documents: [], entities: [], related: [], relations: [] }]),
  );
  const relatedCounts = new Map<string, Map<string, number>>();
  const bump = (a: string, b: string) => {
    if (a === b) return;
    const m = relatedCounts.get(a) ?? new Map<string, number>();
    m.set(b, (m.get(b) ?? 0) + 1);
    relatedCounts.set(a, m);
  };
  const excerpt = (m: Mention): MentionExcerpt => ({ anchor: m.anchor, before: m.before, match: m.match, after: m.after });
  const documentEntities: DocumentEntities[] = [];

  for (const doc of documents) {
    const perEntity = new Map<string, Mention[]>();
    const perParagraph = new Map<string, Set<string>>();
    for (const m of doc.mentions) {
      perEntity.set(m.entityId, [...(perEntity.get(m.entityId) ?? []), m]);
      if (m.anchor) perParagraph.set(m.anchor, (perParagraph.get(m.anchor) ?? new Set()).add(m.entityId));
    }
    for (const [entityId, mentions] of perEntity) {
      const b = backlinks.get(entityId)!;
      b.mentionCount += mentions.length;
      b.documents.push({ slug: doc.slug, title: doc.meta.title, date: doc.meta.date, mentions: mentions.map(excerpt) });
    }
    for (const ids of perParagraph.values()) for (const a of ids) for (const b of ids) bump(a, b);
    documentEntities.push({
      slug: doc.slug,
      entities: [...perEntity]
        .map(([id, ms]) => ({ id, name: byId.get(id)!.name, kind: byId.get(id)!.kind, count: ms.length }))
        .sort((x, y) => y.count - x.count || x.name.localeCompare(y.name, 'zh')),
    });
  }

  for (const page of entityPages) {
    const perEntity = new Map<string, Mention[]>();
    for (const m of page.mentions) perEntity.set(m.entityId, [...(perEntity.get(m.entityId) ?? []), m]);
    for (const [entityId, mentions] of perEntity) {
      const b = backlinks.get(entityId)!;
      const source = byId.get(page.id)!;
      b.entities.push({ id: page.id, name: source.name, kind: source.kind, mentions: mentions.map(excerpt) });
      bump(page.id, entityId);
      bump(entityId, page.id);
    }
  }

  // Typed relations, each stored on both pages: as declared, and inverted on its target.
  for (const page of entityPages) {
    for (const r of page.data.relations ?? []) {
      const target = byId.get(r.target);
      const source = byId.get(page.id);
      if (!target || !source) continue;
      const t = relationTypes[r.type as RelationType];
      backlinks.get(page.id)!.relations.push({ direction: 'out', type: r.type, label: t.label, id: target.id, name: target.name, kind: target.kind });
      backlinks.get(target.id)!.relations.push({ direction: 'in', type: r.type, label: t.inverse, id: source.id, name: source.name, kind: source.kind });
    }
  }

  for (const b of backlinks.values()) {
    b.relations.sort((x, y) => x.label.localeCompare(y.label, 'zh') || x.name.localeCompare(y.name, 'zh'));
    b.documents.sort((x, y) => y.date.localeCompare(x.date) || x.slug.localeCompare(y.slug));
    b.entities.sort((x, y) => x.name.localeCompare(y.name, 'zh'));
    b.related = [...(relatedCounts.get(b.id) ?? [])]
      .map(([id, count]) => ({ id, count, name: byId.get(id)!.name, kind: byId.get(id)!.kind }))
      .sort((x, y) => y.count - x.count || x.name.localeCompare(y.name, 'zh'))
      .slice(0, RELATED_LIMIT);
  }
  return { backlinks: [...backlinks.values()], documentEntities, overview: kindsOverview(entities, backlinks, relatedCounts) };
}
