import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { normalizeForMatching } from '../../src/lib/text/normalize-for-matching.ts';
import { readPage, visibleText } from '../support/site.ts';

/**
 * Nothing lost, nothing duplicated: every paragraph (blank-line-separated block) of every source,
 * compared on its characters, appears in its built page exactly as often as in the source, except
 * for passages a reviewed correction removes as duplicated by the extraction.
 */
const SOURCES = join(import.meta.dirname, '../../content/sources');
const CORRECTIONS = join(import.meta.dirname, '../../content/corrections');

function sourceBlocks(slug: string): string[] {
  const lines = readFileSync(join(SOURCES, `${slug}.txt`), 'utf8')
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  const file = join(CORRECTIONS, `${slug}.yaml`);
  const removals = existsSync(file)
    ? ((parseYaml(readFileSync(file, 'utf8'))?.remove ?? []) as Array<{ line: number; text: string; occurrence?: number }>)
    : [];
  for (const r of removals) {
    let at = -1;
    for (let n = 0, from = 0; n < (r.occurrence ?? 1); n++) {
      at = lines[r.line - 1].indexOf(r.text, from);
      from = at + 1;
    }
    lines[r.line - 1] = lines[r.line - 1].slice(0, at) + lines[r.line - 1].slice(at + r.text.length);
  }
  // Lines are normalised one by one (list markers and —— only count at a line start), then joined.
  return lines
    .join('\n')
    .split(/\n\s*\n/)
    .map((b) => b.split('\n').map(normalizeForMatching).join(''))
    .filter((b) => b !== '');
}

const count = (hay: string, needle: string) => hay.split(needle).length - 1;
const slugs = readdirSync(SOURCES)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => f.slice(0, -4));

describe('fidelity of every document page', () => {
  it('covers all five sources', () => expect(slugs.length).toBeGreaterThanOrEqual(5));
  for (const slug of slugs) {
    it(slug, () => {
      const page = normalizeForMatching(visibleText(readPage(`documents/${slug}/index.html`), '[data-source-text]'));
      const source = sourceBlocks(slug);
      const whole = source.join('\u0000');
      const lost = source.filter((b) => !page.includes(b));
      const duplicated = source.filter((b) => count(page, b) > count(whole, b));
      expect(lost, 'paragraphs missing from the page').toEqual([]);
      expect(duplicated, 'paragraphs shown more often than the source has them').toEqual([]);
    });
  }
});
