/**
 * /offline/: shows the size of what the first visit did not save, saves it all into the service
 * worker's runtime caches with a progress bar, and lists the pages that are saved (from the Cache
 * API). Served by the service worker, offline, at the address of any page not yet saved.
 */
import { FILES_CACHE, PAGES_CACHE, type OfflineManifest } from '../lib/offline-caches.ts';

const root = document.querySelector<HTMLElement>('[data-offline-page]')!;
const base = new URL(root.dataset.base!, location.href);
const sizeText = root.querySelector<HTMLElement>('[data-save-size]')!;
const button = root.querySelector<HTMLButtonElement>('[data-save-all]')!;
const progress = root.querySelector<HTMLProgressElement>('[data-save-progress]')!;
const status = root.querySelector<HTMLElement>('[data-save-status]')!;
const savedCount = root.querySelector<HTMLElement>('[data-saved-count]')!;
const savedList = root.querySelector<HTMLUListElement>('[data-saved-list]')!;
const CONCURRENCY = 4;

const mb = (bytes: number) => (bytes / 1024 / 1024 >= 0.1 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);
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
const titles = new Map<string, string>();

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
  savedList.replaceChildren(
    ...pages.map((href) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = href;
      a.textContent = titles.get(href) ?? decodeURIComponent(new URL(href).pathname);
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
  for (const f of manifest.files) if (f.title) titles.set(new URL(f.url, base).href, f.title);
  await showSaved();
  const rest = await missing(manifest);
  const bytes = rest.reduce((n, f) => n + f.size, 0);
  if (rest.length === 0) {
    sizeText.textContent = `全部内容（${mb(manifest.size)}）均已保存，可离线阅读。`;
    button.disabled = true;
    return;
  }
  sizeText.textContent = `其余内容共 ${rest.length} 个文件，约 ${mb(bytes)}（未压缩）。`;
  button.disabled = !('serviceWorker' in navigator && 'caches' in window);
}

async function saveAll(): Promise<void> {
  if (!manifest) return;
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
  status.textContent = failed ? `已保存，但有 ${failed} 个文件未能下载；联网后可再试一次。` : '全部内容已保存，可离线阅读。';
  await refresh();
  if (failed) button.disabled = false;
}

button.addEventListener('click', () => void saveAll());
void refresh();
// On a first visit the worker is still precaching: list the saved pages again once it is active.
navigator.serviceWorker?.ready.then(() => showSaved()).catch(() => {});
