import type { LaidOutBlock } from './blocks.ts';
import { NUMBERING } from '../../text/gongwen-patterns.ts';

/** A line that ends a paragraph: sentence punctuation, possibly inside a closing quote or bracket. */
const ENDS_PARAGRAPH = /[。！？；：:…]([”’」』）)]*)$/;

/**
 * Sources come in three line conventions: paragraphs separated by blank lines (the first
 * sources, PDF extractions), one paragraph per line with no blank lines between (legal
 * databases, plain-text notices), and hard-wrapped lines inside a paragraph. A block of several
 * lines is read as one paragraph per line when its lines are indented as paragraphs are (two or
 * more first-line indents) or when most of them end a sentence; otherwise its lines are one
 * wrapped paragraph, except that a line ending a sentence followed by a numbered line (一、,
 * （一）, 1., 第X条) starts a new paragraph there. Every block split here has explicit edges.
 */
export function splitParagraphLines(blocks: LaidOutBlock[]): LaidOutBlock[] {
  const out: LaidOutBlock[] = [];
  // The convention is the document's: a text whose multi-line blocks are mostly indented or
  // sentence-ended lines is one paragraph per line throughout, header lines included.
  const counted = blocks.filter((b) => b.lines.length > 1 && !b.role && !b.lines.every((l) => /^-\s/.test(l) || l.startsWith('|')));
  const allLines = counted.reduce((n, b) => n + b.lines.length, 0);
  const allIndented = counted.reduce((n, b) => n + (b.indented ?? []).filter(Boolean).length, 0);
  const allEnding = counted.reduce((n, b) => n + b.lines.slice(0, -1).filter((l) => ENDS_PARAGRAPH.test(l)).length, 0);
  const allInner = counted.reduce((n, b) => n + b.lines.length - 1, 0);
  const documentPerLine = allLines >= 6 && (allIndented / allLines >= 0.3 || allEnding / allInner >= 0.5);
  for (const block of blocks) {
    const n = block.lines.length;
    // Lists (`- ` lines) and blocks a correction gave a role are read as they are.
    if (n < 2 || block.role || block.lines.every((l) => /^-\s/.test(l)) || block.lines.every((l) => l.startsWith('|'))) {
      out.push(block);
      continue;
    }
    const indented = (block.indented ?? []).filter(Boolean).length;
    const ending = block.lines.slice(0, -1).filter((l) => ENDS_PARAGRAPH.test(l)).length;
    // Lines too short for a wrapped paragraph (a form's cells, a list of names) stand alone; lines
    // of one or two characters are vertical text and stay together.
    const shortCount = block.lines.filter((l) => l.length <= 20).length;
    const shortLines =
      n >= 3 && shortCount / n >= 0.6 && block.lines.some((l) => l.length >= 3) && !block.lines.some((l) => /[，、]$/.test(l));
    const perLine = documentPerLine || indented >= 2 || ending / (n - 1) >= 0.5 || shortLines;
    const cuts: number[] = [];
    for (let i = 1; i < n; i++) {
      const previous = block.lines[i - 1];
      const startsNumbered = NUMBERING.test(block.lines[i]);
      const vertical = previous.length <= 2 && block.lines[i].length <= 2;
      if (
        (perLine && !vertical) ||
        (ENDS_PARAGRAPH.test(previous) && startsNumbered) ||
        (block.indented?.[i] && ENDS_PARAGRAPH.test(previous))
      )
        cuts.push(i);
    }
    if (cuts.length === 0) {
      out.push(block);
      continue;
    }
    let from = 0;
    for (const to of [...cuts, n]) {
      out.push({
        ...block,
        line: block.line + from,
        endLine: block.line + to - 1,
        lines: block.lines.slice(from, to),
        indented: block.indented?.slice(from, to),
        blankBefore: from === 0 ? block.blankBefore : 0,
        blankAfter: to === n ? block.blankAfter : 0,
        explicit: true,
      });
      from = to;
    }
  }
  return out;
}
