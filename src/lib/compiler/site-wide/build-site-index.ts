import type {
  CompiledDocument,
  CompiledEntity,
  DocumentEntities,
  DocumentLink,
  DocumentNeighbours,
  EntityBacklinks,
  EntityFacts,
  KindsOverview,
  Mention,
  MentionExcerpt,
  RelatedEntity,
  ResolvedEvent,
  ResolvedFigure,
  SiteIndex,
} from '../../types.ts';
import { relationTypes, type EntityRef, type RelationType } from '../../schema/entity.ts';

export type { DocumentEntities, EntityBacklinks, MentionExcerpt, RelatedEntity };

const RELATED_LIMIT = 12;
/** Entities shown per kind on the site-wide view: the page stays the same size as the corpus grows. */
const OVERVIEW_TOP = 8;
/** Entities on the map of /relations/: the most connected, so the map keeps its size as the corpus grows. */
export const MAP_NODES = 12;

/** Counts per kind, the most mentioned entities, and links between kinds, from what the reduce already grouped. */
function kindsOverview(
  entities: EntityRef[],
  backlinks: Map<string, EntityBacklinks>,
  relatedCounts: Map<string, Map<string, number>>,
): KindsOverview {
  const kindOf = new Map(entities.map((e) => [e.id, e.kind]));
  const byId = new Map(entities.map((e) => [e.id, e]));
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
  // Typed relations as declared, in the schema's order of types, pairs by the source's then the target's name.
  const label = (id: string) => {
    const e = byId.get(id)!;
    return { id, name: e.name, kind: e.kind };
  };
  const pairsByType = new Map<string, Array<{ from: ReturnType<typeof label>; to: ReturnType<typeof label> }>>();
  for (const b of backlinks.values()) {
    for (const r of b.relations)
      if (r.direction === 'out')
        (pairsByType.get(r.type) ?? pairsByType.set(r.type, []).get(r.type)!).push({ from: label(b.id), to: label(r.id) });
  }
  const typeOrder = Object.keys(relationTypes);
  const relationPairs = [...pairsByType]
    .sort(([a], [b]) => typeOrder.indexOf(a) - typeOrder.indexOf(b))
    .map(([type, pairs]) => ({
      type,
      count: pairs.length,
      pairs: pairs.sort((x, y) => x.from.name.localeCompare(y.from.name, 'zh') || x.to.name.localeCompare(y.to.name, 'zh')),
    }));

  // The most connected: typed relations count double (they are reviewed), then co-mention partners.
  const degree = new Map<string, number>();
  for (const b of backlinks.values()) degree.set(b.id, 2 * b.relations.length + (relatedCounts.get(b.id)?.size ?? 0));
  const top = [...degree]
    .filter(([, d]) => d > 0)
    .sort((a, b) => b[1] - a[1] || byId.get(a[0])!.name.localeCompare(byId.get(b[0])!.name, 'zh'))
    .slice(0, MAP_NODES);
  const onMap = new Set(top.map(([id]) => id));
  const edges: Array<{ from: string; to: string; typed: boolean }> = [];
  const drawn = new Set<string>();
  const edge = (a: string, b: string, typed: boolean) => {
    const key = [a, b].sort().join(' ');
    if (a === b || !onMap.has(a) || !onMap.has(b) || drawn.has(key)) return;
    drawn.add(key);
    edges.push({ from: a, to: b, typed });
  };
  for (const [id] of top) for (const r of backlinks.get(id)!.relations) edge(id, r.id, true);
  for (const [id] of top) for (const other of relatedCounts.get(id)?.keys() ?? []) edge(id, other, false);
  return {
    kinds,
    links: [...pair.values()].sort((x, y) => x.from.localeCompare(y.from) || x.to.localeCompare(y.to)),
    relationTypes: [...types].map(([type, count]) => ({ type, count })).sort((x, y) => y.count - x.count),
    relationPairs,
    map: { nodes: top.map(([id, d]) => ({ ...label(id), degree: d })), edges },
  };
}

/** A document page lists at most this many related documents, and names this many shared entities each. */
const RELATED_DOCUMENTS_LIMIT = 5;
const SHARED_NAMES_LIMIT = 3;

/**
 * The one reduce over the whole corpus: every recorded mention is grouped once into backlinks per
 * entity, entities per document, and related entities (co-mentioned in a paragraph, or linked
 * from each other's pages). Pages read their own slice; none of them scans the corpus.
 */
