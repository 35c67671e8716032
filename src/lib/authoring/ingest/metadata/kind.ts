/** A configured document kind: its name and the other words a title may end with (src/config/site.config.ts). */
export interface KindSpelling {
  name: string;
  aliases?: readonly string[];
  /** A 体裁 (办法, 细则 …), not a 文种: never proposed from a title alone. */
  genre?: boolean;
}

/** The kind a news report is filed under: the configured kind whose name or alias is 新闻 / 新闻报道. */
const isNewsKind = (k: KindSpelling) => [k.name, ...(k.aliases ?? [])].some((s) => s === '新闻' || s === '新闻报道');

/**
 * The kind (文种), from how the title ends: the longest configured name or alias the bare title
 * ends with (…的通知 → 通知, …行动计划（2025—2027年） → 计划 by its alias 行动计划, …复函 → 函),
 * else a news report when the text carries the marks of one (a byline, 本报讯, 信息来源 on a page
 * without a 文号 or signature, a 新闻发布会 title).
 */
export function detectKind(
  title: string | undefined,
  text: string,
  kinds: readonly KindSpelling[],
  signals: { hasDocumentNumber: boolean; hasSignature: boolean; hasNewsSource: boolean } = {
    hasDocumentNumber: false,
    hasSignature: false,
    hasNewsSource: false,
  },
): { kind?: string; why: string } | undefined {
  const news = kinds.find(isNewsKind);
  if (title) {
    const bare = title.replace(/[（(][^（()）]*[)）]$/, '').replace(/[《》“”"「」\s]/g, '');
    if (news && /新闻发布会$|答记者问$/.test(bare)) return { kind: news.name, why: '标题为新闻发布会' };
    let best: { kind: string; word: string } | undefined;
    for (const k of kinds) {
      if (k === news) continue;
      for (const word of [k.name, ...(k.aliases ?? [])]) {
        if (bare.endsWith(word) && (!best || word.length > best.word.length)) best = { kind: k.name, word };
      }
    }
    if (best && kinds.find((k) => k.name === best.kind)?.genre) {
      // 办法, 细则 …: the text's genre. Issued on its own it is that kind; as a notice's attachment
      // the document is the 通知. Only a person can tell which.
      return { why: `标题以“${best.word}”结尾，是规范性文件的体裁：单独印发请填“${best.kind}”，作为通知附件请填“通知”` };
    }
    if (best) return { kind: best.kind, why: `标题以“${best.word}”结尾` };
  }
  if (!news) return undefined;
  // News items carry a dateline or a byline; official documents do not.
  if (
    /本报讯|■\s*记者|[(（]记者|记者\s*\S+\s*报道|通讯员|供图|摄）|（摄）|新华社[^。，]{0,12}?\d{1,2}月\d{1,2}日电|新华社.{0,6}电/.test(text)
  )
    return { kind: news.name, why: '正文有记者署名或电头' };
  if (signals.hasNewsSource && !signals.hasDocumentNumber && !signals.hasSignature)
    return { kind: news.name, why: '网页标注信息来源，且无发文字号和落款' };
  return undefined;
}
