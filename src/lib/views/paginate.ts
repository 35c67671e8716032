/**
 * Splits groups into pages of at most `max` items without splitting a group, so a page stays
 * bounded as the data grows (a single group larger than `max` gets a page of its own).
 */
export function paginate<T>(groups: T[], size: (group: T) => number, max: number): T[][] {
  const pages: T[][] = [];
  let current: T[] = [];
  let count = 0;
  for (const group of groups) {
    const n = size(group);
    if (current.length > 0 && count + n > max) {
      pages.push(current);
      current = [];
      count = 0;
    }
    current.push(group);
    count += n;
  }
  if (current.length > 0 || pages.length === 0) pages.push(current);
  return pages;
}

/** The address segment of page n: page 1 is the index itself. */
export const pageParam = (n: number): string | undefined => (n === 1 ? undefined : String(n));
