import { findQuantities } from './figure-candidates.ts';
import { normalizeForMatching } from '../../text/normalize-for-matching.ts';
import type { ParagraphIndexEntry } from '../../types.ts';

/**
 * Explicit dates as the sources write them: 2022年1月13日, 2020年4月, 2019年, 2月25日 (the year
 * from the dateline), and in Chinese numerals (二〇二二年一月十三日). Durations (23年来) are not
 * dates: a year has four digits.
 */
const DATE =
  /(?:\d{4}|[〇零一二三四五六七八九]{4})年(?:[\d一二三四五六七八九十]{1,2}月(?:[\d一二三四五六七八九十]{1,3}日)?)?|\d{1,2}月\d{1,2}日/g;

export function findDates(text: string): Array<{ text: string; index: number }> {
  return [...text.matchAll(DATE)].map((m) => ({ text: m[0], index: m.index }));
}

export { findQuantities };

/** A number or date of a paragraph that no figure or event and no ignore entry accounts for. */
export interface Uncovered {
  document: string;
  anchor: string;
  text: string;
  /** The words around it, for the candidates list. */
  context: string;
}

/** What accounts for a number or date: a resolved figure or event (its paragraph) or an ignore entry (any paragraph with the quote). */
export interface Cover {
  doc: string;
  quote: string;
  /** A resolved citation covers only its own paragraph. */
  anchor?: string;
}

export interface CoverageResult {
  uncovered: Uncovered[];
  /** Covers whose quote is in no paragraph of their document, or accounts for nothing there: stale entries. */
  unused: Cover[];
}

/**
 * Every match of `find` in every paragraph, minus those lying inside a covering quote. Matching is
 * done on the normalized text (as citations are resolved), so a quote copied from the raw source
 * covers the same words. Each paragraph is checked against its own document's covers only.
 */
export function checkCoverage(
  documents: Array<{ slug: string; paragraphs: ParagraphIndexEntry[] }>,
  find: (text: string) => Array<{ text: string; index: number }>,
  covers: Cover[],
): CoverageResult {
  const byDoc = new Map<string, Array<{ cover: Cover; needle: string }>>();
  for (const cover of covers) {
    const list = byDoc.get(cover.doc) ?? byDoc.set(cover.doc, []).get(cover.doc)!;
    list.push({ cover, needle: normalizeForMatching(cover.quote) });
  }
  const used = new Set<Cover>();
  const uncovered: Uncovered[] = [];
  for (const doc of documents) {
    const own = byDoc.get(doc.slug) ?? [];
    for (const p of doc.paragraphs) {
      const text = normalizeForMatching(p.text);
      const ranges: Array<{ cover: Cover; from: number; to: number }> = [];
      for (const { cover, needle } of own) {
        if (cover.anchor && cover.anchor !== p.id) continue;
        for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1))
          ranges.push({ cover, from: at, to: at + needle.length });
      }
      for (const m of find(text)) {
        const inside = ranges.filter((r) => m.index >= r.from && m.index + m.text.length <= r.to);
        inside.forEach((r) => used.add(r.cover));
        if (inside.length === 0)
          uncovered.push({
            document: doc.slug,
            anchor: p.id,
            text: m.text,
            context: text.slice(Math.max(0, m.index - 20), m.index + m.text.length + 12),
          });
      }
    }
  }
  return { uncovered, unused: covers.filter((c) => !used.has(c)) };
}

/** What fact coverage needs of a compiled site: its documents' paragraphs and resolved figures and events. */
export interface CoverageInput {
  documents: Array<{ slug: string; paragraphs: ParagraphIndexEntry[] }>;
  figures: Array<{ source: { document: string; quote: string; anchor: string } }>;
  events: Array<{ source: { document: string; quote: string; anchor: string } }>;
}

/**
 * Numbers without a figure and dates without an event, in the given documents only (all when
 * `slugs` is undefined), with the ignore entries of those documents that account for nothing.
 * The same check serves the curated sources' test (every number accounted for) and the content
 * report for everything else (`npm run check:content`, a list to work through, never a failure).
 */
export function factCoverage(
  site: CoverageInput,
  ignore: { figures: Cover[]; dates: Cover[] },
  slugs?: ReadonlySet<string>,
): { numbers: CoverageResult; dates: CoverageResult } {
  const inScope = (doc: string) => slugs === undefined || slugs.has(doc);
  const cite = (f: { source: { document: string; quote: string; anchor: string } }): Cover => ({
    doc: f.source.document,
    quote: f.source.quote,
    anchor: f.source.anchor,
  });
  const documents = site.documents.filter((d) => inScope(d.slug));
  const scoped = (covers: Cover[]) => covers.filter((c) => inScope(c.doc));
  return {
    numbers: checkCoverage(documents, findQuantities, scoped([...site.figures.map(cite), ...ignore.figures])),
    dates: checkCoverage(documents, findDates, scoped([...site.events.map(cite), ...ignore.dates])),
  };
}
