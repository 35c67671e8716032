import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCompileCache, hashSourceFiles, type CompileCache } from '../../src/lib/compiler/cache/document-cache.ts';
import { compileSite } from '../../src/lib/compiler/pipeline.ts';
import { createUrls } from '../../src/lib/urls.ts';

/**
 * The compile cache across builds: a document's result is reused only when every input of its
 * compile is unchanged (source bytes, metadata, corrections, the entity matcher, the compiler).
 * Each compile uses a new cache object over the same folder, as a new build process would.
 */
const root = mkdtempSync(join(tmpdir(), 'compile-cache-'));
const content = join(root, 'content');
const cacheDir = join(root, 'cache');
const urls = createUrls('/');

/**
 * Compiles with a fresh cache object over the folder: the documents and entity pages compiled (not
 * taken from the cache), and the HTML of each.
 */
function compileWith(version = 'v1'): {
  compiled: string[];
  entities: string[];
  html: Map<string, string>;
  entityHtml: Map<string, string>;
} {
  const cache = createCompileCache({ dir: cacheDir, version });
  const compiled: string[] = [];
  const entities: string[] = [];
  const counting: CompileCache = {
    ...cache,
    set: (slug, key, value) => {
      compiled.push(slug);
      cache.set(slug, key, value);
    },
    entities: {
      get: cache.entities!.get,
      set: (id, key, value) => {
        entities.push(id);
        cache.entities!.set(id, key, value);
      },
    },
  };
  const build = compileSite(content, urls, { cache: counting });
  return {
    compiled: compiled.sort(),
    entities: entities.sort(),
    html: new Map(build.documents.map((d) => [d.slug, d.html])),
    entityHtml: new Map(build.entityPages.map((e) => [e.id, JSON.stringify(e)])),
  };
}

/** Every entity page compiled without a cache, as a comparison. */
const uncachedEntities = () => new Map(compileSite(content, urls).entityPages.map((e) => [e.id, JSON.stringify(e)]));

/** Ids of the entity pages whose file names a document (a cite: link or a frontmatter fact). */
function entitiesCiting(slug: string): string[] {
  return ['policies', 'projects', 'governance']
    .flatMap((kind) =>
      readdirSync(join(content, kind))
        .filter((f) => readFileSync(join(content, kind, f), 'utf8').includes(slug))
        .map((f) => `${kind}/${f.replace(/\.md$/, '')}`),
    )
    .sort();
}

const edit = (file: string, from: string, to: string) => {
  const path = join(content, file);
  const text = readFileSync(path, 'utf8');
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
};

