import type { Problem } from '../../errors.ts';
import { findQuotedParagraph } from '../remark/resolve-citations.ts';
import type { Corrections } from '../../schema/corrections.ts';
import type { Gap } from '../../schema/gaps.ts';
import { endOfAt } from './extraction-slips.ts';
import { normalizeForMatching } from '../../text/normalize-for-matching.ts';
import type { CollationNote, ParagraphIndexEntry, TocEntry } from '../../types.ts';

export interface CollationInput {
  slug: string;
  corrections: Corrections;
  /** The source text as received, to read the lines a correction names. */
  sourceLines: string[];
  paragraphs: ParagraphIndexEntry[];
  toc: TocEntry[];
  gaps: Array<Gap & { file: string; line?: number }>;
}

/**
 * The paragraph or heading a source line is on the page as (corrections name source lines, not
 * anchors): the one that starts with the line's words, or for removed text the one containing it.
 * A line that is on the page as no paragraph (a banner) gets no link rather than a wrong one.
 */
function anchorOf(text: string | undefined, input: CollationInput, how: 'starts' | 'contains'): string | undefined {
  const needle = normalizeForMatching((text ?? '').replace(/^#+\s*/, '')).slice(0, 12);
  if (needle.length < 4) return undefined;
  const hit = [...input.toc, ...input.paragraphs].find((p) =>
    how === 'starts' ? normalizeForMatching(p.text).startsWith(needle) : normalizeForMatching(p.text).includes(needle),
  );
  return hit?.id;
}

const firstLine = (ref: number | string) => (typeof ref === 'number' ? ref : Number(ref.split('-')[0]));

/**
 * A document's 校勘说明: every correction its corrections file applies, with the reason written for
 * readers and the paragraph it concerns, then the reviewed gaps and extraction slips of its source
 * (content/gaps.yaml), each resolved to its paragraph like a citation, and to the spot its `at`
 * names (a quote or an `at` that is not found once is an error).
 */
export function collationNotes(input: CollationInput): { notes: CollationNote[]; problems: Problem[] } {
  const notes: CollationNote[] = [];
  const lineText = (n: number) => input.sourceLines[n - 1];
  for (const r of input.corrections.remove)
    notes.push({ kind: '删除重复', reason: r.reason, lines: String(r.line), anchor: anchorOf(r.text, input, 'contains') });
  for (const r of input.corrections.roles)
    notes.push({
      kind: '版面角色',
      reason: r.reason,
      lines: String(r.lines),
      anchor: anchorOf(lineText(firstLine(r.lines)), input, 'starts'),
    });
  for (const a of input.corrections.articles)
    notes.push({ kind: '文章顺序', reason: a.reason, lines: String(a.title), anchor: anchorOf(lineText(a.title), input, 'starts') });
  const problems: Problem[] = [];
  for (const g of input.gaps) {
    const found = findQuotedParagraph(input.paragraphs, input.slug, g.quote);
    if ('message' in found)
      problems.push({
        file: g.file,
        line: g.line,
        field: 'quote',
        message: found.message,
        hint: 'Quote words of the paragraph with the gap that occur in no other paragraph.',
      });
    else if (g.at !== undefined && endOfAt(found.paragraph.text, g.at) < 0) {
      const times = found.paragraph.text.split(g.at).length - 1;
      problems.push({
        file: g.file,
        line: g.line,
        field: 'at',
        message:
          times === 0
            ? `"${g.at}" is not in the quoted paragraph of "${g.doc}"`
            : `"${g.at}" occurs ${times} times in the quoted paragraph of "${g.doc}"`,
        hint: 'Copy the words right before the defect from the page (as npm run slips:candidates prints them), enough of them to occur once in the paragraph.',
      });
    } else
      notes.push({ kind: g.kind ?? '原文缺漏', reason: g.note, anchor: found.paragraph.id, ...(g.at !== undefined ? { at: g.at } : {}) });
  }
  return { notes, problems };
}
