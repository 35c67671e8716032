import WordExtractor from 'word-extractor';
import BufferReader from 'word-extractor/lib/buffer-reader.js';
import WordOleExtractor from 'word-extractor/lib/word-ole-extractor.js';
import { documentNumberLine } from '../../text/document-number.ts';
import type { HintValue } from './hints.ts';
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
 * A Word 97–2003 document (.doc, OLE) → source text with word-extractor, which also reads the
 * fast-saved files WPS writes (antiword refuses them): paragraphs in order, tables best effort as
 * pipe tables. Headers and footers (page numbers) are not read.
 */
export async function extractDoc(bytes: Uint8Array, file: string): Promise<ReadText> {
  let body: string;
  try {
    body = (await new WordExtractor().extract(Buffer.from(bytes))).getBody();
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
  const deletedNumber = await documentNumberInDeletion(bytes, text);
  return { text, hints: deletedNumber ? { documentNumber: deletedNumber } : {}, extraction: 'doc' };
}

/**
 * The 文号 of a document whose 文号 Word's revision marks delete: some document systems (the
 * 银保监 OA's MERGEFIELD outgoingNo) write the number into the file as a tracked deletion, so the
 * text leaves it out as it leaves out all deleted text. Read once more with deletion marks
 * ignored, a line that is only a 文号 near the head and absent from the text is offered as a
 * hint, with evidence saying where it was found, for a person to confirm.
 */
async function documentNumberInDeletion(bytes: Uint8Array, text: string): Promise<HintValue | undefined> {
  // word-extractor has no option to keep deleted runs; its OLE reader is used with the one step
  // that blanks them switched off.
  class KeepingDeletions extends WordOleExtractor {
    override writeCharacterProperties(): void {}
  }
  let withDeletions: string;
  try {
    withDeletions = (await new KeepingDeletions().extract(new BufferReader(Buffer.from(bytes)))).getBody();
  } catch {
    return undefined;
  }
  const present = new Set(text.split('\n').map((l) => documentNumberLine(l.trim())));
  for (const line of withDeletions.split(/\n/).slice(0, 30)) {
    const number = documentNumberLine(line.trim());
    if (number && !present.has(number)) return { value: number, evidence: 'Word 文件中标为“删除”的修订文字（请核对原件是否有此发文字号）' };
  }
  return undefined;
}
