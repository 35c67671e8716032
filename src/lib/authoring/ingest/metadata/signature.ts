import { CHINESE_DATE, chineseNumber, findDate, isoDate, parseChineseDate } from '../../../text/chinese-dates.ts';
import { ORGAN } from '../../../text/gongwen-patterns.ts';
import type { DocLine } from './lines.ts';

export { ORGAN };

/**
 * An issuing organ's name: the shared endings (ORGAN), and the central bank and its branches
 * (中国人民银行, 中国人民银行上海总部, 中国人民银行深圳市分行), which issue 公告 and 通知 as a
 * government department does but whose names end in 银行 / 分行 like a commercial bank's.
 */
export const isOrgan = (name: string) => ORGAN.test(name) || /^中国人民银行(\S{0,16}(总部|分行|支行|营业管理部))?$/u.test(name);

/** One or more organs on a line (joint signatures are printed side by side): ['海南省农业农村厅', '海南省财政厅']. */
export function organsOf(line: string): string[] | undefined {
  const parts = line.split(/\s+/).filter(Boolean);
  if (parts.length === 0 || parts.some((p) => p.length < 2 || p.length > 30 || !isOrgan(p) || /[，。；：、]/.test(p))) return undefined;
  return parts;
}

export interface Signature {
  issuers?: string[];
  date: string;
  line: number;
  issuerLine?: number;
}

/**
 * The signature (GB/T 9704 7.3.5): the issuing organs over the 成文日期, or the date alone at the end
 * of the text. The first one belongs to the document itself; later ones sign its attachments
 * (a 复函 forwarding a ministry's report, a notice issuing a plan), so the first is taken.
 * A date that ends the text with nothing above is the 成文日期 too (an unsigned notice).
 */
export function findSignature(lines: DocLine[]): Signature | undefined {
  // A signature follows body text: a date under the title (a news page's, a speech's) is not one.
  const firstBody = lines.findIndex((l) => /[。；！？]/.test(l.text) || l.text.length > 45);
  if (firstBody < 0) return undefined;
  for (let i = firstBody + 1; i < lines.length; i++) {
    const date = parseChineseDate(lines[i].text);
    if (!date) continue;
    const above = lines[i - 1];
    const organs = organsOf(above.text);
    if (organs) return { issuers: organs, date, line: lines[i].n, issuerLine: above.n };
    // An unsigned 成文日期 right under the body, or a date that ends the text.
    // A note in brackets may stand between the body and the date: （联系人：…。）, （此件公开发布）.
    const note = /^[（(].*[)）]$/.test(above.text);
    if (/[。！？]$/.test(above.text) || note || /^(附件[：:]|\d{1,2}[.．、])/.test(above.text) || i >= lines.length - 2)
      return { date, line: lines[i].n };
  }
  // `单位名称  2024年7月1日` on one line.
  for (let i = firstBody + 1; i < lines.length; i++) {
    const m = CHINESE_DATE.exec(lines[i].text);
    if (!m || m.index === 0) continue;
    const before = lines[i].text.slice(0, m.index).trim();
    const after = lines[i].text.slice(m.index + m[0].length).trim();
    const organs = organsOf(before);
    const date = findDate(m[0]);
    if (organs && after === '' && date) return { issuers: organs, date, line: lines[i].n, issuerLine: lines[i].n };
  }
  return undefined;
}

/**
 * 版记 (GB/T 9704 7.4.2): `深圳市坪山区人民政府办公室  2018年3月23日印发` — the office that
 * issued the print, used as issuer only when nothing else names one.
 */
export function findPrintingOffice(lines: DocLine[]): { organ: string; line: number } | undefined {
  for (const l of [...lines].reverse()) {
    const m = /^(.{2,40}?)\s*\S{4}\s*年\s*\S{1,3}\s*月\s*\S{1,3}\s*日\s*印发$/u.exec(l.text);
    const organ = m?.[1].replace(/\s+/g, '');
    if (organ && isOrgan(organ)) return { organ, line: l.n };
  }
  return undefined;
}

