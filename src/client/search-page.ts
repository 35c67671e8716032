/**
 * The /search/ page: results as you type, from the exact-match index through the one search core
 * (src/lib/search/search-core.ts; the same code runs in the offline copy, with another loader). Query and filters live in the URL (`?q=…&类型=…`); results are
 * `<li>` items in #search-results whose first link is the result. Keyboard: ↓ from the box moves
 * into the results, ↑/↓ move between them, Enter opens, Esc goes back to the box.
 *
 * Events on `document`, for other scripts and the tests: `search:start` when a search begins,
 * `search:rendered` when its results are shown (`detail`: q, filters, and `complete`: always true,
 * the count is exact from the first rendering), and `search:related` when pages holding part of the
 * query are listed below exact ones.
 */
import { resultItem, suggestionList } from '../lib/search/render.ts';
import { leadingDebounce } from '../lib/search/schedule.ts';
import {
  PAGE_SIZE,
  SearchCore,
  type FacetCounts,
  type KindCounts,
  type Loader,
  type Outcome,
  type ResultCard,
} from '../lib/search/search-core.ts';
import { FILTER_KEYS, activeFilters, readState, sameState, writeState, type FilterKey, type SearchState } from '../lib/search/state.ts';

/** An index file the browser could not get over the network (offline, or the site out of reach). */
export class IndexUnreachable extends Error {
  readonly path: string;
  constructor(path: string, cause: unknown) {
    super(`${path}: unreachable`, { cause });
    this.path = path;
  }
}

/** The link readers follow to save the whole library (the /offline/ page). */
const SAVE_ALL_TEXT = '保存全部以便离线阅读';

export interface SearchPageOptions {
  /** How index files are loaded (default: fetch from `<base>search-index/`). */
  load?: Loader;
  /** A page's site path (`documents/x/`) → its link (default: `<base>documents/x/`). */
  href?: (sitePath: string) => string;
  /** Where the reader saves the library for offline use; none in the offline copy (it is all there). */
  offlinePage?: string | null;
}

/**
 * Results fetched and shown first: about what a phone shows above the fold. The rest of the first
 * page follows once these are on screen, so the first paint of results (the page's largest
 * contentful paint) waits for three fragments, not ten.
 */
const FIRST_SCREEN = 3;

/** Keystrokes closer together than this are coalesced into one search. */
const DEBOUNCE_MS = 120;
/** A pause this long ends a typing burst: the next keystroke makes a new history entry. */
const HISTORY_PAUSE_MS = 1500;

