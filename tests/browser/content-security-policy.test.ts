import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { useSiteInBrowser } from '../support/browser.ts';
import { DIST } from '../support/site.ts';

/**
 * The policy is the second line of defence: if markup ever slipped through the compiler into a page
 * (a stored <script> or an event handler), the browser must refuse to run it. A copy of the built
 * site gets such a payload written into one page after the build, as an attacker with write access
 * to a page's text would; the page's own scripts (search) must still run.
 */
const work = mkdtempSync(join(tmpdir(), 'csp-'));
cpSync(DIST, work, { recursive: true });
const target = join(work, 'search/index.html');
writeFileSync(
  target,
  readFileSync(target, 'utf8').replace(
    '</body>',
    '<script>window.__injected = true</script><img src="x" onerror="window.__handler = true"></body>',
  ),
);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const fixture = useSiteInBrowser(work);

describe('Content-Security-Policy in the browser', () => {
  it('blocks an injected inline script and event handler while the page’s own search works', async () => {
    const context = await fixture.browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(fixture.site.url + 'search/?q=' + encodeURIComponent('楼长制'));
    await page.waitForSelector('#search-results[data-matches] li');
    expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
    expect(await page.evaluate(() => (window as unknown as { __handler?: boolean }).__handler)).toBeUndefined();
    expect(violations.length).toBeGreaterThanOrEqual(2);
    await context.close();
  });
});
