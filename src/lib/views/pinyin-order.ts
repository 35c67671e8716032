import { customPinyin, pinyin } from 'pinyin-pro';

/**
 * Chinese names in the order readers of a Chinese index expect: by pinyin, polyphones read in
 * context (长征 = cháng, not zhǎng). pinyin-pro carries the word dictionary that decides a
 * polyphone by its neighbours; a hand-made character table cannot.
 */
/**
 * The one gap in pinyin-pro's dictionary that this corpus hits: the 长 of office-holder systems
 * (楼长制, 河长制 …) is zhǎng, a "head of"; pinyin-pro reads it cháng outside words it knows.
 * Reviewed words only; everything else is the library's reading.
 */
customPinyin({ 楼长: 'lóu zhǎng', 河长: 'hé zhǎng', 林长: 'lín zhǎng', 路长: 'lù zhǎng', 街长: 'jiē zhǎng' });

const keyCache = new Map<string, string>();

/**
 * `长征镇` → `chang2 zheng1 zhen4`; Latin letters and digits stay as they are, lower-cased.
 * Quotation marks, brackets and other punctuation are not read: `“三位一体”运作机制` files under S.
 */
export function pinyinKey(text: string): string {
  let key = keyCache.get(text);
  if (key === undefined) {
    const readable = text.replace(/[\p{P}\p{S}\s]/gu, '') || text;
    key = pinyin(readable, { toneType: 'num', type: 'array', nonZh: 'consecutive', v: true })
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean)
      .join(' ');
    keyCache.set(text, key);
  }
  return key;
}

/** Comparator: pinyin first, then code points, so equal readings keep a stable order. */
export function comparePinyin(a: string, b: string): number {
  const ka = pinyinKey(a);
  const kb = pinyinKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

export function sortByPinyin<T>(items: readonly T[], name: (item: T) => string): T[] {
  return [...items].sort((x, y) => comparePinyin(name(x), name(y)));
}

/** The index letter a name is filed under: A–Z, or `#` for names starting with a digit or symbol. */
export function pinyinInitial(text: string): string {
  const first = pinyinKey(text).charAt(0).toUpperCase();
  return /^[A-Z]$/.test(first) ? first : '#';
}
