/**
 * Each reader on small inputs built here (DOCX with the docx package, OFD zipped with fflate, HTML
 * fragments, text in several encodings): input → expected source text and hints.
 */
import {
  AlignmentType,
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
} from 'docx';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { extractSourceText } from '../../src/lib/authoring/ingest/extract.ts';
import { chineseCounting } from '../../src/lib/authoring/ingest/docx-numbering.ts';
import { bodyToBlocks } from '../../src/lib/authoring/ingest/extract-doc.ts';
import { expandDelta } from '../../src/lib/authoring/ingest/extract-ofd.ts';
import { linesToParagraphs } from '../../src/lib/authoring/ingest/layout-paragraphs.ts';
import { tsvToLines } from '../../src/lib/authoring/ingest/ocr.ts';
import { tablesFromLayout } from '../../src/lib/authoring/ingest/pdf-table.ts';
import { pipeTable } from '../../src/lib/authoring/ingest/source-text.ts';
import { decodeSource, decodeSourceWithEncoding } from '../../src/lib/text/decode-source.ts';

const extract = (bytes: Uint8Array, file: string) => extractSourceText(bytes, file);

describe('DOCX', () => {
  const cell = (text: string, extra: Record<string, unknown> = {}) => new TableCell({ children: [new Paragraph(text)], ...extra });
  const build = async () =>
    new Uint8Array(
      await Packer.toBuffer(
        new Document({
          sections: [
            {
              children: [
                new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('2025年某县政府工作报告')] }),
                new Paragraph({
                  alignment: AlignmentType.LEFT,
                  indent: { firstLine: 640 },
                  children: [new TextRun({ text: '（一）聚力扩内需。', bold: true }), new TextRun('全年社会消费品零售总额增长5%。')],
                }),
                new Paragraph({ children: [new TextRun({ text: '第一章 总则', bold: true })] }),
                new Paragraph({
                  children: [new TextRun('普通段落，'), new TextRun({ text: '中间加粗', bold: true }), new TextRun('不标记。')],
                }),
                new Table({
                  rows: [
                    new TableRow({ children: [cell('序号'), cell('项目 | 名称'), cell('金额')] }),
                    new TableRow({ children: [cell('1', { verticalMerge: VerticalMergeType.RESTART }), cell('道路', { columnSpan: 2 })] }),
                    new TableRow({ children: [cell('', { verticalMerge: VerticalMergeType.CONTINUE }), cell('桥梁'), cell('30')] }),
                  ],
                }),
                new Paragraph('表后段落。'),
              ],
            },
          ],
        }),
      ),
    );

  it('writes paragraphs, bold leads, whole-bold paragraphs and tables, and reads the heading-styled title', async () => {
    const { text, hints, extraction } = await extract(await build(), 'report.docx');
    expect(extraction).toBe('docx');
    expect(text).toBe(
      [
        '2025年某县政府工作报告',
        '**（一）聚力扩内需。**全年社会消费品零售总额增长5%。',
        '**第一章 总则**',
        '普通段落，中间加粗不标记。',
        '| 序号 | 项目 \\| 名称 | 金额 |\n| --- | --- | --- |\n| 1 | 道路 | |\n| | 桥梁 | 30 |',
        '表后段落。',
      ].join('\n\n') + '\n',
    );
    expect(hints.title).toEqual({ value: '2025年某县政府工作报告', evidence: 'Word 标题样式（Heading 1）' });
  });

  it('writes the labels of automatic numbering as Word shows them', async () => {
    const numbered = (level: number, text: string, bold = false) =>
      new Paragraph({ numbering: { reference: 'cn', level }, children: [new TextRun({ text, bold })] });
    const doc = new Document({
      numbering: {
        config: [
          {
            reference: 'cn',
            levels: [
              { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、' },
              { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）' },
              { level: 2, format: LevelFormat.CHINESE_COUNTING, text: '第%3条' },
            ],
          },
        ],
      },
      sections: [
        {
          children: [
            numbered(0, '总体要求'),
            numbered(1, '指导思想。', true),
            numbered(2, '为了规范管理，制定本办法。'),
            numbered(2, '本办法适用于全市。'),
            numbered(1, '基本原则。', true),
            numbered(0, '保障措施'),
          ],
        },
      ],
    });
    const { text } = await extract(new Uint8Array(await Packer.toBuffer(doc)), 'numbered.docx');
    expect(text.trimEnd().split('\n\n')).toEqual([
      '一、总体要求',
      '**（一）指导思想。**',
      '第一条 为了规范管理，制定本办法。',
      '第二条 本办法适用于全市。',
      '**（二）基本原则。**',
      '二、保障措施',
    ]);
    expect([1, 10, 11, 20, 21, 100, 105].map(chineseCounting)).toEqual(['一', '十', '十一', '二十', '二十一', '一百', '一百零五']);
  });

  it('refuses a file that is no zip with one message', async () => {
    await expect(extract(strToU8('plain text'), 'x.docx')).rejects.toThrow(/x\.docx: is not a readable Word document/);
  });
});

