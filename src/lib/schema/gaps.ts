import { z } from 'zod';

/**
 * `content/gaps.yaml`: reviewed defects of the sources that the site does not repair: words missing
 * from the text as received (原文缺漏) and characters an extraction lost or misread (提取错漏, found
 * by `npm run slips:candidates`). Each is placed by a quote of the paragraph it is in, and by `at`,
 * the words the defect follows, where the page marks it; the note explains it for readers.
 */
export const gapKinds = ['原文缺漏', '提取错漏'] as const;

export const gapsSchema = z.array(
  z.strictObject({
    doc: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be the slug of a document in content/sources'),
    kind: z.enum(gapKinds).default('原文缺漏'),
    quote: z.string().min(4, 'must quote at least 4 characters of the paragraph with the gap'),
    /** Words of that paragraph, occurring once in it, that end where the defect is: the page's marker goes after them. */
    at: z.string().min(2, 'must give the words (at least 2 characters) right before the defect').optional(),
    note: z.string().min(6, '写明缺漏之处（note），给读者看'),
  }),
);
export type Gap = z.infer<typeof gapsSchema>[number];
