import type { ReadText } from './extract.ts';
import { ingestError } from './ingest-error.ts';
export async function ocrPdf(_bytes: Uint8Array, file: string, pages: number): Promise<ReadText> {
  throw ingestError(file, `no text layer (${pages})`, 'todo');
}
