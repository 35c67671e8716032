import { isAsciiAlnum, isFullWidthPunct, isHan } from './char-classes.ts';

/**
 * Where the text sits decides whether a space between two Chinese characters can be intentional:
 * titles use spaces to separate parallel phrases (构筑“党建+产业”平台 助推重点产业发展), body text
 * never does, and bylines keep their typesetting (记者 郭文治 孟 航).
 */
export type SpacingContext = 'body' | 'heading' | 'byline';

/** Spans whose inner spacing is the author's: full-width quotations (“靠长征 谱未来”) and datelines. */
const PROTECTED = /“[^“”\n]*”|「[^「」\n]*」|[(（]记者[^)）\n]*[)）]/g;

const isPhraseEdge = (c: string) => isHan(c) || c === '“' || c === '”' || c === '"';

/** A heading that already separates its phrases with a comma cannot also use spaces for that. */
const PHRASE_PUNCT = /[，,；;]/;

/**
 * Removes spaces that PDF or newspaper extraction left inside Chinese text:
 * wrap points (现代 化水平), spaces around numbers (2022 年), after enumerators ((一) 构建) and
 * next to punctuation; keeps spaces between Latin words and the author's phrase separators.
 */
export function removeStraySpaces(text: string, context: SpacingContext = 'body'): string {
  const protectedRanges: Array<[number, number]> = [];
  for (const m of text.matchAll(PROTECTED)) protectedRanges.push([m.index, m.index + m[0].length]);
  const isProtected = (i: number) => protectedRanges.some(([a, b]) => i > a && i < b);
  const headingUsesCommas = context === 'heading' && PHRASE_PUNCT.test(text);

  return text
    .replace(/[ \u3000\t]+/g, (spaces, index: number) => {
      // Leftover **bold** markers are transparent: the space is judged by the letters around them.
      const left = text.slice(0, index).replace(/\*+$/, '').at(-1);
      const right = text.slice(index + spaces.length).replace(/^\*+/, '')[0];
      if (left === undefined || right === undefined) return '';
      if (context === 'heading' && !headingUsesCommas && isPhraseEdge(left) && isPhraseEdge(right)) return spaces;
      if (isFullWidthPunct(left) && !isProtected(index)) return '';
      if (isFullWidthPunct(right) && !isProtected(index)) return '';
      if (context === 'byline') return spaces;
      if (/[,:;)]/.test(left) && (isHan(right) || isAsciiAlnum(right) || /["“（(]/.test(right))) return '';
      if (isAsciiAlnum(left) && /["“]/.test(right)) return '';
      if ((isHan(left) && isAsciiAlnum(right)) || (isAsciiAlnum(left) && isHan(right))) return '';
      // “游戏 +体育” beside “游戏+公益”: a plus joining Chinese words is never spaced in body text.
      if (context === 'body' && ((isHan(left) && right === '+') || (left === '+' && isHan(right)))) return '';
      if ((isHan(left) || left === '"') && (isHan(right) || right === '"') && !isProtected(index)) {
        if (context === 'body' || headingUsesCommas) return '';
      }
      return spaces;
    })
    .trim();
}
