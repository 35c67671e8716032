/**
 * What this site is, as data: its name, the kinds of entity page, themes, regions and the search
 * examples. Everything else (content collections, routes, labels, search, offline copy, tests)
 * reads this file; adding a kind means adding an entry here and a folder of pages under content/.
 * Validated once at load (src/config/site-definition.ts), so a mistake here is reported
 * with the field that is wrong.
 */
import { parseSiteDefinition } from './site-definition.ts';

export const site = parseSiteDefinition({
  name: '长征镇政策文件库',
  description: '普陀区长征镇规划、计划与报道的全文、政策项目索引和全文检索，可离线阅读。',
  intro:
    '汇集上海市普陀区长征镇的五年规划、年度计划、政府通知和新闻报道，以及闵行区新虹街道的相关报道。每份文件均为可检索的结构化全文；文中提到的政策、项目和治理模式都有专门条目，列出所有提及之处。',
  attribution: '内容整理自长征镇、普陀区及新虹街道公开发布的规划、通知与报道；原文以发布机关为准。',
  documentsLabel: '文件',
  kinds: [
    {
      id: 'policies',
      label: '政策与制度',
      badge: '政策',
      blurb: '楼长制、三送一关怀、靠谱贷、产业扶持办法等政策、措施与计划。',
      subtypes: ['制度', '政策文件', '扶持措施', '计划', '服务品牌', '专项行动', '战略'],
    },
    {
      id: 'projects',
      label: '项目',
      badge: '项目',
      blurb: '十四五规划专栏重点项目、园区、平台、楼宇与改造工程。',
      subtypes: ['重点项目', '园区', '平台', '楼宇', '工程', '设施', '阵地'],
    },
    {
      id: 'governance',
      label: '治理模式',
      badge: '治理模式',
      blurb: '建德模式、枢纽党建、多格合一、一网统管等治理与党建模式。',
      subtypes: ['治理模式', '工作机制', '党建模式', '治理品牌', '组织体系'],
    },
  ],
  themes: ['经济发展', '社会治理', '民生保障', '党建引领', '城市建设'],
  eventKinds: ['发文', '会议', '组织', '工程', '事件'],
  /**
   * Kinds of source document (类型): the 15 of the 党政机关公文处理工作条例, then plans, rules and
   * news. A document's metadata may give a kind by its name or an alias; pages show the name.
   */
  documentKinds: [
    { name: '决议' },
    { name: '决定' },
    { name: '命令', aliases: ['令'] },
    { name: '公报' },
    { name: '公告' },
    { name: '通告' },
    { name: '意见' },
    { name: '通知' },
    { name: '通报' },
    { name: '报告', aliases: ['政府工作报告', '工作报告'] },
    { name: '请示' },
    { name: '批复' },
    { name: '议案' },
    { name: '函', aliases: ['复函'] },
    { name: '纪要', aliases: ['会议纪要'] },
    { name: '规划', aliases: ['规划纲要'] },
    { name: '计划', aliases: ['年度计划', '行动计划', '工作计划', '工作要点', '要点'] },
    { name: '方案', aliases: ['实施方案', '工作方案'], genre: true },
    { name: '办法', aliases: ['管理办法', '实施办法'], genre: true },
    { name: '规定', genre: true },
    { name: '细则', aliases: ['实施细则'], genre: true },
    { name: '措施', aliases: ['若干措施'], genre: true },
    { name: '新闻报道', aliases: ['新闻', '新闻稿'] },
  ],
  /**
   * The places this site is about, each inside its parent: entity links, badges and filters use
   * these names. A document's or entity's region is one of these names or aliases, or any other
   * administrative division of China by its name (深圳市坪山区, 山西省), found in the divisions
   * dataset without being listed here. A mention links only to an entity of the document's own
   * region or an enclosing one.
   */
  regions: [
    { name: '全国' },
    { name: '沿沪宁七个城市', parent: '全国', aliases: ['七个城市'] },
    { name: '上海市', parent: '全国' },
    { name: '普陀区', parent: '上海市', aliases: ['上海市普陀区'] },
    { name: '普陀区长征镇', parent: '普陀区', aliases: ['上海市普陀区长征镇'] },
    { name: '闵行区', parent: '上海市', aliases: ['上海市闵行区'] },
    { name: '闵行区新虹街道', parent: '闵行区', aliases: ['上海市闵行区新虹街道'] },
  ],
  /** Site-wide views; the home page links each one whose route exists (src/pages/<path>). */
  views: [
    { path: 'figures', label: '指标', blurb: '规划目标与实际完成情况并列对照，每个数值链接到原文段落。' },
    { path: 'timeline', label: '大事记', blurb: '各文件中有日期的事件，按时间排列。' },
    { path: 'relations', label: '关系', blurb: '政策、项目与治理模式之间的关系总览。' },
  ],
  search: {
    placeholder: '搜索政策、项目、文件',
    examples: ['楼长制', '宝能西上海中心', '建德模式'],
  },
  themeColor: '#a4161a',
  // Link previews: 'page' draws each document's and entity page's own picture with its title; 'site' uses one picture.
  shareImages: 'page',
});

export type Site = typeof site;
