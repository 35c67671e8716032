import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { remove } from 'unist-util-remove';
import type { ReadText } from './read-text.ts';
import type { HintValue, MetadataHints } from './hints.ts';
import { ingestError } from './ingest-error.ts';
import { findDate as isoDate } from '../../text/chinese-dates.ts';
import { cleanLine, pipeTable, toSourceText } from './source-text.ts';
import { HTML_BLOCK_ELEMENTS } from '../../html-stream.ts';
import { ORGAN } from '../../text/gongwen-patterns.ts';

/** Never article text: code, forms, embedded frames, and the page's navigation landmarks. */
const NOT_TEXT = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'svg',
  'canvas',
  'form',
  'button',
  'select',
  'input',
  'textarea',
  'nav',
  'header',
  'footer',
  'aside',
  'map',
  'head',
]);

/**
 * Where government CMSs put the article body (TRS: .TRS_Editor, #zoom; 上海 sites: #ivs_content,
 * .Article_content; gov.cn: #UCAP-CONTENT, .pages_content), then the HTML5 landmarks.
 */
const BODY_SELECTORS = [
  '#ivs_content',
  '.TRS_Editor',
  '#UCAP-CONTENT',
  '.pages_content',
  '#zoom',
  '#Zoom',
  '.Article_content',
  '.article-content',
  '.article_content',
  '#content-text',
  'article',
  '[role=main]',
  'main',
];

/**
 * Lines that are page furniture, not text: CMS comment leftovers (`begin-->`, `-->`), the QR-code
 * caption, font-size and print/close/share controls.
 */
const FURNITURE_LINE =
  /^(?:(?:begin|end)?-->|扫一扫在手机打开当前页|【?\s*字体[:：]\s*大\s*中\s*小\s*】?|\[?\s*(?:打印|关闭|打印本页|关闭窗口|返回顶部|分享到)\s*\]?(?:\s*\[?\s*(?:打印|关闭|打印本页|关闭窗口)\s*\]?)*|分享[:：]?|【\s*(?:打印|关闭)\s*】(?:\s*【\s*(?:打印|关闭)\s*】)*)$/;
const COMMENT_FRAGMENT = /<!--|(?:begin|end)?-->/g;

/**
 * UTF-8 when the bytes are valid UTF-8 (a browser or crawler that saves a page writes UTF-8 but
 * keeps the page's old `charset=gbk` meta, and Chinese text in GBK is practically never valid
 * UTF-8), else the character set the page declares (<meta charset>, http-equiv), else GB18030.
 */
function decodeHtml(bytes: Uint8Array, file: string): string {
  const head = new TextDecoder('latin1').decode(bytes.slice(0, 4096));
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const declaredCharset = declared === 'gb2312' ? 'gbk' : declared;
  const candidates = bom ? ['utf-8'] : [...new Set(['utf-8', declaredCharset ?? 'gb18030'])];
  for (const charset of candidates) {
    try {
      return new TextDecoder(charset, { fatal: true }).decode(bytes);
    } catch {
      // next candidate
    }
  }
  throw ingestError(
    file,
    `cannot be decoded as ${candidates.join(' or ')}${declared ? ' (the character set the page declares)' : ''}`,
    'Save the page again from the browser (“网页，仅HTML”) and add that file.',
  );
}

const textLength = (node: Element) => toString(node).replace(/\s/g, '').length;

/**
 * The element holding the article when no known selector matches: the one whose own paragraphs
 * hold the most text (each <p> counts for its parent, half for its grandparent), as readability
 * scorers do. Link lists (menus) score nothing.
 */
