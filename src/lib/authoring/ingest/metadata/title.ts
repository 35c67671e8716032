import { CHINESE_DATE, parseChineseDate, parseTimestampLine } from '../../../text/chinese-dates.ts';
import { documentNumberLine } from '../../../text/document-number.ts';
import { isFurniture, isMasthead, labelledValues } from './furniture.ts';
import { NUMBERING, SPEAKER_LINE } from '../../../text/gongwen-patterns.ts';
import { compact, type DocLine } from './lines.ts';

/** Longest line a title is printed on; a longer one is body text. */
const MAX_TITLE_LINE = 60;

/**
 * Longest one-line title: a joint notice of four organs (`中国银保监会浙江监管局 浙江省财政厅 浙江省
 * 地方金融监管局 国家税务总局浙江省税务局关于…的通知`) is typed as one paragraph far longer than a
 * printed title line. Such a line must read as a whole title: organs, 关于, and a kind at its end.
 */
const MAX_TITLE_PARAGRAPH = 140;

/** Title lines carry no sentence punctuation and do not end like a salutation or a lead-in. */
const isTitleLike = (line: string, longTitle = false) =>
  line.length >= 2 &&
  (line.length <= MAX_TITLE_LINE || (longTitle && line.length <= MAX_TITLE_PARAGRAPH)) &&
  /\p{Script=Han}/u.test(line) &&
  !/[。；;！？!?]/.test(line) &&
  !/[：:]$/.test(line) &&
  !/^[—–-]{1,2}/.test(line) &&
  !NUMBERING.test(line) &&
  labelledValues(line) === undefined &&
  parseChineseDate(line) === undefined &&
  parseTimestampLine(line) === undefined &&
  documentNumberLine(line) === undefined &&
  !/^[（(]\s*\d{4}\s*年?\s*[)）]$/.test(line);

/**
 * The marks of GB/T 9704's 版头 above a title (7.2.1–7.2.3: 份号, 密级和保密期限, 紧急程度 — a
 * 6-digit copy number, `秘密★1年`, `特急`; offices also print `密级` / `普通` / `公开`), and the
 * attachment label over an attachment's own title (`附件`, `附件2`).
 */
const HEAD_MARK =
  /^(\d{6}|(密级|紧急程度|保密期限)[：:]?\s*\S{0,8}|(绝密|机密|秘密)(\s*★\s*\S{0,6})?|普通|公开|内部|不公开|特急|加急|平急|特提|急件|附件\s*\d{0,2}[：:]?)$/u;

/** Lines above the title a reader does not count as title: box lines, mastheads, 文号, dates. */
function isAboveTitle(line: string): boolean {
  return (
    isFurniture(line) ||
    HEAD_MARK.test(compact(line)) ||
    labelledValues(line) !== undefined ||
    isMasthead(line) ||
    documentNumberLine(line) !== undefined ||
    parseChineseDate(line) !== undefined ||
    parseTimestampLine(line) !== undefined
  );
}

export interface FoundTitle {
  text: string;
  lines: number[];
}

/**
 * The document's own title: the first run of title-like lines near the top (a 公文 title is often
 * printed over two or three lines, GB/T 9704 7.2.4), joined. Joining stops at a line that is not
 * title-like, at a speaker line, at a repetition of the title (legal databases print it twice),
 * or once the title ends with its kind (…的通知, …办法, …行动计划（2025—2027年）) and the next
 * line does not continue a bracket.
 */
