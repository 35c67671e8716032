import type { GeneratedDocument } from '../emit/write-generated.ts';
import { entityKindLabels, formatChineseDate } from '../labels.ts';
import { entityKinds, type EntityKind } from '../schema/entity.ts';
import type { SourceMeta } from '../schema/source-meta.ts';
import type { DocumentLink, TocEntry } from '../types.ts';
import type { Urls } from '../urls.ts';
import type { CitableMeta } from './citation.ts';
import { validityOf, type Validity } from './validity.ts';
import { extractionLabels } from '../schema/extraction.ts';

/** One row of the metadata table; `href` makes the value a link (the source file → its download). */
export interface MetaRow {
  label: string;
  value: string;
  href?: string;
  /** Marks the 时效 value, styled by status. */
  validity?: Validity;
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
  description: string;
}

export interface LinkedDocument extends DocumentLink {
  href: string;
  dateText: string;
}

export interface DocumentPageView {
  title: string;
  description: string;
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


/** Made once: a formatter with a time zone costs about a millisecond to create, and every document page asks. */
let shanghaiDate: Intl.DateTimeFormat | undefined;

/**
 * Today in Shanghai, as YYYY-MM-DD: the build date 时效 is judged on. The pages say which date
 * it is, since a static page keeps it until the next build.
 */
export function buildDateInShanghai(now = new Date()): string {
  return (shanghaiDate ??= new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' })).format(now);
}

/** Provenance and status rows: official texts by issuer and 发文字号, news by newspaper and reporters. */
function metaRows(meta: SourceMeta, sourceHref: string, today: string): MetaRow[] {
  const rows: Array<MetaRow | undefined> = [];
  const isNews = meta.kind === '新闻报道';
  const publication = meta.publication;
  if (isNews) {
    const paper = publication?.newspaper ?? '原文未载报名';
    const page = publication?.page ? `，第${publication.page}版` : '';
    rows.push({ label: '来源', value: `${publication?.medium ?? '报纸'}（${paper}${page}）` });
    if (publication?.reporters?.length) rows.push({ label: '记者', value: publication.reporters.join('、') });
    rows.push({ label: '发布日期', value: formatChineseDate(meta.published ?? meta.date) });
  } else {
    rows.push({ label: '发文机关', value: meta.issuer });
    if (meta.documentNumber) rows.push({ label: '发文字号', value: meta.documentNumber });
    rows.push({ label: '成文日期', value: formatChineseDate(meta.date) });
    rows.push({ label: '发布日期', value: meta.published ? formatChineseDate(meta.published) : '原文未载' });
  }
  const validity = validityOf(meta.period, today);
  if (validity && meta.period) {
    const span = meta.period.from === meta.period.to ? formatChineseDate(meta.period.from) : `${formatChineseDate(meta.period.from)}至${formatChineseDate(meta.period.to)}`;
    rows.push({ label: '时效', value: `${validity}（实施期${span}；截至${formatChineseDate(today)}）`, validity });
  }
  rows.push({ label: '类型', value: meta.kind });
  rows.push({ label: '地区', value: meta.region });
  if (publication?.note) rows.push({ label: '来源说明', value: publication.note });
  rows.push({ label: '原始文件', value: `${meta.originalFile}（${extractionLabels[meta.extraction]}）`, href: sourceHref });
  return rows.filter((r): r is MetaRow => r !== undefined);
}

/** Everything the document page shows, computed from its own generated slice only. */
export function documentPageView(doc: GeneratedDocument, urls: Urls, today: string): DocumentPageView {
  const { meta } = doc;
  const page = urls.document(doc.slug);
  const fileHref = (file: string) => page + file;
  const linked = (d: DocumentLink): LinkedDocument => ({ ...d, href: urls.document(d.slug), dateText: formatChineseDate(d.date) });
  const downloads: Download[] = [
    { label: '下载原文', href: fileHref(doc.downloads.source), fileName: `${doc.slug}-原文.txt`, description: '收到的文本，逐字节未改（UTF-8）' },
    { label: '下载整理后文本', href: fileHref(doc.downloads.text), fileName: `${doc.slug}-整理本.txt`, description: '本页所示的校正后全文（UTF-8）' },
  ];
  if (doc.downloads.original) {
    const ext = doc.downloads.original.split('.').pop()!.toUpperCase();
    downloads.unshift({ label: `下载原始文件（${ext}）`, href: fileHref(doc.downloads.original), fileName: `${doc.slug}.${ext.toLowerCase()}`, description: '提取文字所用的原始文件' });
  }
  return {
    title: meta.title,
    description: meta.summary,
    breadcrumbs: [{ label: '首页', href: urls.home() }, { label: '文件', href: urls.asset('documents/') }, { label: doc.header.title ?? meta.title }],
    rows: metaRows(meta, fileHref(doc.downloads.source), today),
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
