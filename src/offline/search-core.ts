/**
 * The offline copy's search (dist-offline, opened from disk, where Pagefind cannot load): plain
 * substring matching over the same page text Pagefind indexes, in the same normal form and with the
 * same query parsing as the online search page (src/lib/search/), so a query finds the same pages
 * online and offline. Chinese needs no word segmentation for substring search.
 *
 * Pure functions, shared by the index builder (scripts/build-offline.ts) and the page script
 * (offline-search.ts).
 */

import { fold, foldWithOffsets, type FoldedText, type T2sMap } from '../lib/search/normalize.ts';
import { parseQuery } from '../lib/search/query.ts';

/** One searchable page: its URL relative to the site root, title, kind badge and text blocks. */
export interface OfflinePage {
  url: string;
  title: string;
  kind: string;
  /** [anchor id ('' when none), text] in reading order. */
  blocks: Array<[string, string]>;
}

export interface OfflineIndex {
  version: 2;
  pages: OfflinePage[];
  /** The site's traditional → simplified map (the online page loads it as /search-index/t2s.json). */
  t2s: T2sMap;
}

export interface OfflineResult {
  /** Page URL relative to the site root, with `#anchor` of the first matching block when it has one. */
  url: string;
  title: string;
  kind: string;
  score: number;
  /** Excerpt around the first match, split so that every match can be marked. */
  excerpt: Array<{ text: string; match: boolean }>;
}

function countOf(hay: string, needle: string): number {
  let n = 0;
  for (let at = hay.indexOf(needle); at !== -1; at = hay.indexOf(needle, at + needle.length)) n++;
  return n;
}

interface PreparedPage {
  page: OfflinePage;
  title: string;
  blocks: FoldedText[];
}

export interface PreparedIndex {
  pages: PreparedPage[];
  t2s: T2sMap;
}

/** Folds an index once, in the search page's normal form; searches then only scan folded strings. */
export function prepareIndex(index: OfflineIndex): PreparedIndex {
  const { t2s } = index;
  return {
    t2s,
    pages: index.pages.map((page) => ({
      page,
      title: fold(page.title, t2s),
      blocks: page.blocks.map(([, text]) => foldWithOffsets(text, t2s)),
    })),
  };
}

const EXCERPT_BEFORE = 30;
const EXCERPT_LENGTH = 110;

/** An excerpt of `text` around key position `at`, with every occurrence of a term marked. */
function excerptOf(text: string, folded: FoldedText, terms: string[], at: number): OfflineResult['excerpt'] {
  const original = (k: number) => (k < folded.from.length ? folded.from[k] : text.length);
  const start = Math.max(0, original(at) - EXCERPT_BEFORE);
  const end = Math.min(text.length, start + EXCERPT_LENGTH);
  // Every occurrence of any term inside the window, longest first where they overlap.
  const marks: Array<[number, number]> = [];
  for (const term of [...terms].sort((a, b) => b.length - a.length)) {
    for (let i = folded.key.indexOf(term); i !== -1; i = folded.key.indexOf(term, i + term.length)) {
      const s = folded.from[i];
      const e = Math.min(folded.to[i + term.length - 1], end);
      if (s < start || s >= end) continue;
      if (!marks.some(([ms, me]) => s < me && e > ms)) marks.push([s, e]);
    }
  }
  marks.sort((a, b) => a[0] - b[0]);
  const parts: OfflineResult['excerpt'] = [];
  let pos = start;
  if (start > 0) parts.push({ text: '…', match: false });
  for (const [s, e] of marks) {
    if (s > pos) parts.push({ text: text.slice(pos, s), match: false });
    parts.push({ text: text.slice(s, e), match: true });
    pos = e;
  }
  if (end > pos) parts.push({ text: text.slice(pos, end), match: false });
  if (end < text.length) parts.push({ text: '…', match: false });
  return parts;
}

/**
 * Pages containing every term, best first: matches in the title weigh most, then how often the
 * terms occur. Each result links to the first block where the first term occurs.
 */
export function search(prepared: PreparedIndex, query: string, limit = 50): { total: number; results: OfflineResult[] } {
  const { words: terms, key: whole } = parseQuery(query, prepared.t2s);
  if (terms.length === 0) return { total: 0, results: [] };
  const hits: Array<{ p: PreparedPage; score: number; order: number }> = [];
  prepared.pages.forEach((p, order) => {
    let score = 0;
    for (const term of terms) {
      const inTitle = countOf(p.title, term);
      let inBody = 0;
      for (const block of p.blocks) inBody += countOf(block.key, term);
      if (inTitle + inBody === 0) return;
      score += inTitle * 20 + Math.min(inBody, 50);
    }
    if (p.title === whole) score += 100;
    else if (p.title.includes(whole)) score += 30;
    hits.push({ p, score, order });
  });
  hits.sort((a, b) => b.score - a.score || a.order - b.order);

  const results = hits.slice(0, limit).map(({ p, score }): OfflineResult => {
    const first = terms[0];
    const blockIndex = p.blocks.findIndex((b) => b.key.includes(first));
    const { page } = p;
    if (blockIndex === -1) {
      // Only the title has the first term: show the page's opening text.
      const lead = page.blocks.find(([, text]) => text.length > 0)?.[1] ?? '';
      return { url: page.url, title: page.title, kind: page.kind, score, excerpt: lead ? excerptOf(lead, foldWithOffsets(lead, prepared.t2s), terms, 0) : [] };
    }
    const [anchor, text] = page.blocks[blockIndex];
    const folded = p.blocks[blockIndex];
    return {
      url: anchor ? `${page.url}#${encodeURIComponent(anchor)}` : page.url,
      title: page.title,
      kind: page.kind,
      score,
      excerpt: excerptOf(text, folded, terms, folded.key.indexOf(first)),
    };
  });
  return { total: hits.length, results };
}
