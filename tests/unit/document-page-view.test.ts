import { describe, expect, it } from 'vitest';
import type { GeneratedDocument } from '../../src/lib/compiler/emit/write-generated.ts';
import { createUrls } from '../../src/lib/urls.ts';
import { documentPageView } from '../../src/lib/views/document-page.ts';

/** The document page's view model on a document as add-document leaves it, before and after an editor's check. */
const doc = (over: Partial<GeneratedDocument> = {}, meta: Partial<GeneratedDocument['meta']> = {}): GeneratedDocument => ({
  slug: 'guobanfa-2018-123',
  meta: {
    title: '国务院办公厅关于推进政务新媒体健康有序发展的意见',
    kind: '通知',
    issuer: '国务院办公厅',
    documentNumber: '国办发〔2018〕123号',
    date: '2018-12-07',
    region: '全国',
    originalFile: 'e3b0c44298fc1c149afbf4c8996fb924.html',
    extraction: 'web',
    summary: '国务院办公厅就推进政务新媒体健康有序发展提出意见。',
    sha256: '0'.repeat(64),
    ...meta,
  },
  header: { title: '国务院办公厅关于推进' },
  html: '<p>正文</p>',
  toc: [],
  entities: [],
  neighbours: { related: [] },
  downloads: {
    source: 'source.txt',
    text: 'text.txt',
    original: 'original.zip',
    originalFormat: { label: '网页，ZIP 压缩', mime: 'application/zip' },
  },
  report: { headings: 0, paragraphs: 1, corrections: 0, joins: 0 },
  collation: [],
  unconfirmed: [],
  ...over,
});
const urls = createUrls('/');
const view = (d: GeneratedDocument) => documentPageView(d, urls, '2026-01-01');
const row = (v: ReturnType<typeof view>, label: string) => v.rows.find((r) => r.label === label);

describe('document page view', () => {
  it('titles the page with meta.title and keeps a differing title block of the source as source text', () => {
    const v = view(doc());
    expect(v.title).toBe('国务院办公厅关于推进政务新媒体健康有序发展的意见');
    expect(v.breadcrumbs.at(-1)).toEqual({ label: '国务院办公厅关于推进政务新媒体健康有序发展的意见' });
    expect(v.sourceTitle).toBe('国务院办公厅关于推进');
    expect(v.titleIsSourceText).toBe(false);
  });

  it('uses the H1 as the source’s title block when they read the same, whitespace aside', () => {
    const v = view(doc({ header: { title: '国务院办公厅关于推进政务新媒体 健康有序发展的意见' } }));
    expect(v.sourceTitle).toBeUndefined();
    expect(v.titleIsSourceText).toBe(true);
    expect(view(doc({ header: {} })).titleIsSourceText).toBe(false);
  });

  it('names the original’s format for a reader, and the text’s origin from extractionLabels', () => {
    const v = view(doc());
    expect(row(v, '原始文件')).toEqual({
      label: '原始文件',
      value: '原始文件（网页，ZIP 压缩）',
      href: '/documents/guobanfa-2018-123/original.zip',
    });
    expect(row(v, '文字来源')?.value).toBe('自网页提取的文字');
    expect(v.downloads[0]).toMatchObject({
      label: '下载原始文件（网页，ZIP 压缩）',
      type: 'application/zip',
      fileName: 'guobanfa-2018-123.zip',
    });
    const plain = view(doc({ downloads: { source: 'source.txt', text: 'text.txt' } }, { extraction: 'pdf' }));
    expect(row(plain, '原始文件')).toMatchObject({ value: '原文文本（TXT）', href: '/documents/guobanfa-2018-123/source.txt' });
    expect(row(plain, '文字来源')?.value).toBe('自 PDF 提取的文字');
  });

  it('warns of OCR errors for a text read from a scan', () => {
    const ocr = view(doc({}, { extraction: 'ocr' as GeneratedDocument['meta']['extraction'] }));
    expect(ocr.ocr).toBe(true);
    expect(row(ocr, '文字来源')?.value).toBe('自扫描件经文字识别（OCR）所得，可能有识别错误');
    expect(view(doc()).ocr).toBe(false);
  });

  it('marks 未核对 exactly the rows whose field is still 待确认', () => {
    const v = view(doc({ unconfirmed: ['date', 'region', 'extraction'] }));
    expect(v.rows.filter((r) => r.unconfirmed).map((r) => r.label)).toEqual(['成文日期', '地区', '文字来源']);
    expect(v.hasUnconfirmed).toBe(true);
    expect(v.unconfirmedTitle).toBe(false);
    const checked = view(doc());
    expect(checked.rows.some((r) => r.unconfirmed)).toBe(false);
    expect(checked.hasUnconfirmed).toBe(false);
    expect(view(doc({ unconfirmed: ['title'] })).unconfirmedTitle).toBe(true);
  });
});
