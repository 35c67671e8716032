/**
 * DOM for search results, online and in the offline copy alike. Page text is only ever inserted
 * as text nodes.
 */
import type { Excerpt } from './excerpt.ts';
import type { ResultCard, SectionLink, Suggestion } from './search-core.ts';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

export function excerptNode(excerpt: Excerpt, tag: 'p' | 'span' = 'p', className = 'result-excerpt'): HTMLElement {
  const node = el(tag, className);
  if (excerpt.before) node.append('…');
  for (const s of excerpt.segments) node.append(s.mark ? el('mark', undefined, s.text) : s.text);
  if (excerpt.after) node.append('…');
  return node;
}

/** One result: `<li>` whose first link is the result itself (the contract other code relies on). */
export function resultItem(card: ResultCard): HTMLLIElement {
  const li = el('li', 'search-result');
  li.dataset.exact = String(card.exact);
  const head = el('p', 'result-head');
  const badge = el('span', 'result-badge', card.kind || '页面');
  badge.dataset.kind = card.kind;
  const link = el('a', 'result-link', card.title);
  link.href = card.url;
  head.append(badge, ' ', link);
  if (card.named) head.append(' ', el('span', 'result-named', '名称匹配'));
  li.append(head);
  const metaParts = [card.date, card.document ? (card.kind === '文件' ? card.document : `见于：${card.document}`) : undefined].filter(
    Boolean,
  );
  if (metaParts.length) li.append(el('p', 'result-meta', metaParts.join(' · ')));
  if (card.excerptLink) {
    const p = el('p', 'result-excerpt');
    p.append(sectionLink(card.excerptLink, 'result-excerpt-link'));
    li.append(p);
  } else if (card.excerpt.segments.some((s) => s.text)) li.append(excerptNode(card.excerpt));
  if (card.sections.length) {
    const nav = el('div', 'result-sections');
    nav.append(...card.sections.map((s) => sectionLink(s, 'result-section')));
    li.append(nav);
  }
  return li;
}

/** A link to a paragraph or heading: its section's heading, then the marked excerpt. */
function sectionLink(s: SectionLink, className: string): HTMLAnchorElement {
  const a = el('a', className);
  a.href = s.url;
  if (s.heading) a.append(el('span', 'result-section-heading', s.heading), ' ');
  a.append(excerptNode(s.excerpt, 'span', 'result-section-text'));
  return a;
}

export function suggestionList(suggestions: Suggestion[]): HTMLElement {
  const wrap = el('div', 'search-suggestions');
  wrap.append(el('p', 'font-bold', '您是不是要找：'));
  const ul = el('ul', 'suggestion-list');
  for (const s of suggestions) {
    const li = el('li');
    const a = el('a', undefined, s.label);
    a.href = s.url;
    li.append(el('span', 'result-badge', s.kind), ' ', a);
    if (s.label !== s.name) li.append(el('span', 'result-meta', `（${s.name}）`));
    ul.append(li);
  }
  wrap.append(ul);
  return wrap;
}
