/**
 * Newspaper pages mark an article continued from another page with arrows the extraction keeps
 * as `<<<上接1版`. The reader needs the words, in the paper's own form: 上接第1版.
 */
export function normalizeContinuationMarker(text: string): string {
  return text.replace(/^[<＜《«]{2,}\s*(上接|下转)\s*第?\s*(\d+)\s*版\s*[>＞》»]*$/, '$1第$2版');
}
