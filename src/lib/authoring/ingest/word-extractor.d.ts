// word-extractor ships no types; only what extract-doc.ts uses is declared.
declare module 'word-extractor' {
  export interface WordDocument {
    getBody(): string;
    getHeaders(options?: { includeFooters?: boolean }): string;
    getFooters(): string;
  }
  export default class WordExtractor {
    extract(source: string | Buffer): Promise<WordDocument>;
  }
}

// The OLE reader itself, used with its revision (deletion-mark) step switched off.
declare module 'word-extractor/lib/word-ole-extractor.js' {
  import type { WordDocument } from 'word-extractor';
  export default class WordOleExtractor {
    extract(reader: unknown): Promise<WordDocument>;
    /** Blanks the runs Word's revision marks delete; overridden to keep them. */
    writeCharacterProperties(buffer: Buffer, tableBuffer: Buffer): void;
  }
}
declare module 'word-extractor/lib/buffer-reader.js' {
  export default class BufferReader {
    constructor(buffer: Buffer);
  }
}
