import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'htmlparser2';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { parseSiteDefinition } from '../../src/config/site-definition.ts';
import { site as configured } from '../../src/config/site.config.ts';
import type { BuiltPage } from '../../src/lib/postbuild/built-pages.ts';
import {
  hasChineseFont,
  predrawShareImages,
  shareImageCacheDir,
  shareImageKey,
  writeShareImages,
} from '../../src/lib/postbuild/share-images.ts';
import {
  documentTitle,
  pageShareSvg,
  pageTitleFrom,
  SHARE_IMAGE,
  SITE_SHARE_IMAGE,
  shareImageSvg,
  type ShareSite,
  sharePictureOf,
  wrapLines,
} from '../../src/lib/views/share-image.ts';

const site: ShareSite = {
  name: '长征镇政策文件库',
  documentsLabel: '文件',
  kinds: [
    { id: 'policies', badge: '政策' },
    { id: 'projects', badge: '项目' },
  ],
  themeColor: '#a4161a',
  shareImages: 'page',
};

describe('which page has which picture', () => {
  it('gives documents and entity pages their own, mention lists their entity’s, other pages none', () => {
    expect(sharePictureOf('documents/a-b/', site)).toEqual({ file: 'share/documents/a-b.png', own: true, label: '文件' });
    expect(sharePictureOf('policies/x/', site)).toEqual({ file: 'share/policies/x.png', own: true, label: '政策' });
    expect(sharePictureOf('policies/x/mentions/', site)).toEqual({ file: 'share/policies/x.png', own: false, label: '政策' });
    expect(sharePictureOf('projects/y/mentions/3/', site)).toEqual({ file: 'share/projects/y.png', own: false, label: '项目' });
    for (const url of [
      '',
      'documents/',
      'documents/page/2/',
      'policies/',
      'policies/page/2/',
      'search/',
      '404.html',
      'relations/x/',
      'figures/plan/',
    ]) {
      expect(sharePictureOf(url, site), url).toBeUndefined();
    }
  });
  it('gives every page the site picture with shareImages: site', () => {
    expect(sharePictureOf('documents/a/', { ...site, shareImages: 'site' })).toBeUndefined();
  });
  it('reads a page’s own title back from its tab title', () => {
    for (const title of ['楼长制', '关于 · 某事', site.name]) expect(pageTitleFrom(documentTitle(title, site.name), site.name)).toBe(title);
  });
});

describe('the shareImages setting', () => {
  it('is page or site, page when left out, and anything else is named with the file and field', () => {
    const { shareImages: _, ...rest } = configured;
    expect(parseSiteDefinition(rest).shareImages).toBe('page');
    expect(parseSiteDefinition({ ...rest, shareImages: 'site' }).shareImages).toBe('site');
    expect(() => parseSiteDefinition({ ...rest, shareImages: 'pages' as 'page' })).toThrow(
      /src\/config\/site\.config\.ts, field "shareImages"/,
    );
  });
  it('keeps a kind from taking the pictures’ folder as its route', () => {
    expect(() => parseSiteDefinition({ ...configured, kinds: [{ ...configured.kinds[0], id: 'share' }] })).toThrow(/field "kinds\.0\.id"/);
  });
});

describe('the picture as SVG', () => {
  const text = { siteName: 'A&B<站>', title: '&amp; <script>alert("x")</script></text><text>关于', label: '"文件"', color: '#a4161a' };
  it('draws source text as text: markup in a title, name or label is escaped', () => {
    const svg = pageShareSvg(text);
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('</text><text>关于');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).toContain('&amp;amp;');
    expect(svg).toContain('A&amp;B&lt;站&gt;');
    // Well-formed XML whose text is the source's, character for character.
    const dom = parseDocument(svg, { xmlMode: true, decodeEntities: true });
    const texts: string[] = [];
    const walk = (nodes: typeof dom.children) => {
      for (const n of nodes) {
        if (n.type === 'text') texts.push(n.data);
        if ('children' in n) walk(n.children as typeof dom.children);
      }
    };
    walk(dom.children);
    expect(texts.join('')).toBe(`${text.siteName}${text.label}${text.title}`);
    expect(svg.match(/<text /g)?.length).toBe(2 + wrapLines(text.title, 17, 4).length);
  });
  it('draws the site picture without text where no Chinese font is installed, rather than boxes', () => {
    const svg = shareImageSvg({ name: '站', description: '说明', color: '#a4161a', text: false });
    expect(svg).not.toContain('<text');
    expect(svg).toContain('<rect');
  });
  it('renders whatever a title holds: control characters and broken surrogates are dropped, not fatal', async () => {
    const svg = pageShareSvg({ ...text, title: `标题\u0001\u000b\ud800\uffff末` });
    expect(svg).toContain('>标题\ufffd末<');
    const meta = await sharp(Buffer.from(svg)).metadata();
    expect([meta.width, meta.height]).toEqual([SHARE_IMAGE.width, SHARE_IMAGE.height]);
    await expect(sharp(Buffer.from(svg)).png().toBuffer()).resolves.toBeInstanceOf(Buffer);
  });
  it('is the declared size', () => {
    expect(pageShareSvg(text)).toContain(`width="${SHARE_IMAGE.width}" height="${SHARE_IMAGE.height}"`);
  });
});

