import { ContentError } from '../errors.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Bytes → text. Accepts UTF-8 with or without BOM and CRLF/CR/LF line ends; anything else is an
 * error naming the file, because a silently mis-decoded policy text is worse than a failed build.
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
  return text;
}
