/**
 * /offline/: shows the size of what the first visit did not save, saves it all into the service
 * worker's runtime caches with a progress bar, asks the browser to keep that storage
 * (`navigator.storage.persist()`: otherwise a browser may evict it silently when space runs low),
 * and lists the pages that are saved (from the Cache API) by title and kind, in the manifest's
 * reading order. Once everything is saved it says so (已保存（日期，N 页）) instead of offering to
 * save. Served by the service worker, offline, at the address of any page not yet saved.
 */
import { FILES_CACHE, PAGES_CACHE, type OfflineManifest } from '../lib/offline/offline-caches.ts';

const root = document.querySelector<HTMLElement>('[data-offline-page]')!;
const base = new URL(root.dataset.base!, location.href);
const sizeText = root.querySelector<HTMLElement>('[data-save-size]')!;
const button = root.querySelector<HTMLButtonElement>('[data-save-all]')!;
const progress = root.querySelector<HTMLProgressElement>('[data-save-progress]')!;
const status = root.querySelector<HTMLElement>('[data-save-status]')!;
const savedCount = root.querySelector<HTMLElement>('[data-saved-count]')!;
const savedList = root.querySelector<HTMLUListElement>('[data-saved-list]')!;
const CONCURRENCY = 4;
/** When the reader last saved everything (this browser), for 已保存（日期，N 页）. */
const SAVED_AT_KEY = 'offline-saved-at';
const storage = {
  get: (key: string) => {
    try {
      return localStorage.getItem(key);
    } catch {
      return null; // storage blocked: the date is left out
    }
  },
  set: (key: string, value: string) => {
    try {
      localStorage.setItem(key, value);
    } catch {
      // storage blocked: the date is left out
    }
  },
};

const mb = (bytes: number) =>
  bytes / 1024 / 1024 >= 0.1 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
const isHere = new URL(location.href);
isHere.search = '';
isHere.hash = '';
// Shown at another page's address, this page is the service worker's answer to a page it could not
// fetch and has not saved: that is the whole test (navigator.onLine is not: it stays true on a
// network that does not reach the site, and in some browsers' offline emulation).
if (isHere.pathname !== new URL('offline/', base).pathname) {
  root.querySelector<HTMLElement>('[data-unsaved-notice]')!.hidden = false;
}

let manifest: OfflineManifest | undefined;
/** Page address → [title, kind, reading order], from the manifest. */
const known = new Map<string, { title: string; kind: string; order: number }>();

/** Every cached page: the precache's .html files and the pages cache, as page addresses. */
async function savedPages(): Promise<string[]> {
  const urls = new Set<string>();
  for (const name of await caches.keys()) {
    if (!name.includes('-precache-') && name !== PAGES_CACHE) continue;
    for (const request of await (await caches.open(name)).keys()) {
      const url = new URL(request.url);
      url.search = '';
      if (name !== PAGES_CACHE && !url.pathname.endsWith('.html')) continue;
      if (url.pathname.endsWith('/404.html')) continue;
      url.pathname = url.pathname.replace(/index\.html$/, '');
      if (url.pathname.endsWith('.html')) continue;
      urls.add(url.href);
    }
  }
  return [...urls].sort();
}

async function showSaved(): Promise<Set<string>> {
  if (!('caches' in window)) {
    savedCount.textContent = '此浏览器不支持离线保存。';
    return new Set();
  }
  const pages = await savedPages();
  savedCount.textContent = `共 ${pages.length} 个页面可离线阅读。`;
  // Without the manifest (offline before it was ever loaded) a page is listed by its address.
  const entry = (href: string) => known.get(href) ?? { title: decodeURIComponent(new URL(href).pathname), kind: '', order: Infinity };
  const ordered = [...pages].sort((a, b) => entry(a).order - entry(b).order || a.localeCompare(b));
  savedList.replaceChildren(
    ...ordered.map((href) => {
      const { title, kind } = entry(href);
      const li = document.createElement('li');
      if (kind) {
        const badge = document.createElement('span');
        badge.className = 'saved-kind';
        badge.textContent = kind;
        li.append(badge, ' ');
      }
      const a = document.createElement('a');
      a.href = href;
      a.textContent = title;
      li.append(a);
      return li;
    }),
  );
  return new Set(pages);
}