describe('wrapping titles', () => {
  it('breaks Chinese at any character and marks a cut', () => {
    expect(wrapLines('一二三四五六七', 3, 2)).toEqual(['一二三', '四五…']);
    expect(wrapLines('一二三', 3, 2)).toEqual(['一二三']);
    expect(wrapLines('  ', 3, 2)).toEqual([]);
  });
  it('keeps numbers and Latin words whole, counting them half as wide', () => {
    expect(wrapLines('长征镇人民政府关于印发《长征镇2022年经济与社会发展计划》的通知', 17, 4)).toEqual([
      '长征镇人民政府关于印发《长征镇',
      '2022年经济与社会发展计划》的通知',
    ]);
    expect(wrapLines('一二三四五六七八九十ABCDEFGH', 12, 2)).toEqual(['一二三四五六七八九十', 'ABCDEFGH']);
    expect(wrapLines('A'.repeat(30), 10, 3).join('')).toBe('A'.repeat(30));
  });
  it('never starts a line with closing punctuation nor ends one with an opening mark', () => {
    expect(wrapLines('一二三，四五', 3, 3)).toEqual(['一二三，', '四五']);
    expect(wrapLines('一二《三》', 3, 3)).toEqual(['一二', '《三》']);
  });
  it('cuts a long title at the last line with … within the width', () => {
    const lines = wrapLines('政'.repeat(100), 17, 4);
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe(`${'政'.repeat(16)}…`);
  });
});

describe('the cache key', () => {
  const key = (over: Partial<Parameters<typeof pageShareSvg>[0]> = {}) =>
    shareImageKey(pageShareSvg({ siteName: site.name, title: '楼长制', label: '政策', color: site.themeColor, ...over }));
  it('is the same for the same picture and changes with anything drawn', () => {
    expect(key()).toBe(key());
    expect(key({ title: '楼长制 ' })).toBe(key()); // trailing space: nothing drawn changes
    for (const over of [{ title: '三送一关怀' }, { siteName: '别的站' }, { label: '项目' }, { color: '#000000' }])
      expect(key(over)).not.toBe(key());
  });
  it('lives beside the compile cache, under WORK_DIR when set, and is off with COMPILE_CACHE=off', () => {
    expect(shareImageCacheDir({ WORK_DIR: '/w' })).toBe(join('/w', 'cache', 'policy-library', 'share-images'));
    expect(shareImageCacheDir({ COMPILE_CACHE: 'off' })).toBeUndefined();
  });
});

