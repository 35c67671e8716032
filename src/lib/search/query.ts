import { fold, NO_T2S, type T2sMap } from './normalize.ts';

export interface ParsedQuery {
  /** As typed, trimmed. */
  raw: string;
  /** The words in normal form; a page matches exactly when it contains every one of them. */
  words: string[];
  /** The whole query in normal form without spaces: compared with entity names and aliases. */
  key: string;
}

/**
 * Splits a query into words at spaces (ASCII or ideographic) and folds each word. Chinese is typed
 * without spaces, so a word is usually a phrase (`深化走访联系企业机制`) and is matched as one.
 * Repeated words, and words already contained in a longer word, add nothing and are dropped.
 */
export function parseQuery(raw: string, t2s: T2sMap = NO_T2S): ParsedQuery {
  const trimmed = raw.trim();
  const folded = trimmed
    .normalize('NFKC')
    .split(/\s+/u)
    .map((w) => fold(w, t2s))
    .filter((w) => w !== '');
  const unique = [...new Set(folded)];
  const words = unique.filter((w) => !unique.some((other) => other !== w && other.includes(w)));
  return { raw: trimmed, words, key: fold(trimmed, t2s) };
}

/** Whether a text (already in normal form) contains every word of the query. */
export function containsAll(key: string, words: readonly string[]): boolean {
  return words.length > 0 && words.every((w) => key.includes(w));
}
