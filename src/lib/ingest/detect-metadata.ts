import type { SourceMeta } from '../schema/source-meta.ts';
import { removeStraySpaces } from '../text/remove-stray-spaces.ts';
import type { MetadataHints } from './hints.ts';

/**
 * What can be read off a document's text (and, for a saved web page, its page furniture) without a
 * person: title, 发文字号, 成文日期, issuer, kind and region. Every value is a guess for a person to
 * confirm; `undefined` means nothing was found and the person must write it.
 */
export interface DetectedMetadata {
  title?: string;
  documentNumber?: string;
  date?: string;
  issuer?: string;
  kind?: SourceMeta['kind'];
  region?: string;
}


/**
 * 发文字号 (GB/T 9704): 机关代字 + year in 〔〕 + serial + 号. Extractions and web pages also use
 * [] ［］ () （） for the brackets; the standard's 〔〕 is written back.
 */
const DOCUMENT_NUMBER = /([\u4e00-\u9fff]{1,12})\s*[〔[［(（]\s*((?:19|20)\d{2})\s*[〕\]］)）]\s*(\d{1,4})\s*号/u;

const CN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, O: 0, '○': 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 二〇二二 → 2022 (digit by digit); 十三 → 13, 三十一 → 31 (tens). */
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

const NUM = '[0-9０-９〇零○O一二三四五六七八九十]';
/** A whole line that is a date, as signatures write it: 2022年1月13日, 2022 年 1 月 13 日, 二〇二二年一月十三日. */
const DATE_LINE = new RegExp(`^(${NUM}{4})\\s*年\\s*(${NUM}{1,3})\\s*月\\s*(${NUM}{1,3})\\s*日$`, 'u');

