import type { Element } from 'hast';
import { s } from 'hastscript';

/**
 * A map of entities drawn at build time as SVG (no client library; it prints and works offline):
 * nodes on an ellipse, each a link with its full name as title, labels outside the ellipse and
 * edges inside it, so no line ever runs over a label; an optional centre node is a box holding its
 * own label, and its spokes start at the box's edge. Hand-written: the layout is a fixed ring of
 * at most a dozen nodes, which a graph-layout library would only make heavier.
 */

export interface MapNode {
  id: string;
  name: string;
  href: string;
}

export interface MapEdge {
  from: string;
  to: string;
  /** Typed relations are solid; co-mentions dashed. */
  typed: boolean;
}

export interface LabelBox {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface RingMap {
  svg: Element;
  /** For tests: the edges as segments and the labels as boxes, in the SVG's coordinates. */
  segments: Array<[number, number, number, number]>;
  labels: LabelBox[];
}

const FONT = 13;
const LINE = 16;
/** Characters per label line and lines per label; longer names end in … (the full name is the node's title). */
const PER_LINE = 7;
const MAX_LINES = 2;
const NODE_R = 6;
const GAP = 8;

/** Width of a run of text: CJK and full-width characters one em, others about half. */
export function textWidth(text: string): number {
  let w = 0;
  for (const c of text) w += /[\u0000-\u024f]/.test(c) ? FONT * 0.6 : FONT;
  return Math.ceil(w);
}

/** A name in at most MAX_LINES (two) balanced lines of PER_LINE characters at most, the last ending in … when cut. */
export function wrapLabel(name: string): string[] {
  const chars = [...name];
  if (chars.length > PER_LINE * MAX_LINES)
    return [chars.slice(0, PER_LINE).join(''), chars.slice(PER_LINE, 2 * PER_LINE - 1).join('') + '…'];
  // Balanced lines (智联普陀 / 城市大脑), not a full line and one character.
  const lines = Math.ceil(chars.length / PER_LINE);
  const per = Math.ceil(chars.length / lines);
  return Array.from({ length: lines }, (_, i) => chars.slice(i * per, (i + 1) * per).join(''));
}

export function ringMapSvg(options: {
  nodes: MapNode[];
  edges: MapEdge[];
  centre?: MapNode;
  title: string;
  desc: string;
  ids: { title: string; desc: string };
}): RingMap {
  const { nodes, edges, centre } = options;
  const rx = 200;
  const ry = nodes.length > 6 ? 140 : 110;
  // Drawn around (0, 0); the viewBox is fitted to what was drawn at the end.
  const cx = 0;
  const cy = 0;
  const round = (n: number) => Math.round(n * 10) / 10;

  const placed = nodes.map((n, i) => {
    const angle = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    return { node: n, x: cx + cos * rx, y: cy + sin * ry, cos, sin };
  });
  const at = new Map(placed.map((p) => [p.node.id, p]));

  const labels: LabelBox[] = [];
  const segments: RingMap['segments'] = [];
  const children: Element[] = [s('title', { id: options.ids.title }, options.title), s('desc', { id: options.ids.desc }, options.desc)];

  // The centre box holds its label; spokes start at its edge.
  let box: LabelBox | undefined;
  if (centre) {
    const lines = wrapLabel(centre.name);
    const width = Math.max(...lines.map(textWidth)) + 16;
    const height = lines.length * LINE + 10;
    box = { id: centre.id, x: cx - width / 2, y: cy - height / 2, width, height };
  }
  const exitBox = (b: LabelBox, tx: number, ty: number): [number, number] => {
    const dx = tx - cx;
    const dy = ty - cy;
    const t = Math.min(dx === 0 ? Infinity : b.width / 2 / Math.abs(dx), dy === 0 ? Infinity : b.height / 2 / Math.abs(dy));
    return [cx + dx * t, cy + dy * t];
  };
  const line = (x1: number, y1: number, x2: number, y2: number, typed: boolean) => {
    segments.push([round(x1), round(y1), round(x2), round(y2)]);
    children.push(
      s('line', {
        x1: round(x1),
        y1: round(y1),
        x2: round(x2),
        y2: round(y2),
        class: typed ? 'rel-typed' : 'rel-co',
        'stroke-dasharray': typed ? undefined : '4 4',
      }),
    );
  };
  for (const e of edges) {
    const a = e.from === centre?.id ? undefined : at.get(e.from);
    const b = e.to === centre?.id ? undefined : at.get(e.to);
    if (box && (!a || !b)) {
      const other = a ?? b;
      if (!other) continue;
      const [x1, y1] = exitBox(box, other.x, other.y);
      const len = Math.hypot(other.x - x1, other.y - y1);
      line(x1, y1, other.x - ((other.x - x1) / len) * NODE_R, other.y - ((other.y - y1) / len) * NODE_R, e.typed);
    } else if (a && b) {
      const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
      const ux = (b.x - a.x) / len;
      const uy = (b.y - a.y) / len;
      line(a.x + ux * NODE_R, a.y + uy * NODE_R, b.x - ux * NODE_R, b.y - uy * NODE_R, e.typed);
    }
  }

  const linkNode = (n: MapNode, shape: Element, texts: Element[]) =>
    s('a', { href: n.href, 'aria-label': n.name, class: 'rel-link' }, [s('title', n.name), shape, ...texts]);

  for (const p of placed) {
    const lines = wrapLabel(p.node.name);
    const width = Math.max(...lines.map(textWidth));
    const height = lines.length * LINE;
    // Outside the ellipse, on the node's side: to the right, left, above or below it.
    const anchor = p.cos > 0.35 ? 'start' : p.cos < -0.35 ? 'end' : 'middle';
    let lx = anchor === 'start' ? p.x + NODE_R + GAP : anchor === 'end' ? p.x - NODE_R - GAP : p.x;
    let top = anchor !== 'middle' ? p.y - height / 2 : p.sin < 0 ? p.y - NODE_R - GAP - height : p.y + NODE_R + GAP;
    const leftOf = (x: number) => (anchor === 'start' ? x : anchor === 'end' ? x - width : x - width / 2);
    // Edges stay inside the ellipse (it is convex), so a label wholly outside it is never crossed:
    // move the label outward until none of its outline is inside.
    for (let step = 0; step < 200 && boxEntersEllipse({ x: leftOf(lx), y: top, width, height }, cx, cy, rx, ry); step++) {
      lx += p.cos * 2;
      top += p.sin * 2;
    }
    const left = leftOf(lx);
    labels.push({ id: p.node.id, x: round(left), y: round(top), width, height });
    children.push(
      linkNode(
        p.node,
        s('circle', { cx: round(p.x), cy: round(p.y), r: NODE_R, class: 'rel-node' }),
        lines.map((t, i) => s('text', { x: round(lx), y: round(top + (i + 1) * LINE - 4), 'text-anchor': anchor, class: 'rel-name' }, t)),
      ),
    );
  }
  if (centre && box) {
    labels.push(box);
    const lines = wrapLabel(centre.name);
    children.push(
      linkNode(
        centre,
        s('rect', { x: round(box.x), y: round(box.y), width: box.width, height: box.height, rx: 6, class: 'rel-centre-box' }),
        lines.map((t, i) =>
          s(
            'text',
            { x: round(cx), y: round(box!.y + 5 + (i + 1) * LINE - 4), 'text-anchor': 'middle', class: 'rel-name rel-centre-name' },
            t,
          ),
        ),
      ),
    );
  }
  const xs = [...labels.flatMap((b) => [b.x, b.x + b.width]), ...placed.map((p) => p.x - NODE_R), ...placed.map((p) => p.x + NODE_R)];
  const ys = [...labels.flatMap((b) => [b.y, b.y + b.height]), ...placed.map((p) => p.y - NODE_R), ...placed.map((p) => p.y + NODE_R)];
  const pad = 6;
  const [x0, y0] = [Math.floor(Math.min(...xs)) - pad, Math.floor(Math.min(...ys)) - pad];
  const viewBox = `${x0} ${y0} ${Math.ceil(Math.max(...xs)) + pad - x0} ${Math.ceil(Math.max(...ys)) + pad - y0}`;
  const svg = s(
    'svg',
    {
      viewBox,
      role: 'group',
      'aria-labelledby': options.ids.title,
      'aria-describedby': options.ids.desc,
      class: 'relations-svg relations-map',
    },
    children,
  );
  return { svg, segments, labels };
}

/** Whether any point of a box's outline lies inside the ellipse (sampled every 2 units, plus a margin). */
function boxEntersEllipse(
  b: { x: number; y: number; width: number; height: number },
  cx: number,
  cy: number,
  rx: number,
  ry: number,
): boolean {
  const inside = (x: number, y: number) => ((x - cx) / (rx + 3)) ** 2 + ((y - cy) / (ry + 3)) ** 2 < 1;
  for (let t = 0; t <= b.width; t += 2) if (inside(b.x + t, b.y) || inside(b.x + t, b.y + b.height)) return true;
  for (let t = 0; t <= b.height; t += 2) if (inside(b.x, b.y + t) || inside(b.x + b.width, b.y + t)) return true;
  return inside(b.x + b.width, b.y + b.height);
}

/** Whether a segment crosses a box (Liang–Barsky clipping), for the tests and the layout's own check. */
export function segmentHitsBox(
  [x1, y1, x2, y2]: [number, number, number, number],
  b: { x: number; y: number; width: number; height: number },
): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = x2 - x1;
  const dy = y2 - y1;
  const clips: Array<[number, number]> = [
    [-dx, x1 - b.x],
    [dx, b.x + b.width - x1],
    [-dy, y1 - b.y],
    [dy, b.y + b.height - y1],
  ];
  for (const [p, q] of clips) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const r = q / p;
      if (p < 0) t0 = Math.max(t0, r);
      else t1 = Math.min(t1, r);
      if (t0 > t1) return false;
    }
  }
  return t1 - t0 > 1e-6;
}
