import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { afterAll, describe, expect, it } from 'vitest';
import { findUnsafeMarkdown, isAllowedUrl } from '../../src/lib/compiler/compile-entity.ts';
import { ContentError } from '../../src/lib/errors.ts';
import { compileSite } from '../../src/lib/compiler/pipeline.ts';
import { calendarDateProblem } from '../../src/lib/schema/source-meta.ts';
import { readSiteConfig } from '../../src/config/environment.ts';
import { splitFrontmatter } from '../../src/lib/compiler/source/load-entities.ts';
import { decodeSource } from '../../src/lib/text/decode-source.ts';
import { findUnsafeCharacters } from '../../src/lib/text/unsafe-characters.ts';
import { createUrls } from '../../src/lib/urls.ts';

const SEED = readFileSync(join(import.meta.dirname, '../../content/sources/xinhong-hub-party-building.txt'));
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const meta = (bytes: Uint8Array, extra = '') => `title: 测试文件标题
kind: 新闻报道
issuer: 测试机关
date: "2022"
region: 上海市闵行区新虹街道
originalFile: test.txt
extraction: newspaper
summary: 用真实报道文本测试输入校验的摘要。
sha256: ${sha(bytes)}
${extra}`;

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function corpus(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'corpus-'));
  made.push(dir);
  mkdirSync(join(dir, 'sources'));
  mkdirSync(join(dir, 'corrections'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

function problemsOf(dir: string) {
  try {
    compileSite(dir, createUrls('/'));
  } catch (e) {
    if (e instanceof ContentError) return e.problems;
    throw e;
  }
  return [];
}

describe('decoding sources', () => {
  const text = '街道党工委坚持以党建引领赋能产业发展。\r\n\r\n第二段。\r\n';
  it('accepts UTF-8 with a BOM and CRLF line ends', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    expect(decodeSource(bytes, 'a.txt')).toBe('街道党工委坚持以党建引领赋能产业发展。\n\n第二段。\n');
  });
  it('rejects text that is not UTF-8, naming the file', () => {
    const gbk = new Uint8Array([0xbd, 0xd6, 0xb5, 0xc0]); // 街道 in GBK
    expect(() => decodeSource(gbk, 'content/sources/x.txt')).toThrow(/content\/sources\/x\.txt: is not valid UTF-8/);
  });
  it('rejects an empty file', () => {
    expect(() => decodeSource(new TextEncoder().encode(' \n\n'), 'e.txt')).toThrow(/e\.txt: is empty/);
  });
});

describe('source text is data, never code', () => {
  it('shows text that looks like HTML, JSX or MDX as text', () => {
    const text = new TextEncoder().encode(
      '<<<上接1版\n\n发布<script>alert(1)</script>与{props.x}以及<Foo bar="1" />等字样的段落。\n\n还有<b>粗体</b>标记的段落。\n\n见<<<附表>>>所列各项。\n',
    );
    const dir = corpus({ 'sources/code.txt': text, 'sources/code.meta.yaml': meta(text) });
    const html = compileSite(dir, createUrls('/')).documents[0].html;
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<Foo');
    expect(html).toContain('&#x3C;script>alert(1)&#x3C;/script>');
    expect(html).toContain('{props.x}');
    expect(html).toContain('&#x3C;b>粗体&#x3C;/b>');
    expect(html).toContain('&#x3C;&#x3C;&#x3C;附表>>>');
    // A newspaper continuation marker is read as one (a labelled note), still as text.
    expect(html).toMatch(/<div class="page-note" role="note"><span class="note-label"[^>]*>版面提示<\/span><p class="note"[^>]*>上接第1版/);
  });
});

describe('validating a corpus', () => {
  it('compiles a valid source', () => {
    expect(problemsOf(corpus({ 'sources/ok.txt': SEED, 'sources/ok.meta.yaml': meta(SEED) }))).toEqual([]);
  });

  it('reports every problem of every source at once, naming file and field', () => {
    const bad = new Uint8Array([0xbd, 0xd6]);
    // Distinct texts: the same text under two slugs is a mistake of its own.
    const [a, b, c, d] = ['甲', '乙', '丙', '丁'].map((tag) => new Uint8Array([...SEED, ...new TextEncoder().encode(`\n${tag}\n`)]));
    const problems = problemsOf(
      corpus({
        'sources/no-date.txt': a,
        'sources/no-date.meta.yaml': meta(a).replace('date: "2022"\n', ''),
        'sources/bad-kind.txt': b,
        'sources/bad-kind.meta.yaml': meta(b).replace('kind: 新闻报道', 'kind: 报道'),
        'sources/no-meta.txt': c,
        'sources/gbk.txt': bad,
        'sources/gbk.meta.yaml': meta(bad),
        'sources/edited.txt': d,
        'sources/edited.meta.yaml': meta(new Uint8Array([1])),
      }),
    );
    const summary = problems.map((p) => `${p.file.split('/').slice(-1)[0]}|${p.field ?? ''}|${p.message}`);
    expect(summary).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^no-date\.meta\.yaml\|date\|/),
        expect.stringMatching(/^bad-kind\.meta\.yaml\|kind\|/),
        'no-meta.meta.yaml||is missing',
        'gbk.txt||is not valid UTF-8',
        'edited.txt||does not match the sha256 recorded in its metadata',
      ]),
    );
    expect(problems.length).toBe(5);
  });

  it('refuses corrections that would drop or duplicate a block', () => {
    const problems = problemsOf(
      corpus({
        'sources/news.txt': SEED,
        'sources/news.meta.yaml': meta(SEED),
        'corrections/news.yaml':
          'articles:\n  - title: 3\n    blocks: [5, 7, 7, 999]\n    why: test article order\n    reason: 测试文章顺序\n',
      }),
    );
    // Lines are the corrections file's (line 2 holds `blocks: [...]`); the message names the source line.
    const messages = problems.map((p) => `${p.line}|${p.field}|${p.message}`);
    expect(messages).toContain(
      '3|articles[0].blocks[2]|places the block of source line 7 a second time (it is already in articles[0].blocks[1])',
    );
    expect(messages).toContain('3|articles[0].blocks[3]|names source line 999, but no text block starts on that line of the source');
    // Every block left out, in one message.
    const unplaced = messages.filter((m) => m.startsWith('1|articles|'));
    expect(unplaced).toHaveLength(1);
    expect(unplaced[0]).toMatch(
      /^1\|articles\|does not place the block of source line 9 \(".+…"\), nor those of lines 11, 13, .* in any article$/,
    );
  });

  it('refuses a duplicate-removal that no longer matches the source', () => {
    const problems = problemsOf(
      corpus({
        'sources/news.txt': SEED,
        'sources/news.meta.yaml': meta(SEED),
        'corrections/news.yaml': 'remove:\n  - line: 7\n    text: 不存在的文字\n    why: test removal\n    reason: 测试删除\n',
      }),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        line: 2,
        field: 'remove[0]',
        message: 'removes "不存在的文字" (occurrence 1) from source line 7, but that line does not contain it',
      }),
    ]);
  });
});

