import type { ClassifiedBlock } from './blocks.ts';

/** A block ends a sentence if it ends with sentence punctuation, possibly inside a closing quote. */
const ENDS_SENTENCE = /([。！？!?；;：:…]|[。！？!?…][”’」』）)])$/;

const continues = (b: ClassifiedBlock) => (b.role === 'paragraph' || b.role === 'listItem') && !ENDS_SENTENCE.test(b.text.trimEnd());

/**
 * Re-joins text the extraction broke apart: a paragraph or list item that stops mid-sentence
 * continues in the next paragraph of the same article (做优"楼 / 长制"服务方式). Captions that the
 * page layout dropped into the middle of the sentence move after it. Vertical banners stacked
 * over several blocks become one.
 */
export function joinBrokenParagraphs(blocks: ClassifiedBlock[]): { blocks: ClassifiedBlock[]; joins: number } {
  const out: ClassifiedBlock[] = [];
  let open: ClassifiedBlock | undefined;
  let joins = 0;
  for (const block of blocks) {
    // A paragraph break the source states (one paragraph per line) is never re-joined.
    const sameFlow = open && open.article === block.article && open.aside === block.aside && !open.explicit && !block.explicit;
    if (block.role === 'caption' && open) {
      out.push(block);
      continue;
    }
    if (open && sameFlow && block.role === 'paragraph') {
      open.text += needsSpace(open.text, block.text) ? ' ' + block.text : block.text;
      open.lines.push(...block.lines);
      joins++;
      if (!continues(open)) open = undefined;
      continue;
    }
    const last = out.at(-1);
    if (block.role === 'banner' && last?.role === 'banner') {
      last.text += block.text;
      last.lines.push(...block.lines);
      continue;
    }
    out.push({ ...block, lines: [...block.lines] });
    open = continues(block) ? out.at(-1) : undefined;
  }
  return { blocks: out, joins };
}

const needsSpace = (a: string, b: string) => /[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b);
