/**
 * A bold run-in heading (**社区治理能级提升。**) that a PDF line wrap cut in two keeps its
 * opening marker after the wrap (城市精细化水平切实提 **高。**). When a bold run ending a sentence
 * opens after a wrap space in the middle of that sentence, the marker moves back to the sentence start.
 */
export function repairWrappedBold(text: string): string {
  return text.replace(
    /(^|[。；！？]|\*\*)([^。；！？*]+?)[ \u3000]+\*\*([^*]+?[。；！？])\*\*/g,
    (whole, boundary: string, head: string, tail: string) => (boundary === '**' ? whole : `${boundary}**${head}${tail}**`),
  );
}
