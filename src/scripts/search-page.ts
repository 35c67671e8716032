/** The /search/ page: reads ?q=, asks Pagefind, renders results as <li> in #search-results. */
interface PagefindResult {
  data: () => Promise<{ url: string; excerpt: string; meta: Record<string, string>; sub_results?: Array<{ url: string; title: string; excerpt: string }> }>;
}
interface Pagefind {
  search: (q: string) => Promise<{ results: PagefindResult[] }>;
  options?: (o: Record<string, unknown>) => Promise<void>;
}

declare global {
  interface Window {
    loadPagefind: () => Promise<Pagefind>;
  }
}

let pagefind: Promise<Pagefind> | undefined;
const loadPagefind = () => (pagefind ??= window.loadPagefind());

export function startSearchPage(): void {
  const input = document.getElementById('search-input') as HTMLInputElement;
  const list = document.getElementById('search-results') as HTMLOListElement;
  const status = document.getElementById('search-status') as HTMLElement;
  const form = document.getElementById('search-form') as HTMLFormElement;

  async function run(query: string) {
    list.replaceChildren();
    if (!query.trim()) return;
    status.textContent = '正在搜索…';
    const pf = await loadPagefind();
    const { results } = await pf.search(query.trim());
    const items = await Promise.all(results.slice(0, 20).map((r) => r.data()));
    for (const item of items) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = item.url;
      a.textContent = item.meta.title ?? item.url;
      a.className = 'text-lg font-bold';
      const p = document.createElement('p');
      p.className = 'text-sm';
      p.innerHTML = item.excerpt; // Pagefind escapes page text and only adds <mark>
      li.append(a, p);
      list.append(li);
    }
    status.textContent = items.length ? `找到 ${results.length} 个结果。` : `没有找到与“${query}”相关的内容。`;
  }

  const q = new URLSearchParams(location.search).get('q') ?? '';
  input.value = q;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const url = new URL(location.href);
    url.searchParams.set('q', input.value);
    history.pushState(null, '', url);
    void run(input.value);
  });
  window.addEventListener('popstate', () => {
    input.value = new URLSearchParams(location.search).get('q') ?? '';
    void run(input.value);
  });
  void run(q);
}
