/**
 * The /search/ page: results as you type, over Pagefind's JS API (see search/engine.ts for how
 * results are found and ranked). Query and filters live in the URL (`?q=…&类型=…`); results are
 * `<li>` items in #search-results whose first link is the result. Keyboard: ↓ from the box moves
 * into the results, ↑/↓ move between them, Enter opens, Esc goes back to the box.
 *
 * Events on `document`, for other scripts and the tests: `search:start` when a search begins,
 * `search:rendered` when its results are shown (`detail`: q, filters, and `complete` — false while
 * only Pagefind's candidates have been checked; a complete rendering follows), and `search:related`
 * when looser matches have been added below exact ones.
 */
import { leadingDebounce } from '../lib/search/schedule.ts';
import { FILTER_KEYS, activeFilters, readState, sameState, writeState, type FilterKey, type SearchState } from '../lib/search/state.ts';
import { PAGE_SIZE, SearchEngine, type FacetCounts, type Outcome, type Pagefind } from './search/engine.ts';
import { resultItem, suggestionList } from './search/render.ts';

declare global {
  interface Window {
    loadPagefind: () => Promise<Pagefind>;
  }
}

/** Keystrokes closer together than this are coalesced into one search. */
const DEBOUNCE_MS = 120;
/** A pause this long ends a typing burst: the next keystroke makes a new history entry. */
const HISTORY_PAUSE_MS = 1500;

export function startSearchPage(): void {
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

  const engine = new SearchEngine(root.dataset.base ?? '/', () => window.loadPagefind());
  let state = readState(location.search);
  let seq = 0;
  let shownIncomplete = false;
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
  void engine.filterValues().then(
    (all) => {
      for (const key of FILTER_KEYS) totals[key] = Object.keys(all[key] ?? {});
      fillSelects(lastFacets);
    },
    (error: unknown) => console.error(error),
  );

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
    // Until Pagefind has answered once (seconds on a slow connection) say so, not "type to search".
    if (!loaded && (searched.q.trim() || activeFilters(searched.filters).length > 0)) status.textContent = '正在加载…';
    document.dispatchEvent(new CustomEvent('search:start', { detail: { q: searched.q, filters: searched.filters } }));
    let outcome: Outcome;
    try {
      outcome = await engine.search(searched);
    } catch (error) {
      if (my !== seq) return;
      list.removeAttribute('aria-busy');
      status.textContent = '搜索暂时不可用，请刷新页面后重试。';
      console.error(error);
      return;
    }
    loaded = true;
    if (my !== seq) return;
    render(outcome, searched);
    list.removeAttribute('aria-busy');
    const complete = outcome.type !== 'results' || outcome.complete;
    shownIncomplete = !complete;
    list.dataset.query = searched.q;
    if (outcome.type === 'results') list.dataset.matches = String(outcome.matches);
    else delete list.dataset.matches;
    document.dispatchEvent(new CustomEvent('search:rendered', { detail: { q: searched.q, filters: searched.filters, complete } }));
  }

  const debouncedRun = leadingDebounce(() => void run(), DEBOUNCE_MS);

  function render(outcome: Outcome, searched: SearchState) {
    // A re-render (e.g. once every page has been checked) keeps the reader's place.
    const focusedHref = root.contains(document.activeElement) && document.activeElement instanceof HTMLAnchorElement ? document.activeElement.getAttribute('href') : null;
    renderOutcome(outcome, searched);
    if (focusedHref) root.querySelector<HTMLAnchorElement>(`#search-results a.result-link[href="${CSS.escape(focusedHref)}"], #search-related a.result-link[href="${CSS.escape(focusedHref)}"]`)?.focus();
  }

  function renderOutcome(outcome: Outcome, searched: SearchState) {
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

    if (outcome.type === 'browse') {
      list.append(...outcome.pages.map(resultItem));
      status.textContent = `${filterNote}：共 ${outcome.pages.length} 个页面。输入关键词可在其中搜索。`;
      return;
    }

    const asSearched = outcome.searchedAs !== q.replace(/\s+/g, ' ') ? `（已按“${outcome.searchedAs}”搜索）` : '';
    let shown = Math.min(PAGE_SIZE, outcome.exactCount);
    list.append(...outcome.cards(0, shown).map(resultItem));
    const showMore = () => {
      more.hidden = shown >= outcome.exactCount;
      more.textContent = `显示更多结果（还有 ${outcome.exactCount - shown} 个）`;
    };
    more.onclick = () => {
      const next = outcome.cards(shown, shown + PAGE_SIZE).map(resultItem);
      shown += next.length;
      list.append(...next);
      showMore();
      next[0]?.querySelector<HTMLAnchorElement>('a.result-link')?.focus();
    };
    showMore();

    const pending = outcome.complete ? '' : '正在检查全部页面…';
    if (outcome.exactCount > 0) {
      const found = `找到 ${outcome.exactCount} 个包含“${q}”的结果${asSearched}${within}。`;
      status.textContent = found + pending;
      const my = seq;
      void outcome.related.then((loose) => {
        if (my !== seq || loose.length === 0) return;
        related.append(...loose.map(resultItem));
        relatedSection.hidden = false;
        status.textContent = `${found}另有 ${loose.length} 个相关结果列在后面。${pending}`;
        document.dispatchEvent(new CustomEvent('search:related', { detail: { q: searched.q, count: loose.length } }));
      }, (error: unknown) => console.error(error));
    } else if (outcome.loose.length) {
      list.append(...outcome.loose.map(resultItem));
      status.textContent = `没有完全包含“${q}”的页面${asSearched}${within}；以下是部分匹配的结果。${pending}`;
      if (outcome.suggestions.length) help.append(suggestionList(outcome.suggestions));
    } else {
      status.textContent = `没有找到与“${q}”相关的内容${asSearched}${within}。${pending}`;
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

  // Start: Pagefind, names and the t2s map at once; every page's text in the background.
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
  const idle = (cb: () => void) => ('requestIdleCallback' in window ? requestIdleCallback(cb, { timeout: 500 }) : setTimeout(cb, 50));
  void engine.start().then(
    () =>
      idle(() =>
        void engine.preloadAll().then(
          () => {
            root.dataset.allPagesLoaded = 'true';
            if (shownIncomplete) void run();
          },
          (error: unknown) => console.error(error),
        ),
      ),
    (error: unknown) => console.error(error), // run() reports it to the reader
  );
}
