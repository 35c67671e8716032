/** Character classes shared by the text rules. */
export const HAN = /\p{Script=Han}/u;
export const ASCII_ALNUM = /[0-9A-Za-z%]/;
/** CJK and full-width punctuation: a space next to one of these is never meaningful. */
export const FULL_WIDTH_PUNCT = /[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65“”‘’—…·]/;

export const isHan = (c: string | undefined): boolean => c !== undefined && HAN.test(c);
export const isAsciiAlnum = (c: string | undefined): boolean => c !== undefined && ASCII_ALNUM.test(c);
export const isFullWidthPunct = (c: string | undefined): boolean => c !== undefined && FULL_WIDTH_PUNCT.test(c);