export function findTitle(lines: DocLine[], kindWords: readonly string[]): FoundTitle | undefined {
  const endsWithKind = (t: string) => {
    const bare = t.replace(/[（(][^（()）]*[)）]$/, '').replace(/[》”"」]+$/, '');
    return kindWords.some((k) => bare.endsWith(k));
  };
  const head = lines.slice(0, 40);
  // A box line may wrap (名称： 关于印发《…》的 / 通知): its short continuation is box too.
  let afterBox = false;
  for (let i = 0; i < head.length; i++) {
    const line = head[i].text;
    if (isAboveTitle(line)) {
      afterBox = labelledValues(line) !== undefined;
      continue;
    }
    if (afterBox && line.length <= 12 && !isTitleLike(head[i + 1]?.text ?? '')) {
      afterBox = false;
      continue;
    }
    afterBox = false;
    const wholeTitle = /关于/.test(line) && endsWithKind(line);
    if (!isTitleLike(line, wholeTitle) || SPEAKER_LINE.test(line)) {
      // Body text before any title: the document has none of its own (an excerpt, a digest).
      if (line.length > MAX_TITLE_LINE || /[。；]/.test(line)) return undefined;
      continue;
    }
    const taken = [head[i]];
    let text = withoutButtonLabel(line);
    for (let j = i + 1; j < head.length; j++) {
      const next = head[j].text;
      if (!isTitleLike(next) || SPEAKER_LINE.test(next) || isAboveTitle(next)) break;
      if (compact(next) === compact(text) || compact(text).startsWith(compact(next))) break;
      const opensBracket = /^[（(]/.test(next);
      // `…信息报告` / `工作的通知`: a short line that itself ends the title (…的 + kind) shows that
      // the kind word the text ended on was part of the subject.
      const continuesPastKind = next.length <= 12 && /的/.test(next) && endsWithKind(next);
      // `（2007年6月29日…会议通过）`, `（2018年12月18日发布）`: a note under the title, not part of it.
      if (opensBracket && CHINESE_DATE.test(next)) break;
      // `（原标题：…）`, `（来源：…）`: a labelled note, not a bracket the title continues with.
      if (opensBracket && /^[（(][^（()）]{1,6}[：:]/.test(next)) break;
      if (endsWithKind(text) && !opensBracket && !continuesPastKind) break;
      if (compact(text + next).length > 120) break;
      // Lines of one title join directly; normaliseTitleSpaces keeps a joint issuers' space.
      text += withoutButtonLabel(next);
      taken.push(head[j]);
    }
    return { text: normaliseTitleSpaces(text), lines: taken.map((l) => l.n) };
  }
  return undefined;
}

/**
 * Spaces inside a title are layout (`第一章 总 则`, letter-spaced headings), except the one that
 * separates joint issuers (`海南省农业农村厅 海南省财政厅关于…`), which GB/T 9704 keeps.
 */
export function normaliseTitleSpaces(title: string): string {
  return title
    .replace(/\s+/g, ' ')
    .replace(/(\S)\s(?=\S)/gu, (m, before: string, offset: number, whole: string) => {
      const left = whole.slice(0, offset + 1);
      const keep =
        /(厅|局|委|委员会|政府|办公厅|办公室|部|署|院|会|分局|监管局|中心)$/.test(left) &&
        /^\S*?(关于|\S{2,}?(厅|局|委|政府|部|院|会)(关于|\s))/.test(whole.slice(offset + 2));
      const latin = /[A-Za-z0-9]$/.test(before) && /^[A-Za-z0-9]/.test(whole.slice(offset + 2));
      return keep || latin || phraseSpace(whole, offset + 1) ? m : before;
    })
    .trim();
}

/**
 * A space between two phrases (two characters or more on each side) inside quotes or 书名号
 * (`“金融知识普及月 金融知识进万家”`) or in the subject after 关于 (`关于深化“五虚”整治 加强…`)
 * separates them as the title is written; letter-spacing puts single characters between spaces,
 * and wrapped title lines are joined without one.
 */
function phraseSpace(title: string, at: number): boolean {
  const before = title.slice(0, at);
  const after = title.slice(at + 1);
  if (!/\p{Script=Han}{2}$/u.test(before) || !/^\p{Script=Han}{2}/u.test(after)) return false;
  const open = (o: string, c: string) => before.split(o).length - before.split(c).length > 0;
  // Readers turn “” into ASCII "" (word-extractor does): an odd count is an open quote.
  const quoted = open('“', '”') || open('《', '》') || (before.match(/"/g) ?? []).length % 2 === 1;
  // In the subject after 关于, a space separates parallel phrases (`关于以人民为中心 践行枫桥经验 高质量
  // 推进…`, `关于推广“两跑三降”模式 推动…`); wrapped lines are joined without one.
  const inSubject = /关于\S/u.test(before);
  return quoted || inSubject;
}

/** Portal pages print buttons beside the title (`…行动计划（2025—2027年） 政策咨询`); a print keeps their labels. */
const withoutButtonLabel = (line: string) => line.replace(/\s+(政策咨询|政策解读|我要咨询|我要纠错|打印|关闭|分享|收藏)$/u, '');

/**
 * Repairs an opening quote where a closing one belongs: `补贴“优机优补““有进有出”的意见` and the
 * OCR'd `补贴“优机优补“有进有出”的意见` → `补贴“优机优补”“有进有出”的意见`. An opening quote
 * after a quoted phrase that was never closed can only be its closing quote. Nothing else is
 * changed: other unbalanced quotes are left for a person to see.
 */
export function balanceQuotes(title: string): string {
  return (
    title
      .replace(/“([^“”]{1,30})““/gu, '“$1”“')
      // `“优机优补“有进有出”`: a quote opened inside an open quote (Chinese nests with ‘’, never ““)
      // before a phrase that closes: the first phrase's closing quote was read as an opening one.
      .replace(/“([^“”]{1,30})“(?=[^“”]{1,30}”)/gu, '“$1”“')
  );
}
