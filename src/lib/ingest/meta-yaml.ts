import { stringify } from 'yaml';
import { SUMMARY_PLACEHOLDER, type SourceMeta } from '../schema/source-meta.ts';
import type { DetectedMetadata } from './detect-metadata.ts';

/** The mark on every value a person must check; README “Adding a source document” explains it. */
export const TO_CONFIRM = '待确认';

export interface MetaDraft {
  detected: DetectedMetadata;
  originalFile: string;
  extraction: SourceMeta['extraction'];
  /** Whether the extraction kind is a guess (a .txt says nothing about where its text came from). */
  extractionGuessed: boolean;
  sha256: string;
}

const scalar = (value: string) => stringify(value, { lineWidth: 0 }).trimEnd();

/**
 * The `<slug>.meta.yaml` add-document writes: every detected value with a `# 待确认` comment saying
 * where it came from, empty strings where nothing was found (the build refuses them until filled),
 * and the summary as a TODO the build refuses until a person writes it.
 */
export function renderMetaYaml({ detected, originalFile, extraction, extractionGuessed, sha256 }: MetaDraft): string {
  const field = (name: string, value: string | undefined, found: string, missing = '', quote = false) =>
    value === undefined || value === ''
      ? `${name}: ""  # ${TO_CONFIRM}: ${missing}`
      : `${name}: ${quote ? JSON.stringify(value) : scalar(value)}  # ${TO_CONFIRM}: ${found}`;
  const lines = [
    `# Written by npm run add-document from ${originalFile}. Check every value marked ${TO_CONFIRM}`,
    '# against the document and delete the mark; write the summary (the build refuses the TODO).',
    field('title', detected.title, '取自开头的标题行（网页：ArticleTitle 或 h1）', '未找到标题，请照原文填写'),
    field('kind', detected.kind, '由标题或报道署名推断（规划 / 年度计划 / 通知 / 新闻报道）', '无法推断，请填写 规划 / 年度计划 / 通知 / 新闻报道 之一'),
    field('issuer', detected.issuer, '取自落款或标题中的发文机关', '未找到发文机关，请填写'),
    detected.documentNumber
      ? field('documentNumber', detected.documentNumber, '发文字号，取自正文（网页：信息公开栏）')
      : `# documentNumber: 未找到发文字号；文件若有（如 普长府〔2022〕1号），请添加此行`,
    field('date', detected.date, '成文日期，取自落款', '未找到成文日期，请填写 YYYY、YYYY-MM 或 YYYY-MM-DD', true),
    field('region', detected.region, '由标题、发文机关和正文中的地名推断', '未找到地区，请填写，如 上海市普陀区长征镇'),
    `originalFile: ${scalar(originalFile)}`,
    extractionGuessed
      ? `extraction: ${extraction}  # ${TO_CONFIRM}: 文本来源（txt / pdf / ocr / docx / doc / html / ofd）`
      : `extraction: ${extraction}`,
    `summary: ${scalar(`${SUMMARY_PLACEHOLDER}用一两句话概括本文件（写自原文），写好后删除“${SUMMARY_PLACEHOLDER}”`)}`,
    `sha256: ${sha256}`,
  ];
  return lines.join('\n') + '\n';
}
