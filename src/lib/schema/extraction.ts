/**
 * Where a source's text came from, as recorded in `<slug>.meta.yaml` (`extraction`) and shown to
 * readers beside 下载原文. `newspaper` and `web` are the values the first sources were written
 * with (text taken from a newspaper page / a web page before add-document kept originals).
 */
export const extractionKinds = ['txt', 'pdf', 'ocr', 'docx', 'doc', 'html', 'ofd', 'newspaper', 'web'] as const;
export type ExtractionKind = (typeof extractionKinds)[number];

/** Reader-facing description of each kind (UI text is Simplified Chinese). */
export const extractionLabels: Record<ExtractionKind, string> = {
  txt: '原文为纯文本文件',
  pdf: '自 PDF 提取的文字',
  ocr: '自扫描件经文字识别（OCR）所得，可能有识别错误',
  docx: '自 Word 文档（.docx）提取的文字',
  doc: '自 Word 97–2003 文档（.doc）提取的文字',
  html: '自网页提取的文字',
  ofd: '自 OFD 版式文件提取的文字',
  newspaper: '自报纸版面提取的文字',
  web: '自网页提取的文字',
};
