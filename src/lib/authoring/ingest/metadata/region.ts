/** What region detection needs from the administrative-divisions dataset (src/lib/geo/). */
export interface PlaceLookup {
  /** Every place name that occurs in the text, longest match first, in order of appearance. */
  placesIn(
    text: string,
  ): Array<{ spelling: string; displayName: string; code: string /** 0 country … 4 town: how specific. */; rank: number }>;
}

/** Central organs: their documents are about the whole country. */
const CENTRAL =
  /^(国务院|中共中央|中央|全国人民代表大会|全国人大|全国政协|全国|中华人民共和国|中国(?!银保监会|银监会|证监会|保监会|人民银行)|[^省市县区镇]{2,10}部(办公厅)?$)/u;

/**
 * The province a 发文字号 names by its one-character 简称 (苏银监办〔2005〕235号 → 江苏省). GB/T 2260
 * has no 简称, so the 34 standard ones are listed here.
 */
const PROVINCE_ABBREVIATIONS: Record<string, string> = {
  京: '北京市',
  津: '天津市',
  冀: '河北省',
  晋: '山西省',
  蒙: '内蒙古自治区',
  辽: '辽宁省',
  吉: '吉林省',
  黑: '黑龙江省',
  沪: '上海市',
  苏: '江苏省',
  浙: '浙江省',
  皖: '安徽省',
  闽: '福建省',
  赣: '江西省',
  鲁: '山东省',
  豫: '河南省',
  鄂: '湖北省',
  湘: '湖南省',
  粤: '广东省',
  桂: '广西壮族自治区',
  琼: '海南省',
  渝: '重庆市',
  川: '四川省',
  蜀: '四川省',
  贵: '贵州省',
  黔: '贵州省',
  云: '云南省',
  滇: '云南省',
  藏: '西藏自治区',
  陕: '陕西省',
  秦: '陕西省',
  甘: '甘肃省',
  陇: '甘肃省',
  新: '新疆维吾尔自治区',
};

export interface DetectedRegion {
  region: string;
  why: string;
}

/**
 * Region = the place of the issuing government: the most specific place named in the issuer, else
 * in the title; 全国 for central organs; else the province a 文号's 简称 names; else the place a
 * news page's source names.
 */
export function detectRegion(
  fields: { issuer?: string; title?: string; documentNumber?: string; source?: string; text?: string },
  places: PlaceLookup,
): DetectedRegion | undefined {
  const most = (text: string) => {
    const found = places.placesIn(text);
    // The most specific place (a county inside the city the text also names).
    return found.sort((a, b) => b.rank - a.rank)[0];
  };
  const issuerPlace = fields.issuer ? most(fields.issuer) : undefined;
  if (issuerPlace) return { region: issuerPlace.displayName, why: `发文机关中的地名“${issuerPlace.spelling}”` };
  if (fields.issuer && CENTRAL.test(fields.issuer)) return { region: '全国', why: '发文机关为中央机关' };
  // The title names the issuer before 关于 (…关于湖北省巴东县…的复函 is about a place, not by it).
  const titleHead = fields.title?.split('关于')[0];
  const titlePlace = titleHead ? most(titleHead) : undefined;
  if (titlePlace) return { region: titlePlace.displayName, why: `标题中的地名“${titlePlace.spelling}”` };
  if (fields.title && /^(中央|国务院|全国)|中央.号文件/.test(fields.title)) return { region: '全国', why: '标题所指为中央文件' };
  const abbreviation = fields.documentNumber?.[0];
  if (abbreviation && PROVINCE_ABBREVIATIONS[abbreviation])
    return { region: PROVINCE_ABBREVIATIONS[abbreviation], why: `发文字号中的省级简称“${abbreviation}”` };
  if (fields.source) {
    const place = most(fields.source);
    if (place) return { region: place.displayName, why: `信息来源中的地名“${place.spelling}”` };
  }
  // Last: the district or town the opening of the text names most often (a news report's).
  if (fields.text) {
    const counts = new Map<string, { place: ReturnType<PlaceLookup['placesIn']>[number]; n: number }>();
    for (const place of places.placesIn(fields.text.slice(0, 3000))) {
      if (place.rank < 3) continue;
      const c = counts.get(place.code) ?? { place, n: 0 };
      c.n++;
      counts.set(place.code, c);
    }
    const top = [...counts.values()].sort((a, b) => b.n - a.n || b.place.rank - a.place.rank)[0];
    if (top) return { region: top.place.displayName, why: `正文中出现最多的地名“${top.place.spelling}”（${top.n} 次）` };
  }
  return undefined;
}
