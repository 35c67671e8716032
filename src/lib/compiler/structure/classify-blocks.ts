import type { BlockRole, ClassifiedBlock, LaidOutBlock } from './blocks.ts';
import { parseChineseDate } from '../../text/chinese-dates.ts';
import { documentNumberLine } from '../../text/document-number.ts';
import { OCCASION, ORGAN, SPEAKER_LINE } from '../../text/gongwen-patterns.ts';
import { normalizeForMatching } from '../../text/normalize-for-matching.ts';

const CN_NUM = '[一二三四五六七八九十百零〇]+';
const PART = new RegExp(`^第${CN_NUM}部分`);
const VOLUME = new RegExp(`^第${CN_NUM}编`);
const CHAPTER = new RegExp(`^第${CN_NUM}章`);
const SECTION = new RegExp(`^第${CN_NUM}节`);
const ARTICLE = new RegExp(`^第${CN_NUM}条`);
const CN_SECTION = new RegExp(`^${CN_NUM}、`);
const PAREN_SECTION = new RegExp(`^([(（]${CN_NUM}[)）]|[㈠-㈩])`);
/** GB/T 9704's third level: `1.` `1．` (not `1.5`, not `2024.`). */
const ARABIC_SECTION = /^\d{1,2}[.．](?!\d)/;
/** Decimal numbering of catalogues: `1.1`, `1.1.1`. */
const DECIMAL_ITEM = /^\d{1,2}(\.\d{1,2}){1,3}(?![\d.])/;
const BOX = /^专栏\s*\d+/;
const MD_HEADING = /^(#{1,6})\s*/;
const BYLINE = /^■?\s*(本报)?记者/;
const CAPTION_CREDIT = /(供图|摄)[)）]?$/;
const CONTINUATION_NOTE = /(上接|下转|转自)第?\S{1,3}版/;
const LIST_MARK = /^-\s*/;
const NUMBERED = /^(\*\*)?[(（]\d+[)）]/;
const DASH = /^(一一|——)/;
/** Titles and headings have words in them; a line of dots (……) is an elision, not a title. */
const HAS_WORD = /[\p{Script=Han}A-Za-z0-9]/u;
const SENTENCE_PUNCT = /[。，,；;]/;
/** 附注 (GB/T 9704 7.3.7): `（此件公开发布）`, `（此件主动公开）`. */
const ATTACHED_NOTE = /^[（(]此件.{2,12}[)）]$/;
/** 附件说明 (7.3.6) and 版记 (7.4): `附件：1.…`, `抄送：…`, `…2011年3月10日印发`. */
const SMALL_PRINT = /^(附件[：:]|抄送[：:]|主题词[：:]|.{2,40}\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发$)/;
/** An attachment's own label (7.3.6): `附件`, `附件1`, `附件 2`. */
const ATTACHMENT_LABEL = /^附件\s*\d{0,2}[：:]?$/;
/** What exports and pages say about the text's provenance. */
const PROVENANCE = /^(【法宝引证码】|原文链接[：:]|(信息)?来源[：:]|文章来源[：:])/;
/** A dated timestamp a portal prints above an article. */
const TIMESTAMP = /^(?:19|20)\d{2}-\d{1,2}-\d{1,2}(\s+\d{1,2}:\d{2}(:\d{2})?)?$/;

/** A title that has reached its genre word is complete: the lines after it are the document's own. */
const TITLE_COMPLETE =
  /(表|单|书|报告|意见|方案|办法|细则|规定|通知|目录|清单|名单|说明|函|计划|规划|要点|纪要|标准|指南|规程|条例|决定|公告|通告|[)）])$/;

/** What stands between a title and its 主送 line. */
const FRONT_MATTER = new Set<BlockRole>(['title', 'docNumber', 'issuer', 'masthead', 'provenance', 'subtitle', 'byline']);

/**
 * The closing formula of a 公文's body (特此通知, 此复, 特此公告…; GB/T 9704 places it in 正文, above
 * the signature): a sentence of the body even when printed without its 。, never a heading or
 * part of the signing organ's name.
 */
const CLOSING_FORMULA =
  /^(特此|专此)(通知|通告|公告|通报|批复|函复|函告|函达|报告|请示|说明|证明|决定|复函|致谢)[。.！!]?$|^(此复|此函|此令)[。.]?$/;

