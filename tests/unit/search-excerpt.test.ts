import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildExcerpt, countOccurrences, excerptFor, matchRanges, type Excerpt } from '../../src/lib/search/excerpt.ts';
import { foldWithOffsets } from '../../src/lib/search/normalize.ts';
import { parseQuery } from '../../src/lib/search/query.ts';
import { matchingSections, type PageAnchor } from '../../src/lib/search/sections.ts';
import { buildT2sMap } from '../../src/lib/search/t2s-map.ts';

const plan2022 = readFileSync(join(import.meta.dirname, '../../content/sources/changzheng-2022-plan.txt'), 'utf8');
const t2s = buildT2sMap(plan2022);
const lineWith = (s: string) => plan2022.split('\n').find((l) => l.includes(s))!;
const marked = (e: Excerpt) => e.segments.filter((s) => s.mark).map((s) => s.text);
const text = (e: Excerpt) => e.segments.map((s) => s.text).join('');

describe('excerpts with the matched phrase marked', () => {
  it('marks the phrase as it is written on the page', () => {
    const paragraph = lineWith('12345');
    const e = excerptFor(paragraph, parseQuery('12345').words, t2s);
    expect(marked(e)).toEqual(['12345']);
    expect(paragraph).toContain(text(e));
    expect(e.before).toBe(true);
  });

  it('marks the original characters of a full-width or traditional query', () => {
    const paragraph = lineWith('G2入城口');
    const times = paragraph.split('G2').length - 1;
    expect(times).toBe(3);
    expect(marked(excerptFor(paragraph, parseQuery('Ｇ２').words, t2s, 400))).toEqual(['G2', 'G2', 'G2']);
    const governance = lineWith('网格化管理能力');
    expect(marked(excerptFor(governance, parseQuery('網格化', t2s).words, t2s))).toContain('网格化');
  });

  it('chooses the place where all words of a query occur together', () => {
    const paragraph = lineWith('12345');
    const e = excerptFor(paragraph, parseQuery('河长制 防汛防台').words, t2s, 40);
    expect(marked(e)).toEqual(['河长制', '防汛防台']);
  });

  it('merges overlapping occurrences into one mark', () => {
    const folded = foldWithOffsets('党建引领社会治理');
    const e = buildExcerpt('党建引领社会治理', matchRanges(folded, ['党建引领', '引领社会']), 40);
    expect(e.segments).toEqual([
      { text: '党建引领社会', mark: true },
      { text: '治理', mark: false },
    ]);
  });

  it('shows the beginning when nothing matches', () => {
    const e = buildExcerpt('长征镇联系服务楼宇企业的安商稳商制度', [], 6);
    expect(e).toEqual({ segments: [{ text: '长征镇联系服', mark: false }], before: false, after: true });
  });

  it('counts occurrences', () => {
    expect(countOccurrences('楼长制楼长制', '楼长制')).toBe(2);
    expect(countOccurrences('aaa', 'aa')).toBe(1);
  });
});

describe('matchingSections: links to where the query occurs', () => {
  // Anchors as the index records them for the 2022 plan page (the compiled text, where the source's
  // broken lines are re-joined): headings and paragraphs with ids.
  const anchors: PageAnchor[] = [
    { element: 'div', id: 'document-body', text: '' },
    { element: 'h3', id: 'h-1', text: '一、统筹好质量与增速，全力促进经济持续向好' },
    {
      element: 'p',
      id: 'p-1',
      text: '着力提升营商环境美誉度。贯彻“人靠谱（普）、事办妥（陀）”“以四到四办换四心”的要求，结合长征实际，“抓大不放小、喜新不厌旧”，让各类企业在长征专心创业、放心投资、安心经营。把招商引资作为经济工作最大的变量和最确定的事来抓，持续发力“大招商、招大商、出大招”，进一步完善大招办共享机制和专班机制，加快推进重点项目落地。邀请企业家为长征代言，继续实施领导走访机制、“楼长制”和“三送一关怀”活动，做好现有各类惠企政策宣传解释和落地兑现，切实解决好企业反映的共性问题和个性问题，推动领导干部常态化“陪办”、全程“帮办”，当好企业的“最佳合伙人”“最暖店小二”。',
    },
    { element: 'h3', id: 'h-4', text: '四、统筹好管理与建设，全力提升镇域环境品质' },
    { element: 'p', id: 'p-2', text: lineWith('12345') },
  ];

  it('gives the paragraph and the heading of its section', () => {
    const [hit, ...rest] = matchingSections(anchors, parseQuery('楼长制').words, t2s);
    expect(rest).toEqual([]);
    expect(hit.id).toBe('p-1');
    expect(hit.heading).toBe('一、统筹好质量与增速，全力促进经济持续向好');
    expect(marked(hit.excerpt)).toEqual(['楼长制']);
  });

  it('lists places with every word first', () => {
    const hits = matchingSections(anchors, parseQuery('河长制 楼长制').words, t2s);
    expect(hits.map((h) => h.id)).toEqual(['p-1', 'p-2']);
    expect(hits.every((h) => !h.complete)).toBe(true);
    const both = matchingSections(anchors, parseQuery('12345 河长制').words, t2s);
    expect(both[0]).toMatchObject({ id: 'p-2', complete: true, heading: '四、统筹好管理与建设，全力提升镇域环境品质' });
  });

  it('links to a heading itself when the heading matches', () => {
    const [hit] = matchingSections(anchors, parseQuery('统筹好管理与建设').words, t2s);
    expect(hit).toMatchObject({ id: 'h-4', heading: undefined });
  });
});
