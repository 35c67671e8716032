import { describe, expect, it } from 'vitest';
import { detectKind, detectMetadata as detectWith, parseChineseDate } from '../../src/lib/authoring/ingest/detect-metadata.ts';
import { siteDetectionContext } from '../../src/lib/authoring/ingest/metadata/context.ts';
import { site } from '../../src/config/site.config.ts';

const detectMetadata = (text: string) => detectWith(text, {}, siteDetectionContext());
const kindOf = (title: string, text: string) => detectKind(title, text, site.documentKinds)?.kind;
import { slugFromFileName } from '../../src/lib/authoring/ingest/add-document.ts';
import { findFigureCandidates } from '../../src/lib/authoring/candidates/figure-candidates.ts';
import { foldRadicals } from '../../src/lib/authoring/ingest/fold-radicals.ts';
import { extractHtml } from '../../src/lib/authoring/ingest/extract-html.ts';
import { toSourceText } from '../../src/lib/authoring/ingest/source-text.ts';

/** The rules behind add-document's guesses, on excerpts of the real sources and their variants. */

const GBK_PAGE =
  '3c68746d6c3e3c686561643e3c6d65746120687474702d65717569763d22436f6e74656e742d547970652220636f6e74656e743d22746578742f68746d6c3b20636861727365743d676232333132223e3c7469746c653eb3a4d5f7d5f2c8cbc3f1d5feb8aeb9d8d3dabfaad5b9c9e7c7f8d6cec0edb9a4d7f7b5c4cda8d6aa5fc9cfbaa3cad0c6d5cdd3c7f8c8cbc3f1d5feb8ae3c2f7469746c653e3c2f686561643e3c626f64793e3c6469762069643d227a6f6f6d223e3c703eb8f7bed3c3f1c7f8a3ba3c2f703e3c703ecfd6bdabc9e7c7f8d6cec0edb9a4d7f7b0b2c5c5cda8d6aac8e7cfc2a1a33c2f703e3c2f6469763e3c2f626f64793e3c2f68746d6c3e';

/** The head and signature of changzheng-2022-plan.txt, as the PDF extraction gave them. */
const NOTICE_HEAD = `

普长府〔2022〕1号

长征镇人民政府关于印发《长征镇 2022 年经济与社会发展计划》的通知

机关各部门、各基层单位：

《长征镇 2022 年经济与社会发展计划》已经镇政府同意，现印发给你们，请结合各部门（单位）的实际，组织实施，按照执行。

长征镇人民政府
2022 年 1 月 13 日
`;

describe('成文日期', () => {
  it('reads the forms signatures use', () => {
    expect(parseChineseDate('2022年1月13日')).toBe('2022-01-13');
    expect(parseChineseDate('2022 年 1 月 13 日')).toBe('2022-01-13');
    expect(parseChineseDate('二〇二二年一月十三日')).toBe('2022-01-13');
    expect(parseChineseDate('二〇二一年十二月三十一日')).toBe('2021-12-31');
    expect(parseChineseDate('２０２２年１月１３日')).toBe('2022-01-13');
  });
  it('refuses impossible dates and sentences that contain a date', () => {
    expect(parseChineseDate('2022年2月30日')).toBeUndefined();
    expect(parseChineseDate('2022年13月1日')).toBeUndefined();
    expect(parseChineseDate('2月25日,普陀区召开工作推进会')).toBeUndefined();
  });
});

describe('metadata of an official notice', () => {
  it('finds 文号, title, issuer and date of the annual plan’s covering notice', () => {
    expect(detectMetadata(NOTICE_HEAD)).toMatchObject({
      documentNumber: '普长府〔2022〕1号',
      title: '长征镇人民政府关于印发《长征镇2022年经济与社会发展计划》的通知',
      issuer: '长征镇人民政府',
      date: '2022-01-13',
      kind: '通知',
      // 长征镇 is in Shanghai and in Hainan: the one in a region this site is about.
      region: '上海市普陀区长征镇',
    });
  });
  it('writes the 〔〕 of GB/T 9704 for the brackets extractions use', () => {
    for (const variant of ['普长府[2022]1号', '普长府［2022］1号', '普长府（2022）1号', '普长府(2022)1号', '普长府 〔2022〕 1 号']) {
      expect(detectMetadata(NOTICE_HEAD.replace('普长府〔2022〕1号', variant)).documentNumber, variant).toBe('普长府〔2022〕1号');
    }
  });
  it('takes the covering notice’s signature, not a later one, nor a 文号 the text cites', () => {
    const text = `${NOTICE_HEAD}\n根据沪府发〔2021〕3号文件精神，制定本计划。\n\n上海市普陀区长征镇人民政府\n二〇二二年一月二十日\n`;
    expect(detectMetadata(text)).toMatchObject({
      documentNumber: '普长府〔2022〕1号',
      issuer: '长征镇人民政府',
      date: '2022-01-13',
      region: '上海市普陀区长征镇',
    });
  });
  it('finds nothing it cannot see: no signature, no 文号', () => {
    const d = detectMetadata('普陀区长征镇 国民经济和社会发展第十四个五年规划\n\n普陀区长征镇人民政府\n\n第一部分: "十三五"发展回顾\n');
    expect(d).toMatchObject({
      title: '普陀区长征镇国民经济和社会发展第十四个五年规划',
      issuer: '普陀区长征镇人民政府',
      kind: '规划',
      region: '上海市普陀区长征镇',
      date: undefined,
      documentNumber: undefined,
    });
  });
});

