import { z } from 'zod';
import { canonicalKind, siteDocumentKinds } from '../../config/document-kinds.ts';
import { extractionKinds } from './extraction.ts';
import { regionField } from './region-field.ts';

export { canonicalKind };

/** The names of the kinds of source document in src/config/site.config.ts (决议 … 新闻报道). */
export const documentKinds: readonly string[] = siteDocumentKinds.names;

/** Why `YYYY`, `YYYY-MM` or `YYYY-MM-DD` is not a date on the calendar (2022-13-45, 2023-02-29), if it is not. */
export function calendarDateProblem(value: string): string | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return `"${value}" is not written YYYY, YYYY-MM or YYYY-MM-DD (日期格式应为 YYYY、YYYY-MM 或 YYYY-MM-DD)`;
  const [year, month, day] = [Number(m[1]), m[2] ? Number(m[2]) : undefined, m[3] ? Number(m[3]) : undefined];
  if (month !== undefined && (month < 1 || month > 12)) return `"${value}" is not a calendar date: there is no month ${m[2]}`;
  if (month !== undefined && day !== undefined) {
    const days = new Date(Date.UTC(year, month, 0)).getUTCDate(); // day 0 of the next month: this month's length
    if (day < 1 || day > days) return `"${value}" is not a calendar date: ${year}-${m[2]} has ${days} days`;
  }
  return undefined;
}

const isoDate = z.string().superRefine((value, ctx) => {
  const problem = calendarDateProblem(value);
  if (problem)
    ctx.addIssue({
      code: 'custom',
      message: problem,
      params: { hint: 'Write the date the document gives (成文日期), as YYYY-MM-DD, YYYY-MM or YYYY, in quotes.' },
    });
});

/**
 * `npm run add-document` writes this in place of the summary, which only a person can write; the
 * build refuses it, so a document cannot be published with the placeholder.
 */
/** The mark on every value a person must check (README “Adding a source document”); the build shows such values with 未核对. */
export const TO_CONFIRM = '待确认';

export const SUMMARY_PLACEHOLDER = 'TODO：';

/** Metadata that sits beside every source text as `<slug>.meta.yaml`. */
export const sourceMetaSchema = z.strictObject({
  title: z.string().min(2),
  /** A kind of src/config/site.config.ts by name or alias (年度计划 for 计划); views show `canonicalKind(kind)`. */
  kind: z.string().superRefine((value, ctx) => {
    if (canonicalKind(value) === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `must be one of the document kinds of src/config/site.config.ts: ${documentKinds.join(', ')}; found "${value}"`,
        params: {
          hint: 'Use the kind the document names itself by (通知, 报告, 规划 …), or add it to documentKinds in src/config/site.config.ts.',
        },
      });
    }
  }),
  issuer: z.string().min(2),
  documentNumber: z.string().min(2).optional(),
  date: isoDate,
  /**
   * A region of src/config/site.config.ts by name or alias, or an administrative division of China by its
   * name (深圳市坪山区, 山西省): entity links follow it (see link-entities.ts).
   */
  region: regionField,
  /** Name of the file as received; a PDF, DOCX, DOC, OFD or web page is kept as content/originals/<slug>.<ext>. */
  originalFile: z
    .string()
    .regex(/\.(txt|pdf|docx|doc|html?|ofd)$/i, 'originalFile 应为原始文件名（.txt / .pdf / .docx / .doc / .html / .htm / .ofd）'),
  summary: z
    .string()
    .min(10)
    .max(300)
    .refine(
      (s) => !s.startsWith(SUMMARY_PLACEHOLDER),
      'is still the placeholder add-document wrote: write one or two sentences summing up the document, from its text',
    ),
  /** 发布日期, when it is known apart from 成文日期 (`date`). */
  published: isoDate.optional(),
  /** 索引号 of a government information-disclosure page (gov.cn and local portals), when it gives one. */
  indexNumber: z.string().min(2).max(60).optional(),
  /**
   * The years a plan or programme governs (十四五: 2021–2025; an annual plan: its year). 时效
   * (现行 / 已到期 / 待生效) is computed from it and the build date; news reports have none.
   */
  period: z.strictObject({ from: isoDate, to: isoDate }).optional(),
  /**
   * Where a news report was printed, as far as the source's own text says: 本报讯 and bylines
   * name the reporters; a newspaper name or page the text does not give is left out, never guessed.
   */
  publication: z
    .strictObject({
      medium: z.enum(['报纸', '网站']),
      newspaper: z.string().min(2).optional(),
      /** 版次, e.g. `2` for 第2版. */
      page: z
        .string()
        .regex(/^[A-Z]?\d{1,3}$/, 'page is the 版次 as printed: a number such as 2 (or A2)')
        .optional(),
      reporters: z.array(z.string().min(2)).optional(),
      /** What the text says of its provenance that has no field of its own (供图, 上接1版). */
      note: z.string().min(2).optional(),
    })
    .optional(),
  /** Where the text came from (for readers and reviewers of the corrections). */
  extraction: z.enum(extractionKinds),
  /** SHA-256 of the source text as received: sources are data and are never edited. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'sha256 must be the 64-hex SHA-256 of the source text'),
});

export type SourceMeta = z.infer<typeof sourceMetaSchema>;