describe('OFD', () => {
  const textObject = (id: number, x: number, y: number, text: string, delta?: string) =>
    `<ofd:TextObject ID="${id}" Boundary="${x} ${y} 60 6" Font="1" Size="5.6"><ofd:TextCode X="0.8" Y="4.8"${delta ? ` DeltaX="${delta}"` : ''}>${text}</ofd:TextCode></ofd:TextObject>`;
  const page = (objects: string[]) =>
    `<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer ID="9">${objects.join('')}</ofd:Layer></ofd:Content></ofd:Page>`;
  const build = (title: string) =>
    zipSync({
      'OFD.xml': strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:Title>${title}</ofd:Title></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`,
      ),
      'Doc_0/Document.xml': strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>`,
      ),
      'Doc_0/Pages/Page_0/Content.xml': strToU8(
        page([
          textObject(1, 60, 40, '关于加快建设的函', 'g 7 5.6'),
          // One body line in four runs, the digits apart: 根据我市 + 202 + 3 + 年计划，
          textObject(2, 35.4, 60, '根据我市', 'g 3 5.6'),
          textObject(3, 57.8, 60, '202', '2.8 2.8'),
          textObject(4, 66.2, 60, '3'),
          textObject(5, 69.0, 60, '年计划，请你区尽快落实建设方案并加快工程施工建设工作', 'g 25 5.6'),
          textObject(6, 24.2, 71, '确保按期完成。'),
          textObject(7, 100, 260, '— 1 —'),
        ]),
      ),
    });

  it('joins runs on one baseline, continues lines into paragraphs and drops the page number', async () => {
    const { text, hints, extraction } = await extract(build('关于加快建设的函'), 'letter.ofd');
    expect(extraction).toBe('ofd');
    expect(text).toBe('关于加快建设的函\n\n根据我市2023年计划，请你区尽快落实建设方案并加快工程施工建设工作确保按期完成。\n');
    expect(hints.title?.value).toBe('关于加快建设的函');
  });

  it('takes DocInfo/Title only when the text has it', async () => {
    expect((await extract(build('某市国土资源局'), 'letter.ofd')).hints).toEqual({});
  });

  it('expands the g shorthand of DeltaX', () => {
    expect(expandDelta('5.6 g 3 2.8 7')).toEqual([5.6, 2.8, 2.8, 2.8, 7]);
  });
});