/** Longest line the rules still read as a heading or caption rather than a sentence. */
const SHORT = 30;
/** Longest first sentence of a numbered paragraph that still reads as its run-in heading. */
const RUN_IN = 40;

export interface ClassifyOptions {
  /** Issuing body from the metadata: a line equal to it under the title is the issuer line. */
  issuer: string;
  /** The document's title from the metadata: the lines that spell it are the title block. */
  title?: string;
}

const compact = (s: string) => s.replace(/[\s\u3000*]+/g, '');
/** Titles are matched in the form texts are compared in (quotes, half-width punctuation, spaces aside). */
const matchable = (s: string) => normalizeForMatching(s);
const isDateLine = (s: string) => parseChineseDate(s) !== undefined;
const isOrganLine = (s: string) => {
  const parts = s.split(/\s+/).filter(Boolean);
  return parts.length > 0 && parts.every((p) => p.length >= 3 && p.length <= 30 && ORGAN.test(p) && !/[，。；：、]/.test(p));
};

/**
 * The blocks that spell the title the metadata gives: the first run of consecutive blocks whose
 * text, joined, is the title (lines of a title printed over several lines), and a repetition of
 * it right after (legal databases print the title twice). Undefined when the text does not
 * spell it (a title only the web page's metadata gives).
 */
export function findTitleBlocks(blocks: LaidOutBlock[], title: string | undefined): number[] | undefined {
  const want = title ? matchable(title) : '';
  if (want.length < 2) return undefined;
  const limit = Math.min(blocks.length, 40);
  for (let start = 0; start < limit; start++) {
    let got = '';
    const taken: number[] = [];
    for (let i = start; i < limit && want.startsWith(got + matchable(blocks[i].lines.join(''))); i++) {
      got += matchable(blocks[i].lines.join(''));
      taken.push(i);
      if (got === want) {
        // The title printed again right after (once or line by line).
        let again = '';
        for (let j = i + 1; j < limit && want.startsWith(again + matchable(blocks[j].lines.join(''))); j++) {
          again += matchable(blocks[j].lines.join(''));
          if (again === want) {
            for (let k = i + 1; k <= j; k++) taken.push(k);
            break;
          }
        }
        return taken;
      }
    }
  }
  return undefined;
}

/**
 * Decides what each block is from the document's own numbering and layout: 第一部分 / 一、 / （一）
 * / 1. headings and 第X编 / 章 / 节, articles (第X条), the 公文 parts (版头, 发文字号, title, 主送,
 * signature, 附注, 附件, 版记), 专栏 boxes, leftover `#` headings, list items (`- `, ——, (1)),
 * tables, captions, bylines and the short standalone title lines of news articles.
 */
