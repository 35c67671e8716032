import { extractTextItems, getDocumentProxy } from 'unpdf';
import { foldRadicals } from './fold-radicals.ts';
import { ingestError } from './ingest-error.ts';
import { toSourceText } from './source-text.ts';

type TextItem = Awaited<ReturnType<typeof extractTextItems>>['items'][number][number];

interface Line {
  text: string;
  x: number;
  xEnd: number;
  y: number;
  fontSize: number;
}

/** Page furniture, not text: a page number alone on its line (- 1 -, — 2 —, 第 3 页 共 9 页). */
const PAGE_NUMBER = /^(?:[-—–－\s]*\d+[-—–－\s]*|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+)$/;

/** Items on one baseline (within a third of the font size) make one line, read left to right. */
function toLines(items: TextItem[]): Line[] {
  const lines: Array<{ items: TextItem[]; y: number }> = [];
  for (const item of items.filter((i) => i.str.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x)) {
    const line = lines.find((l) => Math.abs(l.y - item.y) <= Math.max(item.fontSize, 1) / 3);
    if (line) line.items.push(item);
    else lines.push({ items: [item], y: item.y });
  }
  return lines
    .sort((a, b) => b.y - a.y)
    .map(({ items: lineItems, y }) => {
      lineItems.sort((a, b) => a.x - b.x);
      let text = '';
      let end = lineItems[0].x;
      for (const item of lineItems) {
        // A visible gap between two items is a space in the text (the cleaning rules drop the ones
        // Chinese does not want); touching items join directly.
        if (text !== '' && item.x - end > item.fontSize * 0.5) text += ' ';
        text += item.str;
        end = item.x + item.width;
      }
      const fontSize = Math.max(...lineItems.map((i) => i.fontSize));
      return { text: text.trim(), x: lineItems[0].x, xEnd: end, y, fontSize };
    });
}

const median = (values: number[]) => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

/**
 * Lines → paragraphs, from the layout: a paragraph ends where the line stops short of the right
 * margin, the next line is indented (first-line indent), the gap to the next line is wider than
 * the usual line pitch, or the font size changes (a title). A line that runs to the margin
 * continues on the next line, also across a page break.
 */
function toParagraphs(pages: Line[][]): string[] {
  const all = pages.flat();
  const left = median(all.map((l) => l.x));
  const right = Math.max(...all.map((l) => l.xEnd));
  const pitch = median(pages.flatMap((lines) => lines.slice(1).map((l, i) => lines[i].y - l.y)).filter((d) => d > 0));
  const paragraphs: string[] = [];
  let current = '';
  let previous: Line | undefined;
  for (const [pageIndex, lines] of pages.entries()) {
    for (const [i, line] of lines.entries()) {
      const size = line.fontSize || 10;
      const continues =
        previous !== undefined &&
        current !== '' &&
        previous.xEnd >= right - size * 1.5 &&
        line.x <= left + size * 0.8 &&
        Math.abs(previous.fontSize - line.fontSize) < 0.5 &&
        (i === 0 || pitch === 0 || previous.y - line.y <= pitch * 1.3);
      if (!continues && current !== '') {
        paragraphs.push(current);
        current = '';
      }
      current += current !== '' && /[A-Za-z0-9]$/.test(current) && /^[A-Za-z0-9]/.test(line.text) ? ` ${line.text}` : line.text;
      previous = line;
    }
    if (pageIndex === pages.length - 1 && current !== '') paragraphs.push(current);
  }
  return paragraphs;
}

/**
 * A PDF's text layer → source text (paragraphs rebuilt from the layout, radicals folded). Encrypted
 * PDFs and PDFs without a text layer (scans) are refused: there is nothing to read without a
 * password or OCR, and a person must decide what to do.
 */
export async function extractPdf(bytes: Uint8Array, file: string): Promise<string> {
  let pdf;
  try {
    pdf = await getDocumentProxy(new Uint8Array(bytes));
  } catch (e) {
    const name = (e as { name?: string }).name;
    if (name === 'PasswordException') {
      throw ingestError(file, 'is an encrypted PDF that needs a password to open', 'Ask the publisher for an unprotected copy, or save it without the password and add that file.');
    }
    throw ingestError(file, `is not a readable PDF (${(e as Error).message})`, 'Check that the download is complete; open it in a PDF viewer.');
  }
  const { items } = await extractTextItems(pdf);
  const pages = items.map((pageItems) =>
    toLines(pageItems).filter((line, i, lines) => !((i === 0 || i === lines.length - 1) && PAGE_NUMBER.test(line.text))),
  );
  if (pages.every((p) => p.length === 0)) {
    throw ingestError(
      file,
      `has no text layer (${items.length} page(s) of images only, e.g. a scan)`,
      'Run OCR on it first (e.g. ocrmypdf) and add the result, or add the text as a .txt file.',
    );
  }
  return toSourceText(toParagraphs(pages).map(foldRadicals));
}