describe('HTML', () => {
  const fragment = `<div class="wrap"><table><tbody>
    <tr><td><b>索 引 号：</b></td><td>000014349/2018-00221</td><td><b>主题分类：</b></td><td>综合政务\\政务公开</td></tr>
    <tr><td><b>发文机关：</b></td><td>国务院办公厅</td><td><b>成文日期：</b></td><td>2018年12月07日</td></tr>
    <tr><td><b>标　　题：</b></td><td colspan="3">国务院办公厅关于推进政务新媒体健康有序发展的意见</td></tr>
    <tr><td><b>发文字号：</b></td><td>国办发〔2018〕123号</td><td><b>发布日期：</b></td><td>2018年12月27日</td></tr>
  </tbody></table>
  <div id="UCAP-CONTENT"><p>国务院办公厅关于推进</p><p>政务新媒体健康有序发展的意见</p><p>　　一、总体要求</p>
  <table><tr><th>序号</th><th>事项</th></tr><tr><td>1</td><td>A|B</td></tr><tr><td colspan="2">合计</td></tr></table>
  <p>国务院办公厅<br>2018年12月7日</p>begin--><p>--&gt;</p></div>
  <div id="qr_container">扫一扫在手机打开当前页</div></div>`;

  it('reads the 信息公开 table into hints and keeps it out of the text; body tables become pipe tables', async () => {
    const { text, hints, extraction } = await extract(strToU8(fragment), 'page.html');
    expect(extraction).toBe('html');
    expect(text).toBe(
      '国务院办公厅关于推进\n\n政务新媒体健康有序发展的意见\n\n一、总体要求\n\n| 序号 | 事项 |\n| --- | --- |\n| 1 | A\\|B |\n| 合计 | |\n\n国务院办公厅\n2018年12月7日\n',
    );
    expect(hints).toEqual({
      indexNumber: { value: '000014349/2018-00221', evidence: '网页信息公开表“索引号”' },
      topic: { value: '综合政务\\政务公开', evidence: '网页信息公开表“主题分类”' },
      issuer: { value: '国务院办公厅', evidence: '网页信息公开表“发文机关”' },
      date: { value: '2018-12-07', evidence: '网页信息公开表“成文日期”' },
      title: { value: '国务院办公厅关于推进政务新媒体健康有序发展的意见', evidence: '网页信息公开表“标题”' },
      documentNumber: { value: '国办发〔2018〕123号', evidence: '网页信息公开表“发文字号”' },
      published: { value: '2018-12-27', evidence: '网页信息公开表“发布日期”' },
    });
  });

  it('reads ArticleTitle, PubDate and ContentSource from a full page', async () => {
    const page = `<!--http://example.gov.cn/a.html--><html><head><meta charset="utf-8"><title>标题甲_某某网站</title><meta name="ArticleTitle" content="某县投资结构趋稳"><meta name="PubDate" content="2016-11-22 09:53"><meta name="contentSource" content="省发改委"></head><body><nav>首页</nav><div id="zoom"><p>　　正文一段。</p></div></body></html>`;
    const { text, hints } = await extract(strToU8(page), 'a.htm');
    expect(text).toBe('某县投资结构趋稳\n\n正文一段。\n');
    expect(hints).toEqual({
      title: { value: '某县投资结构趋稳', evidence: '<meta name="ArticleTitle">' },
      published: { value: '2016-11-22', evidence: '<meta name="PubDate">' },
      source: { value: '省发改委', evidence: '<meta name="contentSource">' },
    });
  });
});

describe('layout: lines → paragraphs', () => {
  const line = (text: string, x: number, xEnd: number, y: number) => ({ text, x, xEnd, y, fontSize: 12 });
  it('continues a line that reaches the margin, but a numbered item after a sentence end starts a paragraph', () => {
    const pages = [
      [
        line('　一段正文写到了右边', 65, 533, 700),
        line('界。', 41, 80, 673),
        line('第二段开头缩进写满了整行并且句子在这里结束。', 65, 533, 646),
        line('（一）新的一项', 41, 200, 619),
      ],
    ];
    expect(linesToParagraphs(pages)).toEqual([
      '　一段正文写到了右边界。',
      '第二段开头缩进写满了整行并且句子在这里结束。',
      '（一）新的一项',
    ]);
  });
  it('reads Tesseract TSV into lines without the spaces between Chinese characters', () => {
    const head = 'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext';
    const word = (n: number, left: number, text: string, conf = 95) => `5\t1\t1\t1\t1\t${n}\t${left}\t100\t40\t60\t${conf}\t${text}`;
    const lines = tsvToLines(
      [
        head,
        word(1, 100, '资助'),
        word(2, 150, '标准'),
        word(3, 200, '900'),
        word(4, 260, '元/m2'),
        `5\t1\t1\t1\t2\t1\t100\t300\t40\t60\t20\t印`,
      ].join('\n'),
    );
    expect(lines.map((l) => l.text)).toEqual(['资助标准900元/m2']);
  });
});

describe('legacy .doc body', () => {
  it('turns rows of cell marks into a pipe table and re-joins a line broken inside brackets', () => {
    const body = '附件：1.某某改革指导目录（2020\n            年）\n序号\t证明材料\t\t1\t工作证明\t\t2\t收入证明\t\t\n表后段落。\n';
    expect(bodyToBlocks(body).filter((b) => b.trim() !== '')).toEqual([
      '附件：1.某某改革指导目录（2020年）',
      '| 序号 | 证明材料 |\n| --- | --- |\n| 1 | 工作证明 |\n| 2 | 收入证明 |',
      '表后段落。',
    ]);
  });
  it('refuses a file word-extractor cannot read, saying to save it as .docx', async () => {
    await expect(extract(strToU8('not an OLE file'), 'old.doc')).rejects.toThrow(
      /old\.doc: is not a Word 97–2003 document[\s\S]*save it as \.docx/,
    );
  });
});

