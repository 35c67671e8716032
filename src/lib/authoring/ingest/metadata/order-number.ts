import { compact, type DocLine } from './lines.ts';

/**
 * A 令 is numbered by its own sequence, not by 机关代字〔年份〕序号 (GB/T 9704 10.1: 命令（令）格式):
 * the 发文机关标志 `中华人民共和国国务院令` over the 令号 `第707号`. Portals abbreviate it in their
 * metadata as `国令第707号`.
 */
const ORDER_NUMBER = /^([\u4e00-\u9fff]{1,30}令)\s*第\s*(\d{1,5})\s*号$/u;

/** `国令第707号`, `广东省人民政府令 第 300 号` → the number as written, spaces removed. */
export function parseOrderNumber(value: string): string | undefined {
  const m = ORDER_NUMBER.exec(compact(value));
  return m ? `${m[1]}第${m[2]}号` : undefined;
}

/**
 * A 令's number in its text: the 令 masthead line (`中华人民共和国国务院令`) and the `第707号` line
 * under it, read together; or both on one line.
 */
export function findOrderNumber(lines: DocLine[]): { value: string; line: DocLine } | undefined {
  const head = lines.slice(0, 12);
  for (let i = 0; i < head.length; i++) {
    const line = compact(head[i].text);
    const oneLine = parseOrderNumber(line);
    if (oneLine) return { value: oneLine, line: head[i] };
    const next = compact(head[i + 1]?.text ?? '');
    if (/^[\u4e00-\u9fff]{2,30}令$/u.test(line) && /^第\d{1,5}号$/.test(next)) {
      const value = parseOrderNumber(line + next);
      if (value) return { value, line: head[i + 1] };
    }
  }
  return undefined;
}
