/**
 * The offline copy's search (dist-offline, opened from disk, where Pagefind cannot load): plain
 * substring matching over the same page text Pagefind indexes. Chinese needs no word segmentation
 * for substring search; every whitespace-separated term must occur in the page.
 *
 * Pure functions, shared by the index builder (scripts/build-offline.ts) and the page script
 * (offline-search.ts).
 */

/** One searchable page: its URL relative to the site root, title, kind badge and text blocks. */
export interface OfflinePage {
  url: string;
  title: string;
  kind: string;
  /** [anchor id ('' when none), text] in reading order. */
  blocks: Array<[string, string]>;
}

export interface OfflineIndex {
  version: 1;
  pages: OfflinePage[];
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

/**
 * Folds case and full-width letters/digits/punctuation to their ASCII forms, one UTF-16 unit for
 * one, so positions in the folded text are positions in the original (needed for excerpts).
 */
export function fold(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let ch = code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : code === 0x3000 ? ' ' : text[i];
    const lower = ch.toLowerCase();
    if (lower.length === 1) ch = lower;
    out += ch;
  }
  return out;
}

/** Search terms: the folded query split on whitespace, without duplicates. */
export function queryTerms(query: string): string[] {
  return [...new Set(fold(query.normalize('NFC')).split(/\s+/).filter((t) => t !== ''))];
}

function countOf(hay: string, needle: string): number {
  let n = 0;
  for (let at = hay.indexOf(needle); at !== -1; at = hay.indexOf(needle, at + needle.length)) n++;
  return n;
}

interface PreparedPage {
  page: OfflinePage;
  title: string;
  blocks: string[];
}

/** Folds an index once; searches then only scan folded strings. */
export function prepareIndex(index: OfflineIndex): PreparedPage[] {
  return index.pages.map((page) => ({ page, title: fold(page.title), blocks: page.blocks.map(([, text]) => fold(text)) }));
}

const EXCERPT_BEFORE = 30;
const EXCERPT_LENGTH = 110;

function excerptOf(text: string, folded: string, terms: string[], at: number): OfflineResult['excerpt'] {
  const start = Math.max(0, at - EXCERPT_BEFORE);
  const end = Math.min(text.length, start + EXCERPT_LENGTH);
  // Every occurrence of any term inside the window, longest first where they overlap.
  const marks: Array<[number, number]> = [];
  for (const term of [...terms].sort((a, b) => b.length - a.length)) {
    for (let i = folded.indexOf(term, start); i !== -1 && i < end; i = folded.indexOf(term, i + term.length)) {
      const s = i;
      const e = Math.min(i + term.length, end);
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
export function search(prepared: PreparedPage[], query: string, limit = 50): { total: number; results: OfflineResult[] } {
  const terms = queryTerms(query);
  if (terms.length === 0) return { total: 0, results: [] };
  const whole = terms.join('');
  const hits: Array<{ p: PreparedPage; score: number; order: number }> = [];
  prepared.forEach((p, order) => {
    let score = 0;
    for (const term of terms) {
      const inTitle = countOf(p.title, term);
      let inBody = 0;
      for (const block of p.blocks) inBody += countOf(block, term);
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
    const blockIndex = p.blocks.findIndex((b) => b.includes(first));
    const { page } = p;
    if (blockIndex === -1) {
      // Only the title has the first term: show the page's opening text.
      const lead = page.blocks.find(([, text]) => text.length > 0)?.[1] ?? '';
      return { url: page.url, title: page.title, kind: page.kind, score, excerpt: lead ? excerptOf(lead, fold(lead), terms, 0) : [] };
    }
    const [anchor, text] = page.blocks[blockIndex];
    const folded = p.blocks[blockIndex];
    return {
      url: anchor ? `${page.url}#${encodeURIComponent(anchor)}` : page.url,
      title: page.title,
      kind: page.kind,
      score,
      excerpt: excerptOf(text, folded, terms, folded.indexOf(first)),
    };
  });
  return { total: hits.length, results };
}
