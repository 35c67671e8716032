import type { EntityBacklinks, MentionExcerpt } from '../types.ts';
import { paginate } from './paginate.ts';

type DocumentMentions = EntityBacklinks['documents'][number];

/** How much of an entity's mentions its own page shows; the rest is on its mentions pages. */
export const FIRST_VIEW_DOCUMENTS = 20;
export const FIRST_VIEW_EXCERPTS = 3;
export const MENTIONS_PER_PAGE = 60;

export interface MentionGroup {
  slug: string;
  title: string;
  date: string;
  /** All mentions in this document, even when only some are shown here. */
  total: number;
  mentions: MentionExcerpt[];
  /** This group continues a document begun on the previous page. */
  continued: boolean;
}

/**
 * The entity page's first view: the most recent documents (backlinks are newest first), a few
 * excerpts of each; bounded whatever the number of documents mentioning the entity.
 */
export function firstView(documents: readonly DocumentMentions[], maxDocuments = FIRST_VIEW_DOCUMENTS, maxExcerpts = FIRST_VIEW_EXCERPTS) {
  const groups: MentionGroup[] = documents.slice(0, maxDocuments).map((d) => ({
    slug: d.slug,
    title: d.title,
    date: d.date,
    total: d.mentions.length,
    mentions: d.mentions.slice(0, maxExcerpts),
    continued: false,
  }));
  const shown = groups.reduce((n, g) => n + g.mentions.length, 0);
  const all = documents.reduce((n, d) => n + d.mentions.length, 0);
  return { groups, complete: shown === all, documentCount: documents.length, mentionCount: all };
}

/**
 * Every mention, grouped by document, in pages of at most `size` excerpts; a document whose
 * mentions span two pages appears on both, marked as continued.
 */
export function mentionPages(documents: readonly DocumentMentions[], size = MENTIONS_PER_PAGE) {
  const flat = documents.flatMap((d) => d.mentions.map((m, i) => ({ d, m, i })));
  return paginate(flat, size).map((page) => {
    const groups: MentionGroup[] = [];
    for (const { d, m, i } of page.items) {
      const last = groups.at(-1);
      if (last && last.slug === d.slug) last.mentions.push(m);
      else groups.push({ slug: d.slug, title: d.title, date: d.date, total: d.mentions.length, mentions: [m], continued: i > 0 });
    }
    return { number: page.number, total: page.total, count: page.count, groups };
  });
}
