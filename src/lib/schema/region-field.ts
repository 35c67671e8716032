import { z } from 'zod';
import { regions } from '../regions.ts';

/**
 * A `region` field: a region of src/config/site.config.ts (name or alias) or the name of one
 * administrative division of China. An ambiguous or unknown spelling gets one message saying
 * what it names and what to write.
 */
export const regionField = z
  .string()
  .min(2)
  .superRefine((value, ctx) => {
    const reading = regions.read(value);
    if ('problem' in reading) ctx.addIssue({ code: 'custom', message: reading.problem, params: { hint: reading.hint } });
  });

/** The same, read as the region's canonical name (上海市普陀区长征镇 → 普陀区长征镇, 坪山区 → 深圳市坪山区). */
export const canonicalRegionField = regionField.transform((value) => regions.canonical(value) ?? value);
