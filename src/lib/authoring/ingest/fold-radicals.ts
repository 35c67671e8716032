/**
 * CJK fonts draw some ideographs with the same glyph as a radical (长 and ⻓, 文 and ⽂), and a
 * PDF's text layer may map the glyph back to the radical: text extracted from Chinese PDFs is full
 * of them, and they look right but match nothing. The Kangxi radicals (U+2F00–U+2FD5) fold with
 * NFKC; the CJK Radicals Supplement has no such mapping, so this table is Unicode's
 * EquivalentUnifiedIdeograph.txt for the radicals that stand for an ideograph in use.
 */
const SUPPLEMENT: Record<string, string> = {
  '\u2E81': '厂',
  '\u2E84': '乙',
  '\u2E85': '亻',
  '\u2E86': '冂',
  '\u2E89': '刂',
  '\u2E8A': '卜',
  '\u2E92': '巳',
  '\u2E93': '幺',
  '\u2E95': '彐',
  '\u2E96': '忄',
  '\u2E97': '心',
  '\u2E98': '扌',
  '\u2E9C': '日',
  '\u2E9D': '月',
  '\u2E9F': '母',
  '\u2EA0': '民',
  '\u2EA1': '氵',
  '\u2EA3': '灬',
  '\u2EA6': '丬',
  '\u2EA7': '牛',
  '\u2EA8': '犭',
  '\u2EA9': '王',
  '\u2EAB': '目',
  '\u2EAC': '示',
  '\u2EAD': '礻',
  '\u2EAF': '糸',
  '\u2EB0': '纟',
  '\u2EB9': '耂',
  '\u2EBB': '聿',
  '\u2EBC': '肉',
  '\u2EBE': '艹',
  '\u2EC1': '虎',
  '\u2EC2': '衤',
  '\u2EC4': '西',
  '\u2EC5': '见',
  '\u2EC6': '角',
  '\u2EC8': '讠',
  '\u2EC9': '贝',
  '\u2ECB': '车',
  '\u2ECC': '辶',
  '\u2ECF': '阝',
  '\u2ED0': '钅',
  '\u2ED1': '長',
  '\u2ED3': '长',
  '\u2ED4': '门',
  '\u2ED6': '阝',
  '\u2ED7': '雨',
  '\u2ED8': '青',
  '\u2ED9': '韦',
  '\u2EDA': '页',
  '\u2EDB': '风',
  '\u2EDC': '飞',
  '\u2EDD': '食',
  '\u2EE0': '饣',
  '\u2EE2': '马',
  '\u2EE3': '骨',
  '\u2EE4': '鬼',
  '\u2EE5': '鱼',
  '\u2EE6': '鸟',
  '\u2EE7': '卤',
  '\u2EE8': '麦',
  '\u2EE9': '黄',
  '\u2EEA': '黾',
  '\u2EEC': '齐',
  '\u2EEE': '齿',
  '\u2EF0': '龙',
  '\u2EF3': '龟',
};

/**
 * Code points that share one glyph in common CJK fonts, so a text layer may name either: the
 * horizontal bar for the 破折号 dash (GB/T 15834 writes it with U+2014), the traditional 戶 for
 * 户 in simplified text (Noto CJK SC draws both with one glyph).
 */
const SHARED_GLYPHS: Record<string, string> = { '\u2015': '\u2014', 戶: '户' };

/** Radicals and shared glyphs that stand for ideographs and the dash → those; everything else unchanged. */
export function foldRadicals(text: string): string {
  // The radical ⼾ (U+2F3E) folds to 戶, which then folds on to 户.
  return text
    .replace(/[\u2E80-\u2EFF\u2F00-\u2FDF]/g, (c) => SUPPLEMENT[c] ?? c.normalize('NFKC'))
    .replace(/[\u2015戶]/g, (c) => SHARED_GLYPHS[c]);
}
