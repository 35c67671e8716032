import type { ExtractionKind } from '../../schema/extraction.ts';
import type { MetadataHints } from './hints.ts';

/** What a format reader gives: the source text (see toSourceText) and what the file states besides it. */
export interface ReadText {
  text: string;
  hints: MetadataHints;
  extraction: ExtractionKind;
}