function densestBlock(tree: Root): Element | undefined {
  const scores = new Map<Element, number>();
  const parents = new Map<Element, Element>();
  const walk = (node: Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      parents.set(child, node);
      walk(child);
    }
  };
  for (const child of tree.children) if (child.type === 'element') walk(child);
  for (const p of selectAll('p, div > span, td', tree)) {
    const links = selectAll('a', p).reduce((n, a) => n + textLength(a), 0);
    const own = textLength(p) - links;
    if (own < 10) continue;
    const parent = parents.get(p);
    if (parent) scores.set(parent, (scores.get(parent) ?? 0) + own);
    const grand = parent && parents.get(parent);
    if (grand) scores.set(grand, (scores.get(grand) ?? 0) + own / 2);
  }
  return [...scores.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/**
 * The headline as the page shows it, when the <title> is that headline plus a site or column
 * name joined without spaces (`…活动--当代商报`, `…交通-新华网`, `…工作 东区办事处`): the longest
 * text of one element that the <title> starts with, followed only by a separator and a short name.
 * Without such an element nothing is cut: a hyphen may belong to the title itself.
 */
function shownHeadline(tree: Root, pageTitle: string): string | undefined {
  const squeeze = (s: string) => s.replace(/[\s\u3000]/g, '');
  const whole = squeeze(pageTitle);
  let best = '';
  for (const el of selectAll('h1, h2, h3, h4, p, div, span, td, strong, b, font', tree)) {
    const text = cleanLine(toString(el).replace(/\s+/g, ' '));
    const bare = squeeze(text);
    if (bare.length < 4 || bare.length <= squeeze(best).length || !whole.startsWith(bare)) continue;
    const tail = tailAfter(pageTitle, bare);
    if (tail !== undefined && /^\s*(?:-{1,2}|—{1,2}|–|_|\||｜|\s)\s*[^\s]{1,20}$/u.test(tail)) best = text;
  }
  return best === '' ? undefined : best;
}

/** What follows `prefix` (compared without spaces) in `text`, spaces kept. */
function tailAfter(text: string, prefix: string): string | undefined {
  let i = 0;
  let matched = 0;
  while (i < text.length && matched < prefix.length) {
    if (/[\s\u3000]/.test(text[i])) i++;
    else if (text[i] === prefix[matched]) {
      i++;
      matched++;
    } else return undefined;
  }
  return matched === prefix.length ? text.slice(i) : undefined;
}

/** A site footer's `主办：X` / `主办方：X` / `主办单位：X`, when X is an organ. */
function siteHostOf(tree: Root): HintValue | undefined {
  for (const el of selectAll('footer, div, p, span, td', tree)) {
    const text = toString(el);
    if (text.length > 400) continue;
    const m = /主办(方|单位)?\s*[：:]\s*([\u4e00-\u9fff（）()]{2,40})/u.exec(text);
    if (m && ORGAN.test(m[2])) return { value: m[2], evidence: `网站页脚“主办${m[1] ?? ''}”` };
  }
  return undefined;
}

/** `标题_上海市普陀区人民政府` → `标题`: sites append their own name to the <title>. */
const titleWithoutSite = (title: string) => title.split(/\s*[_|｜]\s*|\s+[-—–]\s+/)[0].trim();

/** The labels of 政府信息公开 metadata tables and what each fills. */
export const METADATA_LABELS: Array<{ label: RegExp; field: keyof MetadataHints; date?: boolean }> = [
  { label: /^索引号$/, field: 'indexNumber' },
  { label: /^(?:主题分类|分类)$/, field: 'topic' },
  { label: /^(?:发文机关|发布机构|发文单位|发布单位)$/, field: 'issuer' },
  { label: /^成文日期$/, field: 'date', date: true },
  { label: /^(?:标题|名称)$/, field: 'title' },
  { label: /^(?:发文字号|文号)$/, field: 'documentNumber' },
  { label: /^(?:发布日期|公开日期|发文日期)$/, field: 'published', date: true },
  { label: /^(?:主题词|关键词|体裁分类|组配分类|有效性|生效日期|废止日期|信息来源|来源)$/, field: 'source' },
];

/** A cell's label, normalised: `索 引 号：` → `索引号`. */
const labelOf = (text: string) => text.replace(/[\s\u3000:：]/g, '');

/**
 * Cells labelled like a 政府信息公开 table (索引号 / 发文机关 / 成文日期 / 发文字号 / 发布日期 …):
 * each label cell's value is the next cell. Returns the hints and the tables that held them.
 */
function metadataTable(tree: Root): { hints: MetadataHints; tables: Element[] } {
  const hints: MetadataHints = {};
  const tables = new Set<Element>();
  for (const table of selectAll('table', tree)) {
    if (select('table', { type: 'root', children: table.children } as Root)) continue; // innermost tables only
    const cells = selectAll('td, th', table);
    let found = 0;
    for (const [i, cell] of cells.entries()) {
      const label = labelOf(toString(cell));
      const entry = METADATA_LABELS.find((l) => l.label.test(label));
      if (!entry) continue;
      found++;
      const next = cells[i + 1];
      const raw = next ? cleanLine(toString(next).replace(/\s+/g, ' ')) : '';
      if (raw === '' || METADATA_LABELS.some((l) => l.label.test(labelOf(raw)))) continue;
      // 信息来源 and the like are only kept as the source; 主题词 is not a hint.
      if (entry.field === 'source' && !/^(?:信息来源|来源)$/.test(label)) continue;
      const value = entry.date ? isoDate(raw) : raw;
      if (value && hints[entry.field] === undefined) hints[entry.field] = { value, evidence: `网页信息公开表“${label}”` };
    }
    if (found >= 2) tables.add(table);
  }
  return { hints, tables: [...tables] };
}

/** The page's own <meta> tags (大汉版通 / TRS CMSs): title, publication date, source. */
function metaTagHints(tree: Root): MetadataHints {
  const content = (name: string): HintValue | undefined => {
    const el = selectAll('meta', tree).find((m) => String(m.properties.name ?? '').toLowerCase() === name.toLowerCase());
    const value = el ? cleanLine(String(el.properties.content ?? '')) : '';
    return value === '' ? undefined : { value, evidence: `<meta name="${String(el!.properties.name)}">` };
  };
  const hints: MetadataHints = {};
  const title = content('ArticleTitle');
  if (title) hints.title = title;
  const pub = content('PubDate') ?? content('publishdate') ?? content('firstpublishedtime');
  const pubDate = pub && isoDate(pub.value);
  if (pub && pubDate) hints.published = { value: pubDate, evidence: pub.evidence };
  const source = content('ContentSource') ?? content('source');
  if (source) hints.source = source;
  return hints;
}

/** A data table: rows of short cells inside the article (a layout table holds blocks of text). */
function isDataTable(table: Element): boolean {
  if (select('table', { type: 'root', children: table.children } as Root)) return false;
  const rows = selectAll('tr', table);
  if (rows.length < 2) return false;
  const cells = rows.map((r) => selectAll('td, th', r));
  if (Math.max(...cells.map((c) => c.length)) < 2) return false;
  return cells.flat().every((c) => toString(c).replace(/\s/g, '').length <= 200);
}

/** A data table → rows; colspan/rowspan leave the covered cells empty. */
function tableRows(table: Element): string[][] {
  const grid: string[][] = [];
  for (const [r, tr] of selectAll('tr', table).entries()) {
    grid[r] ??= [];
    let c = 0;
    for (const cell of selectAll('td, th', tr)) {
      while (grid[r][c] !== undefined) c++;
      const colspan = Math.max(1, Number(cell.properties.colSpan ?? 1) || 1);
      const rowspan = Math.max(1, Number(cell.properties.rowSpan ?? 1) || 1);
      for (let dr = 0; dr < rowspan; dr++) {
        grid[r + dr] ??= [];
        for (let dc = 0; dc < colspan; dc++) grid[r + dr][c + dc] = dr === 0 && dc === 0 ? blocksOf(cell).join(' ') : '';
      }
      c += colspan;
    }
  }
  return grid.map((row) => Array.from(row, (x) => x ?? '')).filter((row) => row.some((x) => x.trim() !== ''));
}

/**
 * An element → its blocks as a browser shows them: a block element or <br> ends a line; white
 * space collapses; a data table is one pipe-table block.
 */
function blocksOf(root: Element): string[] {
  const blocks: string[] = [];
  let line = '';
  const flush = () => {
    const text = cleanLine(line.replace(COMMENT_FRAGMENT, ''));
    if (text !== '' && !FURNITURE_LINE.test(text)) blocks.push(text);
    line = '';
  };
  const walk = (nodes: ElementContent[]) => {
    for (const node of nodes) {
      if (node.type === 'text') line += node.value.replace(/[ \t\n\r\f]+/g, ' ');
      else if (node.type === 'element') {
        if (NOT_TEXT.has(node.tagName)) continue;
        if (node.tagName === 'br') flush();
        else if (node.tagName === 'table' && isDataTable(node)) {
          flush();
          const rows = tableRows(node);
          if (rows.length > 0) blocks.push(pipeTable(rows));
        } else if (HTML_BLOCK_ELEMENTS.has(node.tagName)) {
          flush();
          walk(node.children);
          flush();
        } else walk(node.children);
      }
    }
  };
  walk(root.children);
  flush();
  return blocks;
}

/**
 * A web page saved from a government site (or a fragment of one) → the article's text, one
 * paragraph per block, with its title on top; scripts, navigation, headers, footers and the
 * 政府信息公开 table are left out. That table and the page's <meta> tags become hints.
 */
export function extractHtml(bytes: Uint8Array, file: string): ReadText {
  const tree = fromHtml(decodeHtml(bytes, file));
  const metaHints = metaTagHints(tree);
  const pageTitle = select('title', tree);
  const pageTitleText = pageTitle ? titleWithoutSite(toString(pageTitle)) : '';
  // Looked for before the page's header and footer are removed: the headline often sits in the
  // header, the site's 主办单位 in the footer.
  const headline = pageTitleText.length >= 4 ? shownHeadline(tree, pageTitleText) : undefined;
  const siteHost = siteHostOf(tree);
  remove(tree, (node) => node.type === 'comment' || (node.type === 'element' && NOT_TEXT.has((node as Element).tagName)));
  const table = metadataTable(tree);
  remove(tree, (node) => table.tables.includes(node as Element));

  const body =
    BODY_SELECTORS.map((s) => select(s, tree)).find((el): el is Element => el !== undefined && textLength(el) > 0) ?? densestBlock(tree);
  if (!body || textLength(body) === 0) {
    throw ingestError(
      file,
      'has no article text',
      'Save the page of the document itself (not a list or search page), or copy its text into a .txt file.',
    );
  }

  const hints: MetadataHints = { ...metaHints, ...table.hints, ...(siteHost ? { siteHost } : {}) };
  const h1 = select('h1', tree);
  const title = [hints.title?.value, h1 && toString(h1), headline, pageTitleText]
    .map((t) => (t ? cleanLine(t.replace(/\s*\n\s*/g, ' ')) : ''))
    .find((t) => t.length >= 4);
  if (!hints.title && headline) hints.title = { value: headline, evidence: '网页上显示的标题（<title> 去掉网站名）' };
  else if (!hints.title && pageTitleText.length >= 4) hints.title = { value: pageTitleText, evidence: '网页标题 <title>（去掉网站名）' };

  let blocks = blocksOf(body);
  // The title usually sits above the article's container; a source starts with its title.
  const squeeze = (s: string) => s.replace(/[\s\u3000]/g, '');
  if (title && !squeeze(blocks.slice(0, 4).join('')).startsWith(squeeze(title))) blocks = [title, ...blocks];
  return { text: toSourceText(blocks), hints, extraction: 'html' };
}
