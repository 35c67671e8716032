import type { SourceBlock } from './blocks.ts';

/** Text → blocks separated by blank lines, keeping the source line numbers and the blank-line gaps. */
export function splitBlocks(text: string): SourceBlock[] {
  const lines = text.split('\n');
  const blocks: SourceBlock[] = [];
  let blank = 0;
  let current: SourceBlock | undefined;
  lines.forEach((raw, i) => {
    if (raw.trim() === '') {
      if (current) {
        blocks.push(current);
        current = undefined;
      }
      blank += 1;
      return;
    }
    if (!current) {
      if (blocks.length > 0) blocks[blocks.length - 1].blankAfter = blank;
      current = { line: i + 1, endLine: i + 1, lines: [], blankBefore: blank, blankAfter: 0, indented: [] };
      blank = 0;
    }
    current.lines.push(raw.trim());
    current.indented?.push(/^(\u3000|[ \u00a0]{2,}|\t)/.test(raw));
    current.endLine = i + 1;
  });
  if (current) blocks.push(current);
  if (blocks.length > 0) blocks[blocks.length - 1].blankAfter = Math.max(blank, 1);
  return blocks;
}
