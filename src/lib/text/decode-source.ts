import { ContentError } from '../errors.ts';
import { unsafeCharacterProblem } from './unsafe-characters.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Bytes → text. Accepts UTF-8 with or without BOM and CRLF/CR/LF line ends; anything else, and
 * invisible control characters (NUL, bidi overrides), is an error naming the file (and line and
 * column), because a silently mis-decoded policy text is worse than a failed build.
 */
export function decodeSource(bytes: Uint8Array, file: string): string {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new ContentError([
      { file, message: 'is not valid UTF-8', hint: 'Re-save the file as UTF-8 (with or without BOM).' },
    ]);
  }
  text = text.replace(/\r\n?/g, '\n');
  if (text.trim() === '') {
    throw new ContentError([{ file, message: 'is empty', hint: 'Add the document text or remove the source.' }]);
  }
  // NUL and bidi controls would be written into the pages as they are; a new source is cleaned
  // before it is added (its sha256 is taken of the cleaned text), never afterwards.
  const unsafe = unsafeCharacterProblem(file, text, 'Remove these characters from the text before adding the source (the extraction left them), then update sha256 in its .meta.yaml.');
  if (unsafe) throw new ContentError([unsafe]);
  return text;
}
