import { z } from 'zod';

/**
 * `content/gaps.yaml`: reviewed known gaps of the sources (words missing from the text as
 * received), each placed by a quote of the paragraph it is in and explained for readers.
 */
export const gapsSchema = z.array(
  z.strictObject({
    doc: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be the slug of a document in content/sources'),
    quote: z.string().min(4, 'must quote at least 4 characters of the paragraph with the gap'),
    note: z.string().min(6, '写明缺漏之处（note），给读者看'),
  }),
);
export type Gap = z.infer<typeof gapsSchema>[number];
