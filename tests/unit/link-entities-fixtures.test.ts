import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toHtml } from 'hast-util-to-html';
import type { Root } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { remarkAssignIds } from '../../src/lib/compiler/remark/assign-ids.ts';
import { buildEntityMatcher, remarkLinkEntities, type Mention } from '../../src/lib/compiler/remark/link-entities.ts';
import { loadEntities } from '../../src/lib/compiler/source/load-entities.ts';
import { loadLinkExclusions } from '../../src/lib/compiler/source/load-link-exclusions.ts';

/**
 * Linking rules on real excerpts, against the real entity pages and content/link-exclusions.yaml:
 * tests/fixtures/link-entities/<case>/input.md (Markdown) with case.yaml (the page's `region`, and
 * `page`, an entity id, for an entity page's body) must give expected.html: the linked HTML, then
 * every recorded mention. UPDATE_FIXTURES=1 rewrites expectations, reviewed in the diff.
 */
const CONTENT = join(import.meta.dirname, '../../content');
const { entities } = loadEntities(CONTENT);
const exclusions = loadLinkExclusions(CONTENT, entities);
const matcher = buildEntityMatcher(
  entities.map((e) => ({ ...e, region: e.frontmatter.region })),
  exclusions.exclusions,
);
const parser = unified().use(remarkParse);

function render(dir: string): string {
  const spec = parseYaml(readFileSync(join(dir, 'case.yaml'), 'utf8')) as { region: string; page?: string };
  const tree = parser.parse(readFileSync(join(dir, 'input.md'), 'utf8')) as Root;
  remarkAssignIds()(tree);
  const mentions: Mention[] = [];
  remarkLinkEntities({
    matcher,
    href: (id) => `/${id}/`,
    region: spec.region,
    ...(spec.page ? { selfId: spec.page, innerRegions: true, sectionsAtHeadings: false } : {}),
    onMention: (m) => mentions.push(m),
  })(tree);
  const html = toHtml(toHast(tree) as never).replace(/(<\/(p|h\d|li|ul)>)/g, '$1\n');
  return html + mentions.map((m) => `<!-- mention ${m.entityId} "${m.match}" in #${m.anchor} -->\n`).join('');
}

describe('entity linking rules on real excerpts', () => {
  it('reads the real entities and exclusions without problems', () => {
    expect(exclusions.problems).toEqual([]);
    expect(exclusions.exclusions.length).toBeGreaterThan(0);
  });

  const root = join(import.meta.dirname, '../fixtures/link-entities');
  for (const name of readdirSync(root)) {
    it(name, () => {
      const dir = join(root, name);
      const actual = render(dir);
      const expectedFile = join(dir, 'expected.html');
      if (process.env.UPDATE_FIXTURES || !existsSync(expectedFile)) writeFileSync(expectedFile, actual);
      expect(actual).toBe(readFileSync(expectedFile, 'utf8'));
    });
  }
});
