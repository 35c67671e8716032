import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { toText } from 'hast-util-to-text';
import { remove } from 'unist-util-remove';
import type { MetadataHints } from './detect-metadata.ts';
import { ingestError } from './ingest-error.ts';
import { cleanLine, linesToSourceText } from './source-text.ts';

/** Never article text: code, forms, embedded frames, and the page's navigation landmarks. */
const NOT_TEXT = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas', 'form', 'button', 'select', 'input', 'textarea', 'nav', 'header', 'footer', 'aside', 'map']);

/**
 * Where government CMSs put the article body (TRS: .TRS_Editor, #zoom; 上海 sites: #ivs_content,
 * .Article_content; gov.cn: #UCAP-CONTENT, .pages_content), then the HTML5 landmarks.
 */
const BODY_SELECTORS = ['#ivs_content', '.TRS_Editor', '#UCAP-CONTENT', '.pages_content', '#zoom', '#Zoom', '.Article_content', '.article-content', '.article_content', '#content-text', 'article', '[role=main]', 'main'];

/** Character set the page declares (<meta charset>, http-equiv), else UTF-8: old 政府 sites use GBK. */
function decodeHtml(bytes: Uint8Array, file: string): string {
  const head = new TextDecoder('latin1').decode(bytes.slice(0, 4096));
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  const charset = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 'utf-8' : (declared ?? 'utf-8');
  try {
    return new TextDecoder(charset === 'gb2312' ? 'gbk' : charset, { fatal: true }).decode(bytes);
  } catch {
    throw ingestError(file, `cannot be decoded as ${charset} (the character set the page declares)`, 'Save the page again from the browser (“网页，仅HTML”) and add that file.');
  }
}

const text = (node: Element | Root) => toText(node).split('\n').map(cleanLine).join('\n');
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

/** `标题_上海市普陀区人民政府` → `标题`: sites append their own name to the <title>. */
const titleWithoutSite = (title: string) => title.split(/\s*[_|｜]\s*|\s+[-—–]\s+/)[0].trim();

/** 信息公开 pages state 发文字号 and 成文日期 in a table beside the article: labels → values. */
function labelled(pageText: string, label: RegExp): string | undefined {
  const m = new RegExp(`(?:${label.source})\\s*[：:]?\\s*\\n?\\s*([^\\n\\t]{2,40})`).exec(pageText);
  return m?.[1].trim();
}

export interface ExtractedHtml {
  text: string;
  hints: MetadataHints;
}

/**
 * A web page saved from a government site → the article's text, one paragraph per line, with its
 * title on top; scripts, styles, navigation, headers and footers are left out. The page's <title>,
 * ArticleTitle meta and 信息公开 table become hints for the metadata.
 */
export function extractHtml(bytes: Uint8Array, file: string): ExtractedHtml {
  const tree = fromHtml(decodeHtml(bytes, file));
  const metaTitle = select('meta[name=ArticleTitle]', tree)?.properties.content;
  const pageTitle = select('title', tree);
  remove(tree, (node) => node.type === 'comment' || (node.type === 'element' && NOT_TEXT.has((node as Element).tagName)));
  const pageText = text(tree);

  const body = BODY_SELECTORS.map((s) => select(s, tree)).find((el): el is Element => el !== undefined && textLength(el) > 0) ?? densestBlock(tree);
  if (!body || textLength(body) === 0) {
    throw ingestError(file, 'has no article text', 'Save the page of the document itself (not a list or search page), or copy its text into a .txt file.');
  }

  const h1 = select('h1', tree);
  const title = [typeof metaTitle === 'string' ? metaTitle : undefined, h1 && toString(h1), pageTitle && titleWithoutSite(toString(pageTitle))]
    .map((t) => (t ? cleanLine(t.replace(/\s*\n\s*/g, ' ')) : ''))
    .find((t) => t.length >= 4);

  let bodyText = linesToSourceText(text(body));
  // The title usually sits above the article's container; a source starts with its title.
  if (title && !bodyText.replace(/\s/g, '').startsWith(title.replace(/\s/g, ''))) bodyText = linesToSourceText(`${title}\n${bodyText}`);

  return {
    text: bodyText,
    hints: {
      title,
      documentNumber: labelled(pageText, /发文字号|文\s*号/),
      date: labelled(pageText, /成文日期/)?.replace(/^(\d{4})[年\-./](\d{1,2})[月\-./](\d{1,2})日?.*$/, (_, y: string, m: string, d: string) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`),
      issuer: labelled(pageText, /发布机构|发文机关/),
    },
  };
}
