import type { SourceMeta } from '../schema/source-meta.ts';

/** What a citation needs of a document's metadata (the client gets exactly this, as JSON). */
export type CitableMeta = Pick<SourceMeta, 'title' | 'kind' | 'issuer' | 'documentNumber' | 'date' | 'published' | 'publication'>;

/** GB/T 7714-2015 lists at most three responsible persons, then “等”. */
const MAX_AUTHORS = 3;

/**
 * The issuer field sometimes carries a description in brackets (`普陀区（报纸版面）`); the
 * responsible party of a citation is the body itself.
 */
const bodyOf = (issuer: string) => issuer.replace(/[（(][^）)]*[)）]$/, '').trim();

function authorsOf(meta: CitableMeta): string {
  const reporters = meta.publication?.reporters ?? [];
  if (reporters.length === 0) return bodyOf(meta.issuer);
  return reporters.length > MAX_AUTHORS ? `${reporters.slice(0, MAX_AUTHORS).join(', ')}, 等` : reporters.join(', ');
}

/**
 * A reference to a document (or one of its paragraphs) in GB/T 7714-2015 form, as Chinese readers
 * cite. Documents read on this site are electronic resources: an official text is [EB/OL]
 * (主要责任者. 题名: 其他题名信息[EB/OL]. (发布日期)[引用日期]. 获取和访问路径.), with the 发文字号
 * as other title information; a news report is a newspaper article read online, [N/OL]
 * (责任者. 题名[N/OL]. 报纸名, 出版日期(版次)[引用日期]. 路径.), naming only the newspaper and page
 * the source itself gives. `cited` is the reader's date, YYYY-MM-DD.
 */
export function formatCitation(meta: CitableMeta, url: string, cited: string): string {
  const date = meta.published ?? meta.date;
  if (meta.kind === '新闻报道') {
    const paper = meta.publication?.newspaper ? `${meta.publication.newspaper}, ` : '';
    const page = meta.publication?.page ? `(${meta.publication.page})` : '';
    return `${authorsOf(meta)}. ${meta.title}[N/OL]. ${paper}${date}${page}[${cited}]. ${url}.`;
  }
  const number = meta.documentNumber ? `: ${meta.documentNumber}` : '';
  return `${authorsOf(meta)}. ${meta.title}${number}[EB/OL]. (${date})[${cited}]. ${url}.`;
}

/** The reader's local date as GB/T 7714 writes it. */
export function citedDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
