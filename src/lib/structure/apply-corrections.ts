import type { BlockRef, Corrections } from '../schema/corrections.ts';
import type { Problem } from '../errors.ts';
import type { LaidOutBlock, SourceBlock } from './blocks.ts';

export interface CorrectionResult {
  blocks: LaidOutBlock[];
  applied: number;
  problems: Problem[];
}

/**
 * Applies a source's reviewed corrections: removes passages the extraction duplicated, forces roles
 * the rules cannot infer and, for newspaper pages, puts each article's blocks
 * back into reading order. Every block must land in exactly one article, so nothing is dropped.
 */
export function applyCorrections(source: SourceBlock[], corrections: Corrections, file: string): CorrectionResult {
  const problems: Problem[] = [];
  const blocks: LaidOutBlock[] = source.map((b) => ({ ...b, lines: [...b.lines] }));
  let applied = 0;

  const resolve = (ref: BlockRef, field: string): LaidOutBlock[] => {
    const [from, to] = typeof ref === 'number' ? [ref, ref] : ref.split('-').map(Number);
    const found = blocks.filter((b) => (typeof ref === 'number' ? b.line === ref : b.line >= from && b.line <= to));
    if (found.length === 0) {
      problems.push({
        file,
        field,
        line: from,
        message: `no text block starts at line ${ref}`,
        hint: 'Corrections name blocks by the source line their first line is on; check the line number.',
      });
    }
    return found;
  };

  for (const [i, r] of corrections.remove.entries()) {
    const block = blocks.find((b) => r.line >= b.line && r.line <= b.endLine);
    const lineIndex = block ? r.line - block.line : -1;
    const lineText = block?.lines[lineIndex];
    let at = -1;
    for (let n = 0, from = 0; lineText !== undefined && n < r.occurrence; n++) {
      at = lineText.indexOf(r.text, from);
      if (at < 0) break;
      from = at + 1;
    }
    if (!block || lineText === undefined || at < 0) {
      problems.push({
        file,
        field: `remove[${i}]`,
        line: r.line,
        message: `occurrence ${r.occurrence} of "${r.text}" not found on this line`,
        hint: 'The source may have changed; re-check the duplicated passage.',
      });
      continue;
    }
    block.lines[lineIndex] = lineText.slice(0, at) + lineText.slice(at + r.text.length);
    applied++;
  }

  for (const [i, r] of corrections.roles.entries()) {
    for (const b of resolve(r.lines, `roles[${i}]`)) b.role = r.role;
    applied++;
  }

  if (corrections.articles.length === 0) return { blocks, applied, problems };

  const placed = new Map<LaidOutBlock, string>();
  const ordered: LaidOutBlock[] = [];
  const place = (b: LaidOutBlock, article: number, where: string, aside = false) => {
    const previous = placed.get(b);
    if (previous) {
      problems.push({
        file,
        field: where,
        line: b.line,
        message: `block is placed twice (also in ${previous})`,
        hint: 'Each block belongs to exactly one place in the reading order.',
      });
      return;
    }
    placed.set(b, where);
    ordered.push(Object.assign(b, { article, aside: aside || undefined }));
  };

  corrections.articles.forEach((a, n) => {
    const field = `articles[${n}]`;
    if (a.kicker !== undefined) for (const b of resolve(a.kicker, `${field}.kicker`)) place(Object.assign(b, { role: 'kicker' as const }), n, field);
    for (const b of resolve(a.title, `${field}.title`)) place(Object.assign(b, { role: 'title' as const }), n, field);
    if (a.subtitle !== undefined) for (const b of resolve(a.subtitle, `${field}.subtitle`)) place(Object.assign(b, { role: 'subtitle' as const }), n, field);
    for (const entry of a.blocks) {
      if (typeof entry === 'object') {
        for (const ref of entry.aside) for (const b of resolve(ref, `${field}.blocks.aside`)) place(b, n, field, true);
      } else {
        for (const b of resolve(entry, `${field}.blocks`)) place(b, n, field);
      }
    }
    applied++;
  });

  for (const b of blocks) {
    if (!placed.has(b)) {
      problems.push({
        file,
        field: 'articles',
        line: b.line,
        message: `block "${b.lines[0].slice(0, 20)}…" is not placed in any article`,
        hint: 'Add its line to the blocks of the article it belongs to; nothing may be dropped.',
      });
    }
  }
  return { blocks: ordered, applied, problems };
}
