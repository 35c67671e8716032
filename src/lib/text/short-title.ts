/**
 * The one short name a document is cited by wherever the site points at one of its paragraphs
 * (entity pages' citations and facts, their status lines): derived once from its metadata by rules
 * that hold for any document, so one document never appears under two labels (〔2021年规划〕 in one
 * place, 〔十四五规划〕 in another), and written without 〔〕, which is the mark of a 文号's year.
 */

import { canonicalKind } from '../../config/document-kinds.ts';

/** What the rules read of a document's metadata (src/lib/schema/source-meta.ts). */
export interface ShortTitleMeta {
  title: string;
  /** A kind of src/config/site.config.ts by name or alias (年度计划 is read as 计划). */
  kind: string;
  date: string;
  region: string;
  documentNumber?: string;
  period?: { from: string; to: string };
}

/** A name short enough to stand after a sentence as a source mark. */
const MAX_NAME = 10;

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 14 → 十四, 3 → 三 (five-year plans run from 一五 to the present, below twenty). */
const chineseOrdinal = (n: number) => (n < 10 ? DIGITS[n] : `十${DIGITS[n - 10]}`);

/**
 * The five-year plan a document is, as its readers name it (十四五规划): from a title that says
 * 第十四个五年规划, or else from a five-year `period` on the national cycle (三五 began in 1966, after
 * the 1963–1965 adjustment years; every plan since runs five calendar years).
 */
function fiveYearPlanName(meta: ShortTitleMeta): string | undefined {
  const named = /第([一二三四五六七八九十]{1,3})个五年(?:规划|计划)/u.exec(meta.title);
  if (named) return `${named[1]}五${meta.kind === '计划' ? '计划' : '规划'}`;
  if (meta.kind !== '规划' || !meta.period) return undefined;
  const from = Number(meta.period.from.slice(0, 4));
  const to = Number(meta.period.to.slice(0, 4));
  if (to - from !== 4 || from < 1966 || (from - 1966) % 5 !== 0) return undefined;
  const n = (from - 1966) / 5 + 3;
  return n < 20 ? `${chineseOrdinal(n)}五规划` : undefined;
}

/** 上海市普陀区长征镇 → [上海市, 普陀区, 长征镇]: the place names a title may begin with. */
function placeNames(region: string): string[] {
  return region.match(/.+?(?:特别行政区|自治区|自治州|自治县|街道|省|市|区|县|旗|盟|州|镇|乡)/gu) ?? [region];
}

/** A title without the places it begins with (长征镇2022年经济与社会发展计划 → 2022年经济与社会发展计划). */
function withoutLeadingPlaces(title: string, places: readonly string[]): string {
  let rest = title;
  for (let changed = true; changed; ) {
    changed = false;
    for (const p of places) {
      if (p && rest.startsWith(p) && rest.length > p.length) {
        rest = rest.slice(p.length).replace(/^[：:\s]+/u, '');
        changed = true;
      }
    }
  }
  return rest;
}

const YEAR = /(?:19|20)\d{2}年/u;
const kindWord = (kind: string) => (kind === '新闻报道' ? '报道' : kind);

/**
 * The document's short name, by the first rule that applies:
 * 1. a notice that issues another document (关于印发《…》的通知) is cited by that document's name,
 *    without its leading places, or as 年份 + its kind (2022年计划) when that name is long;
 * 2. a five-year plan by its ordinal (十四五规划);
 * 3. a title that is short once its leading places are dropped, as it is;
 * 4. a 文号 (普长府〔2022〕1号), which is how official documents are referred to;
 * 5. otherwise its year, its own place and its kind (2023年长征镇报道).
 * Names that carry no year get the document's year in front, so every label is dated.
 */
export function shortTitle(source: ShortTitleMeta): string {
  const meta = { ...source, kind: canonicalKind(source.kind) ?? source.kind };
  const places = placeNames(meta.region);
  const year = meta.date.slice(0, 4);
  const dated = (name: string) => (YEAR.test(name) || /[一二三四五六七八九十]五(?:规划|计划)$/u.test(name) ? name : `${year}年${name}`);

  const issued = /印发《([^》]+)》/u.exec(meta.title) ?? /《([^》]+)》/u.exec(meta.title);
  if (issued) {
    const name = withoutLeadingPlaces(issued[1], places);
    if (name.length <= MAX_NAME) return dated(name);
    const ownYear = YEAR.exec(name)?.[0] ?? `${year}年`;
    const ownKind = /(规划|计划|方案|办法|规定|细则|措施|意见|决定|条例|纲要|报告)$/u.exec(name)?.[1];
    if (ownKind) return `${ownYear}${ownKind}`;
  }
  const plan = fiveYearPlanName(meta);
  if (plan) return plan;
  const short = withoutLeadingPlaces(meta.title, places);
  if (short.length <= MAX_NAME) return dated(short);
  if (meta.documentNumber) return meta.documentNumber;
  return `${year}年${places[places.length - 1] ?? ''}${kindWord(meta.kind)}`;
}

/**
 * The source mark a citation shows: the short name in ［］ (GB/T 15834's square brackets for an
 * editor's note), never 〔〕, which GB/T 9704 keeps for the year of a 文号.
 */
export const citationMark = (name: string): string => `［${name}］`;

/**
 * The source mark of a document's metadata: ［十四五规划］. Where a mark stands, the source's date
 * follows it unless the mark already says it (［2023年长征镇报道］ needs no （2023年）).
 */
export const sourceMark = (meta: ShortTitleMeta): string => citationMark(shortTitle(meta));
