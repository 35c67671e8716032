import type { Element } from 'hast';
import { s } from 'hastscript';
import type { KindsOverview } from '../types.ts';

const W = 560;
const H = 380;

/**
 * The three (or more) kinds as groups on a circle, sized by their number of entities, joined by
 * lines labelled with the typed relations and co-mentions between them. Static SVG built as hast at
 * build time; one image with title and desc, its numbers repeated in the page's lists and table.
 */
export function kindsOverviewSvg(overview: KindsOverview, labelOf: (kind: string) => string, ids: { title: string; desc: string }): Element {
  const n = overview.kinds.length;
  const max = Math.max(1, ...overview.kinds.map((k) => k.count));
  const pos = new Map(
    overview.kinds.map((k, i) => {
      const angle = (2 * Math.PI * i) / n - Math.PI / 2;
      return [k.kind, { x: Math.round(W / 2 + Math.cos(angle) * 180), y: Math.round(H / 2 + 10 + Math.sin(angle) * 130), r: Math.round(18 + 32 * Math.sqrt(k.count / max)) }];
    }),
  );
  const children: Element[] = [
    s('title', { id: ids.title }, '条目类型关系总览'),
    s('desc', { id: ids.desc }, [
      overview.kinds.map((k) => `${labelOf(k.kind)} ${k.count} 个条目`).join('，'),
      '；',
      overview.links.filter((l) => l.from !== l.to).map((l) => `${labelOf(l.from)}与${labelOf(l.to)}之间类型关系 ${l.relations} 条、同段提及 ${l.coMentions} 对`).join('；'),
      '。',
    ].join('')),
  ];
  for (const l of overview.links) {
    const a = pos.get(l.from);
    const b = pos.get(l.to);
    if (!a || !b || l.from === l.to) continue;
    children.push(
      s('line', { x1: a.x, y1: a.y, x2: b.x, y2: b.y, class: 'rel-co', 'stroke-width': Math.min(8, 1 + Math.log2(1 + l.coMentions)) }),
      s('text', { x: Math.round((a.x + b.x) / 2), y: Math.round((a.y + b.y) / 2) - 6, 'text-anchor': 'middle', class: 'rel-label' }, `关系 ${l.relations} · 同段 ${l.coMentions}`),
    );
  }
  for (const k of overview.kinds) {
    const p = pos.get(k.kind)!;
    children.push(
      s('circle', { cx: p.x, cy: p.y, r: p.r, class: 'rel-node' }),
      s('text', { x: p.x, y: p.y - 2, 'text-anchor': 'middle', class: 'rel-name rel-centre-name' }, labelOf(k.kind)),
      s('text', { x: p.x, y: p.y + 16, 'text-anchor': 'middle', class: 'rel-name' }, `${k.count} 个`),
    );
  }
  return s('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': `${ids.title} ${ids.desc}`, class: 'relations-svg' }, children);
}