export function classifyBlocks(blocks: LaidOutBlock[], options: ClassifyOptions): ClassifiedBlock[] {
  const out: ClassifiedBlock[] = [];
  const hasArticles = blocks.some((b) => b.article !== undefined);
  const titleBlocks = hasArticles ? undefined : findTitleBlocks(blocks, options.title);
  const titleSet = new Set(titleBlocks ?? []);
  let seenTitle = hasArticles;
  let seenBody = false;
  let seenSignature = false;
  /** After `附件：` the numbered lines are the attachments' names, not headings. */
  let inAttachmentList = false;
  /** Inside a regulation's articles, （一） and 1. lines enumerate an article's items. */
  let inArticles = false;

  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index];
    const base = { lines: range(block.line, block.endLine), article: block.article, aside: block.aside, explicit: block.explicit };
    const push = (role: BlockRole, text: string, extra: Partial<ClassifiedBlock> = {}) => out.push({ role, text, ...base, ...extra });

    if (block.role) {
      const text = joinLines(block.lines);
      if (block.role === 'heading') push('heading', stripMarkdownHeading(text), { headingKind: 'line' });
      else
        push(
          block.role,
          block.role === 'title' || block.role === 'kicker' || block.role === 'subtitle' ? stripMarkdownHeading(text) : text,
        );
      continue;
    }

    if (titleSet.has(index)) {
      // The title block: its first source block carries the text, the rest only add their lines.
      if (index === titleBlocks?.[0])
        push('title', options.title ?? joinLines(block.lines), {
          lines: titleBlocks.flatMap((i) => range(blocks[i].line, blocks[i].endLine)),
        });
      seenTitle = true;
      continue;
    }

    if (block.lines.length > 1 && block.lines.every((l) => LIST_MARK.test(l))) {
      for (const [i, l] of block.lines.entries()) out.push({ ...listItem(l.replace(LIST_MARK, '')), ...base, lines: [block.line + i] });
      continue;
    }
    if (block.lines.every((l) => l.startsWith('|')) && block.lines.length >= 2) {
      push('table', block.lines.join('\n'));
      continue;
    }
    if (block.lines.length > 1 && isDateLine(block.lines[block.lines.length - 1])) {
      push('signature', block.lines.join('\n'));
      seenSignature = seenBody;
      continue;
    }

    const text = joinLines(block.lines);
    const md = MD_HEADING.exec(text);
    const bare = text.replace(/\*\*/g, '');
    const short = compact(text).length <= SHORT;
    const isFirst = index === 0;
    const next = blocks[index + 1];
    const nextText = next ? joinLines(next.lines) : '';

    // The list under 附件： runs as long as its lines are short numbered attachment names.
    if (inAttachmentList && !(/^\d{1,2}[.．、]/.test(bare) && !bare.includes('。') && bare.length <= 80)) inAttachmentList = false;

    // Provenance, furniture of exports and 公文 small print, before anything reads them as headings.
    if (PROVENANCE.test(bare) && compact(bare).length <= 80) push('provenance', text);
    else if (!seenBody && index <= 8 && OCCASION.test(bare)) push('subtitle', text);
    else if (!seenBody && index <= 8 && SPEAKER_LINE.test(bare)) push('byline', text);
    else if (!seenTitle && !seenBody && isMastheadLine(bare)) push('masthead', text);
    else if (documentNumberLine(bare) !== undefined && short) push('docNumber', text);
    else if (TIMESTAMP.test(bare)) push('provenance', text);
    else if (ATTACHED_NOTE.test(bare)) push('remark', text);
    else if (SMALL_PRINT.test(bare)) {
      push('remark', text);
      inAttachmentList = /^附件[：:]/.test(bare);
    } else if (inAttachmentList && /^\d{1,2}[.．、]/.test(bare) && !bare.includes('。')) push('remark', text);
    else if (ATTACHMENT_LABEL.test(bare) && seenBody) {
      inArticles = false;
      seenSignature = false;
      // 附件1, then its title over one or more lines: one heading that opens the attached document.
      let heading = bare.replace(/[：:]$/, '');
      let j = index + 1;
      const titleParts: string[] = [];
      while (
        j < blocks.length &&
        j <= index + 3 &&
        isTitleLine(joinLines(blocks[j].lines)) &&
        !NUMBERED_HEADING(joinLines(blocks[j].lines)) &&
        !TITLE_COMPLETE.test(titleParts.join(''))
      )
        titleParts.push(joinLines(blocks[j++].lines));
      // The label over the title, as printed: a line break inside the heading.
      if (titleParts.length > 0) heading += '\n' + titleParts.join('');
      push('heading', heading, { headingKind: 'attachment', lines: range(block.line, blocks[j - 1].endLine) });
      index = j - 1;
      inAttachmentList = false;
    } else if (
      seenBody &&
      next &&
      next.lines.length > 1 &&
      isDateLine(next.lines[next.lines.length - 1]) &&
      isTitleLine(bare) &&
      bare.length <= 30 &&
      !NUMBERED_HEADING(bare) &&
      !CLOSING_FORMULA.test(bare)
    ) {
      // A signing body's name printed over two lines, the second above the date.
      push('signature', `${text}\n${next.lines.join('\n')}`, { lines: range(block.line, next.endLine) });
      index++;
      seenSignature = true;
    } else if (seenSignature && isTitleLine(bare) && !NUMBERED_HEADING(bare) && !isOrganLine(bare) && !isDateLine(bare)) {
      // After the covering notice's signature: the title of the document it issues (印发 …的通知
      // then the 办法 or 方案 itself), possibly over several lines.
      let heading = bare;
      let j = index + 1;
      while (
        j < blocks.length &&
        j <= index + 3 &&
        isTitleLine(joinLines(blocks[j].lines)) &&
        !NUMBERED_HEADING(joinLines(blocks[j].lines)) &&
        !TITLE_COMPLETE.test(heading)
      )
        heading += joinLines(blocks[j++].lines);
      push('heading', heading, { headingKind: 'attachment', lines: range(block.line, blocks[j - 1].endLine) });
      index = j - 1;
      seenSignature = false;
      inArticles = false;
    } else if (
      !seenBody &&
      seenTitle &&
      FRONT_MATTER.has(out.at(-1)?.role ?? 'title') &&
      /[：:]$/.test(bare) &&
      !bare.includes('。') &&
      bare.length <= 120 &&
      !NUMBERED_HEADING(bare)
    )
      push('addressee', text);
    else if (!seenBody && /^(各位|尊敬的|女士们|同志们|亲爱的)[^。]{0,30}[：:]$/.test(bare)) push('addressee', text);
    else if (isOrganLine(bare) && isDateLine(nextText) && seenBody) {
      // The signature as two blocks: the organs, then the date.
      push('signature', `${text}\n${nextText}`, { lines: range(block.line, next.endLine) });
      index++;
      seenSignature = true;
    } else if (
      isDateLine(bare) &&
      seenBody &&
      (out.at(-1)?.role === 'paragraph' || out.at(-1)?.role === 'article' || out.at(-1)?.role === 'remark' || index >= blocks.length - 2)
    ) {
      push('signature', text);
      seenSignature = true;
    } else if (md) push('heading', stripMarkdownHeading(text), { headingKind: `md${md[1].length}` });
    else if (BOX.test(text)) push('boxHeading', text);
    else if (PART.test(bare)) push('heading', text, { headingKind: 'part' });
    else if (VOLUME.test(bare) && bare.length <= SHORT) push('heading', text, { headingKind: 'volume' });
    else if (CHAPTER.test(bare) && bare.length <= SHORT && !bare.includes('。')) {
      push('heading', text, { headingKind: 'chapter' });
      inArticles = false;
    } else if (SECTION.test(bare) && bare.length <= SHORT && !bare.includes('。')) push('heading', text, { headingKind: 'section' });
    else if (ARTICLE.test(bare)) {
      // 第X条 alone on its line: its text is the next block.
      if (compact(bare).length <= 6 && next && !NUMBERED_HEADING(nextText) && !ARTICLE.test(nextText)) {
        push('article', `${text}\u3000${nextText}`, { lines: range(block.line, next.endLine) });
        index++;
      } else push('article', text);
      seenBody = true;
      inArticles = true;
    } else if ((inArticles && numberedHeadingKind(bare)) || DECIMAL_ITEM.test(bare)) {
      // An article's items (（一）… （四）…) and catalogue entries (1.1, 1.1.1) are list items.
      out.push({ role: 'listItem', text, listKind: 'numbered', ...base });
      seenBody = true;
    } else if (numberedHeadingKind(bare) && isHeadingText(bare)) push('heading', text, { headingKind: numberedHeadingKind(bare) });
    else if (numberedHeadingKind(bare) && runInHeading(text)) {
      const [lead, rest] = runInHeading(text) as [string, string];
      push('heading', lead, { headingKind: numberedHeadingKind(bare), runIn: true });
      push('paragraph', rest);
      seenBody = true;
    } else if (BYLINE.test(text) && short) push('byline', text);
    else if (CONTINUATION_NOTE.test(text) && short) push('note', text);
    // The extraction leaves three or more blank lines where a picture stood; what follows is its caption.
    else if (CAPTION_CREDIT.test(text) || (!isFirst && block.blankBefore >= 3 && text.length <= 60)) push('caption', text);
    // Without metadata to match (a fixture, a first draft), the first short line is the title.
    else if (
      !seenTitle &&
      titleBlocks === undefined &&
      !options.title &&
      text.length <= 60 &&
      HAS_WORD.test(text) &&
      !SENTENCE_PUNCT.test(text) &&
      !/[：:]$/.test(text)
    ) {
      push('title', text);
      seenTitle = true;
    } else if ((out.at(-1)?.role === 'title' || out.at(-1)?.role === 'docNumber') && compact(text) === compact(options.issuer))
      push('issuer', text);
    else if (LIST_MARK.test(text)) out.push({ ...listItem(text.replace(LIST_MARK, '')), ...base });
    else if (DASH.test(text) || NUMBERED.test(text)) {
      out.push({ ...listItem(text), ...base });
      seenBody = true;
    } else if (short && out.at(-1)?.role !== 'heading' && isLineHeading(bare, blocks[index - 1], next))
      push('heading', text, { headingKind: 'line' });
    else {
      push('paragraph', text);
      seenBody ||= bare.length > 15 || /[。；！？]/.test(bare);
    }
  }
  return out;
}

