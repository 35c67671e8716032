/** Page furniture, not text: a page number alone on its line (- 1 -, — 2 —, 第 3 页 共 9 页, 1/5). */
export const PAGE_NUMBER = /^(?:[-—–－\s]*\d+[-—–－\s]*|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+)$/;

/**
 * Lines every page repeats (a scanner's watermark `扫描全能王 创建`, a running header), with
 * digits ignored so `— 1 —` and `— 2 —` count as one.
 */
export function repeatedLines(pages: string[][]): Set<string> {
  const shape = (s: string) => s.replace(/\d+/g, '#').replace(/\s/g, '');
  const counts = new Map<string, number>();
  for (const page of pages) for (const s of new Set(page.map(shape))) counts.set(s, (counts.get(s) ?? 0) + 1);
  const min = Math.max(2, Math.ceil(pages.length * 0.6));
  return new Set([...counts].filter(([, n]) => pages.length >= 2 && n >= min).map(([s]) => s));
}