export function buildSiteIndex(
  documents: CompiledDocument[],
  entityPages: CompiledEntity[],
  entities: EntityRef[],
  facts: { figures: ResolvedFigure[]; events: ResolvedEvent[] } = { figures: [], events: [] },
): SiteIndex {
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
      backlinks
        .get(page.id)!
        .relations.push({ direction: 'out', type: r.type, label: t.label, id: target.id, name: target.name, kind: target.kind });
      backlinks
        .get(target.id)!
        .relations.push({ direction: 'in', type: r.type, label: t.inverse, id: source.id, name: source.name, kind: source.kind });
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
  return {
    backlinks: [...backlinks.values()],
    documentEntities,
    entityFacts: groupFactsByEntity(entities, facts.figures, facts.events),
    documentNeighbours: documentNeighbours(documents, documentEntities),
    overview: kindsOverview(entities, backlinks, relatedCounts),
  };
}

/** Figures and events by the entities they name: one pass over each list, for the entity pages. */
function groupFactsByEntity(entities: EntityRef[], figures: ResolvedFigure[], events: ResolvedEvent[]): EntityFacts[] {
  const byEntity = new Map<string, EntityFacts>(entities.map((e) => [e.id, { id: e.id, figures: [], events: [] }]));
  // Entity ids were checked when the citations were resolved (src/lib/compiler/site-wide/resolve-figures-and-events.ts).
  for (const f of figures) for (const id of f.entities) byEntity.get(id)?.figures.push(f);
  for (const e of events) for (const id of e.entities) byEntity.get(id)?.events.push(e);
  for (const facts of byEntity.values()) {
    facts.figures.sort((a, b) => a.metric.localeCompare(b.metric, 'zh') || a.period.localeCompare(b.period) || a.id - b.id);
    facts.events.sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id);
  }
  return [...byEntity.values()];
}

/**
 * 上一篇 / 下一篇 by date (then slug, so equal dates keep a fixed order) and related documents: those
 * sharing the most entities. Shared entities are counted from each entity's list of documents, once.
 */
/** Entities named by more documents than this are not used to relate documents. */
const RELATED_PAIRING_LIMIT = 40;

function documentNeighbours(documents: CompiledDocument[], documentEntities: DocumentEntities[]): DocumentNeighbours[] {
  const link = (d: CompiledDocument): DocumentLink => ({ slug: d.slug, title: d.meta.title, date: d.meta.date });
  const ordered = [...documents].sort((a, b) => a.meta.date.localeCompare(b.meta.date) || a.slug.localeCompare(b.slug));
  const bySlug = new Map(documents.map((d) => [d.slug, d]));

  const docsOfEntity = new Map<string, { name: string; slugs: string[] }>();
  for (const { slug, entities } of documentEntities) {
    for (const e of entities) {
      const entry = docsOfEntity.get(e.id) ?? { name: e.name, slugs: [] };
      entry.slugs.push(slug);
      docsOfEntity.set(e.id, entry);
    }
  }
  const shared = new Map<string, Map<string, string[]>>();
  for (const { name, slugs } of docsOfEntity.values()) {
    // Pairing is quadratic in an entity's documents; an entity most documents name says little about
    // which two are related, so only the rarer ones count (keeps the reduce linear as the corpus grows).
    if (slugs.length > RELATED_PAIRING_LIMIT) continue;
    for (const a of slugs) {
      for (const b of slugs) {
        if (a === b) continue;
        const m = shared.get(a) ?? new Map<string, string[]>();
        shared.set(a, m);
        const names = m.get(b) ?? [];
        m.set(b, names);
        names.push(name);
      }
    }
  }

  return ordered.map((d, i) => ({
    slug: d.slug,
    previous: i > 0 ? link(ordered[i - 1]) : undefined,
    next: i < ordered.length - 1 ? link(ordered[i + 1]) : undefined,
    related: [...(shared.get(d.slug) ?? [])]
      .map(([slug, names]) => ({ ...link(bySlug.get(slug)!), sharedCount: names.length, shared: names.slice(0, SHARED_NAMES_LIMIT) }))
      .sort((x, y) => y.sharedCount - x.sharedCount || y.date.localeCompare(x.date) || x.slug.localeCompare(y.slug))
      .slice(0, RELATED_DOCUMENTS_LIMIT),
  }));
}
