import { isHan } from './char-classes.ts';

const hasHan = (s: string) => /\p{Script=Han}/u.test(s);
/** Next to a Chinese character or Chinese punctuation, parentheses are Chinese too: (2)“一网统管”. */
const isChineseContext = (c: string | undefined) => isHan(c) || (c !== undefined && /[“”"《》「」，。、：；]/.test(c));

/**
 * Half-width punctuation inside Chinese text becomes full-width, as Chinese typesetting requires:
 * `,` `:` `;` `!` `?` `( )` and paired ASCII quotes. Numbers keep theirs (1,000 · 10:30).
 */
export function toFullWidthPunctuation(text: string): string {
  let out = text
    .replace(/(?<!\d),|,(?!\d)/g, '，')
    .replace(/(?<!\d):(?!\/\/)|:(?!\d|\/\/)/g, '：')
    .replace(/;/g, '；')
    .replace(/(?<=[\p{Script=Han}”）])!/gu, '！')
    .replace(/(?<=[\p{Script=Han}”）])\?/gu, '？')
    .replace(/\(([^()]*)\)/g, (whole, inner: string, index: number, all: string) => {
      const before = all[index - 1];
      const after = all.slice(index + whole.length).trimStart()[0];
      return hasHan(inner) || isChineseContext(before) || isChineseContext(after) ? `（${inner}）` : whole;
    });
  out = pairAsciiQuotes(out);
  return out;
}

/** `"十三五"期间` → `“十三五”期间`; an odd count means the pairing is unknowable, so none are touched. */
function pairAsciiQuotes(text: string): string {
  const count = text.split('"').length - 1;
  if (count === 0 || count % 2 !== 0) return text;
  let open = true;
  return text.replace(/"/g, () => {
    const q = open ? '“' : '”';
    open = !open;
    return q;
  });
}
