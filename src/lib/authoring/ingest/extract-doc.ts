import WordExtractor from 'word-extractor';
import BufferReader from 'word-extractor/lib/buffer-reader.js';
import WordOleExtractor from 'word-extractor/lib/word-ole-extractor.js';
import type { ReadText } from './read-text.ts';
import { ingestError } from './ingest-error.ts';
import { pipeTable, toSourceText } from './source-text.ts';

/**
 * word-extractor's body text marks a table cell's end with a tab and a row's end with one more
 * (Word's cell and row marks, U+0007, both become \t), and a paragraph inside a cell with \n. So a
 * table is a run of rows, each ending in `\t\t`, one straight after the other; it ends where a
 * row end is followed by a line break. An empty cell also writes `\t\t`, which splits its row:
 * this is best effort, and a row is padded to the widest.
 */
export function bodyToBlocks(body: string): string[] {
  const blocks: string[] = [];
  const text = body.replace(/\r\n?/g, '\n');
  let i = 0;
  while (i < text.length) {
    const lineEnd = text.indexOf('\n', i) === -1 ? text.length : text.indexOf('\n', i);
    const rowEnd = text.indexOf('\t\t', i);
    // Not a table: the line holds no row end, or its first tab comes after the line's end and
    // the next line is not part of a cell.
    if (rowEnd === -1 || (!text.slice(i, lineEnd).includes('\t') && rowEnd > lineEnd)) {
      const line = text.slice(i, lineEnd).replace(/\t/g, ' ');
      const previous = blocks.at(-1);
      // A line break typed inside brackets (a hanging-indented 附件 list: `（2020` / `    年）`)
      // continues the paragraph: a paragraph does not end inside an open bracket.
      if (
        previous !== undefined &&
        /^\s/.test(line) &&
        line.trim() !== '' &&
        (previous.match(/（/g) ?? []).length > (previous.match(/）/g) ?? []).length
      )
        blocks[blocks.length - 1] = previous.trimEnd() + line.trim();
      else blocks.push(line);
      i = lineEnd + 1;
      continue;
    }
    const rows: string[][] = [];
    let at = i;
    for (;;) {
      const end = text.indexOf('\t\t', at);
      if (end === -1) break;
      rows.push(text.slice(at, end).split('\t'));
      at = end + 2;
      while (text[at] === '\t') at++; // further tabs: empty trailing cells
      if (at >= text.length || text[at] === '\n') break;
    }
    if (rows.length === 0) {
      blocks.push(text.slice(i, lineEnd).replace(/\t/g, ' '));
      i = lineEnd + 1;
      continue;
    }
    const cells = rows.flat().filter((c) => c.trim() !== '');
    if (rows.length === 1 || cells.length <= 1) blocks.push(...cells.map((c) => c.replace(/\s*\n\s*/g, ' ')));
    else blocks.push(pipeTable(rows));
    i = at + 1;
  }
  return blocks;
}

/**
 * word-extractor's OLE reader with its revision step switched off. That step blanks the runs it
 * reads as tracked deletions, and on real documents it blanks what a reader sees: the 文号 and
 * addressee of 银保监 notices, and whole bodies of others (one 浙江 notice kept 112 of its 1,656
 * characters). Published documents carry no pending deletions, so nothing is blanked.
 */
class WithoutRevisionMarks extends WordOleExtractor {
  override writeCharacterProperties(): void {}
}

/** An OLE compound file (Word 97–2003) starts with D0 CF 11 E0. */
const isOle = (bytes: Uint8Array) => bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;

/**
 * A Word 97–2003 document (.doc, OLE) → source text with word-extractor, which also reads the
 * fast-saved files WPS writes (antiword refuses them): paragraphs in order, tables best effort as
 * pipe tables, text marked as deleted revisions kept (see WithoutRevisionMarks). Headers and
 * footers (page numbers) are not read. A .doc that is not OLE (a renamed .docx) is read by
 * word-extractor's own detection.
 */
export async function extractDoc(bytes: Uint8Array, file: string): Promise<ReadText> {
  let body: string;
  try {
    const buffer = Buffer.from(bytes);
    const document = isOle(bytes)
      ? await new WithoutRevisionMarks().extract(new BufferReader(buffer))
      : await new WordExtractor().extract(buffer);
    body = document.getBody();
  } catch (e) {
    throw ingestError(
      file,
      `is not a Word 97–2003 document this reader can open (${(e as Error).message.split('\n')[0]})`,
      'Open it in Word or WPS and save it as .docx (文件 → 另存为 → Word 文档), then add the .docx.',
    );
  }
  const text = toSourceText(bodyToBlocks(body));
  if (text === '')
    throw ingestError(
      file,
      'is an empty Word document (no text in it)',
      'Check that this is the right file; a scanned document needs OCR first.',
    );
  return { text, hints: {}, extraction: 'doc' };
}