let all: string[] = [];
let uncachedHtml = new Map<string, string>();
beforeAll(() => {
  cpSync('content', content, { recursive: true });
  all = readdirSync(join(content, 'sources'))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.replace(/\.txt$/, ''))
    .sort();
  uncachedHtml = new Map(compileSite(content, urls).documents.map((d) => [d.slug, d.html]));
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

// Each compile of the five sources and their entity pages takes seconds on a loaded machine.
describe('compile cache', { timeout: 120_000 }, () => {
  // The steps build on each other: each starts from the cache the previous one left.
  it('compiles every document and entity page once, then reuses them all when nothing changed, with the same output', () => {
    const first = compileWith();
    expect(first.compiled).toEqual(all);
    expect(first.entities.length).toBeGreaterThan(100);
    const again = compileWith();
    expect(again.compiled).toEqual([]);
    expect(again.entities).toEqual([]);
    expect(again.html).toEqual(uncachedHtml);
    expect(again.entityHtml).toEqual(uncachedEntities());
  });

  it('recompiles only the entity page whose file changed, and no document', () => {
    edit('policies/louzhangzhi.md', '不断提升企业服务能级。', '不断提升企业服务能级，在本测试中补充一句。');
    const result = compileWith();
    expect(result.entities).toEqual(['policies/louzhangzhi']);
    expect(result.compiled).toEqual([]);
    expect(result.entityHtml.get('policies/louzhangzhi')).toContain('在本测试中补充一句');
    expect(result.entityHtml).toEqual(uncachedEntities());
  });

  it('recompiles only the document whose source bytes changed', () => {
    // A trailing blank line: other bytes, the same text (entity pages quote the text, so it stays);
    // the metadata records the source's sha256, so it follows.
    const source = readFileSync(join(content, 'sources/changzheng-2022-plan.txt'), 'utf8') + '\n';
    writeFileSync(join(content, 'sources/changzheng-2022-plan.txt'), source);
    const meta = join(content, 'sources/changzheng-2022-plan.meta.yaml');
    writeFileSync(
      meta,
      readFileSync(meta, 'utf8').replace(/^(\s*sha256:\s*)"?[0-9a-f]{64}"?/m, `$1${createHash('sha256').update(source).digest('hex')}`),
    );
    expect(compileWith().compiled).toEqual(['changzheng-2022-plan']);
    expect(compileWith().compiled).toEqual([]);
  });

  it('recompiles only the document whose metadata changed', () => {
    edit('sources/xinhong-hub-party-building.meta.yaml', 'date:', 'date: ');
    expect(compileWith().compiled).toEqual([]); // same YAML value: same key
    const meta = readFileSync(join(content, 'sources/xinhong-hub-party-building.meta.yaml'), 'utf8');
    writeFileSync(join(content, 'sources/xinhong-hub-party-building.meta.yaml'), meta.replace(/^title: (.*)$/m, 'title: $1（本地副本）'));
    const result = compileWith();
    expect(result.compiled).toEqual(['xinhong-hub-party-building']);
    // The pages citing it show its title with each fact; the others read nothing of it.
    const citing = entitiesCiting('xinhong-hub-party-building');
    expect(citing.length).toBeGreaterThan(1);
    expect(result.entities).toEqual(citing);
    expect(result.entityHtml).toEqual(uncachedEntities());
  });

  it('recompiles only the document whose corrections changed, and no entity page (a reason is not what they cite)', () => {
    edit('corrections/changzheng-14th-five-year-plan.yaml', 'The extraction repeated', 'The PDF extraction repeated');
    const result = compileWith();
    expect(result.compiled).toEqual(['changzheng-14th-five-year-plan']);
    expect(result.entities).toEqual([]);
  });

  it('recompiles every document and entity page when an entity gains an alias (the matcher changed)', () => {
    edit('policies/louzhangzhi.md', 'name: "楼长制"\n', 'name: "楼长制"\naliases: ["楼长责任制"]\n');
    const result = compileWith();
    expect(result.compiled).toEqual(all);
    expect(result.entities.length).toBe(uncachedEntities().size);
    expect(result.entityHtml).toEqual(uncachedEntities());
    const again = compileWith();
    expect(again.compiled).toEqual([]);
    expect(again.entities).toEqual([]);
  });

  it('recompiles every document under another compiler version', () => {
    expect(compileWith('v2').compiled).toEqual(all);
    expect(compileWith('v2').compiled).toEqual([]);
  });

  it('ignores a corrupt or truncated cache entry and compiles that document again', () => {
    const folder = join(cacheDir, 'changzheng-2022-plan');
    const [file] = readdirSync(folder);
    writeFileSync(join(folder, file), '{"key": "');
    const result = compileWith('v2');
    expect(result.compiled).toEqual(['changzheng-2022-plan']);
    const other = join(cacheDir, 'xinhong-hub-party-building');
    const [entry] = readdirSync(other);
    writeFileSync(join(other, entry), JSON.stringify({ key: entry.replace(/\.json$/, ''), value: { html: 1 } }));
    expect(compileWith('v2').compiled).toEqual(['xinhong-hub-party-building']);
  });
});

describe('one cache kept in memory across edits (the dev server)', { timeout: 120_000 }, () => {
  it('gives after each edit the same site as a compile from scratch', () => {
    const cache = createCompileCache({ version: 'dev' });
    const same = () => {
      const cached = compileSite(content, urls, { cache });
      const fresh = compileSite(content, urls);
      expect(JSON.stringify(cached)).toBe(JSON.stringify(fresh));
    };
    same();
    // An entity's summary (parsed frontmatter), a figure's quote file left as it was, a document's title.
    edit('policies/louzhangzhi.md', 'summary: ', 'summary: 本测试改写：');
    same();
    const meta = join(content, 'sources/changzheng-2022-plan.meta.yaml');
    writeFileSync(meta, readFileSync(meta, 'utf8').replace(/^title: (.*)$/m, 'title: $1（内存缓存测试）'));
    same();
    edit('policies/louzhangzhi.md', 'summary: 本测试改写：', 'summary: ');
    same();
  });
});

describe('compiler version', () => {
  it('changes when a source file of the compiler changes, and only then', () => {
    const dir = join(root, 'compiler-source');
    mkdirSync(join(dir, 'stage'), { recursive: true });
    writeFileSync(join(dir, 'stage', 'a.ts'), 'export const a = 1;\n');
    writeFileSync(join(dir, 'notes.md'), 'not source');
    const first = hashSourceFiles([dir]);
    expect(hashSourceFiles([dir])).toBe(first);
    writeFileSync(join(dir, 'notes.md'), 'still not source');
    expect(hashSourceFiles([dir])).toBe(first);
    writeFileSync(join(dir, 'stage', 'a.ts'), 'export const a = 2;\n');
    expect(hashSourceFiles([dir])).not.toBe(first);
  });
});
