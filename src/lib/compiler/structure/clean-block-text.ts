import { cleanText } from '../../text/clean-text.ts';
import type { SpacingContext } from '../../text/remove-stray-spaces.ts';
import type { BlockRole, ClassifiedBlock } from './blocks.ts';

const contextOf = (role: BlockRole): SpacingContext =>
  role === 'byline'
    ? 'byline'
    : ['title', 'kicker', 'subtitle', 'heading', 'boxHeading', 'banner', 'docNumber', 'issuer'].includes(role)
      ? 'heading'
      : 'body';

/** Runs the text rules on every block, in the spacing context its role implies. */
export function cleanBlockText(blocks: ClassifiedBlock[]): ClassifiedBlock[] {
  return blocks.map((b) => ({
    ...b,
    text: b.text
      .split('\n')
      .map((line) => cleanText(line, contextOf(b.role)))
      .join('\n'),
  }));
}