/** `2022年1月13日` (any of the forms above) → `2022-01-13`; undefined when it is no calendar date. */
export function parseChineseDate(line: string): string | undefined {
  const m = DATE_LINE.exec(line.normalize('NFKC').trim());
  if (!m) return undefined;
  const [year, month, day] = [m[1], m[2], m[3]].map(cnNumber);
  if (year === undefined || month === undefined || day === undefined) return undefined;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Names of issuing organs end like this (人民政府, 街道办事处, 党工委, 发展和改革委员会, 财政局 …). */
export const ORGAN = /(人民政府|办事处|委员会|办公室|办公厅|党委|党工委|工委|政府|局|委|厅|署|中心|街道|人民代表大会)$/u;

/** Lines that are markup or furniture rather than words: leftover markdown, page numbers. */
const stripMarkup = (line: string) => line.replace(/^#{1,6}\s+/, '').replace(/\*\*/g, '').trim();

const isDocumentNumberLine = (line: string) => {
  const m = DOCUMENT_NUMBER.exec(line);
  return m !== null && line.replace(m[0], '').trim() === '';
};

/** Short, unpunctuated lines: titles, signatures, headings (not body sentences). */
const isHeadingLike = (line: string) => line.length >= 4 && line.length <= 80 && !/[。；;：:，,]$/.test(line) && !/[。；]/.test(line.slice(0, -1));

function normaliseDocumentNumber(m: RegExpExecArray): string {
  return `${m[1]}〔${m[2]}〕${m[3]}号`;
}

/** The kind, from how the title ends (…的通知, …规划, …年…计划) or from a newspaper byline. */
export function detectKind(title: string | undefined, text: string): SourceMeta['kind'] | undefined {
  if (title) {
    const bare = title.replace(/[《》“”"\s]/g, '');
    if (/通知$/.test(bare)) return '通知';
    if (/规划(纲要)?$/.test(bare)) return '规划';
    if (/\d{4}年.*计划$/.test(bare) || /年度.*计划$/.test(bare)) return '年度计划';
  }
  // News items carry a dateline or a byline; official documents do not.
  if (/本报讯|■\s*记者|[(（]记者|记者\s*\S+\s*报道|通讯员|供图|摄）|（摄）/.test(text)) return '新闻报道';
  return undefined;
}

const DISTRICT = /(?<=^|市|[^\u4e00-\u9fff])([\u4e00-\u9fff]{2,4}?区)/u;
const TOWN = /(?<=^|区|[^\u4e00-\u9fff])([\u4e00-\u9fff]{2,3}(?:镇|街道))/u;

/** Shanghai's districts (the site's documents are Shanghai's): a fallback when the title names none. */
const SHANGHAI_DISTRICTS = ['黄浦区', '徐汇区', '长宁区', '静安区', '普陀区', '虹口区', '杨浦区', '闵行区', '宝山区', '嘉定区', '浦东新区', '金山区', '松江区', '青浦区', '奉贤区', '崇明区'];

const mostMentioned = (names: string[], text: string) =>
  names
    .map((name) => ({ name, count: text.split(name).length - 1 }))
    .filter((n) => n.count > 0)
    .sort((a, b) => b.count - a.count)[0]?.name;

/**
 * Region: the 区 and 镇/街道 the title or issuer names; when the title names a town but no
 * district, or nothing at all, the Shanghai district the text mentions most.
 */
export function detectRegion(fields: Pick<DetectedMetadata, 'title' | 'issuer'>, text: string): string | undefined {
  const where = `${fields.issuer ?? ''} ${fields.title ?? ''}`;
  // A district or town name starts after 市 / 区 or at a boundary, not inside a sentence.
  const town = TOWN.exec(where)?.[1];
  const district = DISTRICT.exec(where)?.[1] ?? mostMentioned(SHANGHAI_DISTRICTS, text);
  if (!district && !town) return undefined;
  const city = district && (SHANGHAI_DISTRICTS.includes(district) || /上海/.test(where)) ? '上海市' : '';
  return `${city}${district ?? ''}${town ?? ''}`;
}

/**
 * Reads the metadata a person would otherwise copy by hand from the document:
 * - title: the first heading-like line that is not a 发文字号 (a markdown `# ` title wins);
 * - 发文字号: a line that is only a number like 普长府〔2022〕1号, else one in the first lines;
 * - 成文日期 and issuer: the signature, an organ's name on the line before a date line, at the end
 *   of the document (or of its covering notice); else an organ line under the title, or the organ
 *   the title names before 关于;
 * - kind: from the title; region: from title and issuer.
 */
export function detectMetadata(text: string, hints: MetadataHints = {}): DetectedMetadata {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const plain = lines.map(stripMarkup);

  // 发文字号: a line of its own first (it stands above the title), else within the first lines.
  const numberLine = plain.find(isDocumentNumberLine);
  const numberMatch = DOCUMENT_NUMBER.exec(numberLine ?? plain.slice(0, 8).join('\n'));
  const hintNumber = hints.documentNumber ? DOCUMENT_NUMBER.exec(hints.documentNumber.value) : null;
  const documentNumber = numberMatch ? normaliseDocumentNumber(numberMatch) : hintNumber ? normaliseDocumentNumber(hintNumber) : undefined;

  // Title: a markdown h1 if the extraction kept one, else the first heading-like line.
  const h1 = lines.find((l) => /^#\s+\S/.test(l));
  const firstHeading = plain.slice(0, 12).find((l) => isHeadingLike(l) && !isDocumentNumberLine(l) && parseChineseDate(l) === undefined);
  const rawTitle = hints.title?.value ?? (h1 ? stripMarkup(h1) : firstHeading);
  const title = rawTitle ? removeStraySpaces(rawTitle, 'body') : undefined;

  // Signature: an organ's name directly above a date line. The last one in the document is the
  // signature of the document itself (a covering notice repeats it above its own text).
  let date: string | undefined;
  let issuer: string | undefined;
  for (let i = plain.length - 1; i >= 0; i--) {
    const d = parseChineseDate(plain[i]);
    if (!d) continue;
    const above = plain[i - 1];
    if (above && above.length <= 40 && ORGAN.test(above.replace(/\s/g, ''))) {
      date = d;
      issuer = above.replace(/\s/g, '');
      break;
    }
    // A date line at the very end without an organ above it is still the 成文日期.
    if (i >= plain.length - 2 && date === undefined) date = d;
  }
  date ??= hints.date?.value;

  if (!issuer) {
    // An organ line right under the title (普陀区长征镇人民政府), or the organ that opens the title.
    const titleAt = firstHeading ? plain.indexOf(firstHeading) : -1;
    const under = titleAt >= 0 ? plain.slice(titleAt + 1, titleAt + 3).find((l) => l.length <= 30 && ORGAN.test(l.replace(/\s/g, ''))) : undefined;
    const named = title ? /^(.{2,30}?)关于/u.exec(title)?.[1] : undefined;
    issuer = under?.replace(/\s/g, '') ?? (named && ORGAN.test(named) ? named : undefined) ?? hints.issuer?.value;
  }

  const kind = detectKind(title, text);
  const region = detectRegion({ title, issuer }, text);
  return { title, documentNumber, date, issuer, kind, region };
}

