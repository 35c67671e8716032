/**
 * The search page's state lives in its URL, so results can be shared and Back works:
 * `/search/?q=楼长制&类型=政策&年份=2022`. Filter names are those the page templates mark
 * (data-search-filter, read by src/lib/search/indexed-text.ts).
 */
export const FILTER_KEYS = ['类型', '地区', '年份', '来源文件'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey, string>>;

export interface SearchState {
  q: string;
  filters: Filters;
}

export function readState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters: Filters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  return { q: params.get('q') ?? '', filters };
}

/** `?q=…&类型=…` (empty parts left out), or '' for the empty state. */
export function writeState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q);
  for (const key of FILTER_KEYS) {
    const value = state.filters[key];
    if (value) params.set(key, value);
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

export function sameState(a: SearchState, b: SearchState): boolean {
  return writeState(a) === writeState(b);
}

/** Whether a page's filter values satisfy every chosen filter. */
export function matchesFilters(pageFilters: Readonly<Record<string, readonly string[]>>, filters: Filters, except?: FilterKey): boolean {
  return FILTER_KEYS.every((key) => key === except || !filters[key] || (pageFilters[key] ?? []).includes(filters[key]!));
}

export function activeFilters(filters: Filters): Array<[FilterKey, string]> {
  return FILTER_KEYS.filter((k) => filters[k]).map((k) => [k, filters[k]!]);
}
