import type { Element } from 'hast';
import { s } from 'hastscript';
import type { EntityRelation, RelatedEntity } from '../types.ts';

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

/**
 * An entity's neighbourhood: its typed relations first, then the entities most often mentioned in
 * the same paragraphs, at most NEIGHBOUR_LIMIT in all, each once.
 */
export function neighboursOf(relations: EntityRelation[], related: RelatedEntity[], href: (id: string) => string): Neighbour[] {
  const out: Neighbour[] = [];
  const seen = new Set<string>();
  for (const r of relations) {
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    out.push({ id: r.id, name: r.name, href: href(r.id), label: r.label, typed: true });
  }
  for (const r of related) {
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    out.push({ id: r.id, name: r.name, href: href(r.id), label: `同段提及 ${r.count} 次`, typed: false });
  }
  return out.slice(0, NEIGHBOUR_LIMIT);
}

const W = 560;
const H = 360;
const short = (name: string) => (name.length > 9 ? name.slice(0, 8) + '…' : name);

/**
 * The neighbourhood as a static SVG, drawn at build time as hast nodes (no client script, works
 * offline and in print): the entity in the centre, neighbours on a circle, typed relations as
 * solid labelled lines and co-mentions as dashed ones. It is one image (role img, with title and
 * desc); the links are in the list beside it, which keyboards and screen readers use. Hand-written because a graph layout
 * library would be far more than a fixed circle of at most eight nodes needs.
 */
export function neighbourhoodSvg(name: string, neighbours: Neighbour[], ids: { title: string; desc: string }): Element {
  const cx = W / 2;
  const cy = H / 2;
  const children: Element[] = [
    s('title', { id: ids.title }, `${name}的关系图`),
    s('desc', { id: ids.desc }, `以${name}为中心，${neighbours.length}个相关条目：${neighbours.map((n) => `${n.name}（${n.label}）`).join('；')}。`),
  ];
  neighbours.forEach((n, i) => {
    const angle = (2 * Math.PI * i) / neighbours.length - Math.PI / 2;
    const x = Math.round(cx + Math.cos(angle) * 200);
    const y = Math.round(cy + Math.sin(angle) * 135);
    children.push(
      s('line', { x1: cx, y1: cy, x2: x, y2: y, class: n.typed ? 'rel-typed' : 'rel-co', 'stroke-dasharray': n.typed ? undefined : '4 4' }),
      ...(n.typed ? [s('text', { x: Math.round((cx + x) / 2), y: Math.round((cy + y) / 2) - 4, class: 'rel-label', 'text-anchor': 'middle' }, n.label)] : []),
      s('circle', { cx: x, cy: y, r: 6, class: 'rel-node' }),
      s('text', { x, y: y + 20, 'text-anchor': 'middle', class: 'rel-name' }, short(n.name)),
    );
  });
  children.push(s('circle', { cx, cy, r: 10, class: 'rel-centre' }), s('text', { x: cx, y: cy - 16, 'text-anchor': 'middle', class: 'rel-name rel-centre-name' }, short(name)));
  return s('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': `${ids.title} ${ids.desc}`, class: 'relations-svg' }, children);
}
