import type { ParagraphIndexEntry } from '../../types.ts';

/**
 * Likely extraction slips in a document's text: places where a PDF or newspaper extraction lost or
 * misread characters. The rules hold for any document, so a new source is checked without being
 * known; what they find is a candidate for an editor to review (`npm run slips:candidates`), who
 * records a real slip in content/gaps.yaml (kind 提取错漏, with `at`), and the page then marks it at
 * the spot and explains it in the 校勘说明.
 */
export interface SlipCandidate {
  document: string;
  anchor: string;
  rule: SlipRule;
  /** The words of the paragraph that end where the slip is: what `at:` in content/gaps.yaml takes. */
  at: string;
  /** The text around it, for the reviewer. */
  context: string;
}

export type SlipRule = '数字后字符异常' | '文字重复' | '替换字符';

/**
 * What may follow an Arabic numeral in Chinese prose: measure words and units, the words that
 * continue a number (余, 多, 万, 亿 …, 以上, 左右), and words a number qualifies as an ordinal or a
 * name (号线, 届, 版). A number followed by anything else ends a sentence with a stray character
 * (`剩余17产。`) more often than not. Written out here because no library lists Chinese measure
 * words with the units a policy text uses; the list is one set of characters and a few words.
 */
const AFTER_NUMBER_CHARS = new Set([
  ...'个家条项人户次名所座栋幢套间张件场届期批支位处类种元角分米吨岁天周年月日号时秒倍成版楼路弄层部集台辆片块点季枚颗棵株只头匹本册篇份首句字行段节章款亩顷里斤两克升码度折股轮档级星份组队班排连团师军区镇乡村街居社站室馆园校院科所厂店铺摊床桌辆艘架列趟餐碗杯瓶箱包袋盒桶车船批笔单宗起例篇届代轮批番遍回趟阵下声步门网格线圈环片张',
  ...'余多万亿千百十来上下以至到和与及或、至起后前中内外间左右半整',
  ...'号第型式代版期届',
]);
/** Words after a number that the single characters above do not cover. */
const AFTER_NUMBER_WORDS = [
  '平方',
  '公里',
  '公顷',
  '小时',
  '分钟',
  '周年',
  '季度',
  '家次',
  '人次',
  '户次',
  '万元',
  '亿元',
  '千米',
  '千克',
  '公斤',
  '毫米',
  '厘米',
];

const DIGITS = /\d+(?:\.\d+)?/gu;
const HAN = /\p{Script=Han}/u;
/** Sentence ends and clause breaks: a stray character right before one is what the rule looks for. */
const BREAK = /[。；;！？!?，,、]/u;

/** A numeral followed by one character that no number takes, at the end of a clause (`剩余17产。`). */
function numberSlips(text: string): Array<{ end: number }> {
  const out: Array<{ end: number }> = [];
  for (const m of text.matchAll(DIGITS)) {
    const after = m.index + m[0].length;
    const next = text[after];
    if (!next || !HAN.test(next) || AFTER_NUMBER_CHARS.has(next)) continue;
    if (AFTER_NUMBER_WORDS.some((w) => text.startsWith(w, after))) continue;
    // A number that names something (2号线, 5G) or reads on (3大工程) is followed by more words;
    // the slips are a lone character before a clause break.
    if (!BREAK.test(text[after + 1] ?? '。')) continue;
    out.push({ end: after + 1 });
  }
  return out;
}

/** Shortest run of characters whose repetition close by is taken for an extraction overlap. */
const MIN_REPEAT = 12;
const CLAUSE_BREAK = /[，。；,;]/u;
/** How far apart the two copies of an overlap may be. */
const REPEAT_WINDOW = 80;

/**
 * A run of at least 12 characters that occurs twice within a few dozen characters: a PDF
 * extraction that read part of a line twice (`中环中心“烂尾楼”场等初级市场，……中环中心“烂尾楼”境`).
 * Prose repeats names, rarely a dozen characters across a clause break so close. Reported at the
 * end of the second copy, where the text goes on from a different place.
 */
