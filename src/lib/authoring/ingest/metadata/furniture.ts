import { compact } from './lines.ts';
import { ORGAN } from '../../../text/gongwen-patterns.ts';

/**
 * Lines that are about the document rather than part of it, as portals, legal databases and
 * browser prints add them: export headers (北大法宝's 【法宝引证码】, 原文链接), breadcrumbs,
 * accessibility and font-size buttons, view counters, share prompts.
 */
const FURNITURE = [
  /^【法宝引证码】/,
  /^原文链接[：:]/,
  /^(当前位置|您现在的位置|您的位置)\s*[：:]?/,
  /首页\s*[>＞»]/,
  /^进入(关怀|无障碍|长者)版$/,
  /^(导航|打印|关闭|分享到?|收藏|返回顶部|打印本页|关闭窗口)$/,
  /【\s*字体[：:]/,
  // The font-size switch without brackets: `字号 大 中 小`, `字体：大 中 小`.
  /^(字号|字体)\s*[：:]?\s*[【[]?\s*大\s*中\s*小\s*[】\]]?$/,
  // Print and close buttons side by side: `打印本页　 关闭窗口`, `[打印] [关闭]`.
  /^[[【]?\s*(打印|打印本页|打印此页)\s*[\]】]?[\s\u3000]+[[【]?\s*(关闭|关闭窗口|关闭本页)\s*[\]】]?$/,
  /浏览次数|访问次数|阅读次数/,
  /^扫一扫在手机打开当前页$/,
  /^.{2,30}政府信息公开$/,
  /^\(?（?责任编辑[：:]/,
];

export const isFurniture = (line: string) => FURNITURE.some((re) => re.test(line));

/**
 * The labels of the metadata boxes government pages print above a document (政府信息公开 boxes,
 * gov.cn's 政策文件库 table) and of news pages (信息来源, 发布日期).
 */
const LABELS = [
  '索引号',
  '分类',
  '主题分类',
  '发布机构',
  '发文机关',
  '成文日期',
  '名称',
  '标题',
  '文号',
  '发文字号',
  '发布日期',
  '主题词',
  '信息来源',
  '来源',
  '信息提供日期',
  '生效日期',
  '有效性',
  '公开方式',
  '体裁分类',
  '组配分类',
  '发布时间',
  '时间',
  '作者',
] as const;
export type BoxLabel = (typeof LABELS)[number];

const LABEL_RE = new RegExp(`(${[...LABELS].sort((a, b) => b.length - a.length).join('|')})\\s*[：:]\\s*`, 'g');

/**
 * `索引号： 1144…/2026-00039 分类：` → [{label: 索引号, value: 1144…/2026-00039}, {label: 分类, value: ''}]
 * when the line starts with a label; else undefined. Several labels may share a line (a box
 * printed in two columns).
 */
export function labelledValues(line: string): Array<{ label: BoxLabel; value: string }> | undefined {
  const starts = [...line.matchAll(LABEL_RE)];
  if (starts.length === 0 || starts[0].index !== 0) return undefined;
  return starts.map((m, i) => {
    const end = i + 1 < starts.length ? starts[i + 1].index : line.length;
    return { label: m[1] as BoxLabel, value: line.slice(m.index + m[0].length, end).trim() };
  });
}

/** An organ-like line printed in red above a 公文 (GB/T 9704 版头): `XX人民政府文件`, `XX局文件`. */
export const isMasthead = (line: string) => {
  const organs = line
    .replace(/\s*文件$/, '')
    .split(/\s+/)
    .filter(Boolean);
  return /文件$/.test(compact(line)) && compact(line).length <= 40 && !/[。，；：]/.test(line) && organs.every((o) => ORGAN.test(o));
};
