/**
 * 发文字号 (GB/T 9704): 机关代字 + year in 〔〕 + serial + 号. Extractions and web pages also use
 * [] ［］ () （） and 【】 for the brackets; the standard's 〔〕 is written back.
 */
export const DOCUMENT_NUMBER = /([\u4e00-\u9fff]{1,12})\s*[〔[［(（【]\s*((?:19|20)\d{2})\s*[〕\]］)）】]\s*(\d{1,4})\s*号/u;

export const normaliseDocumentNumber = (m: RegExpExecArray) => `${m[1]}〔${m[2]}〕${m[3]}号`;

/** A line that is only a 文号, possibly in brackets as legal databases print it: `（余府发〔2012〕3号）`. */
export function documentNumberLine(line: string): string | undefined {
  const bare = line.replace(/^[（(]\s*|\s*[）)]$/g, '').trim();
  const m = DOCUMENT_NUMBER.exec(bare);
  return m && bare.replace(m[0], '').trim() === '' ? normaliseDocumentNumber(m) : undefined;
}

export function parseDocumentNumber(value: string): string | undefined {
  const m = DOCUMENT_NUMBER.exec(value);
  return m ? normaliseDocumentNumber(m) : undefined;
}
