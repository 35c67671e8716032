import type { Element } from 'hast';
import { s } from 'hastscript';

/**
 * Small charts for the 指标 tables, drawn at build time as hast (no client script; they print and
 * work offline). Each is an image with a text alternative stating the same numbers the row shows,
 * and the numbers stay in the table, so nothing is only in the picture. Hand-written: two shapes of
 * a few elements each do not warrant a charting library.
 */

const W = 96;
const H = 28;
const PAD = 4;

const number = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2, useGrouping: false });

/** A sparkline of a series (at least two points), oldest first, its last point marked. */
export function sparklineSvg(points: ReadonlyArray<{ label: string; value: number }>, unit: string): Element | undefined {
  if (points.length < 2) return undefined;
  const values = points.map((p) => p.value);
  const lo = Math.min(0, ...values);
  const hi = Math.max(...values);
  const x = (i: number) => Math.round(PAD + (i * (W - 2 * PAD)) / (points.length - 1));
  const y = (v: number) => Math.round(H - PAD - ((v - lo) / (hi - lo || 1)) * (H - 2 * PAD));
  const label = `趋势：${points.map((p) => `${p.label} ${number.format(p.value)}${unit}`).join('，')}`;
  return s('svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img', 'aria-label': label, class: 'sparkline' }, [
    s('title', label),
    s('polyline', { points: points.map((p, i) => `${x(i)},${y(p.value)}`).join(' '), fill: 'none', class: 'sparkline-line' }),
    ...points.map((p, i) =>
      s('circle', {
        cx: x(i),
        cy: y(p.value),
        r: i === points.length - 1 ? 3 : 2,
        class: i === points.length - 1 ? 'sparkline-last' : 'sparkline-point',
      }),
    ),
  ]);
}

/**
 * A progress bar: the known share of a target, as a range when the target is (85–90亿元 gives
 * 18.9%–20%), capped at the bar's end when a target is exceeded.
 */
export function progressBarSvg(fraction: { low: number; high: number }, text: string): Element {
  const clamp = (f: number) => Math.max(0, Math.min(1, f));
  const inner = W - 2;
  const low = Math.round(clamp(fraction.low) * inner);
  const high = Math.round(clamp(fraction.high) * inner);
  return s('svg', { viewBox: `0 0 ${W} 10`, width: W, height: 10, role: 'img', 'aria-label': `完成进度 ${text}`, class: 'progress-bar' }, [
    s('title', `完成进度 ${text}`),
    s('rect', { x: 0.5, y: 0.5, width: W - 1, height: 9, rx: 2, class: 'progress-track' }),
    ...(high > low ? [s('rect', { x: 1, y: 1, width: high, height: 8, rx: 1.5, class: 'progress-range' })] : []),
    s('rect', { x: 1, y: 1, width: Math.max(low, 1), height: 8, rx: 1.5, class: 'progress-fill' }),
  ]);
}
