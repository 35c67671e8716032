import { repairWrappedBold } from './repair-wrapped-bold.ts';
import { normalizeListDashes } from './list-dashes.ts';
import { removeStraySpaces, type SpacingContext } from './remove-stray-spaces.ts';
import { toFullWidthPunctuation } from './full-width-punctuation.ts';
import { normalizeItemNumbers } from './item-numbers.ts';
import { normalizeConnectingDash } from './connecting-dash.ts';
import { normalizeContinuationMarker } from './continuation-marker.ts';

/** The text rules, in the order they must run: spacing decisions need the original punctuation. */
export function cleanText(text: string, context: SpacingContext): string {
  const spaced = removeStraySpaces(normalizeContinuationMarker(repairWrappedBold(text)), context);
  return normalizeConnectingDash(normalizeItemNumbers(normalizeListDashes(toFullWidthPunctuation(spaced))));
}
