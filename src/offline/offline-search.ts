/**
 * Search for the offline copy (dist-offline), where pages are opened from disk (file://) and
 * Pagefind cannot load. scripts/build-offline.ts bundles this file as a classic script and adds it,
 * after the index script (`window.OFFLINE_SEARCH_INDEX`), to the copy's search page.
 *
 * Contract with the search page: reads `?q=`, renders one <li> per result into #search-results
 * (its first <a> links to the result), reports in #search-status when present.
 */
import { prepareIndex, search, type OfflineIndex } from './search-core.ts';

declare global {
  interface Window {
    OFFLINE_SEARCH_INDEX?: OfflineIndex;
  }
}

function start(): void {
  const list = document.getElementById('search-results');
  const index = window.OFFLINE_SEARCH_INDEX;
  if (!list || !index) return;
  const status = document.getElementById('search-status');
  // The site root, from this script's own URL (…/offline/offline-search.js).
  const script = document.currentScript as HTMLScriptElement | null;
  const root = new URL('../', script?.src ?? location.href);
  const main = document.querySelector('main') ?? document.body;
  const form = (document.getElementById('search-form') as HTMLFormElement | null) ?? main.querySelector('form');
  const input = (form?.querySelector('input[name="q"]') ?? document.getElementById('search-input')) as HTMLInputElement | null;

  let prepared: ReturnType<typeof prepareIndex> | undefined;
  const render = (query: string) => {
    list.replaceChildren();
    if (!query.trim()) return;
    prepared ??= prepareIndex(index);
    const { total, results } = search(prepared, query);
    for (const r of results) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = new URL(r.url, root).href;
      a.textContent = r.title;
      a.className = 'text-lg font-bold';
      li.append(a);
      if (r.kind) {
        const badge = document.createElement('span');
        badge.className = 'ml-2 text-xs text-[var(--muted)]';
        badge.textContent = r.kind;
        li.append(badge);
      }
      const p = document.createElement('p');
      p.className = 'text-sm';
      for (const part of r.excerpt) {
        if (part.match) {
          const mark = document.createElement('mark');
          mark.textContent = part.text;
          p.append(mark);
        } else p.append(part.text);
      }
      li.append(p);
      list.append(li);
    }
    if (status) {
      status.textContent = total === 0 ? `没有找到与“${query.trim()}”相关的内容。` : total > results.length ? `找到 ${total} 个结果，显示前 ${results.length} 个（离线检索）。` : `找到 ${total} 个结果（离线检索）。`;
    }
  };

  const query = new URLSearchParams(location.search).get('q') ?? '';
  if (input) input.value = query;
  // Submitting reloads this page with ?q= (works from disk too), so the address can be bookmarked.
  form?.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = input?.value ?? '';
    location.search = value.trim() ? `?q=${encodeURIComponent(value)}` : '';
  });
  render(query);
}

start();
