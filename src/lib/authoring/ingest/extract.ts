import { extname } from 'node:path';
import { ContentError } from '../../errors.ts';
import type { ExtractionKind } from '../../schema/extraction.ts';
import { decodeSourceWithEncoding, type SourceEncoding } from '../../text/decode-source.ts';
import type { MetadataHints } from './hints.ts';
import { ingestError } from './ingest-error.ts';
import type { ReadText } from './read-text.ts';

export const acceptedExtensions = ['.txt', '.pdf', '.docx', '.doc', '.html', '.htm', '.ofd'] as const;
export type AcceptedExtension = (typeof acceptedExtensions)[number];

export interface Extraction {
  /** The source text exactly as it will be written to content/sources/<slug>.txt. */
  bytes: Uint8Array;
  text: string;
  extension: AcceptedExtension;
  extraction: ExtractionKind;
  hints: MetadataHints;
  /** How a .txt was decoded (it is kept byte for byte); extracted text is always written as UTF-8. */
  encoding?: SourceEncoding;
}

export const isAccepted = (ext: string): ext is AcceptedExtension => (acceptedExtensions as readonly string[]).includes(ext);

/**
 * Any accepted file → the source text. A .txt is taken byte for byte (it is its own original,
 * checked to decode as the compiler will decode it); the others are extracted to UTF-8 with LF.
 */
export async function extractSourceText(bytes: Uint8Array, file: string): Promise<Extraction> {
  const extension = extname(file).toLowerCase();
  if (!isAccepted(extension)) {
    throw ingestError(
      file,
      `has an extension add-document does not read (${extension || 'none'})`,
      `Give a ${acceptedExtensions.join(' / ')} file; save other formats as .docx or PDF.`,
    );
  }
  if (extension === '.txt') {
    try {
      const { text, encoding } = decodeSourceWithEncoding(bytes, file);
      return { bytes, text, extension, extraction: 'txt', hints: {}, encoding };
    } catch (e) {
      if (e instanceof ContentError) throw ingestError(file, e.problems[0].message, e.problems[0].hint);
      throw e;
    }
  }
  // Each reader is loaded only for its format: pdf.js and the others are large, and a command
  // that refuses a file should answer at once.
  let read: ReadText;
  if (extension === '.pdf') read = await (await import('./extract-pdf.ts')).extractPdf(bytes, file);
  else if (extension === '.docx') read = await (await import('./extract-docx.ts')).extractDocx(bytes, file);
  else if (extension === '.doc') read = await (await import('./extract-doc.ts')).extractDoc(bytes, file);
  else if (extension === '.ofd') read = (await import('./extract-ofd.ts')).extractOfd(bytes, file);
  else read = (await import('./extract-html.ts')).extractHtml(bytes, file);
  if (read.text.trim() === '') throw ingestError(file, 'has no text', 'Check that this is the right file.');
  return { bytes: new TextEncoder().encode(read.text), text: read.text, extension, extraction: read.extraction, hints: read.hints };
}
