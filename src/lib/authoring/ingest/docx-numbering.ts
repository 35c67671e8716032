import type { ChildNode, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';

/*
 * Word's automatic numbering (w:numPr → numbering.xml) is not in the runs' text: Word draws
 * "一、", "（二）", "第三条" from a level's format and counter. Government DOCX often number
 * 第X条 and 一、 this way, so the numbers are computed here as Word shows them, for the formats
 * Chinese documents use; a bullet is layout, not text, and gives nothing.
 */

const isElement = (n: ChildNode): n is Element => n.type === 'tag';
const kids = (el: Element, name: string) => el.children.filter(isElement).filter((c) => c.name === `w:${name}`);
const kid = (el: Element | undefined, name: string) => (el ? kids(el, name)[0] : undefined);
const val = (el: Element | undefined) => el?.attribs['w:val'];

interface Level {
  start: number;
  format: string;
  text: string;
  suffix: string;
}

const DIGITS = '〇一二三四五六七八九';

/** 1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五 (Word's chineseCounting). */
export function chineseCounting(n: number): string {
  if (n <= 0 || n >= 10000) return String(n);
  const units = ['', '十', '百', '千'];
  const digits = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  for (const [i, d] of digits.entries()) {
    const unit = units[digits.length - 1 - i];
    if (d === 0) {
      zero = out !== '';
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += (d === 1 && unit === '十' && out === '' ? '' : DIGITS[d]) + unit;
  }
  return out;
}

const roman = (n: number) => {
  const table: Array<[number, string]> = [
    [1000, 'm'],
    [900, 'cm'],
    [500, 'd'],
    [400, 'cd'],
    [100, 'c'],
    [90, 'xc'],
    [50, 'l'],
    [40, 'xl'],
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ];
  let out = '';
  for (const [v, s] of table) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
};

function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseLegalSimplified':
    case 'taiwaneseCounting':
    case 'ideographDigital':
      return chineseCounting(n);
    case 'ideographTraditional':
      return '甲乙丙丁戊己庚辛壬癸'[n - 1] ?? String(n);
    case 'lowerLetter':
      return String.fromCharCode(96 + (((n - 1) % 26) + 1));
    case 'upperLetter':
      return String.fromCharCode(64 + (((n - 1) % 26) + 1));
    case 'lowerRoman':
      return roman(n);
    case 'upperRoman':
      return roman(n).toUpperCase();
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCodePoint(0xff10 + Number(d)));
    case 'decimalZero':
      return String(n).padStart(2, '0');
    default:
      return String(n);
  }
}

/** numbering.xml → a function that gives each numbered paragraph its label, in document order. */
export function numberingLabeler(xml: string | undefined): (numId: string, ilvl: number) => string {
  if (!xml) return () => '';
  const root = parseDocument(xml, { xmlMode: true });
  const numbering = root.children.filter(isElement).find((e) => e.name === 'w:numbering');
  if (!numbering) return () => '';
  const abstracts = new Map<string, Map<number, Level>>();
  for (const abs of kids(numbering, 'abstractNum')) {
    const levels = new Map<number, Level>();
    for (const lvl of kids(abs, 'lvl')) {
      levels.set(Number(lvl.attribs['w:ilvl'] ?? 0), {
        start: Number(val(kid(lvl, 'start')) ?? 1),
        format: val(kid(lvl, 'numFmt')) ?? 'decimal',
        text: val(kid(lvl, 'lvlText')) ?? '',
        suffix: val(kid(lvl, 'suff')) ?? 'tab',
      });
    }
    abstracts.set(abs.attribs['w:abstractNumId'] ?? '', levels);
  }
  const nums = new Map<string, { abstractId: string; overrides: Map<number, number> }>();
  for (const num of kids(numbering, 'num')) {
    const overrides = new Map<number, number>();
    for (const o of kids(num, 'lvlOverride')) {
      const start = val(kid(o, 'startOverride'));
      if (start !== undefined) overrides.set(Number(o.attribs['w:ilvl'] ?? 0), Number(start));
    }
    nums.set(num.attribs['w:numId'] ?? '', { abstractId: val(kid(num, 'abstractNumId')) ?? '', overrides });
  }
  // Word counts per list: lists that share an abstract numbering continue each other unless one
  // restarts with a start override.
  const counters = new Map<string, number[]>();
  return (numId, ilvl) => {
    const num = nums.get(numId);
    const levels = num && abstracts.get(num.abstractId);
    const level = levels?.get(ilvl);
    if (!num || !levels || !level) return '';
    const key = num.overrides.size > 0 ? `num:${numId}` : `abs:${num.abstractId}`;
    const counts = counters.get(key) ?? [];
    for (let l = 0; l <= ilvl; l++) counts[l] ??= (num.overrides.get(l) ?? levels.get(l)?.start ?? 1) - 1;
    counts[ilvl] += 1;
    counts.length = ilvl + 1; // deeper levels restart
    counters.set(key, counts);
    if (level.format === 'bullet' || level.format === 'none') return '';
    const label = level.text.replace(/%([1-9])/g, (_, d: string) => {
      const l = Number(d) - 1;
      return formatNumber(counts[l] ?? levels.get(l)?.start ?? 1, levels.get(l)?.format ?? 'decimal');
    });
    // A label ending in a word (第一条, 第一章) is followed by a space; one ending in punctuation
    // (一、 （一） 1.) runs into the text, as Chinese documents write it.
    return label !== '' && level.suffix !== 'nothing' && /[\p{L}\p{N}]$/u.test(label) ? `${label} ` : label;
  };
}
