import type { Page } from 'playwright-core';

export interface TypedQuery {
  /** From the input event to the stop point; undefined if it was not reached within 20 s. */
  ms?: number;
  /** Result links in order, site-absolute as the page writes them. */
  hrefs: string[];
  /** The number of matches the page reports (`data-matches`), if it does. */
  matches?: number;
  /** The site's base path as the search page states it. */
  base: string;
}

export interface TypeQueryOptions {
  /**
   * When to stop the clock: `complete` when the page announces complete results for the query
   * (its `search:rendered` event), `first-hit` as soon as a rendered result contains the query
   * (what a reader waits for; compared as the search compares, quote marks and spaces aside).
   */
  until: 'complete' | 'first-hit';
}

/**
 * Types `q` into the search box of a loaded /search/ page — one input event, as a paste or an IME
 * commit does — and waits for the stop point.
 */
export async function typeQuery(page: Page, q: string, options: TypeQueryOptions): Promise<TypedQuery> {
  return page.evaluate(
    async ({ q, until }) => {
      // (No named functions in here: code sent to the page must not rely on helpers a TypeScript transpiler may add.)
      const input = document.getElementById('search-input') as HTMLInputElement;
      const quotes = /[\s“”"‘’「」『』']+/g;
      const bareQuery = q.replace(quotes, '');
      const stop = new AbortController();
      let completeAt: number | undefined;
      document.addEventListener(
        'search:rendered',
        (e) => {
          const d = (e as CustomEvent<{ q: string; complete: boolean }>).detail;
          if (d.q === q && d.complete) completeAt = performance.now();
        },
        { signal: stop.signal },
      );
      const t0 = performance.now();
      input.value = q;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: q }));
      let stoppedAt: number | undefined;
      while (performance.now() < t0 + 20_000) {
        if (until === 'complete' && completeAt !== undefined) {
          stoppedAt = completeAt;
          break;
        }
        if (until === 'first-hit') {
          const items = [...(document.getElementById('search-results')?.querySelectorAll('li') ?? [])];
          if (items.some((li) => (li.textContent ?? '').replace(quotes, '').includes(bareQuery))) {
            stoppedAt = performance.now();
            break;
          }
        }
        await new Promise((r) => requestAnimationFrame(() => r(undefined)));
      }
      stop.abort();
      const list = document.getElementById('search-results');
      const hrefs = list ? [...list.querySelectorAll(':scope > li')].map((li) => li.querySelector('a')?.getAttribute('href') ?? '') : [];
      const matches = Number(list?.dataset.matches ?? NaN);
      return {
        ms: stoppedAt === undefined ? undefined : stoppedAt - t0,
        hrefs,
        matches: Number.isNaN(matches) ? undefined : matches,
        base: document.getElementById('search-page')?.dataset.base ?? '/',
      };
    },
    { q, until: options.until },
  );
}
