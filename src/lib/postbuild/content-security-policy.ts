import { createHash } from 'node:crypto';
import { readHtml, type HtmlReader } from '../html-stream.ts';

/** Script types the browser does not execute, so they need no hash. */
const DATA_SCRIPT_TYPES = new Set(['application/json', 'application/ld+json', 'importmap-data', 'text/plain']);

export interface PolicyOptions {
  /** Extra sources allowed for scripts, e.g. `file:` for the offline copy opened from disk. */
  extraScriptSources?: string[];
}

/** Collects the exact text of every inline script the browser would run, in document order, while the page is read. */
export class InlineScriptReader implements HtmlReader {
  readonly scripts: string[] = [];
  /** The running script's text so far; undefined outside a script or in one that needs no hash. */
  private script?: string;
  private inScript = false;

  open(tag: string, attributes: Readonly<Record<string, string>>): void {
    if (tag !== 'script') return;
    this.inScript = true;
    this.script = attributes.src === undefined && !DATA_SCRIPT_TYPES.has((attributes.type ?? '').toLowerCase()) ? '' : undefined;
  }

  text(text: string): void {
    if (this.inScript && this.script !== undefined) this.script += text;
  }

  close(tag: string): void {
    if (tag !== 'script' || !this.inScript) return;
    if (this.script !== undefined) this.scripts.push(this.script);
    this.inScript = false;
    this.script = undefined;
  }
}

/** The exact text of every inline script the browser would run, in document order. */
export function inlineScripts(html: string): string[] {
  const reader = new InlineScriptReader();
  readHtml(html, [reader]);
  return reader.scripts;
}

const hashOf = (script: string) => `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;

/**
 * The page's policy: everything from the site itself, scripts only from the site's files or by the
 * hash of this page's own inline scripts (no 'unsafe-inline' for scripts, so injected markup cannot
 * run), no plugins, no <base> hijacking. Styles may be inline: Astro inlines
 * small stylesheets and style attributes carry no script.
 */
export function contentSecurityPolicy(scripts: readonly string[], options: PolicyOptions = {}): string {
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
 * applies before any script. Returns the page unchanged apart from that one tag. `scripts`: the
 * page's inline scripts when the caller has already read them (the post-build pass reads each page once).
 */
export function withContentSecurityPolicy(html: string, options: PolicyOptions = {}, scripts?: readonly string[]): string {
  const stripped = html.replace(EXISTING_POLICY, '');
  const policy = contentSecurityPolicy(scripts ?? inlineScripts(stripped), options);
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy.replace(/"/g, '&quot;')}">`;
  if (CHARSET.test(stripped)) return stripped.replace(CHARSET, (m) => m + meta);
  if (/<head[^>]*>/i.test(stripped)) return stripped.replace(/<head[^>]*>/i, (m) => m + meta);
  throw new Error('page has no <head>: cannot add a Content-Security-Policy');
}
