/**
 * Patterns of Chinese official documents (GB/T 9704-2012 党政机关公文格式) that both the importer's
 * metadata detection and the compiler's structure rules read.
 */

/** Names of issuing organs end like this (人民政府, 街道办事处, 党工委, 发展和改革委员会, 财政局, 监管分局 …). */
export const ORGAN =
  /(人民政府|办事处|委员会|办公室|办公厅|党委|党工委|工委|政府|局|委|厅|署|中心|街道|人民代表大会|常务委员会|国务院|部|院|会|处|所|站|队|组)$/u;

/**
 * A numbering mark that opens a part, section, article or item (层次序数: 一、 （一） 1. （1）; 第X编/章/节/条;
 * ㈠ as legal databases print （一）): never the start of a title.
 */
export const NUMBERING =
  /^(第[一二三四五六七八九十百零〇\d]+[编章节条部分]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、](?!\d)|[㈠-㈩])/u;

/** A report's occasion line under its title: `——2018年3月5日在第十三届全国人民代表大会第一次会议上`. */
export const OCCASION = /^[—–-]{0,2}\s*\S{4}\s*年\s*\S{1,3}\s*月\s*\S{1,3}\s*日\s*在.{4,60}(会议|大会|会)上$/u;

/** A speaker or spokesman line: `国务院总理 李克强`, `中国载人航天工程新闻发言人 武平`. */
export const SPEAKER_LINE =
  /^.{2,30}?(总理|副总理|省长|代省长|市长|代市长|区长|县长|镇长|主任|书记|局长|厅长|部长|主席|新闻发言人|发言人)\s+\S{2,4}$/u;
