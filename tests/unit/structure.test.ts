import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toHtml } from 'hast-util-to-html';
import { toHast } from 'mdast-util-to-hast';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { sourceToMdast } from '../../src/lib/compiler/pipeline.ts';
import { correctionsSchema } from '../../src/lib/schema/corrections.ts';
import type { SourceMeta } from '../../src/lib/schema/source-meta.ts';

/**
 * Structure rules on real excerpts: tests/fixtures/structure/<case>/input.txt (+ corrections.yaml)
 * compiled through stages 1–3 must give expected.html. UPDATE_FIXTURES=1 rewrites expectations,
 * which are then reviewed in the diff like any other change.
 */
const meta: SourceMeta = {
  title: '测试',
  kind: '规划',
  issuer: '普陀区长征镇人民政府',
  date: '2021',
  region: '上海市普陀区长征镇',
  originalFile: 'test.txt',
  extraction: 'pdf',
  summary: '结构规则测试用的真实摘录。',
  sha256: '0'.repeat(64),
};

function renderExcerpt(dir: string): string {
  const correctionsFile = join(dir, 'corrections.yaml');
  // A case may give the metadata its rules read (title, issuer) in meta.yaml.
  const metaFile = join(dir, 'meta.yaml');
  const caseMeta = existsSync(metaFile) ? { ...meta, ...parseYaml(readFileSync(metaFile, 'utf8')) } : meta;
  const corrections = correctionsSchema.parse(existsSync(correctionsFile) ? parseYaml(readFileSync(correctionsFile, 'utf8')) : {});
  const { tree, header, problems } = sourceToMdast({
    slug: 'test',
    file: join(dir, 'input.txt'),
    bytes: readFileSync(join(dir, 'input.txt')),
    meta: caseMeta,
    corrections,
    correctionsFile,
  });
  if (problems.length) throw new Error(JSON.stringify(problems));
  const headerHtml = Object.entries(header)
    .map(([k, v]) => `<!-- ${k}: ${v} -->\n`)
    .join('');
  return headerHtml + toHtml(toHast(tree) as never).replace(/(<\/(p|h\d|li|figure|header|aside|ul|tr|table)>)/g, '$1\n');
}

const root = join(import.meta.dirname, '../fixtures/structure');
describe('structure rules', () => {
  for (const name of readdirSync(root)) {
    it(name, () => {
      const dir = join(root, name);
      const actual = renderExcerpt(dir);
      const expectedFile = join(dir, 'expected.html');
      if (process.env.UPDATE_FIXTURES || !existsSync(expectedFile)) writeFileSync(expectedFile, actual);
      expect(actual).toBe(readFileSync(expectedFile, 'utf8'));
    });
  }
});
