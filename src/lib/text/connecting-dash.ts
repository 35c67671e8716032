/**
 * A double hyphen between Chinese place names (`蔡家浜--外浜--姚明港`) is a typed-out 连接号. For
 * places linked along a route GB/T 15834-2011 (标点符号用法, 4.13) uses the one-em 一字线 `—`,
 * not the two-em 破折号 `——`, which would read as an aside.
 */
export function normalizeConnectingDash(text: string): string {
  return text.replace(/(?<=\p{Script=Han})\s*-{2,3}\s*(?=\p{Script=Han})/gu, '—');
}