/**
 * `在….会议上`, optionally followed by who reported (`…会议上天津市市长张工同志作政府工作报告`):
 * the meeting, and the speaker clause when printed on the same line.
 */
const OCCASION_TAIL = /^在(.{4,60}?(?:会议|大会|会))上(?:(.{2,40}?)(?:同志)?(?:所作|作).{0,12}报告。?)?$/u;

/**
 * The date of a speech or report under its title: `——2018年3月5日在第十三届全国人民代表大会第一次
 * 会议上`, `2025年1月20日在四川省第十四届人民代表大会第四次会议上`; the line may go on to name the
 * speaker (`…会议上山西省省长金湘军作政府工作报告`).
 */
export function findOccasionDate(lines: DocLine[]): { date: string; line: number; meeting: string; speaker?: string } | undefined {
  for (const l of lines.slice(0, 12)) {
    const t = l.text.replace(/^[—–-]+/, '').trim();
    const m = CHINESE_DATE.exec(t);
    const tail = m && m.index === 0 ? OCCASION_TAIL.exec(t.slice(m[0].length).trim()) : null;
    if (m && tail) {
      const date = findDate(m[0]);
      if (date) return { date, line: l.n, meeting: tail[1], speaker: tail[2] };
    }
  }
  return undefined;
}

/** A head of a people's government (who presents its 政府工作报告, 宪法 arts. 92, 110) on a speaker line, with the words before. */
const HEAD_SPEAKER_LINE = /^(.{0,30}?)(?:总理|代省长|省长|代市长|市长|代区长|区长|代县长|县长|州长|盟长|旗长|主席)\s*\S{2,4}$/u;
/** The same at the start of a speaker clause: `天津市市长张工`. */
const HEAD_SPEAKER = /^(.{0,30}?)(?:总理|代省长|省长|代市长|市长|代区长|区长|代县长|县长|州长|盟长|旗长|主席)/u;

/**
 * Whose report a 政府工作报告 is: the people's government its speaker heads (`广东省省长 王伟中` →
 * 广东省人民政府, `四川省人民政府省长 施小琳` → 四川省人民政府), or, when the speaker line names no
 * place (`省长 王予波`), the government of the people's congress it is delivered to (`在云南省第十四届
 * 人民代表大会…` → 云南省人民政府; the national congress → 国务院). Nothing when no head of government
 * speaks: a report by anyone else is not attributed.
 */
export function governmentOfReport(
  lines: DocLine[],
  occasion: { meeting: string; speaker?: string; line: number } | undefined,
): { organ: string; line: number } | undefined {
  const speakerLine = lines
    .slice(0, 10)
    .map((l) => ({ l, m: HEAD_SPEAKER_LINE.exec(l.text) }))
    .find((s) => s.m);
  const fromOccasion = occasion?.speaker ? HEAD_SPEAKER.exec(occasion.speaker) : null;
  const [prefix, line] = speakerLine?.m
    ? [speakerLine.m[1].trim(), speakerLine.l.n]
    : fromOccasion
      ? [fromOccasion[1].trim(), occasion?.line]
      : [];
  if (line === undefined || prefix === undefined) return undefined;
  const government = (place: string) => (place === '国务院' || place === '全国' ? '国务院' : `${place}人民政府`);
  if (/人民政府$|^国务院$/.test(prefix)) return { organ: prefix, line };
  if (/^\S{2,12}?(省|市|自治区|自治州|州|区|县|旗|盟)$/u.test(prefix)) return { organ: government(prefix), line };
  if (prefix !== '' || !occasion) return undefined;
  if (/全国人民代表大会/.test(occasion.meeting)) return { organ: '国务院', line: occasion.line };
  const congress = /^(\S{2,12}?(?:省|市|自治区|自治州|州|区|县|旗|盟))第.{1,4}届人民代表大会/u.exec(occasion.meeting);
  return congress ? { organ: government(congress[1]), line: occasion.line } : undefined;
}