describe('pipe tables', () => {
  it('escapes |, flattens line breaks and pads short rows', () => {
    expect(pipeTable([['a', 'b|c'], ['1\n2']])).toBe('| a | b\\|c |\n| --- | --- |\n| 1 2 | |');
  });
});

describe('decoding a .txt', () => {
  const chinese = '长征镇人民政府关于开展社区治理工作的通知。各居民区：现将社区治理工作安排通知如下，请认真贯彻执行。\n';
  it('reads UTF-8 with and without BOM, UTF-16 with a BOM and GB18030, and says which', async () => {
    const utf8 = new TextEncoder().encode(chinese);
    expect(decodeSourceWithEncoding(utf8, 'a.txt')).toEqual({ text: chinese, encoding: 'UTF-8' });
    expect(decodeSourceWithEncoding(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]), 'a.txt').encoding).toBe('UTF-8 (BOM)');
    const le = new Uint8Array(2 + chinese.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < chinese.length; i++) new DataView(le.buffer).setUint16(2 + i * 2, chinese.charCodeAt(i), true);
    expect(decodeSourceWithEncoding(le, 'a.txt')).toEqual({ text: chinese, encoding: 'UTF-16LE (BOM)' });
    const gbk = new Uint8Array(
      Buffer.from(
        'b3a4d5f7d5f2c8cbc3f1d5feb8aeb9d8d3dabfaad5b9c9e7c7f8d6cec0edb9a4d7f7b5c4cda8d6aaa1a3b8f7bed3c3f1c7f8a3bacfd6bdabc9e7c7f8d6cec0edb9a4d7f7b0b2c5c5cda8d6aac8e7cfc2a3acc7ebc8cfd5e6b9e1b3b9d6b4d0d0a1a30a',
        'hex',
      ),
    );
    const read = await extract(gbk, 'notice.txt');
    expect(read.encoding).toBe('GB18030');
    expect(read.text).toBe(chinese);
    expect(read.bytes).toBe(gbk); // kept byte for byte
    expect(read.extraction).toBe('txt');
    expect(decodeSource(gbk, 'notice.txt')).toBe(chinese);
  });
  it('refuses bytes whose GB18030 reading is mojibake, with one message', () => {
    // Shift-JIS Japanese read as GB18030 decodes, but into rare characters.
    const sjis = new Uint8Array(
      Buffer.from(
        '93fa967b8cea82cc8365834c8358836782f08f9182ad82bd82df82cc96e291e882c982c282a282c48d6c82a682e982cc89ef8b6382cc8c8b89ca',
        'hex',
      ),
    );
    expect(() => decodeSource(sjis, 'ja.txt')).toThrow(/ja\.txt: is not valid UTF-8[\s\S]*GB18030/);
  });
});

describe('PDF tables laid out as text', () => {
  const seg = (text: string, x: number, width: number) => ({ text, x, xEnd: x + width });
  const line = (y: number, segments: Array<{ text: string; x: number; xEnd: number }>) => ({
    text: segments.map((s) => s.text).join(' '),
    x: segments[0].x,
    xEnd: segments.at(-1)!.xEnd,
    y,
    fontSize: 12,
    segments,
  });
  it('rebuilds rows from the fullest column, a merged cell once, and ends at body text', () => {
    const pages = [
      [
        line(700, [seg('序号', 47, 24), seg('环节', 96, 24), seg('解决方案', 359, 48)]),
        line(670, [seg('面向需求分析、产品定义等业务活动，针对', 229, 300)]),
        line(652, [seg('1', 56, 7), seg('研发设计', 84, 48), seg('研发周期长等问题。', 229, 108)]),
        line(620, [seg('面向产品测试、可靠性分析等业务活动，针', 229, 300)]),
        line(602, [seg('对验证周期长等问题。', 229, 120)]),
        line(560, [seg('表后的正文一段，写满了整整一行的宽度。', 41, 492)]),
      ],
    ];
    expect(
      tablesFromLayout(pages)
        .flat()
        .map((l) => l.text),
    ).toEqual([
      '| 序号 | 环节 | 解决方案 |\n| --- | --- | --- |\n| 1 | 研发设计 | 面向需求分析、产品定义等业务活动，针对研发周期长等问题。 |\n| | | 面向产品测试、可靠性分析等业务活动，针对验证周期长等问题。 |',
      '表后的正文一段，写满了整整一行的宽度。',
    ]);
  });
});
