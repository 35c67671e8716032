import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { documentKinds as documentKindsOf } from '../../src/config/document-kinds.ts';
import { siteDefinitionSchema } from '../../src/config/site-definition.ts';
import { namesRegion, regionWithin } from '../../src/lib/compiler/facts/region-within.ts';
import { COUNTRY_CODE, divisionChain, findDivisions } from '../../src/lib/geo/divisions.ts';
import { regions, regionTree, type DivisionSource } from '../../src/lib/regions.ts';
import { documentKindLabel } from '../../src/lib/labels.ts';
import { extractionKinds } from '../../src/lib/schema/extraction.ts';
import { canonicalKind, documentKinds, sourceMetaSchema } from '../../src/lib/schema/source-meta.ts';
import { facets } from '../../src/lib/views/kind-index.ts';
import { site } from '../../src/config/site.config.ts';

const ROOT = join(import.meta.dirname, '../..');

describe('configured regions', () => {
  it('are answered from the configuration alone: the dataset is not read for them', () => {
    const unread: DivisionSource = {
      findDivisions: () => {
        throw new Error('the dataset was read');
      },
      divisionChain: () => {
        throw new Error('the dataset was read');
      },
    };
    const tree = regionTree(site.regions, unread);
    for (const r of site.regions) {
      for (const spelling of [r.name, ...r.aliases]) {
        expect(tree.canonical(spelling)).toBe(r.name);
        expect(tree.chain(spelling).at(-1)).toBe('全国');
        expect(tree.spellings(spelling)).toContain(r.name);
      }
    }
    expect(tree.chain('上海市普陀区长征镇')).toEqual(['普陀区长征镇', '普陀区', '上海市', '全国']);
  });

  it('behave as before: names, aliases and chains of the configuration', () => {
    expect(regions.canonical('上海市普陀区长征镇')).toBe('普陀区长征镇');
    expect(regions.canonical('七个城市')).toBe('沿沪宁七个城市');
    expect(regions.chain('沿沪宁七个城市')).toEqual(['沿沪宁七个城市', '全国']);
    expect(regions.chain('闵行区新虹街道')).toEqual(['闵行区新虹街道', '闵行区', '上海市', '全国']);
    // 普陀区 is ambiguous in the dataset (舟山市 has one too), but the site configures it.
    expect(regions.canonical('普陀区')).toBe('普陀区');
  });

  it('are each resolved to their division, by name, aliases and configured parent', () => {
    const code = (name: string) => regions.division(name)?.code;
    expect(code('全国')).toBe(COUNTRY_CODE);
    expect(code('上海市')).toBe('31');
    expect(code('普陀区')).toBe('310107');
    expect(code('普陀区长征镇')).toBe('310107102');
    expect(code('闵行区')).toBe('310112');
    expect(code('闵行区新虹街道')).toBe('310112008');
    expect(code('沿沪宁七个城市')).toBeUndefined(); // a grouping, no division
  });

  it('have configured parents that enclose them in the dataset too', () => {
    for (const r of site.regions) {
      const own = regions.division(r.name);
      const parent = r.parent === undefined ? undefined : regions.division(r.parent);
      if (!own || !parent) continue;
      expect(
        divisionChain(own.code).map((d) => d.code),
        `${r.name} in ${r.parent}`,
      ).toContain(parent.code);
    }
  });

  it('place a configured division without a parent by the dataset', () => {
    const tree = regionTree([{ name: '全国' }, { name: '坪山区', aliases: ['坪山'] }]);
    expect(tree.chain('坪山')).toEqual(['坪山区', '深圳市', '广东省', '全国']);
    // Its other divisions are named with the configured name where the chain passes it.
    expect(tree.chain('坪山街道')).toEqual(['深圳市坪山区坪山街道', '坪山区', '深圳市', '广东省', '全国']);
  });
});

