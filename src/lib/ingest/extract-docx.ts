import mammoth from 'mammoth';
import { ingestError } from './ingest-error.ts';
import { linesToSourceText } from './source-text.ts';

/**
 * A Word document (.docx) → source text, through mammoth (which reads the OOXML paragraphs,
 * including tables and lists, in document order; one paragraph per line).
 */
export async function extractDocx(bytes: Uint8Array, file: string): Promise<string> {
  let raw: string;
  try {
    raw = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
  } catch (e) {
    throw ingestError(
      file,
      `is not a readable Word document (${(e as Error).message.split('\n')[0]})`,
      'Open it in Word or WPS and save it again as .docx (an old .doc must be saved as .docx).',
    );
  }
  const text = linesToSourceText(raw);
  if (text === '') throw ingestError(file, 'is an empty Word document (no text in it)', 'Check that this is the right file; a scanned document needs OCR first.');
  return text;
}
