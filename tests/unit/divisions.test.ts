import { describe, expect, it } from 'vitest';
import { COUNTRY_CODE, divisionByCode, divisionChain, findDivisions, placeNames, shortForm } from '../../src/lib/geo/divisions.ts';

/** The divisions a spelling names, as `code displayName`, for readable expectations. */
const found = (spelling: string) => findDivisions(spelling).map((d) => `${d.code} ${d.displayName}`);

describe('findDivisions: full names with or without their enclosing divisions', () => {
  it('finds a district by its name, with its city, and with its province and city', () => {
    for (const spelling of ['坪山区', '深圳市坪山区', '广东省深圳市坪山区', '广东省 深圳市 坪山区']) {
      expect(found(spelling), spelling).toEqual(['440310 深圳市坪山区']);
    }
    expect(findDivisions('坪山区')[0]).toMatchObject({ name: '坪山区', level: 'county', parentCode: '4403' });
  });

  it('reads a 直辖市 as a province whose districts have no city level (市辖区 is skipped)', () => {
    expect(findDivisions('上海市')[0]).toMatchObject({ code: '31', level: 'province', displayName: '上海市' });
    expect(found('上海市普陀区')).toEqual(['310107 上海市普陀区']);
    expect(findDivisions('上海市普陀区')[0].parentCode).toBe('31');
    expect(found('上海市市辖区普陀区')).toEqual([]);
    expect(found('北京市朝阳区')).toEqual(['110105 北京市朝阳区']);
  });

  it('finds a town or street by its name and with its district, city and province', () => {
    expect(found('上海市普陀区长征镇')).toEqual(['310107102 上海市普陀区长征镇']);
    expect(found('普陀区长征镇')).toEqual(['310107102 上海市普陀区长征镇']);
    expect(found('新虹街道')).toEqual(['310112008 上海市闵行区新虹街道']);
    expect(found('广东省深圳市坪山区坪山街道')).toEqual(['440310001 深圳市坪山区坪山街道']);
    expect(findDivisions('坪山街道')[0].level).toBe('town');
  });

  it('does not accept a name preceded by a place that does not enclose it', () => {
    expect(found('浙江省普陀区')).toEqual([]);
    expect(found('深圳市长征镇')).toEqual([]);
    expect(found('坪山区深圳市')).toEqual([]);
  });

  it('finds a 县级市 under its prefecture-level city, by full and short name', () => {
    expect(findDivisions('昆山市')[0]).toMatchObject({ code: '320583', level: 'county', parentCode: '3205', displayName: '苏州市昆山市' });
    expect(found('昆山')).toEqual(['320583 苏州市昆山市']);
    expect(found('江苏省苏州市昆山市')).toEqual(['320583 苏州市昆山市']);
  });

  it('places counties the province governs directly (省直辖县级行政区划) under the province', () => {
    expect(findDivisions('仙桃市')[0]).toMatchObject({ level: 'county', parentCode: '42', displayName: '湖北省仙桃市' });
    expect(found('重庆市城口县')).toEqual(['500229 重庆市城口县']);
  });

  it('puts the towns of a city without counties (东莞市) directly under the city', () => {
    const [town] = findDivisions('东莞市虎门镇');
    expect(town).toMatchObject({ level: 'town', parentCode: '4419', displayName: '东莞市虎门镇' });
    expect(findDivisions('东莞市').map((d) => d.level)).toEqual(['city']);
  });

  it('reads the country by any of its names', () => {
    for (const spelling of ['全国', '中国', '中华人民共和国'])
      expect(findDivisions(spelling), spelling).toEqual([
        expect.objectContaining({ code: COUNTRY_CODE, level: 'country', displayName: '全国' }),
      ]);
  });

  it('finds nothing for words that name no division', () => {
    expect(found('新虹')).toEqual([]);
    expect(found('沿沪宁七个城市')).toEqual([]);
    expect(found('')).toEqual([]);
  });
});