/** 一、 (cn), （一） (paren), 1. (arabic): the three numbered levels of GB/T 9704 7.3.3. */
function numberedHeadingKind(text: string): string | undefined {
  if (CN_SECTION.test(text)) return 'cn';
  if (PAREN_SECTION.test(text)) return 'paren';
  if (ARABIC_SECTION.test(text)) return 'arabic';
  return undefined;
}
const NUMBERED_HEADING = (text: string) =>
  numberedHeadingKind(text.replace(/\*\*/g, '')) !== undefined || CHAPTER.test(text) || ARTICLE.test(text) || SECTION.test(text);

/** A numbered line that is all heading: short, no sentence inside (a final 。 is allowed: `（一）指导思想。`). */
function isHeadingText(text: string): boolean {
  const body = text.replace(/[。.]$/, '');
  return body.length <= 50 && !/[。；;！？：:]/.test(body);
}

/**
 * A numbered paragraph whose first sentence is its heading (GB/T 9704 allows a run-in heading:
 * `（一）加强组织领导。各地要…`; a Word report prints it bold): the lead, ended by its 。, and the rest.
 */
function runInHeading(text: string): [string, string] | undefined {
  const bold = /^\*\*([^*]+?)\*\*(.+)$/s.exec(text);
  if (bold && bold[1].length <= RUN_IN + 10 && bold[2].trim().length > 0) return [bold[1].trim(), bold[2].trim()];
  const m = /^([^。！？；]{2,}?[。！？])(.+)$/su.exec(text.replace(/\*\*/g, ''));
  // A definition (`37.“千万工程”：…的简称。`) is an entry, not a heading.
  if (!m || m[1].length > RUN_IN || m[2].trim().length < 2 || /[：:]/.test(m[1])) return undefined;
  return [m[1], m[2].trim()];
}