describe('entity pages are Markdown, never code', () => {
  const ENTITY = readFileSync(join(import.meta.dirname, '../../content/policies/3-5-x-chanye-zhengce-tixi.md'), 'utf8');
  const parts = splitFrontmatter(ENTITY);
  if (typeof parts === 'string') throw new Error('fixture entity has no frontmatter');
  const check = (body: string) => {
    const tree = unified().use(remarkParse).use(remarkGfm).parse(body) as Root;
    return findUnsafeMarkdown(tree, body, 'x.md', parts.bodyLine - 1).map((p) => `${p.line}: ${p.message}`);
  };

  it('accepts a real entity body, citations included', () => {
    expect(check(parts.body)).toEqual([]);
  });

  it.each([
    ['inline JSX in a paragraph', '产业政策<b>体系</b>。', 'contains HTML (<b>)', 0],
    ['an expression inside emphasis', '产业政策*{process.env.HOME}*。', 'contains the expression {process.env.HOME}', 0],
    ['an expression in a table cell', '| a |\n| - |\n| {1+1} |', 'contains the expression {1+1}', 2],
    ['JSX nested in a list item', '- 一项\n  - <Foo />', 'contains HTML (<Foo />)', 1],
    ['a one-line script', '<script>alert(1)</script>', 'contains HTML (<script>alert(1)</script>)', 0],
    ['an import', 'import os from "node:os"', 'contains "import os from "node:os"", which the MDX renderer would run as code', 0],
    ['a lone brace MDX cannot parse', '产业政策{体系', 'would be read as code by the MDX renderer', 0],
  ])('refuses %s, at its line in the file', (_, snippet, message, at) => {
    const problems = check(`${parts.body}\n${snippet}\n`);
    expect(problems).toHaveLength(1);
    // The snippet starts on the line after the body's last; body line 1 is file line bodyLine.
    const fileLine = parts.bodyLine + parts.body.split('\n').length + at;
    expect(problems[0]).toMatch(new RegExp(`^${fileLine}: `));
    expect(problems[0]).toContain(message);
  });

  it('reports one problem per line, not one per tag', () => {
    expect(check('<b>一</b><i>二</i>{三}\n')).toHaveLength(1);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    '\u0001javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<b>x</b>',
    'VBScript:msgbox(1)',
    'file:///etc/passwd',
    'mailto:a@b.cn',
    '//evil.example/',
    '/\\evil.example/',
    'www.example.gov.cn',
  ])('refuses the link target %j', (url) => expect(isAllowedUrl(url)).toBe(false));

  it.each([
    'https://www.shpt.gov.cn/',
    'HTTP://example.org',
    '/documents/changzheng-2022-plan/',
    './x/',
    '../x/',
    '#p-1',
    'cite:changzheng-2022-plan',
  ])('allows the link target %j', (url) => expect(isAllowedUrl(url)).toBe(true));
});

