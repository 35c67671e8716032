import { ContentError } from '../errors.ts';
import { unsafeCharacterProblem } from './unsafe-characters.ts';

export type SourceEncoding = 'UTF-8' | 'UTF-8 (BOM)' | 'UTF-16LE (BOM)' | 'UTF-16BE (BOM)' | 'GB18030';

export interface DecodedSource {
  text: string;
  encoding: SourceEncoding;
}

/**
 * The 3,755 first-level characters of GB 2312 (lead bytes 0xB0–0xD7) are the characters of
 * everyday writing; the 200 most frequent of them make up roughly 40 % of any modern Chinese text
 * and far less of a mojibake reading (Big5, Shift-JIS or Latin-1 bytes read as GB18030 give
 * mostly second-level, extension or four-byte characters). Listed here rather than computed
 * because frequency is a property of the language, not of the encoding.
 */
const FREQUENT = new Set(
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处府研质信技术规划镇街道居委会治理服务保障社区推进实施完善建设加强提升坚持落实深化创新改革'.split(
    '',
  ),
);

/** A GB18030 two-byte character whose lead byte is in GB 2312's first level (0xB0–0xD7). */
const isFirstLevel = (lead: number, trail: number) => lead >= 0xb0 && lead <= 0xd7 && trail >= 0xa1 && trail <= 0xfe;

/**
 * Whether a GB18030 reading of bytes that are not UTF-8 is Chinese text rather than mojibake:
 * enough characters to judge, most of them first-level, and a normal share of the most frequent
 * characters; private-use code points (GB18030's user-defined areas) count against it.
 */
function looksLikeChinese(bytes: Uint8Array, text: string): { ok: boolean; reason: string } {
  let twoByte = 0;
  let firstLevel = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x80) continue;
    const next = bytes[i + 1] ?? 0;
    if (next >= 0x30 && next <= 0x39) {
      i += 3; // four-byte sequence: rare characters
      twoByte++;
      continue;
    }
    twoByte++;
    if (isFirstLevel(b, next)) firstLevel++;
    i++;
  }
  const hanzi = [...text].filter((c) => /\p{Script=Han}/u.test(c));
  const frequent = hanzi.filter((c) => FREQUENT.has(c)).length;
  const privateUse = [...text].filter((c) => /\p{Co}/u.test(c)).length;
  if (hanzi.length < 10)
    return { ok: false, reason: `too short to tell GB18030 from another encoding (${hanzi.length} Chinese characters)` };
  if (privateUse > 0 && privateUse * 50 > twoByte)
    return { ok: false, reason: `its GB18030 reading has ${privateUse} private-use characters (mojibake)` };
  if (firstLevel < twoByte * 0.6 || frequent < hanzi.length * 0.12) {
    return { ok: false, reason: 'its GB18030 reading looks like mojibake (few common Chinese characters)' };
  }
  return { ok: true, reason: '' };
}

const refuse = (file: string, why: string): never => {
  throw new ContentError([
    {
      file,
      message: 'is not valid UTF-8',
      hint: `Nor is it UTF-16 with a byte-order mark or GB18030/GBK text (${why}). Open it in a text editor and save it as UTF-8 (with or without BOM).`,
    },
  ]);
};

/** The bytes decoded, and how: UTF-8 (BOM optional), UTF-16 with a BOM, else GB18030/GBK. */
function decodeBytes(bytes: Uint8Array, file: string): DecodedSource {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: decodeStrict('utf-16le', bytes.subarray(2), file), encoding: 'UTF-16LE (BOM)' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: decodeStrict('utf-16be', bytes.subarray(2), file), encoding: 'UTF-16BE (BOM)' };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: bom ? 'UTF-8 (BOM)' : 'UTF-8' };
  } catch {
    // not UTF-8: GB18030 (a superset of GBK and GB 2312) is what Chinese Windows editors save
  }
  let text: string;
  try {
    text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
  } catch {
    return refuse(file, 'its bytes are no valid GB18030 either');
  }
  const verdict = looksLikeChinese(bytes, text);
  if (!verdict.ok) refuse(file, verdict.reason);
  return { text, encoding: 'GB18030' };
}

function decodeStrict(label: 'utf-16le' | 'utf-16be', bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return refuse(file, `it starts with a ${label.toUpperCase()} byte-order mark but is not valid ${label.toUpperCase()}`);
  }
}

/**
 * Bytes → text, and the encoding it was read in. Accepts UTF-8 with or without BOM, UTF-16 with a
 * BOM and GB18030/GBK (when the bytes read as Chinese, not mojibake), and CRLF/CR/LF line ends;
 * anything else, and invisible control characters (NUL, bidi overrides), is an error naming the
 * file (and line and column), because a silently mis-decoded policy text is worse than a failed
 * build.
 */
export function decodeSourceWithEncoding(bytes: Uint8Array, file: string): DecodedSource {
  const decoded = decodeBytes(bytes, file);
  const text = decoded.text.replace(/\r\n?/g, '\n');
  if (text.trim() === '') {
    throw new ContentError([{ file, message: 'is empty', hint: 'Add the document text or remove the source.' }]);
  }
  // NUL and bidi controls would be written into the pages as they are; a new source is cleaned
  // before it is added (its sha256 is taken of the cleaned text), never afterwards.
  const unsafe = unsafeCharacterProblem(
    file,
    text,
    'Remove these characters from the text before adding the source (the extraction left them), then update sha256 in its .meta.yaml.',
  );
  if (unsafe) throw new ContentError([unsafe]);
  return { text, encoding: decoded.encoding };
}

/** Bytes → text (see decodeSourceWithEncoding); what the compiler calls on every source. */
export const decodeSource = (bytes: Uint8Array, file: string): string => decodeSourceWithEncoding(bytes, file).text;
