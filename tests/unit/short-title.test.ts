import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { describe, expect, it } from 'vitest';
import { remarkResolveCitations } from '../../src/lib/compiler/remark/resolve-citations.ts';
import { citationMark, shortTitle, sourceMark, type ShortTitleMeta } from '../../src/lib/text/short-title.ts';
import { toString } from 'mdast-util-to-string';
import type { Root } from 'mdast';

const meta = (m: Partial<ShortTitleMeta> & { title: string }): ShortTitleMeta => ({
  kind: '通知',
  date: '2022',
  region: '上海市普陀区长征镇',
  ...m,
});

describe('one short name per document, from its metadata', () => {
  it('names a five-year plan by its ordinal, from the title or from its period', () => {
    expect(shortTitle(meta({ title: '普陀区长征镇国民经济和社会发展第十四个五年规划', kind: '规划', date: '2021' }))).toBe('十四五规划');
    expect(shortTitle(meta({ title: '某镇发展规划纲要', kind: '规划', date: '2016', period: { from: '2016', to: '2020' } }))).toBe(
      '十三五规划',
    );
    // Five years off the national cycle are not a five-year plan.
    expect(
      shortTitle(meta({ title: '某镇城市更新专项规划（2019—2023年）', kind: '规划', date: '2019', period: { from: '2019', to: '2023' } })),
    ).not.toMatch(/五规划/);
  });

  it('cites a notice that issues a document by that document, without its places', () => {
    expect(
      shortTitle(
        meta({
          title: '长征镇人民政府关于印发《长征镇2022年经济与社会发展计划》的通知',
          documentNumber: '普长府〔2022〕1号',
          date: '2022-01-13',
        }),
      ),
    ).toBe('2022年计划');
    expect(shortTitle(meta({ title: '关于印发《长征镇楼长制工作办法》的通知', date: '2023-05-01' }))).toBe('2023年楼长制工作办法');
  });

  it('uses the 文号 of an official document with a long title, and dates every other name', () => {
    expect(
      shortTitle(
        meta({
          title: '长征镇人民政府关于进一步加强社区治理工作的实施意见',
          kind: '意见',
          documentNumber: '普长府〔2023〕5号',
          date: '2023-03-01',
        }),
      ),
    ).toBe('普长府〔2023〕5号');
    expect(shortTitle(meta({ title: '长征镇：党建赋能经济社会高质量发展', kind: '新闻报道', date: '2023' }))).toBe('2023年长征镇报道');
    expect(
      shortTitle(
        meta({
          title: '上海市闵行区新虹街道创新实践“枢纽党建” 推动虹桥国际中央商务区高质量发展',
          kind: '新闻报道',
          date: '2022',
          region: '上海市闵行区新虹街道',
        }),
      ),
    ).toBe('2022年新虹街道报道');
  });

  it('marks a citation with ［］, never the 〔〕 of a 文号 year', () => {
    expect(citationMark('十四五规划')).toBe('［十四五规划］');
    expect(sourceMark(meta({ title: '长征镇：党建赋能经济社会高质量发展', kind: '新闻报道', date: '2023' }))).not.toMatch(/[〔〕]/);
  });
});

describe('body citations show the document’s one mark, whatever label the author wrote', () => {
  it('replaces 〔2021年规划〕 and 〔十四五规划〕 alike', () => {
    const tree = unified()
      .use(remarkParse)
      .parse('甲[〔2021年规划〕](cite:plan "第一段的文字")乙[〔十四五规划〕](cite:plan "第二段的文字")') as Root;
    const paragraphs = [
      { id: 'p-1', text: '这是第一段的文字。' },
      { id: 'p-2', text: '这是第二段的文字。' },
    ];
    remarkResolveCitations({
      paragraphsOf: () => paragraphs,
      href: (d, a) => `/documents/${d}/#${a}`,
      labelOf: () => '［十四五规划］',
      onProblem: (p) => {
        throw new Error(p.message);
      },
    })(tree);
    expect(toString(tree)).toBe('甲［十四五规划］乙［十四五规划］');
  });
});
