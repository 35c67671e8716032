import type { Problem } from '../errors.ts';

/**
 * Characters that must not reach a page: NUL and the other C0 controls except tab, line feed,
 * carriage return and form feed (PDF extractions use the latter as page breaks), DEL, and the
 * bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069), which
 * make text display in another order than it is stored ("Trojan Source"). Chinese text never
 * needs any of them.
 */
const UNSAFE = /[\u0000-\u0008\u000B\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/gu;

const names: Record<number, string> = {
  0x00: 'NUL',
  0x7f: 'DELETE',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
};

export interface UnsafeCharacter {
  line: number;
  /** 1-based, in code points. */
  column: number;
  codePoint: number;
}

export function findUnsafeCharacters(text: string): UnsafeCharacter[] {
  const found: UnsafeCharacter[] = [];
  for (const m of text.matchAll(UNSAFE)) {
    const before = text.slice(0, m.index);
    const lineStart = before.lastIndexOf('\n') + 1;
    found.push({ line: before.split('\n').length, column: [...before.slice(lineStart)].length + 1, codePoint: m[0].codePointAt(0)! });
  }
  return found;
}

export function describeCodePoint(cp: number): string {
  const hex = 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');
  const name = names[cp] ?? 'control character';
  return `${hex} ${name}`;
}

/**
 * One problem for all unsafe characters of a file: the first, located by line and column, and how
 * many more there are (one mistake, one message).
 * `lineOffset` maps lines of an excerpt (a frontmatter block) back to the file.
 */
export function unsafeCharacterProblem(file: string, text: string, hint: string, lineOffset = 0): Problem | undefined {
  const found = findUnsafeCharacters(text);
  if (found.length === 0) return undefined;
  const [first] = found;
  const bidi = first.codePoint >= 0x202a;
  return {
    file,
    line: first.line + lineOffset,
    column: first.column,
    message:
      `contains ${bidi ? 'the bidirectional control' : 'the invisible control character'} ${describeCodePoint(first.codePoint)}` +
      (found.length > 1 ? ` (and ${found.length - 1} more such character${found.length > 2 ? 's' : ''} in this file)` : ''),
    hint,
  };
}
