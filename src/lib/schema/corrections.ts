import { z } from 'zod';

const why = z.string().min(4, '每条更正都要写明原因（why）');
/** The reason in Chinese for readers, shown in the document's 校勘说明 (`why` is the reviewer's account). */
const reason = z.string().min(4, '每条更正都要写明给读者看的原因（reason），显示在文件页的校勘说明中');
const lineNo = z.number().int().positive();
/** A block is named by the source line it starts on; `"13-18"` names every block starting in that range. */
const blockRef = z.union([lineNo, z.string().regex(/^\d+-\d+$/, '行范围写作 "起-止"，如 "13-18"')]);

export const blockRoles = ['title', 'kicker', 'subtitle', 'byline', 'banner', 'caption', 'note', 'paragraph', 'heading'] as const;

/** Explicit, reviewed corrections for one source. Every entry says what, where and why. */
export const correctionsSchema = z.strictObject({
  remove: z
    .array(
      z.strictObject({
        line: lineNo,
        text: z.string().min(4),
        occurrence: z.number().int().positive().default(1),
        why,
        reason,
      }),
    )
    .default([]),
  roles: z.array(z.strictObject({ lines: blockRef, role: z.enum(blockRoles), why, reason })).default([]),
  articles: z
    .array(
      z.strictObject({
        title: lineNo,
        kicker: lineNo.optional(),
        subtitle: lineNo.optional(),
        blocks: z.array(z.union([blockRef, z.strictObject({ aside: z.array(blockRef).min(1) })])),
        why,
        reason,
      }),
    )
    .default([]),
});

export type Corrections = z.infer<typeof correctionsSchema>;
export type BlockRef = z.infer<typeof blockRef>;