export function startSearchPage(options: SearchPageOptions = {}): void {
  const root = document.getElementById('search-page') as HTMLElement;
  const form = document.getElementById('search-form') as HTMLFormElement;
  const input = document.getElementById('search-input') as HTMLInputElement;
  const status = document.getElementById('search-status') as HTMLElement;
  const list = document.getElementById('search-results') as HTMLOListElement;
  const more = document.getElementById('search-more') as HTMLButtonElement;
  const relatedSection = document.getElementById('search-related-section') as HTMLElement;
  const related = document.getElementById('search-related') as HTMLOListElement;
  const guide = document.getElementById('search-guide') as HTMLElement;
  const help = document.getElementById('search-noresult') as HTMLElement;
  const kindTabs = document.getElementById('search-kinds') as HTMLElement;
  // 类型 is chosen with the kind tabs above the results; the other filters are selects.
  const selects = new Map(
    FILTER_KEYS.flatMap((k) => {
      const select = form.querySelector<HTMLSelectElement>(`select[name="${k}"]`);
      return select ? [[k, select] as const] : [];
    }),
  );
  const filterToggle = form.querySelector<HTMLButtonElement>('#search-filters-toggle');
  const baseTitle = document.title;

  const base = root.dataset.base ?? '/';
  const load: Loader =
    options.load ??
    (async (path) => {
      let response: Response;
      try {
        response = await fetch(`${base}search-index/${path}`);
      } catch (error) {
        throw new IndexUnreachable(path, error); // a network failure: the service worker has not saved this file
      }
      if (!response.ok) throw new Error(`${path}: ${response.status}`);
      return response.json();
    });
  const offlinePage = options.offlinePage === undefined ? `${base}offline/` : options.offlinePage;
  const engine = new SearchCore(load, options.href ?? ((path) => base + path));
  let state = readState(location.search);
  let seq = 0;
  let loaded = false;
  let typingBurst = false;
  let burstTimer: ReturnType<typeof setTimeout> | undefined;

  // ---- filters -------------------------------------------------------------------------------
  const totals: Partial<Record<FilterKey, string[]>> = {};
  let lastFacets: FacetCounts = {};
  const byValue = (a: string, b: string) => a.localeCompare(b, 'zh');
  function fillSelects(facets: FacetCounts = {}) {
    for (const [key, select] of selects) {
      const values = new Set([...(totals[key] ?? []), ...(state.filters[key] ? [state.filters[key]!] : [])]);
      const counts = facets[key];
      const options = [new Option('全部', '')];
      for (const v of [...values].sort(byValue)) {
        const n = counts?.[v];
        options.push(new Option(counts ? `${v}（${n ?? 0}）` : v, v));
      }
      select.replaceChildren(...options);
      select.value = state.filters[key] ?? '';
    }
  }
  // The filter values (and their pages) are one file loaded when the reader turns to the filters
  // or opens a filtered address: a plain search does not pay for it.
  let facetsWanted = false;
  let filtersLoading: Promise<void> | undefined;
  const loadFilters = () =>
    (filtersLoading ??= engine.filterValues().then(
      (all) => {
        for (const key of FILTER_KEYS) totals[key] = Object.keys(all[key] ?? {});
        facetsWanted = true;
        fillSelects(lastFacets);
        if (state.q.trim()) void run();
      },
      (error: unknown) => {
        filtersLoading = undefined;
        console.error(error);
      },
    ));
  const filterBox = form.querySelector('#search-filters') ?? form;
  for (const type of ['focusin', 'pointerdown']) filterBox.addEventListener(type, () => void loadFilters());
  if (activeFilters(state.filters).length > 0) void loadFilters();

  // ---- state and history ---------------------------------------------------------------------
  function syncControls() {
    if (input.value !== state.q) input.value = state.q;
    for (const [key, select] of selects) if (select.value !== (state.filters[key] ?? '')) select.value = state.filters[key] ?? '';
    const chosen = activeFilters(state.filters).filter(([key]) => selects.has(key)).length;
    if (filterToggle) filterToggle.textContent = chosen ? `筛选（${chosen}）` : '筛选';
    document.title = state.q.trim() ? `“${state.q.trim()}”的搜索结果 · ${baseTitle}` : baseTitle;
  }

  function commitUrl(mode: 'push' | 'replace') {
    const url = location.pathname + writeState(state) + location.hash;
    if (url === location.pathname + location.search + location.hash) return;
    if (mode === 'push') history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }

  function endBurst() {
    typingBurst = false;
    clearTimeout(burstTimer);
  }

  // ---- searching -----------------------------------------------------------------------------
  async function run() {
    const my = ++seq;
    const searched: SearchState = { q: state.q, filters: { ...state.filters } };
    list.setAttribute('aria-busy', 'true');
    // Until the search index has answered once (seconds on a slow connection) say so, not "type to search".
    if (!loaded && (searched.q.trim() || activeFilters(searched.filters).length > 0)) status.textContent = '正在加载…';
    document.dispatchEvent(new CustomEvent('search:start', { detail: { q: searched.q, filters: searched.filters } }));
    let outcome: Outcome;
    let first: LoadedCards = { cards: [], unsaved: 0 };
    let loose: ResultCard[] = [];
    try {
      outcome = await engine.search(searched, { facets: facetsWanted });
      if (outcome.type !== 'empty') first = await loadCards(outcome, 0, FIRST_SCREEN);
      // With no exact result the partial matches are the list itself: wait for them. Otherwise they
      // are listed below the exact results once they arrive (showRelated).
      if (outcome.type === 'results' && outcome.exactCount === 0) loose = await outcome.loose();
    } catch (error) {
      if (my !== seq) return;
      list.removeAttribute('aria-busy');
      clearResults();
      if (error instanceof IndexUnreachable || !navigator.onLine) {
        // Offline (or the site out of reach): refreshing cannot help. Say what was searched.
        await showUnsavedIndex(searched);
        if (my === seq)
          document.dispatchEvent(new CustomEvent('search:offline', { detail: { q: searched.q, filters: searched.filters, results: 0 } }));
      } else {
        status.textContent = '搜索暂时不可用，请刷新页面后重试。';
      }
      console.error(error);
      return;
    }
    loaded = true;
    if (my !== seq) return;
    const appendCards = render(outcome, first.cards, loose, searched);
    // The rest of the first page of results, below the ones already on screen.
    if (outcome.type !== 'empty' && first.cards.length + first.unsaved === FIRST_SCREEN) {
      more.hidden = true; // shown again under the whole page of results: it must not jump down as they arrive
      let rest: LoadedCards;
      try {
        rest = await loadCards(outcome, FIRST_SCREEN, PAGE_SIZE);
      } catch (error) {
        if (my !== seq) return;
        list.removeAttribute('aria-busy');
        status.textContent = '搜索暂时不可用，请刷新页面后重试。';
        console.error(error);
        return;
      }
      if (my !== seq) return;
      appendCards(rest.cards, rest.unsaved);
      first = { cards: [...first.cards, ...rest.cards], unsaved: first.unsaved + rest.unsaved };
    }
    if (first.unsaved > 0 && outcome.type !== 'empty') {
      showUnsavedPages(outcome, first);
      document.dispatchEvent(
        new CustomEvent('search:offline', { detail: { q: searched.q, filters: searched.filters, results: first.cards.length } }),
      );
    }
    list.removeAttribute('aria-busy');
    const complete = true;
    list.dataset.query = searched.q;
    if (outcome.type === 'results') list.dataset.matches = String(outcome.matches);
    else delete list.dataset.matches;
    document.dispatchEvent(new CustomEvent('search:rendered', { detail: { q: searched.q, filters: searched.filters, complete } }));
    if (outcome.type === 'results' && outcome.exactCount > 0) await showRelated(outcome, searched, my);
  }

  /** The pages holding part of the query, below the exact results, once their files have arrived. */
  async function showRelated(outcome: Extract<Outcome, { type: 'results' }>, searched: SearchState, my: number) {
    let loose: ResultCard[];
    try {
      loose = await outcome.loose();
    } catch (error) {
      console.error(error); // the exact results are shown; the related ones are a bonus
      return;
    }
    if (my !== seq || loose.length === 0) return;
    const words = outcome.searchedAs;
    related.append(...loose.map((card) => withHighlight(resultItem(card), words)));
    relatedSection.hidden = false;
    status.textContent = `${status.textContent}另有 ${loose.length} 个相关结果列在后面。`;
    document.dispatchEvent(new CustomEvent('search:related', { detail: { q: searched.q, count: loose.length } }));
  }

  const debouncedRun = leadingDebounce(() => void run(), DEBOUNCE_MS);

  // ---- offline -------------------------------------------------------------------------------
  // Offline the service worker answers with the index files saved so far (those earlier searches
  // loaded, or all of them after 保存全部): a query whose shards are saved is searched over the
  // whole library (counts stay exact), and its results whose pages are not saved are left out.
  interface LoadedCards {
    cards: ResultCard[];
    /** Results whose fragment is not saved (offline). */
    unsaved: number;
  }
  type Listed = Exclude<Outcome, { type: 'empty' }>;
  /** Appends results (and counts those left out offline) below the ones shown. */
  type AppendCards = (cards: ResultCard[], unsaved: number) => void;
  async function loadCards(outcome: Listed, from: number, to: number): Promise<LoadedCards> {
    try {
      return { cards: await outcome.cards(from, to), unsaved: 0 };
    } catch (error) {
      if (!(error instanceof IndexUnreachable)) throw error;
      const total = outcome.type === 'browse' ? outcome.total : outcome.exactCount;
      const one = await Promise.allSettled(
        Array.from({ length: Math.max(0, Math.min(to, total) - from) }, (_, i) => outcome.cards(from + i, from + i + 1)),
      );
      const failed = one.find((r): r is PromiseRejectedResult => r.status === 'rejected' && !(r.reason instanceof IndexUnreachable));
      if (failed) throw failed.reason;
      return {
        cards: one.flatMap((r) => (r.status === 'fulfilled' ? r.value : [])),
        unsaved: one.filter((r) => r.status === 'rejected').length,
      };
    }
  }

  /**
   * How many of the index's gram and position shards the browser has saved (any of the worker's
   * caches): short words need the first, longer ones the second.
   */
  async function savedShards(): Promise<{ saved: number; total: number } | undefined> {
    try {
      const { shards } = await engine.meta();
      const shardFolders = ['g', 'p'].map((folder) => new URL(`${base}search-index/${folder}/`, location.href).pathname);
      const found = new Set<string>();
      for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) {
          const path = new URL(request.url).pathname;
          if (shardFolders.some((folder) => path.startsWith(folder)) && path.endsWith('.json')) found.add(path);
        }
      }
      return { saved: found.size, total: 2 * shards };
    } catch {
      return undefined;
    }
  }

  function saveAllLink(): HTMLElement {
    const p = document.createElement('p');
    p.className = 'search-offline-save';
    if (!offlinePage) return p;
    const a = document.createElement('a');
    a.href = offlinePage;
    a.textContent = SAVE_ALL_TEXT;
    p.append('联网时打开“', a, '”，保存全部内容后，离线也能搜索全部页面。');
    return p;
  }

  async function showUnsavedIndex(searched: SearchState) {
    const q = searched.q.trim();
    const share = 'caches' in window ? await savedShards() : undefined;
    const part = share ? `（已保存搜索索引的 ${share.saved} / ${share.total} 部分）` : '';
    status.textContent = q
      ? `目前处于离线状态。离线时只能在已保存的内容中搜索${part}，其中没有查找“${q}”所需的部分，所以无法显示结果。`
      : `目前处于离线状态。离线时只能在已保存的内容中浏览${part}，其中没有这些筛选条件所需的部分。`;
    help.append(saveAllLink());
  }

  function showUnsavedPages(outcome: Listed, loaded: LoadedCards) {
    const found = outcome.type === 'browse' ? outcome.total : outcome.exactCount;
    status.textContent = `目前处于离线状态：已在保存的搜索索引中查找，共有 ${found} 个结果；其中 ${loaded.unsaved} 个页面尚未保存，没有列出。`;
    help.append(saveAllLink());
  }

  function clearResults() {
    list.replaceChildren();
    related.replaceChildren();
    help.replaceChildren();
    relatedSection.hidden = true;
    more.hidden = true;
    kindTabs.hidden = true;
    kindTabs.replaceChildren();
    delete list.dataset.matches;
  }

  // ---- kind tabs -----------------------------------------------------------------------------
  /** 全部 and each kind in the site's order (from the index: src/config/site.config.ts kinds), with counts. */
  function renderKinds(kinds: KindCounts, searched: SearchState) {
    const current = searched.filters.类型 ?? '';
    const total = kinds.reduce((n, [, c]) => n + c, 0);
    const tabs: Array<[value: string, label: string, count: number]> = [
      ['', '全部', total],
      ...kinds.map(([kind, count]): [string, string, number] => [kind, kind, count]),
    ];
    if (current && !kinds.some(([kind]) => kind === current)) tabs.push([current, current, 0]);
    kindTabs.replaceChildren(
      ...tabs.map(([value, label, count]) => {
        const a = document.createElement('a');
        a.className = 'search-kind';
        a.dataset.kind = value;
        a.href = location.pathname + writeState({ q: searched.q, filters: withFilter(searched.filters, '类型', value) });
        const n = document.createElement('span');
        n.className = 'search-kind-count';
        n.textContent = `（${count}）`;
        a.append(label, n);
        if (value === current) a.setAttribute('aria-current', 'true');
        a.addEventListener('click', (event) => {
          if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
          event.preventDefault();
          chooseFilter('类型', value);
        });
        return a;
      }),
    );
    kindTabs.hidden = false;
  }

  function withFilter(filters: SearchState['filters'], key: FilterKey, value: string): SearchState['filters'] {
    const out = { ...filters };
    if (value) out[key] = value;
    else delete out[key];
    return out;
  }

  function chooseFilter(key: FilterKey, value: string) {
    state = { ...state, filters: withFilter(state.filters, key, value) };
    debouncedRun.cancel();
    endBurst();
    commitUrl('push');
    syncControls();
    void run();
  }

  /** Result links carry the searched words, which the opened page highlights (src/client/highlight.ts). */
  function withHighlight(item: HTMLLIElement, words: string): HTMLLIElement {
    if (!words) return item;
    for (const a of item.querySelectorAll<HTMLAnchorElement>('a[href]')) {
      const url = new URL(a.href, location.href);
      url.searchParams.set('highlight', words);
      a.href = url.href.slice(url.origin.length);
    }
    return item;
  }

  /** Shows an outcome with its first results; returns how to append more of its results below them. */
  function render(outcome: Outcome, first: ResultCard[], loose: ResultCard[], searched: SearchState): AppendCards {
    // A re-render (e.g. once every page has been checked) keeps the reader's place.
    const focusedHref =
      root.contains(document.activeElement) && document.activeElement instanceof HTMLAnchorElement
        ? document.activeElement.getAttribute('href')
        : null;
    const append = renderOutcome(outcome, first, loose, searched);
    if (focusedHref)
      root
        .querySelector<HTMLAnchorElement>(
          `#search-results a.result-link[href="${CSS.escape(focusedHref)}"], #search-related a.result-link[href="${CSS.escape(focusedHref)}"]`,
        )
        ?.focus();
    return append;
  }

  function renderOutcome(outcome: Outcome, first: ResultCard[], loose: ResultCard[], searched: SearchState): AppendCards {
    clearResults();
    guide.hidden = outcome.type !== 'empty';
    const q = searched.q.trim();
    const filterNote = activeFilters(searched.filters)
      .map(([k, v]) => `${k}：${v}`)
      .join('，');
    const within = filterNote ? `（筛选：${filterNote}）` : '';

    if (outcome.type === 'empty') {
      status.textContent = '输入关键词即可搜索，无需按回车。';
      lastFacets = {};
      fillSelects();
      return () => {};
    }
    lastFacets = outcome.facets;
    fillSelects(outcome.facets);
    renderKinds(outcome.kinds, searched);
    const words = outcome.type === 'results' ? outcome.searchedAs : '';
    const item = (card: ResultCard) => withHighlight(resultItem(card), words);

    // Results come PAGE_SIZE at a time; "show more" loads the next page's fragments.
    const total = outcome.type === 'browse' ? outcome.total : outcome.exactCount;
    let shown = first.length;
    list.append(...first.map(item));
    const showMore = () => {
      more.hidden = shown >= total;
      more.textContent = `显示更多结果（还有 ${total - shown} 个）`;
    };
    const my = seq;
    more.onclick = async () => {
      more.disabled = true;
      try {
        const loaded = await loadCards(outcome, shown, shown + PAGE_SIZE);
        const next = loaded.cards.map(item);
        if (my !== seq) return;
        shown += next.length + loaded.unsaved;
        if (loaded.unsaved) showUnsavedPages(outcome, loaded);
        list.append(...next);
        showMore();
        next[0]?.querySelector<HTMLAnchorElement>('a.result-link')?.focus();
      } finally {
        more.disabled = false;
      }
    };
    showMore();
    const append: AppendCards = (cards, unsaved) => {
      list.append(...cards.map(item));
      shown += cards.length + unsaved;
      showMore();
    };

    if (outcome.type === 'browse') {
      status.textContent = `${filterNote}：共 ${outcome.total} 个页面。输入关键词可在其中搜索。`;
      return append;
    }

    const asSearched = outcome.searchedAs !== q.replace(/\s+/g, ' ') ? `（已按“${outcome.searchedAs}”搜索）` : '';
    if (outcome.exactCount > 0) {
      const found = `找到 ${outcome.exactCount} 个包含“${q}”的结果${asSearched}${within}。`;
      status.textContent = found;
    } else if (loose.length) {
      list.append(...loose.map(item));
      status.textContent = `没有完全包含“${q}”的页面${asSearched}${within}；以下是部分匹配的结果。`;
      if (outcome.suggestions.length) help.append(suggestionList(outcome.suggestions));
    } else {
      status.textContent = `没有找到与“${q}”相关的内容${asSearched}${within}。`;
      if (outcome.suggestions.length) help.append(suggestionList(outcome.suggestions));
      const tips = document.createElement('ul');
      tips.className = 'search-tips';
      const tip = (text: string) => {
        const li = document.createElement('li');
        li.textContent = text;
        tips.append(li);
      };
      if (filterNote) tip('去掉筛选条件，在全部页面中搜索。');
      if (outcome.query.words.length > 1) tip('多个词语须同时出现；试着减少词语。');
      tip('换用更短或更常见的说法，例如只输入名称的一部分。');
      help.append(tips);
      if (filterNote) {
        const clear = document.createElement('button');
        clear.type = 'button';
        clear.className = 'search-clear-filters';
        clear.textContent = '清除筛选条件';
        clear.onclick = () => {
          state = { q: state.q, filters: {} };
          endBurst();
          syncControls();
          commitUrl('push');
          void run();
        };
        help.append(clear);
      }
    }
    return append;
  }

  // ---- events --------------------------------------------------------------------------------
  input.addEventListener('input', (event) => {
    if ((event as InputEvent).isComposing) return; // wait for the IME to finish
    state = { ...state, q: input.value };
    commitUrl(typingBurst ? 'replace' : 'push');
    typingBurst = true;
    clearTimeout(burstTimer);
    burstTimer = setTimeout(endBurst, HISTORY_PAUSE_MS);
    syncControls();
    debouncedRun();
  });
  input.addEventListener('compositionend', () => input.dispatchEvent(new Event('input', { bubbles: true })));
  input.addEventListener('blur', endBurst);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    debouncedRun.cancel();
    state = { ...state, q: input.value };
    endBurst();
    commitUrl('push');
    syncControls();
    void run();
  });

  for (const [key, select] of selects) {
    select.addEventListener('change', () => chooseFilter(key, select.value));
  }

  window.addEventListener('popstate', () => {
    const next = readState(location.search);
    if (sameState(next, state)) return;
    state = next;
    debouncedRun.cancel();
    endBurst();
    syncControls();
    void run();
  });

  // Arrow keys: from the box into the results, and between results (their title links).
  const resultLinks = () => [
    ...root.querySelectorAll<HTMLAnchorElement>('#search-results > li a.result-link, #search-related > li a.result-link'),
  ];
  // `/` is the shortcut to this box (src/layouts/Base.astro): pressed in the empty box it types nothing.
  input.addEventListener('keydown', (event) => {
    if (event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !event.isComposing && input.value === '')
      event.preventDefault();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' || event.altKey || event.ctrlKey || event.metaKey) return;
    const first = resultLinks()[0];
    if (!first) return;
    event.preventDefault();
    first.focus();
  });
  root.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement;
    const item = target.closest('li.search-result');
    if (!item || !['ArrowDown', 'ArrowUp', 'Escape', 'Home', 'End'].includes(event.key)) return;
    const links = resultLinks();
    const current = links.indexOf(item.querySelector<HTMLAnchorElement>('a.result-link')!);
    let next: HTMLElement | undefined;
    if (event.key === 'ArrowDown') next = links[current + 1];
    else if (event.key === 'ArrowUp') next = current <= 0 ? input : links[current - 1];
    else if (event.key === 'Home') next = links[0];
    else if (event.key === 'End') next = links[links.length - 1];
    else next = input;
    if (!next) return;
    event.preventDefault();
    next.focus();
    if (next === input) input.select();
  });

  // Start: the index's small meta file at once (it holds the t2s map and the synonyms).
  guide.hidden = state.q.trim() !== '' || activeFilters(state.filters).length > 0;
  syncControls();
  fillSelects();
  // The box takes the focus only when the reader arrives to type a query: arriving with one (from
  // the header box, a link or a bookmark) the results are what they came for, and a focused box
  // would take the keys meant for the page (`/` typed a slash; a phone's keyboard covered them).
  if (!state.q.trim() && activeFilters(state.filters).length === 0) input.focus({ preventScroll: true });
  // Filters are one row; on a phone they fold under a 筛选 button (open when one is chosen).
  const filterPanel = form.querySelector<HTMLElement>('#search-filters');
  const setFiltersOpen = (open: boolean) => {
    form.classList.toggle('filters-open', open);
    filterToggle?.setAttribute('aria-expanded', String(open));
  };
  filterToggle?.addEventListener('click', () => {
    const open = !form.classList.contains('filters-open');
    setFiltersOpen(open);
    if (open) filterPanel?.querySelector('select')?.focus();
  });
  setFiltersOpen(activeFilters(state.filters).some(([key]) => selects.has(key)));
  void run();
  void engine.meta().then(
    () => (root.dataset.searchReady = 'true'),
    (error: unknown) => console.error(error), // run() reports it to the reader
  );
}
