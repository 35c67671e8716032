import { createHash } from 'node:crypto';
import { SAXParser } from 'parse5-sax-parser';

/** Script types the browser does not execute, so they need no hash. */
const DATA_SCRIPT_TYPES = new Set(['application/json', 'application/ld+json', 'importmap-data', 'text/plain']);

export interface PolicyOptions {
  /** Extra sources allowed for scripts, e.g. `file:` for the offline copy opened from disk. */
  extraScriptSources?: string[];
}

/**
 * The exact text of every inline script the browser would run, in document order. A streaming
 * tokenizer (parse5's SAX parser, the same tokenizer hast-util-from-html uses) rather than a full
 * tree: this runs on every page of the site, and building a tree of each page made this step cost
 * seconds and hundreds of MB at thousands of pages for the few scripts it looks for.
 */
export function inlineScripts(html: string): string[] {
  const parser = new SAXParser();
  const scripts: string[] = [];
  let inScript = false;
  let text: string | undefined;
  parser.on('startTag', (tag) => {
    if (tag.tagName !== 'script' || tag.selfClosing) return;
    inScript = true;
    const attr = (name: string) => tag.attrs.find((a) => a.name === name)?.value;
    text = attr('src') === undefined && !DATA_SCRIPT_TYPES.has((attr('type') ?? '').toLowerCase()) ? '' : undefined;
  });
  parser.on('text', ({ text: chunk }) => {
    if (inScript && text !== undefined) text += chunk;
  });
  parser.on('endTag', (tag) => {
    if (tag.tagName !== 'script' || !inScript) return;
    if (text !== undefined) scripts.push(text);
    inScript = false;
    text = undefined;
  });
  // The parser is a stream, but it emits synchronously while it is written to.
  parser.end(html);
  if (inScript && text !== undefined) scripts.push(text);
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
