import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSiteInBrowser } from '../support/browser.ts';
import { pageTypes, SEARCH_QUERY } from '../../tools/page-types.ts';
import { DIST } from '../support/site.ts';

/** axe-core's browser bundle, evaluated in the page (Playwright's evaluate is not subject to the page's CSP). */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

const fixture = useSiteInBrowser(DIST);
const types = pageTypes(DIST);

async function audit(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Violation[] }> } }).axe;
    // WCAG 2.0–2.2 A and AA (2.2 adds target-size: 24 × 24 px) and axe's best practices.
    const result = await axe.run(document, {
      resultTypes: ['violations'],
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return result.violations;
  });
  // One line per failing node, so a failure names the rule, the element and why.
  return violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} — ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`),
  );
}

describe('axe-core finds no violations', () => {
  it('covers every type of page the build emits', () => {
    const names = types.map((t) => t.name);
    for (const expected of ['home', 'documents/', 'documents/*', 'search/', '404']) expect(names).toContain(expected);
    expect(types.length).toBeGreaterThanOrEqual(10);
  });

  for (const width of [390, 1280]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const type of types) {
        it(`${type.name} at ${width} px in the ${colorScheme} scheme`, async () => {
          const page = await fixture.browser.newPage({
            colorScheme,
            viewport: { width, height: width < 600 ? 844 : 900 },
            isMobile: width < 600,
            hasTouch: width < 600,
          });
          try {
            if (type.name === 'search/') {
              // Audit the page as a reader sees it: with results (highlights, badges, filter counts).
              await page.addInitScript(() =>
                document.addEventListener('search:rendered', (e) => {
                  if ((e as CustomEvent<{ complete: boolean }>).detail.complete) document.documentElement.dataset.searchDone = '';
                }),
              );
              await page.goto(fixture.site.url + type.url);
              await page.locator('html[data-search-done]').waitFor({ state: 'attached' });
              expect(await page.locator('#search-results mark').first().textContent()).toBe(SEARCH_QUERY);
            } else {
              await page.goto(fixture.site.url + type.url, { waitUntil: 'load' });
            }
            expect(await audit(page)).toEqual([]);
          } finally {
            await page.close();
          }
        });
      }
    }
  }
});