describe('any other administrative division', () => {
  it('is a region by any spelling of it, named by its display name', () => {
    expect(regions.canonical('坪山区')).toBe('深圳市坪山区');
    expect(regions.canonical('广东省深圳市坪山区')).toBe('深圳市坪山区');
    expect(regions.canonical('山西')).toBe('山西省');
    expect(regions.canonical('舟山市普陀区')).toBe('舟山市普陀区');
  });

  it('has a chain up to 全国, named as the site configures the divisions it passes', () => {
    expect(regions.chain('深圳市坪山区')).toEqual(['深圳市坪山区', '深圳市', '广东省', '全国']);
    expect(regions.chain('山西省')).toEqual(['山西省', '全国']);
    expect(regions.chain('上海市普陀区真如镇街道')).toEqual(['上海市普陀区真如镇街道', '普陀区', '上海市', '全国']);
    expect(regions.chain('上海')).toEqual(['上海市', '全国']);
    expect(regions.canonical('上海')).toBe('上海市');
  });

  it('is within its enclosing regions and named by its own words in a paragraph', () => {
    expect(regionWithin('坪山区', '广东省')).toBe(true);
    expect(regionWithin('坪山区', '全国')).toBe(true);
    expect(regionWithin('坪山区', '上海市')).toBe(false);
    expect(regionWithin('上海市普陀区真如镇街道', '普陀区')).toBe(true);
    expect(namesRegion('坪山区推进产业招商', '深圳市坪山区')).toBe(true);
    expect(namesRegion('山西全省', '山西省')).toBe(true);
    expect(namesRegion('长征镇', '深圳市坪山区')).toBe(false);
  });

  it('is refused with one message when ambiguous or unknown, saying what to write', () => {
    const ambiguous = regions.read('长征镇');
    expect(ambiguous).toEqual({
      problem: 'is ambiguous: "长征镇" names 2 places, 上海市普陀区长征镇、海南省琼中黎族苗族自治县长征镇',
      hint: 'Write the one meant in full, e.g. 上海市普陀区长征镇.',
    });
    const unknown = regions.read('虹桥商务区');
    expect('problem' in unknown && unknown.problem).toContain('"虹桥商务区" is neither');
    expect('hint' in unknown && unknown.hint).toContain(site.regions.map((r) => r.name).join('、'));
    expect(regions.chain('长征镇')).toEqual([]);
  });

  it('is offered by the region filter after the configured ones', () => {
    const entity = (region: string) => ({
      slug: region,
      name: region,
      subtype: '制度',
      theme: '经济发展',
      region,
      statuses: [],
      summary: '',
    });
    const got = facets([entity('山西省'), entity('上海市'), entity('深圳市坪山区'), entity('全国')], {
      themes: site.themes,
      regions: site.regions.map((r) => r.name),
    });
    expect(got.region.map((o) => o.value)).toEqual(['全国', '上海市', '山西省', '深圳市坪山区']);
  });
});

