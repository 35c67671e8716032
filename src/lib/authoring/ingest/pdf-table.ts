import type { LaidOutLine } from './layout-paragraphs.ts';
import { pipeTable } from './source-text.ts';

/** A run of text on a line, apart from its neighbours by about a character or more. */
export interface Segment {
  text: string;
  x: number;
  xEnd: number;
}

/** A line of a page with the segments it is made of (see extract-pdf's toLines). */
export interface SegmentedLine extends LaidOutLine {
  segments: Segment[];
}

const center = (s: Segment) => (s.x + s.xEnd) / 2;

/** A table's header: three or more short labels apart from each other, no sentence punctuation. */
const isHeader = (line: SegmentedLine) =>
  line.segments.length >= 3 && line.segments.every((s) => s.text.length <= 8 && !/[。，；：、]/.test(s.text));

/**
 * Tables laid out as text (a PDF's text layer has no table structure) → pipe tables: a header of
 * short labels gives the columns (each segment below belongs to the nearest label's centre); the
 * column with the most lines gives the rows (a gap wider than its line pitch starts a row; across
 * a page break the row goes on unless its text ended a sentence); the other columns' lines join
 * the row whose span holds them. A cell merged over several rows has its text in one of them and
 * the others empty. The table ends at a line that runs across two columns (body text again).
 * Returns the pages with each table's lines replaced by one line holding the table block.
 */
export function tablesFromLayout(pages: SegmentedLine[][]): LaidOutLine[][] {
  const flat = pages.flatMap((lines, page) => lines.map((line) => ({ line, page })));
  const replace = new Map<SegmentedLine, string | null>(); // null: drop the line
  for (let h = 0; h < flat.length; h++) {
    const header = flat[h].line;
    if (!isHeader(header) || replace.has(header)) continue;
    const centers = header.segments.map(center);
    const column = (s: Segment) =>
      centers.reduce((best, c, i) => (Math.abs(c - center(s)) < Math.abs(centers[best] - center(s)) ? i : best), 0);
    const spansTwo = (s: Segment) => centers.some((c, i) => i + 1 < centers.length && s.x < c && s.xEnd > centers[i + 1]);
    const body: Array<{ seg: Segment; col: number; y: number; page: number }> = [];
    let end = h + 1;
    for (; end < flat.length; end++) {
      const { line, page } = flat[end];
      if (line.segments.some(spansTwo)) break;
      for (const seg of line.segments) body.push({ seg, col: column(seg), y: line.y, page });
    }
    if (body.length < 4) continue;
    // Text in a column is left-aligned at one x (wrapped lines) while the centre of a short last
    // line may sit nearer the next label: a segment starting where a column's lines usually start
    // belongs to that column.
    const usualStart = centers.map((_, i) => {
      const xs = body.filter((b) => b.col === i).map((b) => Math.round(b.seg.x));
      const counts = new Map<number, number>();
      for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
      const [x, n] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [NaN, 0];
      return n >= 3 ? x : NaN;
    });
    for (const b of body) {
      const aligned = usualStart.findIndex((x) => Math.abs(x - b.seg.x) <= 2);
      if (aligned >= 0) b.col = aligned;
    }
    // Rows from the column with the most lines.
    const counts = centers.map((_, i) => body.filter((b) => b.col === i).length);
    const main = counts.indexOf(Math.max(...counts));
    const mainLines = body.filter((b) => b.col === main);
    const gaps = mainLines
      .slice(1)
      .map((b, i) => (b.page === mainLines[i].page ? mainLines[i].y - b.y : 0))
      .filter((g) => g > 0);
    const pitch = gaps.length ? [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 4)] : 0;
    const rows: Array<{ page: number; top: number; bottom: number; cells: string[][] }> = [];
    for (const [i, b] of mainLines.entries()) {
      const prev = mainLines[i - 1];
      const newRow = !prev || (prev.page === b.page ? prev.y - b.y > pitch * 1.3 : /[。.]$/.test(prev.seg.text));
      if (newRow) rows.push({ page: b.page, top: b.y, bottom: b.y, cells: centers.map(() => []) });
      const row = rows.at(-1)!;
      if (row.page === b.page) row.bottom = b.y;
      row.cells[main].push(b.seg.text);
    }
    if (rows.length < 2) continue;
    for (const b of body) {
      if (b.col === main) continue;
      // The row on the same page whose span holds the line, else the nearest one.
      const candidates = rows.filter((r) => r.page === b.page);
      const pool = candidates.length ? candidates : rows;
      const distance = (r: (typeof rows)[number]) =>
        b.y <= r.top + pitch && b.y >= r.bottom - pitch ? 0 : Math.min(Math.abs(b.y - r.top), Math.abs(b.y - r.bottom));
      pool.reduce((best, r) => (distance(r) < distance(best) ? r : best)).cells[b.col].push(b.seg.text);
    }
    const table = pipeTable([header.segments.map((s) => s.text), ...rows.map((r) => r.cells.map((c) => c.join('')))]);
    replace.set(header, table);
    for (let k = h + 1; k < end; k++) replace.set(flat[k].line, null);
    // A caption line right above that repeats the labels at its end (the page's accessible text).
    const above = flat[h - 1]?.line;
    const labels = header.segments.map((s) => s.text).join(' ');
    if (above?.text.endsWith(labels) && above.text.length > labels.length) above.text = above.text.slice(0, -labels.length).trim();
    h = end - 1;
  }
  return pages.map((lines) =>
    lines.flatMap((line) => {
      const r = replace.get(line);
      if (r === null) return [];
      // A table block stands alone: it is given a width no paragraph would continue from.
      return r === undefined ? [line] : [{ ...line, text: r, x: Number.NEGATIVE_INFINITY, xEnd: Number.NEGATIVE_INFINITY, fontSize: -1 }];
    }),
  );
}
