import { foldWithOffsets, type FoldedText, type T2sMap } from './normalize.ts';

/** A piece of an excerpt; `mark` pieces are the matched words, shown in <mark>. */
export interface Segment {
  text: string;
  mark: boolean;
}

export interface Excerpt {
  segments: Segment[];
  /** Text was cut before / after the excerpt. */
  before: boolean;
  after: boolean;
  /** Where in the text the occurrence the excerpt was chosen around starts. */
  focus?: number;
}

export interface MatchRange {
  start: number;
  end: number;
  /** Index of the query word that matched. */
  word: number;
}

/**
 * Every occurrence of every query word, as ranges of the ORIGINAL text (a match found in normal
 * form, e.g. `g2` for `Ｇ２`, or `社区` for `社區`, is mapped back to the characters it came from).
 * Sorted by start; overlapping occurrences are kept (they are merged when marked).
 */
export function matchRanges(folded: FoldedText, words: readonly string[]): MatchRange[] {
  const out: MatchRange[] = [];
  words.forEach((w, word) => {
    if (!w) return;
    for (let at = folded.key.indexOf(w); at >= 0; at = folded.key.indexOf(w, at + w.length)) {
      out.push({ start: folded.from[at], end: folded.to[at + w.length - 1], word });
    }
  });
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Number of non-overlapping occurrences of `word` in `key`. */
export function countOccurrences(key: string, word: string): number {
  if (!word) return 0;
  let n = 0;
  for (let at = key.indexOf(word); at >= 0; at = key.indexOf(word, at + word.length)) n++;
  return n;
}

/**
 * An excerpt of about `length` characters around the place where most query words occur close
 * together (the first such place), with every occurrence inside it marked.
 */
export function buildExcerpt(text: string, ranges: readonly MatchRange[], length = 90): Excerpt {
  if (ranges.length === 0) {
    const cut = [...text].length > length;
    return { segments: [{ text: cut ? sliceChars(text, 0, length) : text, mark: false }], before: false, after: cut };
  }
  // The window starting at each occurrence that covers the most distinct words wins. One pass:
  // ranges are sorted by start, so the window [r.start, r.start + length) only moves forward.
  let best = ranges[0];
  let bestWords = 0;
  const inWindow = new Map<number, number>();
  let j = 0;
  for (const r of ranges) {
    while (j < ranges.length && ranges[j].start < r.start + length) {
      inWindow.set(ranges[j].word, (inWindow.get(ranges[j].word) ?? 0) + 1);
      j++;
    }
    if (inWindow.size > bestWords) {
      best = r;
      bestWords = inWindow.size;
    }
    const left = (inWindow.get(r.word) ?? 1) - 1;
    if (left > 0) inWindow.set(r.word, left);
    else inWindow.delete(r.word);
  }
  const lead = Math.min(Math.floor(length / 4), 24);
  let start = Math.max(0, best.start - lead);
  let end = Math.min(text.length, start + length);
  start = Math.max(0, Math.min(start, end - length));
  // Never split a surrogate pair.
  if (start > 0 && isLowSurrogate(text.charCodeAt(start))) start--;
  if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end++;

  const segments: Segment[] = [];
  let at = start;
  for (const r of ranges) {
    if (r.end <= at || r.start >= end) continue;
    const s = Math.max(r.start, at);
    const e = Math.min(r.end, end);
    if (s > at) segments.push({ text: text.slice(at, s), mark: false });
    const last = segments[segments.length - 1];
    if (last?.mark && s === at) last.text += text.slice(s, e);
    else segments.push({ text: text.slice(s, e), mark: true });
    at = e;
  }
  if (at < end) segments.push({ text: text.slice(at, end), mark: false });
  return { segments: segments.filter((s) => s.text !== ''), before: start > 0, after: end < text.length, focus: best.start };
}

/** Shortcut: fold, find, excerpt. */
export function excerptFor(text: string, words: readonly string[], t2s: T2sMap, length = 90): Excerpt {
  return buildExcerpt(text, matchRanges(foldWithOffsets(text, t2s), words), length);
}

function sliceChars(s: string, from: number, to: number): string {
  return [...s].slice(from, to).join('');
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
