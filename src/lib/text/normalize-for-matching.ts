import { normalizeConnectingDash } from './connecting-dash.ts';
import { normalizeContinuationMarker } from './continuation-marker.ts';

/**
 * The form in which texts are compared when they may differ only by extraction defects or by the
 * cleaning rules: no whitespace, no quote marks, no leftover markdown, full-width punctuation.
 * Used by the fidelity check and to resolve citations quoted from the raw sources.
 */
export function normalizeForMatching(text: string): string {
  return normalizeConnectingDash(normalizeContinuationMarker(text.trim()))
    .replace(/\*\*/g, '')
    .replace(/^#{1,6}|■/gm, '')
    .replace(/^\s*-\s+/gm, '')
    .replace(/^一一|(?<=\n)一一/g, '——')
    .replace(/["“”‘’「」'`]/g, '')
    .replace(/,/g, '，')
    .replace(/:/g, '：')
    .replace(/;/g, '；')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/!/g, '！')
    .replace(/\?/g, '？')
    .replace(/\s+/g, '');
}
