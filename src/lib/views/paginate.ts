/** One page of a listing split into static pages of at most `size` items. */
export interface Page<T> {
  /** 1-based. */
  number: number;
  items: T[];
  total: number;
  /** How many items all pages hold together. */
  count: number;
}

export function paginate<T>(items: readonly T[], size: number): Page<T>[] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`page size must be a positive integer, got ${size}`);
  const total = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: total }, (_, i) => ({
    number: i + 1,
    items: items.slice(i * size, (i + 1) * size),
    total,
    count: items.length,
  }));
}

/** Page 1 lives at the listing's own address, page n at `<base>page/<n>/` (or `<base><n>/`). */
export function pageHref(base: string, n: number, segment = 'page/'): string {
  return n <= 1 ? base : `${base}${segment}${n}/`;
}

export interface PageLink {
  number: number;
  href: string;
  current: boolean;
}

export interface PaginationNav {
  previous?: string;
  next?: string;
  /** First, last, and the pages around the current one; `gap` marks elided runs. */
  links: Array<PageLink | { gap: true }>;
}

/**
 * The links a page of a listing shows: bounded (at most about 2 × `around` + 5 entries) whatever
 * the number of pages, so the navigation does not grow with the corpus.
 */
export function paginationNav(current: number, total: number, href: (n: number) => string, around = 2): PaginationNav {
  const numbers = new Set([1, total]);
  for (let n = current - around; n <= current + around; n++) if (n >= 1 && n <= total) numbers.add(n);
  const sorted = [...numbers].sort((a, b) => a - b);
  const links: PaginationNav['links'] = [];
  sorted.forEach((n, i) => {
    if (i > 0 && n - sorted[i - 1] > 1) links.push({ gap: true });
    links.push({ number: n, href: href(n), current: n === current });
  });
  return {
    previous: current > 1 ? href(current - 1) : undefined,
    next: current < total ? href(current + 1) : undefined,
    links,
  };
}

/**
 * Splits groups into pages of at most `max` items without splitting a group, so a page stays
 * bounded as the data grows (a single group larger than `max` gets a page of its own).
 */
export function paginateGroups<T>(groups: T[], size: (group: T) => number, max: number): T[][] {
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
