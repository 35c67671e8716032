import type { BlockRef, Corrections } from '../../schema/corrections.ts';
import type { Problem } from '../../errors.ts';
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
        message: `names source line ${ref}, but no text block starts ${typeof ref === 'number' ? 'on that line' : 'in those lines'} of the source`,
        hint: 'Corrections name blocks by the source line their first line is on; check the line number in the .txt.',
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
        message: `removes "${r.text}" (occurrence ${r.occurrence}) from source line ${r.line}, but that line does not contain it`,
        hint: 'Check the line number and the text against the .txt; the text must be copied exactly.',
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
        message: `places the block of source line ${b.line} a second time (it is already in ${previous})`,
        hint: 'Each block belongs to exactly one place in the reading order.',
      });
      return;
    }
    placed.set(b, where);
    ordered.push(Object.assign(b, { article, aside: aside || undefined }));
  };

  corrections.articles.forEach((a, n) => {
    const field = `articles[${n}]`;
    if (a.kicker !== undefined)
      for (const b of resolve(a.kicker, `${field}.kicker`)) place(Object.assign(b, { role: 'kicker' as const }), n, `${field}.kicker`);
    for (const b of resolve(a.title, `${field}.title`)) place(Object.assign(b, { role: 'title' as const }), n, `${field}.title`);
    if (a.subtitle !== undefined)
      for (const b of resolve(a.subtitle, `${field}.subtitle`))
        place(Object.assign(b, { role: 'subtitle' as const }), n, `${field}.subtitle`);
    for (const [k, entry] of a.blocks.entries()) {
      if (typeof entry === 'object') {
        for (const [j, ref] of entry.aside.entries())
          for (const b of resolve(ref, `${field}.blocks[${k}].aside[${j}]`)) place(b, n, `${field}.blocks[${k}].aside[${j}]`, true);
      } else {
        for (const b of resolve(entry, `${field}.blocks[${k}]`)) place(b, n, `${field}.blocks[${k}]`);
      }
    }
    applied++;
  });

  // One message for every block left out: forgetting an article is one mistake, not one per block.
  const unplaced = blocks.filter((b) => !placed.has(b));
  if (unplaced.length > 0) {
    const first = unplaced[0];
    const more = unplaced.slice(1, 9).map((b) => b.line);
    problems.push({
      file,
      field: 'articles',
      line: first.line,
      message:
        `does not place the block of source line ${first.line} ("${first.lines[0].slice(0, 20)}…")` +
        (more.length ? `, nor those of lines ${more.join(', ')}${unplaced.length > 9 ? ` and ${unplaced.length - 9} more` : ''},` : '') +
        ' in any article',
      hint: 'Add each line to the blocks of the article it belongs to; nothing may be dropped.',
    });
  }
  return { blocks: ordered, applied, problems };
}