/**
 * A news lede's dateline without a year (`…2月3日由新华社受权发布`, `新华社北京2月3日电`), dated
 * with the year the title names.
 */
export function findDateline(lines: DocLine[], title: string | undefined): { date: string; line: number } | undefined {
  const year = title ? /((?:19|20)\d{2})\s*年/.exec(title)?.[1] : undefined;
  if (!year) return undefined;
  for (const l of lines.slice(0, 6)) {
    const m =
      /(?<![年\d])(\d{1,2}|[一二三四五六七八九十]{1,3})月(\d{1,2}|[一二三四五六七八九十]{1,3})日(?:[^。，]{0,12}(受权)?发布|电)/u.exec(
        l.text,
      );
    if (m) {
      const date = isoDate(Number(year), chineseNumber(m[1]), chineseNumber(m[2]));
      if (date) return { date, line: l.n };
    }
  }
  return undefined;
}

/** `国务院总理 李克强` → 国务院; `四川省人民政府省长 施小琳` → 四川省人民政府. */
export function organOfSpeaker(line: string): string | undefined {
  const m = /^(.{2,30}?)(总理|副总理|省长|代省长|市长|代市长|区长|县长|镇长|主席)\s*\S{2,4}$/u.exec(line);
  const organ = m?.[1];
  return organ && (isOrgan(organ) || organ === '国务院') ? organ : undefined;
}

/** A news item's closing credit: `（德清县发改局）`, `(宝安区市场监管局供稿)`. */
export function creditOrgan(line: string): string | undefined {
  const m = /[（(]([^（()）]{2,30}?)(供稿|供图)?[)）]$/u.exec(line);
  const organ = m?.[1].trim();
  return organ && ORGAN.test(organ) && !/记者|通讯员|编辑/.test(organ) ? organ : undefined;
}

/** Organs named before 关于 in a title: `海南省农业农村厅 海南省财政厅关于…` → both. */
export function organsInTitle(title: string): string[] | undefined {
  const m = /^(.{2,60}?)关于/u.exec(title);
  if (!m) return undefined;
  const organs = m[1]
    .trim()
    .split(/\s+|、/)
    .filter(Boolean);
  return organs.every((o) => isOrgan(o) && o.length >= 3) ? organs : undefined;
}

/** A date line printed right under the title (a news page's or a statement's dateline). */
export function findDateUnderTitle(lines: DocLine[], titleLines: number[]): { date: string; line: number } | undefined {
  const last = titleLines.at(-1);
  if (last === undefined) return undefined;
  const at = lines.findIndex((l) => l.n === last);
  for (const l of lines.slice(at + 1, at + 3)) {
    const date = parseChineseDate(l.text);
    if (date) return { date, line: l.n };
  }
  return undefined;
}

/**
 * The adoption line a 决议, 决定 or law prints under its title: `（2007年6月29日第十届全国人民代表大会
 * 常务委员会第二十八次会议通过）`. Only a line with one date: a revision history (`…发布 根据…修订`)
 * names several, and which one dates the text is for a person to say.
 */
export function findAdoptionDate(lines: DocLine[], titleLines: number[]): { date: string; line: number } | undefined {
  const last = titleLines.at(-1);
  if (last === undefined) return undefined;
  const at = lines.findIndex((l) => l.n === last);
  for (const l of lines.slice(at + 1, at + 3)) {
    const m = /^[（(]([^（()）]{6,90}?)(通过|批准|公布|发布)[)）]$/u.exec(l.text);
    if (!m) continue;
    const dates = m[1].match(new RegExp(CHINESE_DATE.source, 'gu')) ?? [];
    const [only] = dates;
    const date = dates.length === 1 && only !== undefined && m[1].startsWith(only) ? findDate(only) : undefined;
    if (date) return { date, line: l.n };
  }
  return undefined;
}
