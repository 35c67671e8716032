import { extname } from 'node:path';
import { ContentError } from '../errors.ts';
import type { SourceMeta } from '../schema/source-meta.ts';
import { decodeSource } from '../text/decode-source.ts';
import type { MetadataHints } from './detect-metadata.ts';
import { ingestError } from './ingest-error.ts';

export const acceptedExtensions = ['.txt', '.pdf', '.docx', '.html', '.htm'] as const;
export type AcceptedExtension = (typeof acceptedExtensions)[number];

export interface Extraction {
  /** The source text exactly as it will be written to content/sources/<slug>.txt. */
  bytes: Uint8Array;
  text: string;
  extension: AcceptedExtension;
  /** Undefined for .txt: where its text came from is not in the file. */
  extraction?: SourceMeta['extraction'];
  hints: MetadataHints;
}

export const isAccepted = (ext: string): ext is AcceptedExtension => (acceptedExtensions as readonly string[]).includes(ext);

/**
 * Any accepted file → the source text. A .txt is taken byte for byte (it is its own original,
 * checked to decode as the compiler will decode it); the others are extracted to UTF-8 with LF.
 */
export async function extractSourceText(bytes: Uint8Array, file: string): Promise<Extraction> {
  const extension = extname(file).toLowerCase();
  if (!isAccepted(extension)) {
    throw ingestError(file, `has an extension add-document does not read (${extension || 'none'})`, `Give a ${acceptedExtensions.join(' / ')} file; save a .doc as .docx, a scan as PDF with OCR.`);
  }
  if (extension === '.txt') {
    try {
      return { bytes, text: decodeSource(bytes, file), extension, hints: {} };
    } catch (e) {
      if (e instanceof ContentError) throw ingestError(file, e.problems[0].message, e.problems[0].hint);
      throw e;
    }
  }
  let text: string;
  let hints: MetadataHints = {};
  let extraction: SourceMeta['extraction'];
  // Each reader is loaded only for its format: pdf.js and mammoth are large, and a command that
  // refuses a file should answer at once.
  if (extension === '.pdf') {
    text = await (await import('./extract-pdf.ts')).extractPdf(bytes, file);
    extraction = 'pdf';
  } else if (extension === '.docx') {
    text = await (await import('./extract-docx.ts')).extractDocx(bytes, file);
    extraction = 'docx';
  } else {
    ({ text, hints } = (await import('./extract-html.ts')).extractHtml(bytes, file));
    extraction = 'web';
  }
  if (text.trim() === '') throw ingestError(file, 'has no text', 'Check that this is the right file.');
  return { bytes: new TextEncoder().encode(text), text, extension, extraction, hints };
}
