import { stringify } from 'yaml';
import { extractionKinds } from '../../schema/extraction.ts';
import { documentKinds, SUMMARY_PLACEHOLDER, TO_CONFIRM, type SourceMeta } from '../../schema/source-meta.ts';
import type { DetectedField, DetectedMetadata } from './detect-metadata.ts';

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
  // Each value carries its evidence (the line it was read from, or the file's own metadata).
  const why = (name: DetectedField, fallback: string) => detected.evidence[name] ?? fallback;
  const field = (name: DetectedField, value: string | undefined, missing: string, quote = false) =>
    value === undefined || value === ''
      ? `${name}: ""  # ${TO_CONFIRM}: ${missing}`
      : `${name}: ${quote ? JSON.stringify(value) : scalar(value)}  # ${TO_CONFIRM}: ${why(name, '程序识别')}`;
  const optional = (name: DetectedField, value: string | undefined, missing: string, quote = false) =>
    value ? field(name, value, '', quote) : `# ${name}: ${missing}`;
  const kinds = documentKinds.join(' / ');
  const lines = [
    `# Written by npm run add-document from ${originalFile}. Check every value marked ${TO_CONFIRM}`,
    '# against the document and delete the mark; write the summary (the build refuses the TODO).',
    field('title', detected.title, detected.evidence.title ? `${detected.evidence.title}，请照原文填写` : '未找到标题，请照原文填写'),
    field('kind', detected.kind, `${detected.evidence.kind ? detected.evidence.kind + '；' : '无法推断，'}请填写：${kinds}`),
    field('issuer', detected.issuer, '未找到发文机关，请照原文填写（联合发文用“、”分隔）'),
    optional('documentNumber', detected.documentNumber, '未找到发文字号；文件若有（如 普长府〔2022〕1号），请添加此行'),
    field('date', detected.date, '未找到成文日期，请填写 YYYY、YYYY-MM 或 YYYY-MM-DD', true),
    optional('published', detected.published, '发布日期与成文日期不同时请添加此行（YYYY-MM-DD）', true),
    field('region', detected.region, '未找到地区，请填写发文机关所在地，如 深圳市坪山区'),
    optional('indexNumber', detected.indexNumber, '政府信息公开索引号（如有）'),
    `originalFile: ${scalar(originalFile)}`,
    extractionGuessed
      ? `extraction: ${extraction}  # ${TO_CONFIRM}: 文本来源（${extractionKinds.join(' / ')}）`
      : `extraction: ${extraction}`,
    `summary: ${scalar(`${SUMMARY_PLACEHOLDER}用一两句话概括本文件（写自原文），写好后删除“${SUMMARY_PLACEHOLDER}”`)}`,
    `sha256: ${sha256}`,
  ];
  return lines.join('\n') + '\n';
}
