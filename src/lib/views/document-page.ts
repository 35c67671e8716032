import { markCollationSpots } from './collation-marks.ts';
import { canonicalKind } from '../../config/document-kinds.ts';
import type { GeneratedDocument } from '../schema/generated.ts';
import { entityKindLabels, formatChineseDate } from '../labels.ts';
import { entityKinds, type EntityKind } from '../schema/entity.ts';
import { extractionLabels } from '../schema/extraction.ts';
import type { SourceMeta } from '../schema/source-meta.ts';
import type { DocumentLink, TocEntry } from '../types.ts';
import type { Urls } from '../urls.ts';
import type { CitableMeta } from './citation.ts';
import { validityOf, type Validity } from './validity.ts';

/** One row of the metadata table; `href` makes the value a link (the source file → its download). */
export interface MetaRow {
  label: string;
  value: string;
  href?: string;
  /** Marks the 时效 value, styled by status. */
  validity?: Validity;
  /** The value was read off the text by add-document and no editor has checked it yet (`# 待确认` still in its .meta.yaml): shown 未核对. */
  unconfirmed?: boolean;
}

export interface Crumb {
  label: string;
  href?: string;
}

export interface Download {
  label: string;
  href: string;
  /** File name offered to the reader's browser. */
  fileName: string;
  /** The download's MIME type (the link's `type` hint). */
  type: string;
  description: string;
}

export interface LinkedDocument extends DocumentLink {
  href: string;
  dateText: string;
}

export interface DocumentPageView {
  /** The document's title (`meta.title`): the H1, breadcrumb, <title> and search result title. */
  title: string;
  /**
   * The source's own title block, when the compiler found one that reads differently from the
   * title (whitespace aside): it is text of the source, so the page shows it as such, first in
   * the body. Undefined when it is the title (the H1 is then the source's line too).
   */
  sourceTitle?: string;
  /** The source's title block is the title: the H1 is source text (fidelity). */
  titleIsSourceText: boolean;
  /** Where the text came from, for readers (`extractionLabels`). */
  extraction: string;
  /** The text was read by OCR from a scan: the page warns of recognition errors near the top. */
  ocr: boolean;
  /** Some rows (or the title) are marked 未核对: the table is followed by a note saying what that means. */
  hasUnconfirmed: boolean;
  /** The title itself is still marked 待确认. */
  unconfirmedTitle: boolean;
  description: string;
  /** The document's body, with a mark where each gap or extraction slip of its 校勘说明 is. */
  bodyHtml: string;
  breadcrumbs: Crumb[];
  rows: MetaRow[];
  citation: CitableMeta;
  downloads: Download[];
  toc: TocEntry[];
  entityGroups: Array<{ kind: EntityKind; label: string; items: Array<{ name: string; href: string; count: number }> }>;
  previous?: LinkedDocument;
  next?: LinkedDocument;
  related: Array<LinkedDocument & { shared: string[]; sharedCount: number }>;
}

/** The reader's words for where the text came from; a value the labels do not know yet is named as it is. */
export const extractionLabel = (extraction: string): string =>
  (extractionLabels as Record<string, string | undefined>)[extraction] ?? extraction;

/** Which metadata field each row shows, so a field still marked 待确认 marks its row 未核对. */
type RowField = keyof SourceMeta;

/** Made once: a formatter with a time zone costs about a millisecond to create, and every document page asks. */
let shanghaiDate: Intl.DateTimeFormat | undefined;

/**
 * Today in Shanghai, as YYYY-MM-DD: the build date 时效 is judged on. The pages say which date
 * it is, since a static page keeps it until the next build.
 */
export function buildDateInShanghai(now = new Date()): string {
  return (shanghaiDate ??= new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  })).format(now);
}

