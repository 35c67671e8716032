import { compact, type DocLine } from './lines.ts';

/**
 * Documents numbered in their own series instead of 机关代字〔年份〕序号 (GB/T 9704 7.2.3):
 * - a 令 (GB/T 9704 10.1, 命令（令）格式): the masthead `中华人民共和国国务院令` over `第707号`;
 *   portals abbreviate it `国令第707号`;
 * - a numbered 公告: `中国人民银行公告〔2026〕第10号`, `国家税务总局公告2018年第31号`, which is
 *   the announcement's number and, printed alone at its head, its title too.
 */
const ORDER_NUMBER = /^([\u4e00-\u9fff]{1,30}令)第(\d{1,5})号$/u;
const ANNOUNCEMENT_NUMBER = /^([\u4e00-\u9fff]{1,30}公告)(?:[〔[［(（【](\d{4})[〕\]］)）】]|(\d{4})年)第(\d{1,4})号$/u;

export type SerialKind = '令' | '公告';

/** `国令第707号`, `广东省人民政府令 第 300 号` → `国令第707号`, `广东省人民政府令第300号`. */
export function parseOrderNumber(value: string): string | undefined {
  const m = ORDER_NUMBER.exec(compact(value));
  return m ? `${m[1]}第${m[2]}号` : undefined;
}

/** `中国人民银行公告［2026］第10号` → `中国人民银行公告〔2026〕第10号`; `…公告2018年第31号` kept as written. */
export function parseAnnouncementNumber(value: string): string | undefined {
  const m = ANNOUNCEMENT_NUMBER.exec(compact(value));
  if (!m) return undefined;
  return m[2] ? `${m[1]}〔${m[2]}〕第${m[4]}号` : `${m[1]}${m[3]}年第${m[4]}号`;
}

/** A 令号 or 公告 number, and which series it is. */
export function parseSerialNumber(value: string): { value: string; kind: SerialKind } | undefined {
  const order = parseOrderNumber(value);
  if (order) return { value: order, kind: '令' };
  const announcement = parseAnnouncementNumber(value);
  return announcement ? { value: announcement, kind: '公告' } : undefined;
}

/**
 * A 令号 or 公告 number at the head of the text: a line that is only that number, or the 令
 * masthead line (`中华人民共和国国务院令`) with the `第707号` line under it, read together.
 */
export function findSerialNumber(lines: DocLine[]): { value: string; kind: SerialKind; line: DocLine } | undefined {
  const head = lines.slice(0, 12);
  for (let i = 0; i < head.length; i++) {
    const line = compact(head[i].text);
    const oneLine = parseSerialNumber(line);
    if (oneLine) return { ...oneLine, line: head[i] };
    const next = compact(head[i + 1]?.text ?? '');
    if (/^[\u4e00-\u9fff]{2,30}令$/u.test(line) && /^第\d{1,5}号$/.test(next)) {
      const value = parseOrderNumber(line + next);
      if (value) return { value, kind: '令', line: head[i + 1] };
    }
  }
  return undefined;
}
