import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlFiles } from '../../src/lib/postbuild/built-pages.ts';
import { contentSecurityPolicy, inlineScripts } from '../../src/lib/postbuild/content-security-policy.ts';
import { DIST } from '../support/site.ts';

describe('every built page ships a Content-Security-Policy', () => {
  const pages = htmlFiles(DIST);

  it('with the hash of each of its own inline scripts, and no inline event handlers', () => {
    expect(pages.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const name of pages) {
      const html = readFileSync(join(DIST, name), 'utf8');
      const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/);
      if (!meta) {
        problems.push(`${name}: no policy`);
        continue;
      }
      const expected = contentSecurityPolicy(inlineScripts(html.replace(meta[0], '')));
      if (meta[1].replace(/&quot;/g, '"') !== expected) problems.push(`${name}: policy does not match its inline scripts`);
      if (/\son[a-z]+\s*=/i.test(html.replace(/<script[\s\S]*?<\/script>/g, ''))) problems.push(`${name}: inline event handler attribute`);
      if (/(href|src|action)\s*=\s*["']?\s*javascript:/i.test(html)) problems.push(`${name}: javascript: URL`);
    }
    expect(problems).toEqual([]);
  });
});
