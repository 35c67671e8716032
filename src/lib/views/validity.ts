import type { SourceMeta } from '../schema/source-meta.ts';

/** 时效, as Chinese policy libraries label it. */
export type Validity = '现行' | '已到期' | '待生效';

const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** `2021` → 2021-01-01, `2022-03` → 2022-03-01. */
function startOf(date: string): string {
  const [y, m = '01', d = '01'] = date.split('-');
  return `${y}-${m}-${d}`;
}

/** `2025` → 2025-12-31, `2024-02` → 2024-02-29. */
function endOf(date: string): string {
  const [y, m, d] = date.split('-');
  if (d) return date;
  if (m) return `${y}-${m}-${String(lastDay(Number(y), Number(m))).padStart(2, '0')}`;
  return `${y}-12-31`;
}

/**
 * Whether a document's period has begun and not yet ended on `today` (YYYY-MM-DD), both ends
 * included. A document without a period (a news report) has no 时效.
 */
export function validityOf(period: SourceMeta['period'], today: string): Validity | undefined {
  if (!period) return undefined;
  if (today < startOf(period.from)) return '待生效';
  if (today > endOf(period.to)) return '已到期';
  return '现行';
}
