import { z } from 'zod';

/**
 * `content/link-exclusions.yaml`: phrases that contain an entity's name or alias but are not a
 * mention of it (区域化党建医养服务共同体 is not 区域化党建), each entry with a reviewed reason.
 */
export const linkExclusionsSchema = z.array(
  z.strictObject({
    /** The entity id, `kind/slug`, as in the page's address. */
    entity: z
      .string()
      .regex(/^[a-z][a-z0-9-]*\/[a-z0-9][a-z0-9-]*$/, 'must be an entity id such as governance/quyuhua-dangjian (kind/slug)'),
    phrases: z.array(z.string().min(2)).min(1),
    why: z.string().min(4),
  }),
);

export type LinkExclusion = z.infer<typeof linkExclusionsSchema>[number];
