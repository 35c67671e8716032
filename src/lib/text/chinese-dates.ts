/**
 * Dates as Chinese documents write them: 2022年1月13日, 2022 年 1 月 13 日, 二〇二二年一月十三日
 * (also with ○ U+25CB or O for 〇, as many typists write it), 2026-02-28.
 */
const CN_DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  O: 0,
  o: 0,
  '○': 0,
  Ｏ: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 二〇二二 → 2022 (digit by digit); 十三 → 13, 三十一 → 31, 二十 → 20 (tens). */
function cnNumber(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  if (s.includes('十')) {
    const [tens, units] = s.split('十');
    const t = tens === '' ? 1 : CN_DIGITS[tens];
    const u = units === '' ? 0 : CN_DIGITS[units];
    return t === undefined || u === undefined ? undefined : t * 10 + u;
  }
  const digits = [...s].map((c) => CN_DIGITS[c]);
  return digits.some((d) => d === undefined) ? undefined : Number(digits.join(''));
}

const NUM = '[0-9〇零○OoＯ一二三四五六七八九十]';
/** A date written out in 年月日, anywhere (group 1–3: year, month, day). */
export const CHINESE_DATE = new RegExp(`(${NUM}{4})\\s*年\\s*(${NUM}{1,3})\\s*月\\s*(${NUM}{1,3})\\s*日`, 'u');

/** `YYYY-MM-DD` (or with / or .), optionally followed by a time. */
const NUMERIC_DATE = /((?:19|20)\d{2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?!\d)/;

export function isoDate(year: number | undefined, month: number | undefined, day: number | undefined): string | undefined {
  if (year === undefined || month === undefined || day === undefined) return undefined;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The first date in a piece of text (年月日 or numeric), as YYYY-MM-DD. */
export function findDate(text: string): string | undefined {
  const t = text.normalize('NFKC');
  const m = CHINESE_DATE.exec(t);
  if (m) return isoDate(cnNumber(m[1]), cnNumber(m[2]), cnNumber(m[3]));
  const n = NUMERIC_DATE.exec(t);
  return n ? isoDate(Number(n[1]), Number(n[2]), Number(n[3])) : undefined;
}

/** A whole line that is a date, as signatures write it; undefined for a sentence that contains one. */
export function parseChineseDate(line: string): string | undefined {
  const t = line.normalize('NFKC').replace(/\s+/g, '');
  const m = new RegExp(`^${CHINESE_DATE.source.replace(/\\s\*/g, '')}$`, 'u').exec(t);
  return m ? isoDate(cnNumber(m[1]), cnNumber(m[2]), cnNumber(m[3])) : undefined;
}

/** A line that is only a timestamp (`2025-03-04 09:49:09`), as portals print above an article. */
export function parseTimestampLine(line: string): string | undefined {
  const m = /^((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(line.replace(/【[^】]*】/g, '').trim());
  return m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

/** `二〇二二` etc. as a number (exported for the month/day-only datelines). */
export const chineseNumber = cnNumber;
