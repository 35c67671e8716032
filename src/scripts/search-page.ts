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
import { PAGE_SIZE, SearchCore, type FacetCounts, type Loader, type Outcome, type ResultCard } from '../lib/search/search-core.ts';
import { FILTER_KEYS, activeFilters, readState, sameState, writeState, type FilterKey, type SearchState } from '../lib/search/state.ts';

export interface SearchPageOptions {
  /** How index files are loaded (default: fetch from `<base>search-index/`). */
  load?: Loader;
  /** A page's site path (`documents/x/`) → its link (default: `<base>documents/x/`). */
  href?: (sitePath: string) => string;
}

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
  const selects = new Map(FILTER_KEYS.map((k) => [k, form.querySelector<HTMLSelectElement>(`select[name="${k}"]`)!]));
  const baseTitle = document.title;

  const base = root.dataset.base ?? '/';
  const load: Loader =
    options.load ??
    (async (path) => {
      const response = await fetch(`${base}search-index/${path}`);
      if (!response.ok) throw new Error(`${path}: ${response.status}`);
      return response.json();
    });
  const engine = new SearchCore(load, options.href ?? ((path) => base + path));
  let state = readState(location.search);
  let seq = 0;
  let loaded = false;
  let typingBurst = false;
  let burstTimer: ReturnType<typeof setTimeout> | undefined;

  // ---- filters -------------------------------------------------------------------------------
  const totals: Partial<Record<FilterKey, string[]>> = {};
  let lastFacets: FacetCounts = {};
  const TYPE_ORDER = ['文件', '政策', '项目', '治理模式'];
  const byValue = (key: FilterKey) => (a: string, b: string) =>
    key === '类型' ? (TYPE_ORDER.indexOf(a) + 1 || 99) - (TYPE_ORDER.indexOf(b) + 1 || 99) : a.localeCompare(b, 'zh');
  function fillSelects(facets: FacetCounts = {}) {
    for (const [key, select] of selects) {
      const values = new Set([...(totals[key] ?? []), ...(state.filters[key] ? [state.filters[key]!] : [])]);
      const counts = facets[key];
      const options = [new Option('全部', '')];
      for (const v of [...values].sort(byValue(key))) {
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
    let first: ResultCard[] = [];
    try {
      outcome = await engine.search(searched, { facets: facetsWanted });
      if (outcome.type !== 'empty') first = await outcome.cards(0, PAGE_SIZE);
    } catch (error) {
      if (my !== seq) return;
      list.removeAttribute('aria-busy');
      status.textContent = '搜索暂时不可用，请刷新页面后重试。';
      console.error(error);
      return;
    }
    loaded = true;
    if (my !== seq) return;
    render(outcome, first, searched);
    list.removeAttribute('aria-busy');
    const complete = true;
    list.dataset.query = searched.q;
    if (outcome.type === 'results') list.dataset.matches = String(outcome.matches);
    else delete list.dataset.matches;
    document.dispatchEvent(new CustomEvent('search:rendered', { detail: { q: searched.q, filters: searched.filters, complete } }));
  }

  const debouncedRun = leadingDebounce(() => void run(), DEBOUNCE_MS);

  function render(outcome: Outcome, first: ResultCard[], searched: SearchState) {
    // A re-render (e.g. once every page has been checked) keeps the reader's place.
    const focusedHref = root.contains(document.activeElement) && document.activeElement instanceof HTMLAnchorElement ? document.activeElement.getAttribute('href') : null;
    renderOutcome(outcome, first, searched);
    if (focusedHref) root.querySelector<HTMLAnchorElement>(`#search-results a.result-link[href="${CSS.escape(focusedHref)}"], #search-related a.result-link[href="${CSS.escape(focusedHref)}"]`)?.focus();
  }

  function renderOutcome(outcome: Outcome, first: ResultCard[], searched: SearchState) {
    list.replaceChildren();
    related.replaceChildren();
    help.replaceChildren();
    relatedSection.hidden = true;
    more.hidden = true;
    guide.hidden = outcome.type !== 'empty';
    const q = searched.q.trim();
    const filterNote = activeFilters(searched.filters).map(([k, v]) => `${k}：${v}`).join('，');
    const within = filterNote ? `（筛选：${filterNote}）` : '';

    if (outcome.type === 'empty') {
      status.textContent = '输入关键词即可搜索，无需按回车。';
      lastFacets = {};
      fillSelects();
      return;
    }
    lastFacets = outcome.facets;
    fillSelects(outcome.facets);

    // Results come PAGE_SIZE at a time; "show more" loads the next page's fragments.
    const total = outcome.type === 'browse' ? outcome.total : outcome.exactCount;
    let shown = first.length;
    list.append(...first.map(resultItem));
    const showMore = () => {
      more.hidden = shown >= total;
      more.textContent = `显示更多结果（还有 ${total - shown} 个）`;
    };
    const my = seq;
    more.onclick = async () => {
      more.disabled = true;
      try {
        const next = (await outcome.cards(shown, shown + PAGE_SIZE)).map(resultItem);
        if (my !== seq) return;
        shown += next.length;
        list.append(...next);
        showMore();
        next[0]?.querySelector<HTMLAnchorElement>('a.result-link')?.focus();
      } finally {
        more.disabled = false;
      }
    };
    showMore();

    if (outcome.type === 'browse') {
      status.textContent = `${filterNote}：共 ${outcome.total} 个页面。输入关键词可在其中搜索。`;
      return;
    }

    const asSearched = outcome.searchedAs !== q.replace(/\s+/g, ' ') ? `（已按“${outcome.searchedAs}”搜索）` : '';
    if (outcome.exactCount > 0) {
      const found = `找到 ${outcome.exactCount} 个包含“${q}”的结果${asSearched}${within}。`;
      status.textContent = found;
      if (outcome.loose.length > 0) {
        related.append(...outcome.loose.map(resultItem));
        relatedSection.hidden = false;
        status.textContent = `${found}另有 ${outcome.loose.length} 个相关结果列在后面。`;
        queueMicrotask(() => document.dispatchEvent(new CustomEvent('search:related', { detail: { q: searched.q, count: outcome.loose.length } })));
      }
    } else if (outcome.loose.length) {
      list.append(...outcome.loose.map(resultItem));
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
    select.addEventListener('change', () => {
      const filters = { ...state.filters };
      if (select.value) filters[key] = select.value;
      else delete filters[key];
      state = { ...state, filters };
      debouncedRun.cancel();
      endBurst();
      commitUrl('push');
      syncControls();
      void run();
    });
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
  const resultLinks = () => [...root.querySelectorAll<HTMLAnchorElement>('#search-results > li a.result-link, #search-related > li a.result-link')];
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
  // Arriving here (from a header box, a link or a bookmark) the reader can refine the query at once,
  // or press ↓ for the results. Not on touch screens with a query: the keyboard would cover them.
  if (!(state.q.trim() && matchMedia('(pointer: coarse)').matches)) {
    input.focus({ preventScroll: true });
    input.setSelectionRange(input.value.length, input.value.length);
  }
  void run();
  void engine.meta().then(
    () => (root.dataset.searchReady = 'true'),
    (error: unknown) => console.error(error), // run() reports it to the reader
  );
}
