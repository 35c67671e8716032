import type { ClassifiedBlock } from './blocks.ts';

/**
 * Gives every heading a depth from the order in which the document introduces its numbering
 * families, the way a reader infers it: the first family met is the top level, a new family goes
 * one level down, a family seen before closes everything below it. The page title is h1; in a
 * newspaper page each article title is h2 and its sections start at h3. A 专栏 box sits beside the
 * deepest numbered subsections it follows.
 */
export function nestHeadings(blocks: ClassifiedBlock[]): ClassifiedBlock[] {
  const hasArticles = blocks.some((b) => b.article !== undefined);
  const base = hasArticles ? 3 : 2;
  let main: string[] = [];
  let aside: string[] = [];
  let article: number | undefined;

  return blocks.map((block) => {
    if (block.article !== article) {
      article = block.article;
      main = [];
      aside = [];
    }
    const stack = block.aside ? aside : main;
    if (block.role === 'title' && hasArticles) return { ...block, depth: 2 };
    if (block.role === 'boxHeading') {
      const top = stack.length;
      const depth = top === 0 ? base : stack[top - 1] === 'paren' ? base + top - 1 : base + top;
      return { ...block, depth: Math.min(depth, 6) };
    }
    if (block.role !== 'heading' || !block.headingKind) return block;
    // An attached document (附件, or the 办法 a notice issues) starts over at the top level: its
    // own numbering nests under it, whatever the covering text used.
    if (block.headingKind === 'attachment') stack.length = 0;
    const at = stack.indexOf(block.headingKind);
    if (at >= 0) stack.length = at;
    stack.push(block.headingKind);
    return { ...block, depth: Math.min(base + stack.length - 1, 6) };
  });
}