/** Provenance and status rows: official texts by issuer and 发文字号, news by newspaper and reporters. */
function metaRows(meta: SourceMeta, file: { label: string; href: string }, today: string, unconfirmed: ReadonlySet<string>): MetaRow[] {
  const rows: Array<MetaRow & { field?: RowField }> = [];
  const kind = canonicalKind(meta.kind) ?? meta.kind;
  const isNews = kind === '新闻报道';
  const publication = meta.publication;
  if (isNews) {
    if (publication || meta.extraction === 'newspaper') {
      const paper = publication?.newspaper ?? '原文未载报名';
      const page = publication?.page ? `，第${publication.page}版` : '';
      rows.push({ label: '来源', value: `${publication?.medium ?? '报纸'}（${paper}${page}）` });
    } else rows.push({ label: '来源', value: meta.issuer, field: 'issuer' });
    if (publication?.reporters?.length) rows.push({ label: '记者', value: publication.reporters.join('、') });
    rows.push({ label: '发布日期', value: formatChineseDate(meta.published ?? meta.date), field: meta.published ? 'published' : 'date' });
  } else {
    rows.push({ label: '发文机关', value: meta.issuer, field: 'issuer' });
    if (meta.documentNumber) rows.push({ label: '发文字号', value: meta.documentNumber, field: 'documentNumber' });
    if (meta.indexNumber) rows.push({ label: '索引号', value: meta.indexNumber, field: 'indexNumber' });
    rows.push({ label: '成文日期', value: formatChineseDate(meta.date), field: 'date' });
    rows.push({
      label: '发布日期',
      value: meta.published ? formatChineseDate(meta.published) : '原文未载',
      field: meta.published ? 'published' : undefined,
    });
  }
  const validity = validityOf(meta.period, today);
  if (validity && meta.period) {
    const span =
      meta.period.from === meta.period.to
        ? formatChineseDate(meta.period.from)
        : `${formatChineseDate(meta.period.from)}至${formatChineseDate(meta.period.to)}`;
    rows.push({ label: '时效', value: `${validity}（实施期${span}；截至${formatChineseDate(today)}）`, validity });
  }
  rows.push({ label: '类型', value: kind, field: 'kind' });
  rows.push({ label: '地区', value: meta.region, field: 'region' });
  if (publication?.note) rows.push({ label: '来源说明', value: publication.note });
  rows.push({ label: '原始文件', value: file.label, href: file.href, field: 'originalFile' });
  rows.push({ label: '文字来源', value: extractionLabel(meta.extraction), field: 'extraction' });
  return rows.map(({ field, ...row }) => (field && unconfirmed.has(field) ? { ...row, unconfirmed: true } : row));
}

/** Everything the document page shows, computed from its own generated slice only. */
export function documentPageView(doc: GeneratedDocument, urls: Urls, today: string): DocumentPageView {
  const { meta } = doc;
  const page = urls.document(doc.slug);
  const fileHref = (file: string) => page + file;
  const linked = (d: DocumentLink): LinkedDocument => ({ ...d, href: urls.document(d.slug), dateText: formatChineseDate(d.date) });
  const downloads: Download[] = [
    {
      label: '下载原文',
      href: fileHref(doc.downloads.source),
      fileName: `${doc.slug}-原文.txt`,
      type: 'text/plain',
      description: '收到的文本，逐字节未改（UTF-8）',
    },
    {
      label: '下载整理后文本',
      href: fileHref(doc.downloads.text),
      fileName: `${doc.slug}-整理本.txt`,
      type: 'text/plain',
      description: '本页所示的校正后全文（UTF-8）',
    },
  ];
  // The original's format for a reader (原始文件（PDF）, 原始文件（网页，ZIP 压缩）), never its stored name.
  let file = { label: '原文文本（TXT）', href: fileHref(doc.downloads.source) };
  const { original, originalFormat } = doc.downloads;
  if (original && originalFormat) {
    const label = `原始文件（${originalFormat.label}）`;
    file = { label, href: fileHref(original) };
    downloads.unshift({
      label: `下载${label}`,
      href: fileHref(original),
      fileName: `${doc.slug}${original.slice(original.lastIndexOf('.'))}`,
      type: originalFormat.mime,
      description: original.endsWith('.zip')
        ? '提取文字所用的原始网页，逐字节未改，放在 ZIP 压缩包中：解压后用浏览器打开'
        : '提取文字所用的原始文件，逐字节未改',
    });
  }
  const unconfirmed = new Set(doc.unconfirmed ?? []);
  const rows = metaRows(meta, file, today, unconfirmed);
  const bare = (s: string) => s.replace(/\s+/g, '');
  const sourceTitle = doc.header.title !== undefined && bare(doc.header.title) !== bare(meta.title) ? doc.header.title : undefined;
  return {
    title: meta.title,
    sourceTitle,
    titleIsSourceText: doc.header.title !== undefined && sourceTitle === undefined,
    extraction: extractionLabel(meta.extraction),
    ocr: (meta.extraction as string) === 'ocr',
    hasUnconfirmed: rows.some((r) => r.unconfirmed) || unconfirmed.has('title'),
    unconfirmedTitle: unconfirmed.has('title'),
    description: meta.summary,
    bodyHtml: markCollationSpots(doc.html, doc.collation ?? []),
    breadcrumbs: [{ label: '首页', href: urls.home() }, { label: '文件', href: urls.asset('documents/') }, { label: meta.title }],
    rows,
    citation: {
      title: meta.title,
      kind: meta.kind,
      issuer: meta.issuer,
      documentNumber: meta.documentNumber,
      date: meta.date,
      published: meta.published,
      publication: meta.publication,
    },
    downloads,
    toc: doc.toc,
    entityGroups: entityKinds
      .map((kind) => ({
        kind,
        label: entityKindLabels[kind],
        items: doc.entities.filter((e) => e.kind === kind).map((e) => ({ name: e.name, href: urls.entity(e.id), count: e.count })),
      }))
      .filter((g) => g.items.length > 0),
    previous: doc.neighbours.previous && linked(doc.neighbours.previous),
    next: doc.neighbours.next && linked(doc.neighbours.next),
    related: doc.neighbours.related.map((r) => ({ ...linked(r), shared: r.shared, sharedCount: r.sharedCount })),
  };
}
