/**
 * The one normal form in which search queries and page texts are compared, on the client (query,
 * index builder) and in the benchmark alike:
 *
 *   NFKC (full-width letters and digits → ASCII: `Ｇ２` → `G2`, ideographic space → space)
 *   → traditional → simplified, one character at a time (`社區治理` → `社区治理`, see t2s-map.ts)
 *   → lower case
 *   → whitespace, quotation and title marks and zero-width characters dropped (readers do not type
 *     them: `3+5+X产业政策体系` matches `“3+5+X”产业政策体系`).
 *
 * Text is folded one code point at a time, and every character of the folded key remembers which
 * characters of the original it came from, so a match in the key can be highlighted in the original.
 */

/** Traditional (or variant) character → simplified character; built at build time from the corpus. */
export type T2sMap = Readonly<Record<string, string>>;

/** No traditional → simplified mapping (NFKC, case and marks only). */
export const NO_T2S: T2sMap = Object.freeze({});

/** Characters that never decide a match. */
const DROPPED = /[\s“”‘’"'「」『』《》〈〉\u200b-\u200d\u2060\ufeff]/u;

export interface FoldedText {
  /** The normal form. */
  key: string;
  /** `key[i]` came from `text.slice(from[i], to[i])`. */
  from: number[];
  to: number[];
}

const caches = new WeakMap<T2sMap, Map<string, string>>();

function foldCodePoint(cp: string, t2s: T2sMap): string {
  let cache = caches.get(t2s);
  if (!cache) caches.set(t2s, (cache = new Map()));
  let out = cache.get(cp);
  if (out !== undefined) return out;
  out = '';
  for (const c of cp.normalize('NFKC')) {
    const mapped = (t2s[c] ?? c).toLowerCase();
    if (!DROPPED.test(mapped)) out += mapped;
  }
  cache.set(cp, out);
  return out;
}

/** Folds `text` into its search key, keeping the way back to the original characters. */
export function foldWithOffsets(text: string, t2s: T2sMap = NO_T2S): FoldedText {
  const from: number[] = [];
  const to: number[] = [];
  let key = '';
  let i = 0;
  for (const cp of text) {
    const folded = foldCodePoint(cp, t2s);
    for (let k = 0; k < folded.length; k++) {
      from.push(i);
      to.push(i + cp.length);
    }
    key += folded;
    i += cp.length;
  }
  return { key, from, to };
}

/** The search key of `text` (see the module comment). */
export function fold(text: string, t2s: T2sMap = NO_T2S): string {
  let key = '';
  for (const cp of text) key += foldCodePoint(cp, t2s);
  return key;
}

/** Only the t2s step, keeping everything else as typed: to show the reader what was searched. */
export function toSimplified(text: string, t2s: T2sMap = NO_T2S): string {
  let out = '';
  for (const c of text.normalize('NFKC')) out += t2s[c] ?? c;
  return out;
}
