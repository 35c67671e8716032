/** One non-empty line of a document, as detection reads it: trimmed, markup removed, with its 1-based source line. */
export interface DocLine {
  n: number;
  text: string;
}

/**
 * Text → the lines detection looks at. Layout whitespace (U+3000 indents, NBSP) is trimmed,
 * runs of spaces inside a line become one, leftover markdown (`# `, `**`) goes.
 */
export function documentLines(text: string): DocLine[] {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((raw, i) => ({
      n: i + 1,
      text: raw
        .replace(/^#{1,6}\s+/, '')
        .replace(/\*\*/g, '')
        .replace(/[\u00A0\u2002-\u200A\u202F\u205F]/g, ' ')
        // Small-form brackets some offices type in 文号 (浙保监发﹝2013﹞36号) are 〔〕.
        .replace(/﹝/g, '〔')
        .replace(/﹞/g, '〕')
        .replace(/^[\s\u3000]+|[\s\u3000]+$/g, '')
        .replace(/[ \t\u3000]{2,}/g, '  '),
    }))
    .filter((l) => l.text !== '');
}

/** Whitespace removed: how lines are compared. */
export const compact = (s: string) => s.replace(/[\s\u3000]+/g, '');
