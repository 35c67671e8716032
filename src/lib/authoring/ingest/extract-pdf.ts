import { extractTextItems, getDocumentProxy } from 'unpdf';
import type { ReadText } from './read-text.ts';
import { findDate as isoDate } from '../../text/chinese-dates.ts';
import { PAGE_NUMBER, repeatedLines } from './page-furniture.ts';
import { foldRadicals } from './fold-radicals.ts';
import type { HintValue, MetadataHints } from './hints.ts';
import { ingestError } from './ingest-error.ts';
import { linesToParagraphs } from './layout-paragraphs.ts';
import { tablesFromLayout, type Segment, type SegmentedLine } from './pdf-table.ts';
import { toSourceText } from './source-text.ts';

type TextItem = Awaited<ReturnType<typeof extractTextItems>>['items'][number][number];

/** Browser print headers and footers: `2026/3/5 14:20  <page title>` on top, `https://… 1/5` below. */
const BROWSER_HEADER = /^\d{4}\/\d{1,2}\/\d{1,2}(?:\s*(?:上午|下午))?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:AM|PM))?(?:\s|$)/i;
const BROWSER_FOOTER = /^(?:https?:\/\/|file:\/\/|about:|www\.)\S*(?:\s+\d+\s*\/\s*\d+)?$/i;

/**
 * Portal chrome printed with the page: breadcrumb, accessibility switches, font-size and
 * print/close/share controls, view counters.
 */
const CHROME_LINE = [
  /^(?:.{0,12}\s)?(?:当前位置|您现在的位置|您的位置|所在位置)\s*[:：]?.*(?:>|＞|»)/,
  /^首页\s*(?:>|＞|»)/,
  /^(?:进入关怀版|关怀版|无障碍|长者模式|导航|无障碍浏览|English|繁體|简体)$/,
  /^【?\s*字体\s*[:：]\s*大\s*中\s*小\s*】?$/,
  /^(?:【\s*)?(?:打印|关闭|打印本页|关闭窗口|返回顶部|收藏|分享到?[:：]?)(?:\s*】)?(?:\s+(?:【\s*)?(?:打印|关闭|打印本页|关闭窗口|收藏)(?:\s*】)?)*$/,
  /^扫一扫在手机(?:打开|上查看)当前页$/,
];

/** Where the site footer (or the related-links list before it) begins. */
const FOOTER_START =
  /^(?:相关(?:政策)?解读|相关链接|相关文件|相关阅读|网站标识码|主办[:：]|主办单位[:：]|承办[:：]|版权所有|备案序号|.{0,12}ICP备|.{0,6}公网安备|关于我们\s*[-|]|隐私声明|网站地图)/;
const FOOTER_LINE =
  /(?:ICP备|公网安备|网站标识码|版权所有|主办[:：]|承办[:：]|技术支持|投诉|咨询电话|咨询邮箱|邮箱[:：]|地址[:：]|电话[:：]|隐私声明|联系我们|网站地图|网站声明|@\d{4}|©|Copyright)/i;

/** Button labels a portal prints after the page title (政策咨询, 我要纠错 …). */
const TITLE_BUTTON = /\s+(?:政策咨询|在线咨询|我要咨询|我要纠错|我要留言|纠错|收藏|分享|打印)$/;

/** The labels of a 政府信息公开 metadata box, and the hint each fills. */
const BOX_LABELS: Array<{ label: string; field?: keyof MetadataHints; date?: boolean }> = [
  { label: '索引号', field: 'indexNumber' },
  { label: '主题分类', field: 'topic' },
  { label: '分类', field: 'topic' },
  { label: '发布机构', field: 'issuer' },
  { label: '发文机关', field: 'issuer' },
  { label: '成文日期', field: 'date', date: true },
  { label: '名称', field: 'title' },
  { label: '标题', field: 'title' },
  { label: '发文字号', field: 'documentNumber' },
  { label: '文号', field: 'documentNumber' },
  { label: '发布日期', field: 'published', date: true },
  { label: '信息提供日期', field: 'published', date: true },
  { label: '信息来源', field: 'source' },
  { label: '主题词' },
  { label: '浏览次数' },
  { label: '访问量' },
];
const LABEL_RE = new RegExp(
  `(${[...BOX_LABELS]
    .sort((a, b) => b.label.length - a.label.length)
    .map((l) => l.label.split('').join('\\s*'))
    .join('|')})\\s*[:：]`,
  'g',
);

