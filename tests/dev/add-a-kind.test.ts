import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanBuildEnv } from '../setup/build-site.ts';
import { copyProject } from '../../tools/project-copy.ts';

/**
 * The site is data: a new kind of entity page needs one entry in src/config/site.config.ts and a folder of
 * pages under content/, nothing else; renaming the site or a kind there renames it everywhere. Built
 * in a copy of the project.
 */
const work = copyProject('add-a-kind-');
/** Names in src/config/site.config.ts that no source text contains, so any copy of them in dist/ is a leak. */
const RENAMES: Record<string, string> = {
  长征镇政策文件库: '示例街道政策库',
  政策与制度: '制度与政策措施',
  '内容整理自长征镇、普陀区及新虹街道公开发布的规划、通知与报道；原文以发布机关为准。': '内容来自示例街道公开发布的文件。',
};
const TEXT_FILES = new Set(['.html', '.xml', '.json', '.webmanifest', '.js', '.txt']);
function textFilesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && TEXT_FILES.has(extname(e.name)))
    .map((e) => join(e.parentPath, e.name));
}
const page = (path: string) => readFileSync(join(work, 'dist', path, 'index.html'), 'utf8');

beforeAll(() => {
  const configFile = join(work, 'src/config/site.config.ts');
  const config = readFileSync(configFile, 'utf8');
  const kinds = '  kinds: [\n';
  expect(config).toContain(kinds);
  // Every name a reader sees comes from the configuration: rename the site, its attribution and a kind.
  const renamed = Object.entries(RENAMES).reduce((text, [before, after]) => {
    expect(text).toContain(`'${before}'`);
    return text.replace(`'${before}'`, `'${after}'`);
  }, config);
  writeFileSync(
    configFile,
    renamed.replace(
      kinds,
      kinds +
        `    { id: 'facilities', label: '公共服务设施', badge: '设施', blurb: '菜场、卫生和为老服务等公共服务设施。', subtypes: ['服务设施'] },\n`,
    ),
  );
  mkdirSync(join(work, 'content/facilities'));
  writeFileSync(
    join(work, 'content/facilities/biaozhunhua-caichang.md'),
    [
      '---',
      'name: 标准化菜场',
      'kind: 服务设施',
      'theme: 民生保障',
      'region: 普陀区长征镇',
      'regionCite: {doc: changzheng-14th-five-year-plan, quote: 涵盖标准化菜场}',
      'summary: 建德地区公共服务改造项目中规划的标准化菜场。',
      '---',
      '',
      '“十四五”规划的建德地区公共服务改造项目涵盖标准化菜场。[〔十四五规划〕](cite:changzheng-14th-five-year-plan "涵盖标准化菜场")',
      '',
    ].join('\n'),
  );
  execSync('npm run build', { cwd: work, stdio: 'pipe', env: cleanBuildEnv() });
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a kind added by configuration and content alone', () => {
  it('gets its index page and entity pages', () => {
    expect(page('facilities')).toContain('公共服务设施');
    expect(page('facilities')).toContain('标准化菜场');
    expect(page('facilities/biaozhunhua-caichang')).toMatch(/<h1[^>]*>[^<]*标准化菜场/);
  });
  it('is in the site navigation and on the home page', () => {
    expect(page('')).toContain('href="/facilities/"');
  });
  it('is linked where a document names it, and cited back to that paragraph', () => {
    const plan = page('documents/changzheng-14th-five-year-plan');
    expect(plan).toContain('href="/facilities/biaozhunhua-caichang/"');
    expect(page('facilities/biaozhunhua-caichang')).toContain('/documents/changzheng-14th-five-year-plan/#');
  });
  it('is known to the search: its name and badge are in the entity list', () => {
    const entities = JSON.parse(readFileSync(join(work, 'dist/search-index/entities.json'), 'utf8')) as {
      entities: Array<{ name: string; kind: string }>;
    };
    expect(entities.entities).toContainEqual(expect.objectContaining({ name: '标准化菜场', kind: '设施' }));
    expect(existsSync(join(work, 'dist/search-index/meta.json'))).toBe(true);
  });
  it('carries no name the configuration no longer has (the site, its attribution, a kind)', () => {
    const leaks = textFilesUnder(join(work, 'dist')).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return Object.keys(RENAMES)
        .filter((old) => text.includes(old))
        .map((old) => `${relative(join(work, 'dist'), file)}: ${old}`);
    });
    expect(leaks).toEqual([]);
    expect(page('')).toContain('示例街道政策库');
    expect(page('policies')).toContain('制度与政策措施');
  });
});
