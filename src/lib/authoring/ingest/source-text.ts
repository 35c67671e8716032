import { ORGAN, parseChineseDate } from './detect-metadata.ts';

/**
 * The shape every extraction is written in, the shape of the existing sources: one paragraph per
 * line, paragraphs separated by a blank line, UTF-8 with LF line ends and a final newline.
 */
export function toSourceText(paragraphs: Iterable<string>): string {
  const kept = keepSignaturesTogether([...paragraphs].map(cleanLine).filter((p) => p !== ''));
  return kept.length === 0 ? '' : kept.join('\n\n') + '\n';
}

/**
 * The signature (GB/T 9704: the organ over the date) is one block of two lines, as the sources
 * write it, so the compiler reads it as a signature rather than as two short headings. Extraction
 * gives them as two paragraphs (two PDF lines, two Word paragraphs, a <br> on a web page).
 */
function keepSignaturesTogether(paragraphs: string[]): string[] {
  const out: string[] = [];
  for (const p of paragraphs) {
    const previous = out.at(-1);
    const isSignature =
      previous !== undefined && !previous.includes('\n') && previous.length <= 30 && ORGAN.test(previous.replace(/\s/g, ''));
    if (isSignature && parseChineseDate(p) !== undefined) out[out.length - 1] = `${previous}\n${p}`;
    else out.push(p);
  }
  return out;
}

/**
 * Whitespace that web pages and Word use for layout (non-breaking and ideographic spaces as
 * first-line indents, zero-width spaces, soft hyphens) and control characters are not text.
 */
export function cleanLine(line: string): string {
  return line
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
    .replace(/[\u00A0\u2002-\u200A\u202F\u205F]/g, ' ')
    .replace(/[ \t\u3000]+$/g, '')
    .replace(/^[ \t\u3000]+/g, '')
    .replace(/[ \t]{2,}/g, ' ');
}

/** Text with one paragraph per line (web pages, Word) → the source shape. */
export const linesToSourceText = (text: string) => toSourceText(text.replace(/\r\n?/g, '\n').split('\n'));

/**
 * Table rows (cells already reduced to text; spanned cells left empty by the reader) → one GFM
 * pipe-table block: the first row is the header. `|` in a cell is escaped and line breaks inside a
 * cell become spaces, so a table stays one block of one line per row.
 */
export function pipeTable(rows: string[][]): string {
  const cell = (c: string) => cleanLine(c.replace(/\s*\n\s*/g, ' ')).replace(/\|/g, '\\|');
  const width = Math.max(...rows.map((r) => r.length));
  const line = (r: string[]) => `| ${Array.from({ length: width }, (_, i) => cell(r[i] ?? '')).join(' | ')} |`.replace(/ {2,}/g, ' ');
  const [head, ...body] = rows;
  return [line(head), `| ${Array.from({ length: width }, () => '---').join(' | ')} |`, ...body.map(line)].join('\n');
}

/** A pipe-table block (see pipeTable): its lines are rows, not a paragraph broken by the reader. */
export const isPipeTable = (block: string) => /^\|.*\|\n\| ---/.test(block);