describe('findDivisions: short forms made by rule', () => {
  it('strips 省, 市, 自治区 and the nationality of an autonomous region', () => {
    expect(found('浙江')).toEqual(['33 浙江省']);
    expect(found('深圳')).toEqual(['4403 深圳市']);
    expect(found('新疆')).toEqual(['65 新疆维吾尔自治区']);
    expect(found('广西')).toEqual(['45 广西壮族自治区']);
    expect(found('宁夏')).toEqual(['64 宁夏回族自治区']);
    expect(found('西藏')).toEqual(['54 西藏自治区']);
    expect(found('内蒙古')).toEqual(['15 内蒙古自治区']);
    expect(found('香港')).toEqual(['81 香港特别行政区']);
  });

  it('strips every nationality of an autonomous prefecture or county, with or without 族', () => {
    expect(shortForm('海西蒙古族藏族自治州', 'city')).toBe('海西');
    expect(shortForm('伊犁哈萨克自治州', 'city')).toBe('伊犁');
    expect(shortForm('克孜勒苏柯尔克孜自治州', 'city')).toBe('克孜勒苏');
    expect(shortForm('琼中黎族苗族自治县', 'county')).toBe('琼中');
    // What is left must still be a name: 鄂伦春自治旗 is named after the nationality alone.
    expect(shortForm('鄂伦春自治旗', 'county')).toBe('鄂伦春');
    expect(shortForm('内蒙古自治区', 'province')).toBe('内蒙古');
  });

  it('makes no short form of districts, counties and towns, whose bare names are ordinary words', () => {
    expect(shortForm('坪山区', 'county')).toBeUndefined();
    expect(shortForm('城口县', 'county')).toBeUndefined();
    expect(shortForm('长征镇', 'town')).toBeUndefined();
    expect(found('坪山')).toEqual([]);
    expect(found('长征')).toEqual([]);
  });

  it('returns every division a short form names (吉林: the province and the city)', () => {
    expect(found('吉林')).toEqual(['22 吉林省', '2202 吉林市']);
  });
});

describe('ambiguous spellings', () => {
  it('returns every place of that name, each with a display name that tells them apart', () => {
    expect(found('长征镇')).toEqual(['310107102 上海市普陀区长征镇', '469030104 海南省琼中黎族苗族自治县长征镇']);
    expect(found('普陀区')).toEqual(['310107 上海市普陀区', '330903 舟山市普陀区']);
    expect(found('朝阳区')).toEqual(['110105 北京市朝阳区', '220104 长春市朝阳区']);
  });

  it('gives every division a display name that finds it and only it', () => {
    const seen = new Map<string, string>();
    for (const [, divisions] of placeNames()) {
      for (const d of divisions) if (!seen.has(d.code)) seen.set(d.code, d.displayName);
    }
    expect(seen.size).toBeGreaterThan(40_000);
    const notUnique = [...seen].filter(
      ([code, name]) =>
        findDivisions(name)
          .map((d) => d.code)
          .join() !== code,
    );
    expect(notUnique).toEqual([]);
  });
});

describe('divisionChain', () => {
  it('goes from a town up to the country, skipping the dataset’s 市辖区', () => {
    expect(divisionChain('310107102').map((d) => d.displayName)).toEqual(['上海市普陀区长征镇', '上海市普陀区', '上海市', '全国']);
    expect(divisionChain('440310').map((d) => d.level)).toEqual(['county', 'city', 'province', 'country']);
  });

  it('goes up from an autonomous region and from a street', () => {
    expect(divisionChain('65').map((d) => d.name)).toEqual(['新疆维吾尔自治区', '全国']);
    expect(divisionChain('440310001').map((d) => d.displayName)).toEqual([
      '深圳市坪山区坪山街道',
      '深圳市坪山区',
      '深圳市',
      '广东省',
      '全国',
    ]);
  });

  it('is empty for an unknown code; divisionByCode finds a known one', () => {
    expect(divisionChain('99')).toEqual([]);
    expect(divisionByCode('14')?.name).toBe('山西省');
  });
});

describe('placeNames', () => {
  const names = new Map(placeNames());

  it('lists full names, short forms, names with their enclosing divisions and the country', () => {
    expect(names.get('广东省深圳市坪山区')?.map((d) => d.code)).toEqual(['440310']);
    expect(names.get('深圳')?.map((d) => d.code)).toEqual(['4403']);
    expect(names.get('长征镇')?.map((d) => d.code)).toEqual(['310107102', '469030104']);
    expect(names.get('中华人民共和国')?.map((d) => d.code)).toEqual([COUNTRY_CODE]);
  });

  it('lists exactly the spellings findDivisions accepts, with the same divisions', () => {
    let checked = 0;
    for (const [spelling, divisions] of names) {
      checked++;
      expect(
        findDivisions(spelling)
          .map((d) => d.code)
          .sort(),
        spelling,
      ).toEqual(divisions.map((d) => d.code).sort());
    }
    expect(checked).toBeGreaterThan(100_000);
  });

  it('does not read villages', () => {
    // A village code has 12 digits; a town 9.
    expect([...names.values()].flat().every((d) => d.code.length <= 9)).toBe(true);
  });
});
