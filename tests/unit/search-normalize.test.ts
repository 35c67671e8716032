import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fold, foldWithOffsets, NO_T2S, toSimplified } from '../../src/lib/search/normalize.ts';
import { buildT2sMap } from '../../src/lib/search/t2s-map.ts';

/** The site's text, as the t2s.json route sees it: sources and entity pages. */
const CONTENT = join(import.meta.dirname, '../../content');
const corpus = ['sources', 'policies', 'projects', 'governance']
  .flatMap((dir) => readdirSync(join(CONTENT, dir)).map((f) => readFileSync(join(CONTENT, dir, f), 'utf8')))
  .join('\n');
const t2s = buildT2sMap(corpus);
const source = (slug: string) => readFileSync(join(CONTENT, 'sources', `${slug}.txt`), 'utf8');

describe('fold: the normal form of queries and page text', () => {
  it('turns full-width letters and digits into ASCII (NFKC)', () => {
    expect(fold('Ｇ２')).toBe('g2');
    expect(fold('１２３４５')).toBe('12345');
    expect(fold('ＡＩ＋')).toBe('ai+');
    expect(fold('区级税收增长１５％')).toBe(fold('区级税收增长15%'));
  });

  it('simplifies traditional characters the readers type', () => {
    expect(fold('社區治理', t2s)).toBe('社区治理');
    expect(fold('樓長制', t2s)).toBe('楼长制');
    expect(fold('黨建引領', t2s)).toBe('党建引领');
    expect(fold('寶能西上海中心', t2s)).toBe('宝能西上海中心');
    expect(fold('５６億元', t2s)).toBe('56亿元');
  });

  it('brings Taiwan and Hong Kong variant forms to simplified', () => {
    // 為 and 裡 are variants of OpenCC's standard 爲 and 裏.
    expect(fold('為民服務', t2s)).toBe('为民服务');
    expect(fold('城裡', t2s)).toBe('城里');
  });

  it('drops what readers do not type: spaces, quotation and title marks', () => {
    expect(fold('3+5+X产业政策体系')).toBe(fold('“3+5+X”产业政策体系'));
    expect(fold('靠长征谱未来')).toBe(fold('“靠长征 谱未来”'));
    expect(fold('长征镇2022年经济与社会发展计划')).toBe(fold('《长征镇2022年经济与社会发展计划》'));
  });

  it('keeps punctuation that is part of a phrase, in one form', () => {
    expect(fold('普长府〔2022〕1号')).toBe('普长府〔2022〕1号');
    expect(fold('人靠谱（普）、事办妥（陀）')).toBe(fold('人靠谱(普)、事办妥(陀)'));
    expect(fold('人靠谱（普）、事办妥（陀）')).not.toBe(fold('人靠谱、事办妥'));
  });

  it('maps every character of the key back to the original text', () => {
    const text = '发挥地处Ｇ２、G42大动脉入城口';
    const folded = foldWithOffsets(text);
    const at = folded.key.indexOf('g2');
    expect(text.slice(folded.from[at], folded.to[at + 1])).toBe('Ｇ２');
    const trad = foldWithOffsets('推進“社區治理”', t2s);
    const i = trad.key.indexOf('社区治理');
    expect('推進“社區治理”'.slice(trad.from[i], trad.to[i + 3])).toBe('社區治理');
    expect(trad.key).toBe('推进社区治理');
  });

  it('toSimplified keeps the text as typed apart from the script and width', () => {
    expect(toSimplified('社區治理 Ｇ２', t2s)).toBe('社区治理 G2');
  });
});

describe('buildT2sMap: only what the site needs', () => {
  it('is small', () => {
    expect(Object.keys(t2s).length).toBeGreaterThan(100);
    expect(JSON.stringify(t2s).length).toBeLessThan(20_000);
  });

  it('only maps to characters the site uses, and never rewrites one it uses', () => {
    const used = new Set(corpus);
    for (const [from, to] of Object.entries(t2s)) {
      expect(used.has(to), `${from}→${to}`).toBe(true);
      expect(used.has(from), `${from} is used by the site`).toBe(false);
    }
  });

  it('leaves the site text unchanged, so pages fold the same with or without it', () => {
    const paragraph = source('changzheng-2022-plan')
      .split('\n')
      .find((l) => l.includes('12345'))!;
    expect(fold(paragraph, t2s)).toBe(fold(paragraph, NO_T2S));
  });

  it('follows the corpus it is given', () => {
    const small = buildT2sMap('楼长制');
    expect(small).toMatchObject({ 樓: '楼', 長: '长', 製: '制' });
    expect(small.國).toBeUndefined();
  });
});