describe('document kinds from the configuration', () => {
  const base = () => parse(readFileSync(join(ROOT, 'content/sources/changzheng-2022-plan.meta.yaml'), 'utf8')) as Record<string, unknown>;

  it('list the 15 kinds of official documents, then plans, rules and news', () => {
    expect(documentKinds.slice(0, 15)).toEqual([
      '决议',
      '决定',
      '命令',
      '公报',
      '公告',
      '通告',
      '意见',
      '通知',
      '通报',
      '报告',
      '请示',
      '批复',
      '议案',
      '函',
      '纪要',
    ]);
    expect(documentKinds.slice(15)).toEqual(['规划', '计划', '方案', '办法', '规定', '细则', '措施', '新闻报道']);
  });

  it('read an alias as its kind', () => {
    expect(canonicalKind('年度计划')).toBe('计划');
    expect(canonicalKind('政府工作报告')).toBe('报告');
    expect(canonicalKind('令')).toBe('命令');
    expect(canonicalKind('新闻')).toBe('新闻报道');
    expect(canonicalKind('会议纪要')).toBe('纪要');
    expect(canonicalKind('报道')).toBeUndefined();
    // What list pages show for a document's kind.
    expect(documentKindLabel('年度计划')).toBe('计划');
    expect(documentKindLabel('新闻报道')).toBe('新闻报道');
  });

  it('accept every source of the project as it is', () => {
    const files = readdirSync(join(ROOT, 'content/sources')).filter((f) => f.endsWith('.meta.yaml'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const parsed = sourceMetaSchema.safeParse(parse(readFileSync(join(ROOT, 'content/sources', file), 'utf8')));
      expect(parsed.success, `${file}: ${parsed.error?.message}`).toBe(true);
    }
  });

  it('accept a name or alias of the source schema, and refuse another word listing the names', () => {
    for (const kind of ['政府工作报告', '决议', '实施方案', '函'])
      expect(sourceMetaSchema.safeParse({ ...base(), kind }).success, kind).toBe(true);
    const refused = sourceMetaSchema.safeParse({ ...base(), kind: '简讯' });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0].message).toBe(
      `must be one of the document kinds of src/config/site.config.ts: ${documentKinds.join(', ')}; found "简讯"`,
    );
  });

  it('refuse a spelling given to two kinds in the configuration', () => {
    const definition = { ...site, documentKinds: [{ name: '报告' }, { name: '工作报告', aliases: ['报告'] }] };
    const parsed = siteDefinitionSchema.safeParse(definition);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'documentKinds.1.aliases.0: "报告" is already a spelling of document kind "报告"',
    ]);
  });

  it('are made from whatever the configuration lists', () => {
    const kinds = documentKindsOf([
      { name: '简报', aliases: ['工作简报'] },
      { name: '通知', aliases: [] },
    ]);
    expect(kinds.names).toEqual(['简报', '通知']);
    expect(kinds.canonical('工作简报')).toBe('简报');
    expect(kinds.canonical('规划')).toBeUndefined();
  });
});

describe('source regions, extraction and original files', () => {
  const base = () => parse(readFileSync(join(ROOT, 'content/sources/changzheng-2022-plan.meta.yaml'), 'utf8')) as Record<string, unknown>;

  it('accept any division as region and refuse an ambiguous one with its candidates', () => {
    for (const region of ['深圳市坪山区', '山西省', '新疆', '全国', '上海市普陀区长征镇'])
      expect(sourceMetaSchema.safeParse({ ...base(), region }).success, region).toBe(true);
    const refused = sourceMetaSchema.safeParse({ ...base(), region: '普陀区长征' });
    expect(refused.success).toBe(false);
    const ambiguous = sourceMetaSchema.safeParse({ ...base(), region: '朝阳区' });
    expect(ambiguous.error?.issues.map((i) => i.message)).toEqual(['is ambiguous: "朝阳区" names 2 places, 北京市朝阳区、长春市朝阳区']);
    // The ambiguity is the dataset's: the two places are what findDivisions finds.
    expect(findDivisions('朝阳区').map((d) => divisionChain(d.code).length)).toEqual([3, 4]);
  });

  it('accept every extraction kind and every original format the importer reads', () => {
    for (const extraction of extractionKinds) expect(sourceMetaSchema.safeParse({ ...base(), extraction }).success, extraction).toBe(true);
    expect(sourceMetaSchema.safeParse({ ...base(), extraction: 'scan' }).success).toBe(false);
    for (const originalFile of ['a.txt', 'a.pdf', 'a.docx', 'a.doc', 'a.html', 'a.htm', 'a.ofd', 'A.PDF']) {
      expect(sourceMetaSchema.safeParse({ ...base(), originalFile }).success, originalFile).toBe(true);
    }
    for (const originalFile of ['a.xls', 'a.wps', 'a'])
      expect(sourceMetaSchema.safeParse({ ...base(), originalFile }).success, originalFile).toBe(false);
  });
});
