/**
 * Metadata detection, rule by rule, on excerpts shaped as real documents of each kind are (GB/T
 * 9704 公文, legal-database exports, reports, portal pages). The real files themselves are read by
 * tests/unit/real-docs.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { detectMetadata } from '../../src/lib/authoring/ingest/detect-metadata.ts';
import { siteDetectionContext } from '../../src/lib/authoring/ingest/metadata/context.ts';
import { parseChineseDate } from '../../src/lib/text/chinese-dates.ts';

const detect = (text: string, hints = {}) => detectMetadata(text, hints, siteDetectionContext());

describe('title', () => {
  it('joins a title printed over several lines and skips the masthead and 文号 above it', () => {
    const d = detect(
      [
        '某某县人民政府办公室文件',
        '',
        '某政办发〔2023〕7号',
        '',
        '某某县人民政府办公室关于印发某某县城乡',
        '',
        '环境整治实施办法的通知',
        '',
        '各乡镇人民政府：',
        '',
        '现印发给你们，请认真执行。',
      ].join('\n'),
    );
    expect(d.title).toBe('某某县人民政府办公室关于印发某某县城乡环境整治实施办法的通知');
    expect(d.documentNumber).toBe('某政办发〔2023〕7号');
    expect(d.evidence.title).toMatch(/第 5、7 行/);
  });

  it('keeps the space between joint issuers and none elsewhere', () => {
    const d = detect(
      ['甲省农业农村厅 甲省财政厅', '关于印发2024年农机补贴', '实施方案的通知', '各市农业农村局：', '现印发给你们。'].join('\n'),
    );
    expect(d.title).toBe('甲省农业农村厅 甲省财政厅关于印发2024年农机补贴实施方案的通知');
    expect(d.kind).toBe('通知');
  });

  it('never takes a salutation, a speaker line or an occasion line for the title', () => {
    const d = detect(
      [
        '政府工作报告',
        '——2018年3月5日在第十三届全国人民代表大会第一次会议上',
        '国务院总理 李克强',
        '各位代表：',
        '现在，我代表国务院，向大会报告工作。',
      ].join('\n'),
    );
    expect(d).toMatchObject({ title: '政府工作报告', issuer: '国务院', date: '2018-03-05', kind: '报告', region: '全国' });
  });

  it('reads a title printed twice once (legal-database exports), with their header lines skipped', () => {
    const d = detect(
      [
        '    【法宝引证码】 CLI.12.1',
        '原文链接：https://example.org/1.html',
        '某某市水务局关于开展汛期检查的通知',
        '某某市水务局关于开展汛期检查的通知',
        '（某水发〔2021〕12号）',
        '各单位：',
        '　　现将有关事项通知如下。',
      ].join('\r\n'),
    );
    expect(d.title).toBe('某某市水务局关于开展汛期检查的通知');
    expect(d.documentNumber).toBe('某水发〔2021〕12号');
    expect(d.issuer).toBe('某某市水务局');
  });

  it('skips a 政府信息公开 box and its wrapped lines, and takes the title below', () => {
    const d = detect(
      [
        '深圳市某某局政府信息公开',
        '索引号： 1144/2026-00020 分类：',
        '发布机构： 深圳市某某局 成文日期： 2026-02-12',
        '名称： 关于印发《某某行动计划》的',
        '通知',
        '文号： 发布日期： 2026-02-12',
        '关于印发《某某行动计划》的通知',
        '各有关单位：',
        '现印发给你们，请遵照执行。',
        '深圳市某某局',
        '2026年2月9日',
      ].join('\n'),
    );
    expect(d).toMatchObject({
      title: '关于印发《某某行动计划》的通知',
      issuer: '深圳市某某局',
      date: '2026-02-09',
      published: '2026-02-12',
      indexNumber: '1144/2026-00020',
      region: '深圳市',
    });
  });

  it('prefers the title the file states in its metadata (a web page table, a Word title style)', () => {
    const d = detect('第一行不是标题。\n正文。', {
      title: { value: '国务院办公厅关于推进政务新媒体健康有序发展的意见', evidence: '网页信息公开表“标题”' },
    });
    expect(d.title).toBe('国务院办公厅关于推进政务新媒体健康有序发展的意见');
    expect(d.evidence.title).toBe('网页信息公开表“标题”');
    expect(d.kind).toBe('意见');
  });
});

describe('signature, issuer and dates', () => {
  it('takes the first signature (the document’s), not an attachment’s', () => {
    const d = detect(
      [
        '国务院办公厅关于某某问题的复函',
        '湖北省人民政府：',
        '你省请示收悉。现函复如下。',
        '国务院办公厅',
        '二〇〇四年十一月四日',
        '附件1',
        '关于某某情况的报告',
        '国务院：',
        '现报告如下。',
        '国土资源部',
        '2004年10月20日',
      ].join('\n'),
    );
    expect(d).toMatchObject({ issuer: '国务院办公厅', date: '2004-11-04', kind: '函', region: '全国' });
  });

  it('reads joint signatures side by side as two issuers', () => {
    const d = detect(['关于某某工作的通知', '各单位：', '现通知如下。', '甲省农业农村厅 甲省财政厅', '2024年7月1日'].join('\n'));
    expect(d.issuer).toBe('甲省农业农村厅、甲省财政厅');
  });

  it('reads an unsigned date under the body, in Chinese numerals with ○', () => {
    expect(detect(['关于某某的通知', '各单位：', '现通知如下。', '二○○五年十一月十一日'].join('\n')).date).toBe('2005-11-11');
    expect(parseChineseDate('二○一二年一月九日')).toBe('2012-01-09');
  });

  it('does not take a dateline under a news title for a signature', () => {
    const d = detect(
      ['某某任务第二场新闻发布会', '2012年6月24日', '中国载人航天工程新闻发言人 武平', '女士们、先生们：', '很高兴又一次和大家见面。'].join(
        '\n',
      ),
    );
    expect(d).toMatchObject({ date: '2012-06-24', kind: '新闻报道', issuer: undefined, region: '全国' });
  });

  it('dates a news lede without a year by the year its title names', () => {
    expect(detect(['2026年中央一号文件', '中央一号文件2月3日由新华社受权发布，对有关工作作出部署。'].join('\n'))).toMatchObject({
      date: '2026-02-03',
      region: '全国',
      kind: undefined,
    });
  });

  it('takes a news page’s source and date from its 信息来源 line', () => {
    const d = detect(
      ['某某监管局推出“三大计划”，服务企业发展', '信息来源：宝安区 信息提供日期：2026-02-28 15:00', '岭南春早，战鼓催征。'].join('\n'),
    );
    expect(d).toMatchObject({ issuer: '宝安区', date: '2026-02-28', kind: '新闻报道', region: '深圳市宝安区' });
  });

  it('falls back to the 版记 printing office for the issuer, never for the date', () => {
    const d = detect(
      ['某某区促进产业转型发展实施细则', '第一条 为促进发展，制定本细则。', '深圳市坪山区人民政府办公室 2018年3月23日印发'].join('\n'),
    );
    expect(d).toMatchObject({ issuer: '深圳市坪山区人民政府办公室', date: undefined, kind: undefined, region: '深圳市坪山区' });
    // 细则 is a genre: issued alone or as a notice's attachment, only a person can tell.
    expect(d.evidence.kind).toMatch(/细则.*通知/);
  });
});

describe('region', () => {
  it('reads the most specific place of the issuer from the divisions dataset', () => {
    expect(detect('路桥区卫生局关于某事的批复\n区中医院：\n现批复如下。').region).toBe('台州市路桥区');
    expect(detect('中国银保监会扬州监管分局关于印发某办法的通知\n各单位：\n现印发。').region).toBe('扬州市');
  });

  it('takes the province a 文号 names by its 简称 when nothing else names a place', () => {
    expect(detect('关于提示某业务风险的通知\n苏银监办〔2005〕235号\n各分局：\n现提示如下。').region).toBe('江苏省');
  });

  it('reads central organs as 全国 and does not take a place the title is about', () => {
    expect(detect('国务院办公厅关于湖北省巴东县某问题的复函\n湖北省人民政府：\n现函复如下。\n国务院办公厅\n2004年11月4日').region).toBe(
      '全国',
    );
  });
});
