import { repairWrappedBold } from './repair-wrapped-bold.ts';
import { normalizeListDashes } from './list-dashes.ts';
import { removeStraySpaces, type SpacingContext } from './remove-stray-spaces.ts';
import { toFullWidthPunctuation } from './full-width-punctuation.ts';

/** The text rules, in the order they must run: spacing decisions need the original punctuation. */
export function cleanText(text: string, context: SpacingContext): string {
  return normalizeListDashes(toFullWidthPunctuation(removeStraySpaces(repairWrappedBold(text), context)));
}
