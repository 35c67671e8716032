import { ringMapSvg, type RingMap } from './ring-map-svg.ts';
import type { EntityRelation, RelatedEntity } from '../../types.ts';

/** At most this many neighbours are drawn, so the figure's size never grows with the corpus. */
export const NEIGHBOUR_LIMIT = 8;

export interface Neighbour {
  id: string;
  name: string;
  href: string;
  /** The typed relation's label (属于, 包含…), or 同段提及 for a co-mention. */
  label: string;
  typed: boolean;
}

/** Nodes the map draws at most; the list beside it holds every typed relation. */
export const MAP_LIMIT = 12;

/**
 * An entity's relations as one list: every typed relation (an entity related in two ways is one
 * entry with both labels), then the entities most often mentioned in the same paragraphs until
 * there are NEIGHBOUR_LIMIT entries; each entity once.
 */
export function neighboursOf(relations: EntityRelation[], related: RelatedEntity[], href: (id: string) => string): Neighbour[] {
  const out: Neighbour[] = [];
  const byId = new Map<string, Neighbour>();
  for (const r of relations) {
    const seen = byId.get(r.id);
    if (seen) {
      if (!seen.label.split('、').includes(r.label)) seen.label += `、${r.label}`;
      continue;
    }
    const n = { id: r.id, name: r.name, href: href(r.id), label: r.label, typed: true };
    byId.set(r.id, n);
    out.push(n);
  }
  for (const r of related) {
    if (out.length >= NEIGHBOUR_LIMIT) break;
    if (byId.has(r.id)) continue;
    const n = { id: r.id, name: r.name, href: href(r.id), label: `常一同提及（${r.count} 次）`, typed: false };
    byId.set(r.id, n);
    out.push(n);
  }
  return out;
}

/**
 * The neighbourhood as a map (src/lib/views/svg/ring-map-svg.ts): the entity in a box at the centre,
 * its neighbours on a ring, each a link; typed relations solid, co-mentions dashed.
 */
export function neighbourhoodMap(
  centre: { id: string; name: string; href: string },
  neighbours: Neighbour[],
  ids: { title: string; desc: string },
): RingMap {
  return ringMapSvg({
    centre,
    nodes: neighbours.slice(0, MAP_LIMIT),
    edges: neighbours.slice(0, MAP_LIMIT).map((n) => ({ from: centre.id, to: n.id, typed: n.typed })),
    title: `${centre.name}的关系图`,
    desc: `以${centre.name}为中心，${neighbours.length}个相关条目：${neighbours.map((n) => `${n.name}（${n.label}）`).join('；')}。实线为类型关系，虚线为同段提及。`,
    ids,
  });
}