/** A line made only of labelled fields (`索引号： … 分类：`, `发布日期：… 浏览次数：…`) → its pairs. */
function labelledFields(text: string): Array<{ label: string; value: string }> | undefined {
  const matches = [...text.matchAll(LABEL_RE)];
  if (matches.length === 0 || text.slice(0, matches[0].index).trim() !== '') return undefined;
  return matches.map((m, i) => ({
    label: m[1].replace(/\s/g, ''),
    value: text.slice(m.index + m[0].length, matches[i + 1]?.index ?? text.length).trim(),
  }));
}

/** Spaces a justified or letter-spaced line puts between every two Chinese characters are not text. */
const CJK = '\\p{Script=Han}\\u3000-\\u303f\\uff01-\\uff5e“”‘’';
function removeLetterSpacing(text: string): string {
  const pairs = text.match(new RegExp(`[${CJK}]\\s?(?=[${CJK}])`, 'gu')) ?? [];
  const spaced = pairs.filter((p) => p.length > 1).length;
  return pairs.length >= 4 && spaced >= pairs.length * 0.6 ? text.replace(new RegExp(`([${CJK}]) (?=[${CJK}])`, 'gu'), '$1') : text;
}

/** Items on one baseline (within a third of the font size) make one line, read left to right. */
function toLines(items: TextItem[]): SegmentedLine[] {
  const lines: Array<{ items: TextItem[]; y: number }> = [];
  for (const item of items.filter((i) => i.str.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x)) {
    const line = lines.find((l) => Math.abs(l.y - item.y) <= Math.max(item.fontSize, 1) / 3);
    if (line) line.items.push(item);
    else lines.push({ items: [item], y: item.y });
  }
  return lines
    .sort((a, b) => b.y - a.y)
    .map(({ items: lineItems, y }) => {
      lineItems.sort((a, b) => a.x - b.x);
      let text = '';
      let end = lineItems[0].x;
      // Runs apart by about a character or more: table cells, label and value.
      const segments: Segment[] = [];
      for (const item of lineItems) {
        // A visible gap between two items is a space in the text (the cleaning rules drop the ones
        // Chinese does not want); touching items join directly.
        if (text !== '' && item.x - end > item.fontSize * 0.5) text += ' ';
        const str = removeLetterSpacing(item.str).trim();
        const last = segments.at(-1);
        if (last && item.x - last.xEnd <= item.fontSize * 0.9) {
          last.text += (item.x - last.xEnd > item.fontSize * 0.5 ? ' ' : '') + str;
          last.xEnd = item.x + item.width;
        } else segments.push({ text: str, x: item.x, xEnd: item.x + item.width });
        text += removeLetterSpacing(item.str);
        end = item.x + item.width;
      }
      const fontSize = Math.max(...lineItems.map((i) => i.fontSize));
      return { text: text.replace(/\s+/g, ' ').trim(), x: lineItems[0].x, xEnd: end, y, fontSize, segments };
    });
}

/** CJK characters on a page, the measure of real text (a scan's watermark has a handful). */
const cjkCount = (s: string) => (s.match(/\p{Script=Han}/gu) ?? []).length;

/** Whether a text layer is too thin to be the document: fewer than 50 real characters a page. */
export function isScan(pages: string[][]): boolean {
  const repeated = repeatedLines(pages);
  const real = pages.map((lines) =>
    lines.filter((l) => !repeated.has(l.replace(/\d+/g, '#').replace(/\s/g, ''))).reduce((n, l) => n + cjkCount(l), 0),
  );
  return real.reduce((a, b) => a + b, 0) / Math.max(1, pages.length) < 50;
}

/**
 * Drops what the browser and the portal printed around the document and reads the metadata box
 * into hints. Works on the lines of all pages; returns the pages without those lines.
 */