/** Files of the manifest not in any cache yet. */
async function missing(m: OfflineManifest): Promise<OfflineManifest['files']> {
  const out: OfflineManifest['files'] = [];
  for (const f of m.files) {
    const hit = await caches.match(new URL(f.url, base).href, { ignoreSearch: true });
    if (!hit) out.push(f);
  }
  return out;
}

async function refresh(): Promise<void> {
  try {
    const response = await fetch(root.dataset.manifest!);
    if (!response.ok) throw new Error(String(response.status));
    manifest = (await response.json()) as OfflineManifest;
  } catch {
    sizeText.textContent = '离线时无法查看其余内容的大小；联网后可保存全部。';
    await showSaved();
    return;
  }
  (manifest.pages ?? []).forEach(([url, title, kind], order) => known.set(new URL(url, base).href, { title, kind, order }));
  for (const f of manifest.files)
    if (f.title && !known.has(new URL(f.url, base).href))
      known.set(new URL(f.url, base).href, { title: f.title, kind: '', order: Infinity });
  const saved = await showSaved();
  const rest = await missing(manifest);
  const bytes = rest.reduce((n, f) => n + f.size, 0);
  if (rest.length === 0) {
    const at = storage.get(SAVED_AT_KEY);
    const date = at ? new Date(at).toLocaleDateString('zh-CN', { year: 'numeric', month: 'long', day: 'numeric' }) + '，' : '';
    sizeText.textContent = `已保存（${date}${saved.size} 页），全部内容可离线阅读。`;
    button.hidden = true;
    await showPersistence();
    return;
  }
  sizeText.textContent = `其余内容共 ${rest.length} 个文件，约 ${mb(bytes)}（未压缩）。`;
  button.disabled = !('serviceWorker' in navigator && 'caches' in window);
}

/** Says whether the browser keeps the saved library (persistent storage) or may clear it. */
async function showPersistence(): Promise<void> {
  const persisted = await navigator.storage?.persisted?.().catch(() => false);
  if (persisted === undefined) return;
  const note = persisted ? '浏览器会长期保留已保存的内容。' : '浏览器在存储空间不足时可能清除已保存的内容；再次打开本页可检查并补全。';
  if (!status.textContent?.includes(note)) status.textContent = [status.textContent, note].filter(Boolean).join(' ');
}

async function saveAll(): Promise<void> {
  if (!manifest) return;
  // Asked at the reader's own action, as browsers expect; the answer is shown after saving.
  const persisting = navigator.storage?.persist?.().catch(() => false);
  const rest = await missing(manifest);
  const total = rest.reduce((n, f) => n + f.size, 0) || 1;
  const [pagesCache, filesCache] = await Promise.all([caches.open(PAGES_CACHE), caches.open(FILES_CACHE)]);
  button.disabled = true;
  progress.hidden = false;
  progress.max = total;
  progress.value = 0;
  let done = 0;
  let failed = 0;
  const queue = [...rest];
  const worker = async () => {
    for (let f = queue.shift(); f; f = queue.shift()) {
      const url = new URL(f.url, base).href;
      try {
        const response = await fetch(url, { cache: 'no-cache' });
        if (!response.ok) throw new Error(String(response.status));
        await (f.title !== undefined || f.url.endsWith('/') || f.url === '' ? pagesCache : filesCache).put(url, response);
      } catch {
        failed++;
      }
      done += f.size;
      progress.value = done;
      status.textContent = `正在保存：${mb(done)} / ${mb(total)}`;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  if (!failed) storage.set(SAVED_AT_KEY, new Date().toISOString());
  await persisting;
  status.textContent = failed ? `已保存，但有 ${failed} 个文件未能下载；联网后可再试一次。` : '全部内容已保存，可离线阅读。';
  await refresh();
  if (failed) button.disabled = false;
}

button.addEventListener('click', () => void saveAll());
void refresh();
// On a first visit the worker is still precaching: list the saved pages again once it is active.
navigator.serviceWorker?.ready.then(() => showSaved()).catch(() => {});
