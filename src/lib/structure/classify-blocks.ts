import type { BlockRole, ClassifiedBlock, LaidOutBlock } from './blocks.ts';

const CN_NUM = '[一二三四五六七八九十]+';
const PART = new RegExp(`^第${CN_NUM}部分`);
const CN_SECTION = new RegExp(`^${CN_NUM}、`);
const PAREN_SECTION = new RegExp(`^[(（]${CN_NUM}[)）]`);
const BOX = /^专栏\s*\d+/;
const MD_HEADING = /^(#{1,6})\s*/;
const DOC_NUMBER = /〔\d{4}〕\d+号$/;
const BYLINE = /^■?\s*(本报)?记者/;
const CAPTION_CREDIT = /(供图|摄)[)）]?$/;
const CONTINUATION_NOTE = /(上接|下转|转自)第?\S{1,3}版/;
const DATE_LINE = /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/;
const LIST_MARK = /^-\s*/;
const NUMBERED = /^(\*\*)?[(（]\d+[)）]/;
const DASH = /^(一一|——)/;
/** Titles and headings have words in them; a line of dots (……) is an elision, not a title. */
const HAS_WORD = /[\p{Script=Han}A-Za-z0-9]/u;
const SENTENCE_PUNCT = /[。，,；;]/;

/** Longest line the rules still read as a heading or caption rather than a sentence. */
const SHORT = 30;

export interface ClassifyOptions {
  /** Issuing body from the metadata: a line equal to it under the title is the issuer line. */
  issuer: string;
}

const compact = (s: string) => s.replace(/\s+/g, '');

/**
 * Decides what each block is from the document's own numbering and layout: 第一部分 / 一、 / （一）
 * headings, 专栏 boxes, leftover `#` headings, list items (`- `, ——, (1)), captions, signatures,
 * document numbers, bylines and the short standalone title lines of news articles.
 */
export function classifyBlocks(blocks: LaidOutBlock[], options: ClassifyOptions): ClassifiedBlock[] {
  const out: ClassifiedBlock[] = [];
  const hasArticles = blocks.some((b) => b.article !== undefined);
  let seenTitle = hasArticles;

  for (const [index, block] of blocks.entries()) {
    const base = { lines: range(block.line, block.endLine), article: block.article, aside: block.aside };
    const push = (role: BlockRole, text: string, extra: Partial<ClassifiedBlock> = {}) =>
      out.push({ role, text, ...base, ...extra });

    if (block.role) {
      const text = joinLines(block.lines);
      if (block.role === 'heading') push('heading', stripMarkdownHeading(text), { headingKind: 'line' });
      else push(block.role, block.role === 'title' || block.role === 'kicker' || block.role === 'subtitle' ? stripMarkdownHeading(text) : text);
      continue;
    }

    if (block.lines.length > 1 && block.lines.every((l) => LIST_MARK.test(l))) {
      for (const [i, l] of block.lines.entries()) {
        out.push({ ...listItem(l.replace(LIST_MARK, '')), ...base, lines: [block.line + i] });
      }
      continue;
    }
    if (block.lines.length > 1 && DATE_LINE.test(block.lines[block.lines.length - 1])) {
      push('signature', block.lines.join('\n'));
      continue;
    }

    const text = joinLines(block.lines);
    const md = MD_HEADING.exec(text);
    const short = compact(text).length <= SHORT;
    const isFirst = index === 0;

    if (md) push('heading', stripMarkdownHeading(text), { headingKind: `md${md[1].length}` });
    else if (BOX.test(text)) push('boxHeading', text);
    else if (PART.test(text)) push('heading', text, { headingKind: 'part' });
    else if (CN_SECTION.test(text) && !text.includes('。') && text.length <= 50) push('heading', text, { headingKind: 'cn' });
    else if (PAREN_SECTION.test(text) && !text.includes('。') && text.length <= 50) push('heading', text, { headingKind: 'paren' });
    else if (DOC_NUMBER.test(text) && short) push('docNumber', text);
    else if (BYLINE.test(text) && short) push('byline', text);
    else if (CONTINUATION_NOTE.test(text) && short) push('note', text);
    // The extraction leaves three or more blank lines where a picture stood; what follows is its caption.
    else if (CAPTION_CREDIT.test(text) || (!isFirst && block.blankBefore >= 3 && text.length <= 60)) push('caption', text);
    else if (!seenTitle && text.length <= 60 && HAS_WORD.test(text) && !SENTENCE_PUNCT.test(text)) {
      push('title', text);
      seenTitle = true;
    } else if (out.at(-1)?.role === 'title' && compact(text) === compact(options.issuer)) push('issuer', text);
    else if (LIST_MARK.test(text)) out.push({ ...listItem(text.replace(LIST_MARK, '')), ...base });
    else if (DASH.test(text) || NUMBERED.test(text)) out.push({ ...listItem(text), ...base });
    else if (short && HAS_WORD.test(text) && !SENTENCE_PUNCT.test(text) && !/[：:]$/.test(text))
      push('heading', text, { headingKind: 'line' });
    else push('paragraph', text);
  }
  return out;
}

function listItem(text: string): Pick<ClassifiedBlock, 'role' | 'text' | 'listKind'> {
  const listKind = DASH.test(text) ? 'dash' : NUMBERED.test(text) ? 'numbered' : 'bullet';
  return { role: 'listItem', text, listKind };
}

/** Lines of one block: single characters stacked by vertical layout, or a wrapped sentence. */
function joinLines(lines: string[]): string {
  return lines.join('');
}

function stripMarkdownHeading(text: string): string {
  return text.replace(MD_HEADING, '').replace(/^■\s*/, '');
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