function repeatSlips(text: string): Array<{ end: number }> {
  const out: Array<{ end: number }> = [];
  const chars = [...text];
  const seen = new Map<string, number[]>();
  let skipUntil = -1;
  for (let i = 0; i + MIN_REPEAT <= chars.length; i++) {
    const key = chars.slice(i, i + MIN_REPEAT).join('');
    const earlier = (seen.get(key) ?? []).find((j) => i - j >= MIN_REPEAT && i - j <= REPEAT_WINDOW);
    seen.set(key, [...(seen.get(key) ?? []), i]);
    if (earlier === undefined || i <= skipUntil) continue;
    let len = MIN_REPEAT;
    while (i + len < chars.length && chars[earlier + len] === chars[i + len]) len++;
    // A name said twice (“普陀E企行”招商服务一体化平台) is prose; a copy across a clause break is a line read twice.
    if (!CLAUSE_BREAK.test(chars.slice(i + 1, i + len - 1).join(''))) continue;
    // The marker goes after the first character read from elsewhere (`…“烂尾楼”境`).
    out.push({ end: chars.slice(0, Math.min(chars.length, i + len + 1)).join('').length });
    skipUntil = i + len;
  }
  return out;
}

/** U+FFFD and private-use characters: what a decoder or a PDF font without a mapping leaves. */
function replacementSlips(text: string): Array<{ end: number }> {
  return [...text.matchAll(/[\uFFFD\uE000-\uF8FF]/gu)].map((m) => ({ end: m.index + m[0].length }));
}

/**
 * The shortest words (at least 6 characters) ending at `end` that occur once in the paragraph, so
 * that `at:` names one spot.
 */
function uniqueWordsEndingAt(text: string, end: number): string {
  for (let start = Math.max(0, end - 6); start >= 0; start--) {
    const at = text.slice(start, end);
    if (text.indexOf(at) === text.lastIndexOf(at)) return at;
  }
  return text.slice(0, end);
}

/** The candidates of one document's paragraphs, in text order. */
export function findExtractionSlips(document: string, paragraphs: readonly ParagraphIndexEntry[]): SlipCandidate[] {
  const out: SlipCandidate[] = [];
  for (const p of paragraphs) {
    const found: Array<{ end: number; rule: SlipRule }> = [
      ...numberSlips(p.text).map((s) => ({ ...s, rule: '数字后字符异常' as const })),
      ...repeatSlips(p.text).map((s) => ({ ...s, rule: '文字重复' as const })),
      ...replacementSlips(p.text).map((s) => ({ ...s, rule: '替换字符' as const })),
    ].sort((a, b) => a.end - b.end);
    for (const s of found) {
      out.push({
        document,
        anchor: p.id,
        rule: s.rule,
        at: uniqueWordsEndingAt(p.text, s.end),
        context: p.text.slice(Math.max(0, s.end - 24), s.end + 12),
      });
    }
  }
  return out;
}

/** Where in its paragraph an `at:` ends, or -1 when it does not occur there exactly once. */
export function endOfAt(text: string, at: string): number {
  const i = text.indexOf(at);
  return i < 0 || text.lastIndexOf(at) !== i ? -1 : i + at.length;
}

/**
 * Candidates not yet reviewed: one whose spot a reviewed entry of content/gaps.yaml already marks
 * (same paragraph, its `at` ending within a few characters) is left out.
 */
export function unreviewedSlips(
  candidates: readonly SlipCandidate[],
  paragraphText: (anchor: string) => string,
  reviewed: ReadonlyArray<{ anchor: string; at?: string }>,
): SlipCandidate[] {
  const spots = reviewed.filter((r) => r.at).map((r) => ({ anchor: r.anchor, end: endOfAt(paragraphText(r.anchor), r.at!) }));
  return candidates.filter((c) => {
    const end = endOfAt(paragraphText(c.anchor), c.at);
    return !spots.some((s) => s.anchor === c.anchor && Math.abs(s.end - end) <= 3);
  });
}
