import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ContentError } from '../../src/lib/errors.ts';
import { compileSite } from '../../src/lib/pipeline.ts';
import { decodeSource } from '../../src/lib/text/decode-source.ts';
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
    const text = new TextEncoder().encode('<<<上接1版\n\n发布<script>alert(1)</script>与{props.x}以及<Foo bar="1" />等字样的段落。\n');
    const dir = corpus({ 'sources/code.txt': text, 'sources/code.meta.yaml': meta(text) });
    const html = compileSite(dir, createUrls('/')).documents[0].html;
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<Foo');
    expect(html).toContain('&#x3C;script>alert(1)&#x3C;/script>');
    expect(html).toContain('{props.x}');
    expect(html).toContain('&#x3C;&#x3C;&#x3C;上接1版');
  });
});

describe('validating a corpus', () => {
  it('compiles a valid source', () => {
    expect(problemsOf(corpus({ 'sources/ok.txt': SEED, 'sources/ok.meta.yaml': meta(SEED) }))).toEqual([]);
  });

  it('reports every problem of every source at once, naming file and field', () => {
    const bad = new Uint8Array([0xbd, 0xd6]);
    const problems = problemsOf(
      corpus({
        'sources/no-date.txt': SEED,
        'sources/no-date.meta.yaml': meta(SEED).replace('date: "2022"\n', ''),
        'sources/bad-kind.txt': SEED,
        'sources/bad-kind.meta.yaml': meta(SEED).replace('kind: 新闻报道', 'kind: 报告'),
        'sources/no-meta.txt': SEED,
        'sources/gbk.txt': bad,
        'sources/gbk.meta.yaml': meta(bad),
        'sources/edited.txt': SEED,
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
        'corrections/news.yaml': 'articles:\n  - title: 3\n    blocks: [5, 7, 7, 999]\n    why: test article order\n',
      }),
    );
    const messages = problems.map((p) => `${p.line}: ${p.message}`);
    expect(messages).toContain('7: block is placed twice (also in articles[0])');
    expect(messages).toContain('999: no text block starts at line 999');
    expect(messages.some((m) => m.startsWith('9: block') && m.endsWith('is not placed in any article'))).toBe(true);
  });

  it('refuses a duplicate-removal that no longer matches the source', () => {
    const problems = problemsOf(
      corpus({
        'sources/news.txt': SEED,
        'sources/news.meta.yaml': meta(SEED),
        'corrections/news.yaml': 'remove:\n  - line: 7\n    text: 不存在的文字\n    why: test removal\n',
      }),
    );
    expect(problems).toEqual([expect.objectContaining({ line: 7, field: 'remove[0]', message: expect.stringContaining('not found on this line') })]);
  });
});