describe('writing the pictures', () => {
  let dir: string | undefined;
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

  const page = (url: string, title: string): BuiltPage => ({
    file: `${url}index.html`,
    url,
    title: documentTitle(title, site.name),
    bytes: 1,
  });
  const pages = [
    page('', site.name),
    page('documents/a/', '关于印发《长征镇2022年经济与社会发展计划》的通知'),
    page('documents/b/', '<b>粗体</b>不是标记'),
    page('policies/x/', '楼长制'),
    page('policies/x/mentions/', '提及“楼长制”的文件'),
  ];
  const setUp = () => {
    dir = mkdtempSync(join(tmpdir(), 'share-images-'));
    const dist = join(dir, 'dist');
    mkdirSync(join(dist, 'share'), { recursive: true });
    writeFileSync(join(dist, SITE_SHARE_IMAGE), 'site picture');
    return { dist, cacheDir: join(dir, 'cache') };
  };
  const fonts = async () => true;

  it('draws one PNG of the declared size per document and entity page, and none for the others', async () => {
    const { dist, cacheDir } = setUp();
    const result = await writeShareImages(dist, pages, { site, cacheDir, fontCheck: fonts });
    expect(result).toMatchObject({ pictures: 3, drawn: 3, reused: 0, fallbacks: 0 });
    for (const file of ['share/documents/a.png', 'share/documents/b.png', 'share/policies/x.png']) {
      const meta = await sharp(readFileSync(join(dist, file))).metadata();
      expect([meta.format, meta.width, meta.height], file).toEqual(['png', SHARE_IMAGE.width, SHARE_IMAGE.height]);
      expect(statSync(join(dist, file)).size, file).toBeLessThan(100_000);
    }
    expect(readFileSync(join(dist, 'share/documents/a.png'))).not.toEqual(readFileSync(join(dist, 'share/documents/b.png')));
  });

  it('reuses the cache when nothing drawn changed, and draws only a retitled page', async () => {
    const { dist, cacheDir } = setUp();
    await writeShareImages(dist, pages, { site, cacheDir, fontCheck: fonts });
    const cached = join(
      cacheDir,
      `${shareImageKey(pageShareSvg({ siteName: site.name, title: '楼长制', label: '政策', color: site.themeColor }))}.png`,
    );
    const old = new Date('2020-01-01T00:00:00Z');
    utimesSync(cached, old, old);

    // The site's description is not drawn: every picture comes from the cache, none is rewritten.
    const again = await writeShareImages(dist, pages, {
      site: { ...site, description: '另一句说明' } as ShareSite,
      cacheDir,
      fontCheck: fonts,
    });
    expect(again).toMatchObject({ pictures: 3, drawn: 0, reused: 3, pruned: 0 });
    expect(statSync(cached).mtime).toEqual(old);

    const retitled = pages.map((p) => (p.url === 'documents/a/' ? page(p.url, '新标题') : p));
    expect(await writeShareImages(dist, retitled, { site, cacheDir, fontCheck: fonts })).toMatchObject({ drawn: 1, reused: 2, pruned: 1 });

    // A new site name is drawn on every picture.
    expect(await writeShareImages(dist, retitled, { site: { ...site, name: '新站名' }, cacheDir, fontCheck: fonts })).toMatchObject({
      drawn: 3,
      reused: 0,
    });
  });

  it('without a Chinese font says so once, with what to install, and copies the site picture', async () => {
    const { dist, cacheDir } = setUp();
    const warnings: string[] = [];
    const result = await writeShareImages(dist, pages, { site, cacheDir, fontCheck: async () => false, warn: (l) => warnings.push(l) });
    expect(result).toMatchObject({ pictures: 3, drawn: 0, fallbacks: 3 });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/no Chinese font.*fonts-noto-cjk/);
    expect(readFileSync(join(dist, 'share/policies/x.png'), 'utf8')).toBe('site picture');
    // Nothing was cached, so a build with the font draws them.
    expect(await writeShareImages(dist, pages, { site, cacheDir, fontCheck: fonts })).toMatchObject({ drawn: 3 });
    // With every picture cached, the site picture still lost its text: said once again.
    const later = await writeShareImages(dist, pages, { site, cacheDir, fontCheck: async () => false, warn: (l) => warnings.push(l) });
    expect(later).toMatchObject({ reused: 3, fallbacks: 0 });
    expect(warnings).toHaveLength(2);
    expect(warnings[1]).toMatch(/the site picture has no text.*fonts-noto-cjk/);
  });

  it('draws again over an empty cache entry, and builds with a cache folder that cannot be written', async () => {
    const { dist, cacheDir } = setUp();
    await writeShareImages(dist, pages, { site, cacheDir, fontCheck: fonts });
    const entry = join(
      cacheDir,
      `${shareImageKey(pageShareSvg({ siteName: site.name, title: '楼长制', label: '政策', color: site.themeColor }))}.png`,
    );
    writeFileSync(entry, '');
    expect(await writeShareImages(dist, pages, { site, cacheDir, fontCheck: fonts })).toMatchObject({ drawn: 1, reused: 2 });
    expect(statSync(entry).size).toBeGreaterThan(1000);

    const notAFolder = join(dir!, 'a-file');
    writeFileSync(notAFolder, '');
    expect(await writeShareImages(dist, pages, { site, cacheDir: notAFolder, fontCheck: fonts })).toMatchObject({ drawn: 3, reused: 0 });
    expect(statSync(join(dist, 'share/policies/x.png')).size).toBeGreaterThan(1000);
  });

  it('drawn before the build from the compiler’s titles, they are only copied after it; a page titled otherwise is drawn', async () => {
    const { dist, cacheDir } = setUp();
    const compiled = [
      { url: 'documents/a/', title: '关于印发《长征镇2022年经济与社会发展计划》的通知' },
      { url: 'documents/b/', title: '<b>粗体</b>不是标记' },
      { url: 'policies/x/', title: '楼长制' },
      { url: 'policies/x/mentions/', title: '提及“楼长制”的文件' },
    ];
    expect(await predrawShareImages(compiled, { site, cacheDir, fontCheck: fonts })).toEqual({ pictures: 3, drawn: 3, cached: 0 });
    expect(await predrawShareImages(compiled, { site, cacheDir, fontCheck: fonts })).toEqual({ pictures: 3, drawn: 0, cached: 3 });
    expect(await writeShareImages(dist, pages, { site, cacheDir, fontCheck: fonts })).toMatchObject({ drawn: 0, reused: 3 });
    const renamed = compiled.map((p) => (p.url === 'policies/x/' ? { ...p, title: '楼长责任制' } : p));
    expect(await predrawShareImages(renamed, { site, cacheDir, fontCheck: fonts })).toEqual({ pictures: 3, drawn: 1, cached: 2 });
    // The built page still says 楼长制: it gets the picture of its own title, never the one drawn for another.
    expect(await writeShareImages(dist, pages, { site, cacheDir, fontCheck: fonts })).toMatchObject({ drawn: 0, reused: 3, pruned: 1 });
  });

  it('draws before the build in a child process, the same pictures as in the build’s own process', async () => {
    const { cacheDir } = setUp();
    const compiled = [
      { url: 'documents/a/', title: '关于印发《长征镇2022年经济与社会发展计划》的通知' },
      { url: 'policies/x/', title: '楼长制' },
    ];
    expect(await predrawShareImages(compiled, { site, cacheDir, fontCheck: fonts, inChildProcess: true })).toEqual({
      pictures: 2,
      drawn: 2,
      cached: 0,
    });
    const inChild = readdirSync(cacheDir).sort();
    const here = join(cacheDir, '..', 'here');
    await predrawShareImages(compiled, { site, cacheDir: here, fontCheck: fonts });
    expect(readdirSync(here).sort()).toEqual(inChild);
    for (const name of inChild) expect(readFileSync(join(cacheDir, name)), name).toEqual(readFileSync(join(here, name)));
  });

  it('draws nothing before the build without a cache folder or a Chinese font', async () => {
    const { cacheDir } = setUp();
    const compiled = [{ url: 'documents/a/', title: '通知' }];
    expect(await predrawShareImages(compiled, { site, fontCheck: fonts })).toEqual({ pictures: 1, drawn: 0, cached: 0 });
    expect(await predrawShareImages(compiled, { site, cacheDir, fontCheck: async () => false })).toEqual({
      pictures: 1,
      drawn: 0,
      cached: 0,
    });
  });

  it('without a cache folder draws every picture', async () => {
    const { dist } = setUp();
    await writeShareImages(dist, pages, { site, fontCheck: fonts });
    expect(await writeShareImages(dist, pages, { site, fontCheck: fonts })).toMatchObject({ drawn: 3, reused: 0 });
  });
});

