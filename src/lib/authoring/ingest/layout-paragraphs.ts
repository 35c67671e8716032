/**
 * Lines of a laid-out page (PDF text layer, OCR, OFD) → paragraphs. Shared by the readers of
 * positioned text so that one rule decides where a paragraph ends, whatever the format.
 */
export interface LaidOutLine {
  text: string;
  /** Left and right edge and baseline, in the page's units (y grows upwards or downwards, see below). */
  x: number;
  xEnd: number;
  /** Larger is higher on the page (PDF user space); readers with a downward axis negate it. */
  y: number;
  fontSize: number;
}

/** Marks that open a numbered item or heading: 一、 （一） 1. 1． （1） 第X条 第X章 第X节. */
export const NUMBERING_START =
  /^(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十百]+[）)]|\d{1,3}[.．、](?!\d)|[（(]\d{1,3}[）)]|第[一二三四五六七八九十百零〇\d]+[条章节部分编])/;

const percentile = (values: number[], q: number) => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))];
};

/**
 * A paragraph ends where the line stops short (by more than two characters, as a browser print clips one at the edge) of the right margin, the next line is indented
 * (first-line indent) or centred, the gap to the next line is wider than the usual line pitch, or
 * the font size changes (a title). A line that runs to the margin continues on the next line, also
 * across a page break — except when it ends a sentence (。；：) and the next line opens a numbered
 * item (一、 （一） 1. 第X条): hard-wrapped text often fills the line exactly at an item's end.
 */
export function linesToParagraphs(pages: LaidOutLine[][]): string[] {
  const all = pages.flat();
  if (all.length === 0) return [];
  const left = percentile(
    all.map((l) => l.x),
    0.5,
  );
  const right = percentile(
    all.map((l) => l.xEnd),
    0.8,
  );
  const pitch = percentile(
    pages.flatMap((lines) => lines.slice(1).map((l, i) => lines[i].y - l.y)).filter((d) => d > 0),
    0.5,
  );
  if (process.env.DEBUG_LAYOUT) console.error({ left, right, pitch });
  const paragraphs: string[] = [];
  let current = '';
  let previous: LaidOutLine | undefined;
  for (const lines of pages) {
    for (const [i, line] of lines.entries()) {
      const size = line.fontSize || 10;
      const continues =
        previous !== undefined &&
        current !== '' &&
        previous.xEnd >= right - size * 2.5 &&
        line.x <= left + size * 0.8 &&
        Math.abs(previous.fontSize - line.fontSize) < Math.max(0.5, size * 0.15) &&
        (i === 0 || pitch === 0 || previous.y - line.y <= pitch * 1.3) &&
        !(/[。；：;:]$/.test(previous.text) && NUMBERING_START.test(line.text));
      if (!continues && current !== '') {
        paragraphs.push(current);
        current = '';
      }
      current += current !== '' && /[A-Za-z0-9]$/.test(current) && /^[A-Za-z0-9]/.test(line.text) ? ` ${line.text}` : line.text;
      previous = line;
    }
  }
  if (current !== '') paragraphs.push(current);
  return paragraphs;
}