describe('kind and title', () => {
  it('reads the kind off the title', () => {
    expect(kindOf('长征镇人民政府关于印发《长征镇2022年经济与社会发展计划》的通知', '')).toBe('通知');
    expect(kindOf('普陀区长征镇国民经济和社会发展第十四个五年规划', '')).toBe('规划');
    expect(kindOf('长征镇2023年经济与社会发展计划', '')).toBe('计划');
  });
  it('knows a news report by its dateline or byline', () => {
    expect(kindOf('努力打造超大城市党建引领社会治理“普陀样本”', '本报讯(记者 张成研)2月25日,普陀区召开……')).toBe('新闻报道');
    expect(kindOf('上海市闵行区新虹街道创新实践“枢纽党建”', '■记者 郭文治 孟 航')).toBe('新闻报道');
    expect(kindOf('关于做好社区治理工作的意见', '各居民区：')).toBe('意见');
    expect(kindOf('社区治理工作一览', '各居民区：')).toBeUndefined();
  });
  it('prefers the markdown title the extraction kept', () => {
    const head =
      '## 做实五件事、干字首当头！普陀召开党建引领社会治理工作推进会\n\n# 努力打造超大城市 党建引领社会治理 “普陀样本”\n\n本报讯(记者 张成研)2月25日,普陀区召开会议。';
    expect(detectMetadata(head)).toMatchObject({
      title: '努力打造超大城市党建引领社会治理“普陀样本”',
      kind: '新闻报道',
      region: '上海市普陀区',
    });
  });
});

describe('source text shape and slugs', () => {
  it('writes one paragraph per line, keeps the signature as one block and drops layout spaces', () => {
    expect(toSourceText(['\u3000\u3000机关各部门、各基层单位：', '', '长征镇人民政府', '2022年1月13日', '\u00a0'])).toBe(
      '机关各部门、各基层单位：\n\n长征镇人民政府\n2022年1月13日\n',
    );
  });
  it('folds radicals and shared glyphs a PDF text layer gives for ideographs', () => {
    expect(foldRadicals('\u2ED3征镇\u2F42化\u2F3E籍——完善“镇\u2015网格”')).toBe('长征镇文化户籍——完善“镇—网格”');
  });
  it('decodes a web page in the GBK its <meta> declares', () => {
    // An old-style page, saved as the site served it (charset=gb2312), bytes as Python's gbk codec writes them.
    const page = Buffer.from(GBK_PAGE, 'hex');
    expect(extractHtml(page, 'notice.html')).toEqual({
      text: '长征镇人民政府关于开展社区治理工作的通知\n\n各居民区：\n\n现将社区治理工作安排通知如下。\n',
      hints: { title: { value: '长征镇人民政府关于开展社区治理工作的通知', evidence: '网页标题 <title>（去掉网站名）' } },
      extraction: 'html',
    });
  });
  it('makes slugs only from ASCII file names', () => {
    expect(slugFromFileName('inbox/Changzheng_2023 Plan.PDF')).toBe('changzheng-2023-plan');
    expect(slugFromFileName('关于印发计划的通知.pdf')).toBeUndefined();
    expect(slugFromFileName('2023.pdf')).toBeUndefined();
  });
});

describe('figure candidates', () => {
  // changzheng-party-building-2023.txt, as the compiler cleans it.
  const paragraph = {
    id: 'p-1',
    text: '同时，释放助企纾困政策效应。出台《长征镇共抗疫情助企纾困若干措施》，为2198户中小微企业和个体工商户减免租金2.19亿元；做优“楼长制”和“三送一关怀”的安商稳商服务品牌，组织开展企业走访，累计走访企业近千户次，为企业推送和申请惠企政策千余条。',
  };
  const mention = (entityId: string, match: string) => ({ entityId, anchor: 'p-1', before: '', match, after: '' });

  it('lists the quantities stated next to an entity’s name', () => {
    const found = findFigureCandidates(
      [paragraph],
      [mention('policies/changzheng-gongkang-yiqing-zhuqi-shukun-ruogan-cuoshi', '长征镇共抗疫情助企纾困若干措施')],
    );
    expect(found).toEqual([
      {
        entityId: 'policies/changzheng-gongkang-yiqing-zhuqi-shukun-ruogan-cuoshi',
        name: '长征镇共抗疫情助企纾困若干措施',
        figures: ['2198户', '2.19亿元'],
        sentence: '出台《长征镇共抗疫情助企纾困若干措施》，为2198户中小微企业和个体工商户减免租金2.19亿元；',
      },
    ]);
  });
  it('reads large round numbers in words, not small ones that are part of names', () => {
    const text =
      '组织开展企业走访，累计走访企业近千户次，为企业推送和申请惠企政策千余条。落实“两个免于提交”，深入贯彻落实中央八项规定精神。';
    const found = findFigureCandidates(
      [{ id: 'p-2', text }],
      [
        { entityId: 'policies/louzhangzhi', anchor: 'p-2', before: '', match: '企业走访', after: '' },
        { entityId: 'policies/liangge-mianyu-tijiao', anchor: 'p-2', before: '', match: '两个免于提交', after: '' },
        { entityId: 'policies/zhongyang-baxiang-guiding', anchor: 'p-2', before: '', match: '中央八项规定', after: '' },
      ],
    );
    expect(found.map((f) => [f.entityId, f.figures])).toEqual([['policies/louzhangzhi', ['近千户次']]]);
  });
});
