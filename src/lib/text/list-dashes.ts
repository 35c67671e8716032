/**
 * The PDF extraction reads the em-dash pair that opens Chinese list items (——坚持…) as the
 * character 一 twice. Only at the start of an item: 一一 elsewhere is ordinary text.
 */
export function normalizeListDashes(text: string): string {
  return text.replace(/^一一(?=\S)/, '——');
}