describe('frontmatter line numbers', () => {
  it('maps the YAML and the body to the file lines exactly', () => {
    const text = '---\nname: 甲\nkind: 乙\n---\n\n正文第一段。\n';
    const parts = splitFrontmatter(text);
    expect(parts).toEqual({ yaml: 'name: 甲\nkind: 乙', body: '\n正文第一段。\n', bodyLine: 5 });
    expect(text.split('\n')[(parts as { bodyLine: number }).bodyLine - 1 + 1]).toBe('正文第一段。');
  });
  it('tells a missing closing --- from a missing frontmatter', () => {
    expect(splitFrontmatter('---\nname: 甲\n\n正文。\n')).toBe('unclosed');
    expect(splitFrontmatter('正文。\n')).toBe('none');
  });
});

describe('invisible characters', () => {
  it('locates NUL and bidi controls by line and column (in characters)', () => {
    expect(findUnsafeCharacters('第一行\n长征镇\u202E规划\n\u0000')).toEqual([
      { line: 2, column: 4, codePoint: 0x202e },
      { line: 3, column: 1, codePoint: 0 },
    ]);
  });
  it('leaves tabs, form feeds and ordinary Chinese text alone', () => {
    expect(findUnsafeCharacters('第一部分\t总则\f\n“十四五”时期\r\n')).toEqual([]);
  });
});

describe('calendar dates', () => {
  it.each([['2022'], ['2022-01'], ['2022-01-13'], ['2024-02-29']])('accepts %s', (d) => expect(calendarDateProblem(d)).toBeUndefined());
  it.each([
    ['2022-13-45', 'there is no month 13'],
    ['2023-02-29', '2023-02 has 28 days'],
    ['2022-04-31', '2022-04 has 30 days'],
    ['2022-00', 'there is no month 00'],
    ['2022/01/13', 'is not written YYYY, YYYY-MM or YYYY-MM-DD'],
  ])('refuses %s', (d, reason) => expect(calendarDateProblem(d)).toContain(reason));
});

describe('deployment settings', () => {
  it('adds the slashes BASE_PATH lacks', () => {
    expect(readSiteConfig({ BASE_PATH: 'zhengce' }).base).toBe('/zhengce/');
    expect(readSiteConfig({ BASE_PATH: '/a/b' }).base).toBe('/a/b/');
    expect(readSiteConfig({}).base).toBe('/');
  });
  it.each([
    [{ BASE_PATH: '/a b/' }, 'BASE_PATH (environment variable)', 'is not a usable path ("a b" is not allowed)'],
    [{ BASE_PATH: '/../' }, 'BASE_PATH (environment variable)', 'is not a usable path'],
    [
      { SITE_URL: 'javascript:alert(1)' },
      'SITE_URL (environment variable)',
      'is not an http:// or https:// address (its scheme is javascript:)',
    ],
    [{ SITE_URL: 'https://www.example.gov.cn/?x=1' }, 'SITE_URL (environment variable)', 'has a user name, query or #fragment'],
  ])('explains %j', (env, file, message) => {
    try {
      readSiteConfig(env);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ContentError);
      expect((e as ContentError).problems).toEqual([expect.objectContaining({ file, message: expect.stringContaining(message) })]);
    }
  });
  it('accepts an http(s) SITE_URL', () =>
    expect(readSiteConfig({ SITE_URL: 'https://www.example.gov.cn' }).site).toBe('https://www.example.gov.cn'));
});
