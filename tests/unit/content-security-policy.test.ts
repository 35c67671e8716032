import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, inlineScripts, withContentSecurityPolicy } from '../../src/lib/postbuild/content-security-policy.ts';

const page = (head: string, body = '<p>靠长征 谱未来</p>') =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
const sha = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;

describe('Content-Security-Policy', () => {
  it('allows each inline script of the page by its hash and nothing inline otherwise', () => {
    const theme = "document.documentElement.dataset.theme = localStorage.getItem('theme') ?? 'auto';";
    const html = withContentSecurityPolicy(page(`<script>${theme}</script><script type="module" src="/_astro/a.js"></script>`));
    const policy = /content="([^"]*)"/.exec(html.match(/<meta http-equiv="Content-Security-Policy"[^>]*>/)![0])![1].replace(/&quot;/g, '"');
    const scriptSrc = policy.split('; ').find((d) => d.startsWith('script-src '))!;
    expect(scriptSrc).toContain(sha(theme));
    expect(scriptSrc).not.toContain("'wasm-unsafe-eval'");
    expect(scriptSrc).not.toContain('unsafe-inline');
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'self'");
    expect(policy).toMatch(/^default-src 'self'/);
  });

  it('comes right after the charset, before any script, and replaces an older policy', () => {
    const once = withContentSecurityPolicy(page('<script>1</script>'));
    const twice = withContentSecurityPolicy(once.replace('<script>1</script>', '<script>2</script>'));
    expect(twice.match(/Content-Security-Policy/g)).toHaveLength(1);
    expect(twice.indexOf('Content-Security-Policy')).toBeLessThan(twice.indexOf('<script>'));
    expect(twice).toContain(sha('2'));
    expect(twice).not.toContain(sha('1'));
  });

  it('hashes only scripts a browser runs: not JSON data, not external files', () => {
    const scripts = inlineScripts(
      page('<script type="application/ld+json">{"@type":"Article"}</script><script src="/x.js"></script><script>run()</script>'),
    );
    expect(scripts).toEqual(['run()']);
  });

  it("reads scripts as the browser's parser does: raw text, comments and attributes are not scripts", () => {
    const tricky = page(
      '<!-- <script>commented()</script> --><script>if (a < b && c > d) document.write("</div>&amp;")</script>',
      '<p title="<script>no()</script>">x &lt;script&gt;</p><textarea><script>no()</script></textarea><SCRIPT type="Module">upper()</SCRIPT><script type="text/plain">no()</script>',
    );
    expect(inlineScripts(tricky)).toEqual(['if (a < b && c > d) document.write("</div>&amp;")', 'upper()']);
  });

  it('lets the offline copy allow its own file: scripts', () => {
    expect(contentSecurityPolicy([], { extraScriptSources: ['file:'] })).toMatch(/script-src 'self' file:/);
  });

  it('names the problem when a page has no head', () => {
    expect(() => withContentSecurityPolicy('<p>x</p>')).toThrow(/no <head>/);
  });
});
