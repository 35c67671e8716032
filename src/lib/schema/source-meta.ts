import { z } from 'zod';

/** Kinds of source documents, as Chinese government libraries label them. */
export const documentKinds = ['规划', '年度计划', '通知', '新闻报道'] as const;

const isoDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, '日期格式应为 YYYY、YYYY-MM 或 YYYY-MM-DD');

/** Metadata that sits beside every source text as `<slug>.meta.yaml`. */
export const sourceMetaSchema = z.strictObject({
  title: z.string().min(2),
  kind: z.enum(documentKinds),
  issuer: z.string().min(2),
  documentNumber: z.string().min(2).optional(),
  date: isoDate,
  region: z.string().min(2),
  originalFile: z.string().regex(/\.txt$/, 'originalFile 应为原始 .txt 文件名'),
  summary: z.string().min(10).max(300),
  /** Where the text came from (for readers and reviewers of the corrections). */
  extraction: z.enum(['pdf', 'newspaper', 'web']),
  /** SHA-256 of the source text as received: sources are data and are never edited. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'sha256 must be the 64-hex SHA-256 of the source text'),
});

export type SourceMeta = z.infer<typeof sourceMetaSchema>;