describe('finding a Chinese font', () => {
  it('finds the one this machine has (CI installs fonts-noto-cjk)', async () => expect(await hasChineseFont()).toBe(true));
  it('finds none when fontconfig has only Latin fonts or none at all', () => {
    const dir = mkdtempSync(join(tmpdir(), 'no-cjk-font-'));
    try {
      const script = join(import.meta.dirname, '../../src/lib/postbuild/share-images.ts');
      // A folder of Latin fonts only, where the machine has one (Debian's fonts-dejavu-core).
      const latinOnly = ['/usr/share/fonts/truetype/dejavu'].filter((d) => existsSync(d));
      for (const fontDir of [join(dir, 'empty'), ...latinOnly]) {
        mkdirSync(join(dir, 'empty'), { recursive: true });
        const conf = join(dir, 'fonts.conf');
        writeFileSync(
          conf,
          `<?xml version="1.0"?><fontconfig><dir>${fontDir}</dir><cachedir>${join(dir, 'cache')}</cachedir></fontconfig>`,
        );
        const out = execFileSync(
          process.execPath,
          ['--input-type=module', '-e', `const m = await import(${JSON.stringify(script)}); console.log(await m.hasChineseFont());`],
          { env: { ...process.env, FONTCONFIG_FILE: conf }, encoding: 'utf8' },
        );
        expect(out.trim(), fontDir).toBe('false');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
