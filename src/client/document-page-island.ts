import { citedDate, formatCitation, type CitableMeta } from '../lib/views/citation.ts';

/**
 * The document page's one island: the permalink menu (复制链接 / 复制引用), the contents
 * highlight, 返回顶部 and 打印. Everything it enhances works without it: permalinks are links,
 * the contents are links, 返回顶部 is a link.
 */
export function initDocumentPage(): void {
  const citeButton = document.querySelector<HTMLButtonElement>('[data-cite-document]');
  if (!citeButton) return;
  const citation = JSON.parse(citeButton.dataset.citation ?? '{}') as CitableMeta;
  document.querySelector<HTMLElement>('[data-tools-js]')?.removeAttribute('hidden');
  document.querySelector('[data-print]')?.addEventListener('click', () => window.print());
  initCiteMenu(citation, citeButton);
  initPermalinkReveal();
  initContentsHighlight();
  initBackToTop();
}

/** The page's address without its fragment: the canonical one when the page declares it. */
function pageUrl(): string {
  const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
  return canonical || location.href.replace(/#.*$/, '');
}

async function copyText(text: string, fallbackFrom: HTMLElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard permission (an insecure origin, an old browser): select the shown text instead,
    // so the reader can copy it with the system's own command.
    const range = document.createRange();
    range.selectNodeContents(fallbackFrom);
    const selection = getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    return false;
  }
}

function initCiteMenu(citation: CitableMeta, citeButton: HTMLButtonElement): void {
  const menu = document.getElementById('cite-menu');
  if (!menu || !('showPopover' in menu)) return;
  const title = menu.querySelector<HTMLElement>('#cite-menu-title')!;
  const text = menu.querySelector<HTMLElement>('[data-cite-text]')!;
  const status = menu.querySelector<HTMLElement>('[data-copy-status]')!;
  const go = menu.querySelector<HTMLAnchorElement>('[data-go]')!;
  let invoker: HTMLElement | undefined;
  let current = { url: '', citation: '' };

  const open = (from: HTMLElement, anchor: string, label: string) => {
    invoker = from;
    const url = anchor ? `${pageUrl()}#${anchor}` : pageUrl();
    current = { url, citation: formatCitation(citation, url, citedDate(new Date())) };
    title.textContent = label;
    text.textContent = current.citation;
    status.textContent = '';
    go.href = anchor ? `#${anchor}` : '#top';
    go.hidden = !anchor;
    menu.showPopover();
    const rect = from.getBoundingClientRect();
    const width = Math.min(menu.offsetWidth, innerWidth - 16);
    menu.style.left = `${Math.max(8, Math.min(rect.left, innerWidth - width - 8))}px`;
    const below = rect.bottom + 6;
    menu.style.top = `${below + menu.offsetHeight > innerHeight ? Math.max(8, rect.top - menu.offsetHeight - 6) : below}px`;
    menu.querySelector<HTMLButtonElement>('[data-copy]')?.focus();
  };

  document.getElementById('document-body')?.addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a.permalink, a.heading-anchor');
    if (!link) return;
    event.preventDefault();
    const anchor = decodeURIComponent(link.hash.slice(1));
    open(link, anchor, link.classList.contains('heading-anchor') ? '本节链接与引用' : '本段链接与引用');
  });
  for (const link of document.querySelectorAll('#document-body a.permalink, #document-body a.heading-anchor')) {
    link.setAttribute('aria-haspopup', 'dialog');
  }
  citeButton.addEventListener('click', () => open(citeButton, '', '本文链接与引用'));

  menu.addEventListener('click', async (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('[data-copy]');
    if (button) {
      const kind = button.dataset.copy === 'link' ? 'link' : 'citation';
      const copied = await copyText(kind === 'link' ? current.url : current.citation, text);
      status.textContent = copied ? (kind === 'link' ? '链接已复制' : '引用已复制') : '无法访问剪贴板：已选中引用文字，请手动复制';
    } else if ((event.target as Element).closest('[data-go]')) menu.hidePopover();
  });
  // Focus goes back where the reader was when the menu closes (Esc, a tap elsewhere).
  menu.addEventListener('toggle', (event) => {
    if ((event as ToggleEvent).newState === 'closed' && (menu.contains(document.activeElement) || document.activeElement === document.body))
      invoker?.focus();
  });
}

/**
 * Permalinks are hidden until the reader points at a paragraph or heading (global.css). A phone has
 * no hover: a tap on a paragraph or heading (not on a link in it) shows its ¶ or #, which then
 * opens the menu; a tap elsewhere hides it again.
 */
function initPermalinkReveal(): void {
  const body = document.getElementById('document-body');
  if (!body) return;
  let shown: Element | undefined;
  body.addEventListener('click', (event) => {
    const target = event.target as Element;
    if (target.closest('a, button')) return;
    const block = target.closest('p, li, h2, h3, h4, h5, h6');
    const owner =
      block && body.contains(block) && block.querySelector(':scope > a.permalink, :scope > a.heading-anchor') ? block : undefined;
    if (owner === shown) return;
    shown?.removeAttribute('data-show-permalink');
    owner?.setAttribute('data-show-permalink', '');
    shown = owner;
  });
}

/** Marks the contents entry of the section being read, in the rail and the compact contents. */
function initContentsHighlight(): void {
  const navs = [...document.querySelectorAll<HTMLElement>('[data-toc]')];
  const links = navs.flatMap((nav) => [...nav.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')]);
  const ids = [...new Set(links.map((a) => decodeURIComponent(a.hash.slice(1))))];
  const headings = ids.map((id) => document.getElementById(id)).filter((h): h is HTMLElement => h !== null);
  if (headings.length === 0 || !('IntersectionObserver' in window)) return;
  const rail = document.querySelector<HTMLElement>('.toc-rail');
  let currentId: string | undefined;

  const update = () => {
    // The current section is the last heading that has scrolled past the top fifth of the window.
    const line = innerHeight * 0.2;
    let id = headings[0].id;
    for (const h of headings) {
      if (h.getBoundingClientRect().top <= line) id = h.id;
      else break;
    }
    if (id === currentId) return;
    currentId = id;
    for (const a of links) {
      if (decodeURIComponent(a.hash.slice(1)) === id) {
        a.setAttribute('aria-current', 'location');
        if (rail?.contains(a)) {
          const top = a.offsetTop; // the sticky rail is the links' offset parent
          if (top < rail.scrollTop || top > rail.scrollTop + rail.clientHeight - 32) rail.scrollTop = top - rail.clientHeight / 3;
        }
      } else a.removeAttribute('aria-current');
    }
  };
  // Headings crossing the line are what change the answer; the observer says when to look again.
  const observer = new IntersectionObserver(update, { rootMargin: '0px 0px -80% 0px', threshold: [0, 1] });
  headings.forEach((h) => observer.observe(h));
  // A jump (a contents link, Home/End) can carry every heading across the band between two frames.
  addEventListener('scrollend', update);
  addEventListener('hashchange', update);
  update();
  for (const nav of navs) {
    nav.addEventListener('click', (event) => {
      if ((event.target as Element).closest('a')) nav.querySelector('details')?.removeAttribute('open');
    });
  }
}

/** 返回顶部 shows once the reader is a screen down; it is a plain link to the top otherwise. */
function initBackToTop(): void {
  const link = document.querySelector<HTMLElement>('[data-back-to-top]');
  if (!link) return;
  const sync = () => link.toggleAttribute('data-hidden', scrollY < innerHeight);
  addEventListener('scroll', sync, { passive: true });
  sync();
}
