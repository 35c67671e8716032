/**
 * Enumerators that open an item are Chinese parentheses whatever follows them: the extraction
 * gives `(2) 360 集团…` and `(6) **宝能西上海中心**` beside `（1）社区治理…`, and the
 * full-width rule cannot tell from a digit or a bold marker that the bracket is Chinese.
 */
export function normalizeItemNumbers(text: string): string {
  return text.replace(/^(\*\*)?\((\d{1,2})\)\s*/, '$1（$2）');
}