/**
 * A short unnumbered line that heads what follows (a report's 2024年工作回顾, a news subhead): words,
 * no sentence punctuation, not a date, an organ, a bracketed note, a file name or an unfinished
 * phrase (…的, …和), and not one of a run of short lines (the cells of a form flattened to lines).
 */
function isLineHeading(text: string, previous: LaidOutBlock | undefined, next: LaidOutBlock | undefined): boolean {
  const tiny = (b: LaidOutBlock | undefined) =>
    b !== undefined && compact(b.lines.join('')).length <= 8 && !/[。；！？]/.test(b.lines.join(''));
  const alsoTiny = compact(text).length <= 8 && (tiny(previous) || tiny(next));
  return (
    compact(text).length >= 2 &&
    HAS_WORD.test(text) &&
    !CLOSING_FORMULA.test(compact(text)) &&
    !SENTENCE_PUNCT.test(text) &&
    !/[：:！？!?]/.test(text) &&
    !isDateLine(text) &&
    !/年\s*月\s*日/.test(text) &&
    !isOrganLine(text) &&
    !/^[（(【].*[)）】]$/.test(text) &&
    !/\.[A-Za-z]{2,4}/.test(text) &&
    !/[的和与及为在对把被从向、]$/.test(text) &&
    !(tiny(previous) && tiny(next)) &&
    !alsoTiny
  );
}

/** A line that can be (part of) a title: short, words, no sentence punctuation, not a salutation. */
function isTitleLine(text: string): boolean {
  const bare = text.replace(/\*\*/g, '');
  return (
    bare.length >= 2 &&
    bare.length <= 60 &&
    HAS_WORD.test(bare) &&
    !/[。；;！？]/.test(bare) &&
    !/[：:]$/.test(bare) &&
    !isDateLine(bare) &&
    !bare.startsWith('|')
  );
}

/** 版头 (GB/T 9704 7.2.1): `XX人民政府文件`, or a joint masthead of organs. */
function isMastheadLine(text: string): boolean {
  const t = text.replace(/\s*文件$/, '');
  return /文件$/.test(compact(text)) && compact(text).length <= 40 && isOrganLine(t);
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