function removeChrome(pages: SegmentedLine[][]): { pages: SegmentedLine[][]; hints: MetadataHints } {
  const hints: MetadataHints = {};
  const setHint = (field: keyof MetadataHints, value: string, evidence: string) => {
    if (value !== '' && hints[field] === undefined) hints[field] = { value, evidence } satisfies HintValue;
  };
  const repeated = repeatedLines(pages.map((p) => p.map((l) => l.text)));
  let out = pages.map((lines) =>
    lines.filter((line, i) => {
      const edge = i < 2 || i >= lines.length - 2;
      const shape = line.text.replace(/\d+/g, '#').replace(/\s/g, '');
      if (edge && (PAGE_NUMBER.test(line.text) || BROWSER_HEADER.test(line.text) || BROWSER_FOOTER.test(line.text))) return false;
      if (edge && repeated.has(shape) && pages.length >= 3) return false;
      return !CHROME_LINE.some((re) => re.test(line.text));
    }),
  );

  // The metadata box and the lines under the page title: labelled fields only. A line between
  // two labelled lines continues the value above it (a long 名称 wraps in its cell).
  if (out[0]) {
    const lines = out[0];
    const fieldsOf = (line: SegmentedLine | undefined) => (line ? labelledFields(line.text.replace(/【\s*字体.*$/, '').trim()) : undefined);
    const kept: SegmentedLine[] = [];
    let last: { label: string; value: string } | undefined;
    const record = () => {
      if (!last) return;
      const spec = BOX_LABELS.find((l) => l.label === last!.label);
      const v = spec?.date ? isoDate(last.value) : last.value;
      if (spec?.field && v) setHint(spec.field, v, `PDF 信息公开栏“${last.label}”`);
      last = undefined;
    };
    for (const [i, line] of lines.entries()) {
      const fields = fieldsOf(line);
      if (fields) {
        record();
        for (const f of fields.slice(0, -1)) {
          last = f;
          record();
        }
        last = fields.at(-1);
        continue;
      }
      if (last && fieldsOf(lines[i + 1]) && line.text.length <= 40) {
        last.value += line.text;
        continue;
      }
      record();
      // The box's caption: `深圳市科技创新局政府信息公开` right above its first field.
      if (/政府信息公开$/.test(line.text) && fieldsOf(lines[i + 1])) continue;
      kept.push(line);
    }
    record();
    out[0] = kept;
  }
  // A lone timestamp under the title (`2025-03-04 09:49:09 【字体：大 中 小】`) is the page's date.
  out[0] = out[0]?.filter((line) => {
    const m = /^((?:19|20)\d{2}-\d{2}-\d{2})(?:\s+\d{2}:\d{2}(?::\d{2})?)?(?:\s*【\s*字体.*)?$/.exec(line.text);
    if (!m) return true;
    setHint('published', m[1], 'PDF 页面发布时间');
    return false;
  });

  // The site footer and related links at the end: from the first footer line after which only
  // short link and footer lines follow.
  const flat = out.flatMap((lines, p) => lines.map((line, i) => ({ p, i, line })));
  let cut = flat.length;
  for (let k = flat.length - 1; k >= 0; k--) {
    const text = flat[k].line.text;
    if (FOOTER_START.test(text)) cut = k;
    else if (!(FOOTER_LINE.test(text) || (text.length <= 40 && !/[。；]$/.test(text)) || text.length <= 24)) break;
  }
  // Only a segment that holds a real site-footer mark is cut: a document may end with 主办单位.
  const SITE_MARK = /ICP备|公网安备|网站标识码|版权所有|相关政策解读|相关链接|网站地图/;
  if (cut < flat.length && flat.slice(cut).some(({ line }) => SITE_MARK.test(line.text))) {
    const dropped = new Set(flat.slice(cut).map(({ line }) => line));
    out = out.map((lines) => lines.filter((l) => !dropped.has(l)));
  }

  // A page title over two lines with a button label after it: the label is not title.
  const first = out.find((lines) => lines.length > 0);
  if (first) for (const line of first.slice(0, 4)) line.text = line.text.replace(TITLE_BUTTON, '');
  return { pages: out, hints };
}

/**
 * A PDF → source text: its text layer with paragraphs rebuilt from the layout and the browser's
 * and portal's furniture removed, or, for a scan (too little real text), OCR when Tesseract is
 * installed. Encrypted PDFs are refused: there is nothing to read without a password.
 */
export async function extractPdf(bytes: Uint8Array, file: string): Promise<ReadText> {
  let pdf;
  try {
    pdf = await getDocumentProxy(new Uint8Array(bytes));
  } catch (e) {
    const name = (e as { name?: string }).name;
    if (name === 'PasswordException') {
      throw ingestError(
        file,
        'is an encrypted PDF that needs a password to open',
        'Ask the publisher for an unprotected copy, or save it without the password and add that file.',
      );
    }
    throw ingestError(
      file,
      `is not a readable PDF (${(e as Error).message})`,
      'Check that the download is complete; open it in a PDF viewer.',
    );
  }
  const { items } = await extractTextItems(pdf);
  const pages = items.map((pageItems) => toLines(pageItems));
  if (isScan(pages.map((p) => p.map((l) => l.text)))) {
    const { ocrPdf } = await import('./ocr.ts');
    return ocrPdf(bytes, file, items.length);
  }
  const { pages: body, hints } = removeChrome(pages);
  return { text: toSourceText(linesToParagraphs(tablesFromLayout(body)).map(foldRadicals)), hints, extraction: 'pdf' };
}
