import { createHash } from 'node:crypto';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

/** Script types the browser does not execute, so they need no hash. */
const DATA_SCRIPT_TYPES = new Set(['application/json', 'application/ld+json', 'importmap-data', 'text/plain']);

export interface PolicyOptions {
  /** Extra sources allowed for scripts, e.g. `file:` for the offline copy opened from disk. */
  extraScriptSources?: string[];
}

/** The exact text of every inline script the browser would run, in document order. */
export function inlineScripts(html: string): string[] {
  const tree = fromHtml(html) as Root;
  const scripts: string[] = [];
  visit(tree, 'element', (node: Element) => {
    if (node.tagName !== 'script' || node.properties.src !== undefined) return;
    const type = String(node.properties.type ?? '').toLowerCase();
    if (DATA_SCRIPT_TYPES.has(type)) return;
    scripts.push(toString(node));
  });
  return scripts;
}

const hashOf = (script: string) => `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;

/**
 * The page's policy: everything from the site itself, scripts only from the site's files or by the
 * hash of this page's own inline scripts (no 'unsafe-inline' for scripts, so injected markup cannot
 * run), no plugins, no <base> hijacking. Styles may be inline: Astro inlines
 * small stylesheets and style attributes carry no script.
 */
export function contentSecurityPolicy(scripts: string[], options: PolicyOptions = {}): string {
  const hashes = [...new Set(scripts.map(hashOf))];
  const directives: Array<[string, string[]]> = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", ...(options.extraScriptSources ?? []), ...hashes]],
    ['style-src', ["'self'", "'unsafe-inline'", ...(options.extraScriptSources ?? [])]],
    ['img-src', ["'self'", 'data:', ...(options.extraScriptSources ?? [])]],
    ['font-src', ["'self'"]],
    ['connect-src', ["'self'"]],
    ['worker-src', ["'self'"]],
    ['manifest-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'", ...(options.extraScriptSources ?? [])]],
  ];
  return directives.map(([name, values]) => `${name} ${values.join(' ')}`).join('; ');
}

const EXISTING_POLICY = /<meta http-equiv="Content-Security-Policy"[^>]*>/i;
const CHARSET = /<meta charset=["']?utf-8["']?\s*\/?>/i;

/**
 * Adds (or replaces) the page's policy as a <meta> tag, right after the charset declaration so it
 * applies before any script. Returns the page unchanged apart from that one tag.
 */
export function withContentSecurityPolicy(html: string, options: PolicyOptions = {}): string {
  const stripped = html.replace(EXISTING_POLICY, '');
  const policy = contentSecurityPolicy(inlineScripts(stripped), options);
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy.replace(/"/g, '&quot;')}">`;
  if (CHARSET.test(stripped)) return stripped.replace(CHARSET, (m) => m + meta);
  if (/<head[^>]*>/i.test(stripped)) return stripped.replace(/<head[^>]*>/i, (m) => m + meta);
  throw new Error('page has no <head>: cannot add a Content-Security-Policy');
}
