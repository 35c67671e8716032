import { z } from 'zod';
import { site } from '../../config/site.config.ts';
import { canonicalRegionField } from './region-field.ts';
import { calendarDateProblem } from './source-meta.ts';

/**
 * content/figures.yaml, content/events.yaml and their reviewed ignore lists: the numbers and dates
 * of the sources as data. Every entry cites the paragraph it comes from by quoting it, as entity
 * pages do, so every value is checked against the source text at every build.
 */

/** 目标 a planned value, 实际 an achieved one, 基数 a baseline (an earlier period's result). */
export const figureKinds = ['目标', '实际', '基数'] as const;
export type FigureKind = (typeof figureKinds)[number];

/** Words around a number that change what it claims: 超17亿元 is not 17亿元. Where they are written. */
export const qualifierPlacement = {
  约: 'before',
  近: 'before',
  超: 'before',
  超过: 'before',
  逾: 'before',
  达: 'before',
  不少于: 'before',
  至少: 'before',
  余: 'inside',
  多: 'inside',
  以上: 'after',
} as const;
export type Qualifier = keyof typeof qualifierPlacement;

export const eventKinds = site.eventKinds as [string, ...string[]];

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
// YAML reads 2019 and 2021 as numbers; authors should not have to quote a year.
const yearAsText = (v: unknown) => (typeof v === 'number' ? String(v) : v);

const citationSchema = z.strictObject({
  /** The source's slug (content/sources/<doc>.txt). */
  doc: z.string().regex(SLUG, 'must be a source slug such as changzheng-2022-plan'),
  /** Words of the paragraph, unique in the document (at least 4 characters). */
  quote: z.string().min(4, 'must quote at least 4 characters of the paragraph'),
  /** When the quoted words occur in several paragraphs (a repeated signature): which one, from 1. */
  occurrence: z.number().int().min(1).optional(),
});

const rangeSchema = z.strictObject({ min: z.number(), max: z.number() }).refine((r) => r.min < r.max, {
  message: 'min must be smaller than max',
  params: { hint: 'Write the range as the source does: 85-90亿元 is min: 85, max: 90.' },
});

const periodSchema = z.preprocess(
  yearAsText,
  z.string().superRefine((value, ctx) => {
    const m = /^(\d{4})(?:-(\d{4}))?$/.exec(value);
    if (!m)
      ctx.addIssue({
        code: 'custom',
        message: `"${value}" is not a year (2022) or a span of years (2021-2025)`,
        params: { hint: 'Write the years the value is about; put the source’s wording (十四五期间) in periodLabel.' },
      });
    else if (m[2] && Number(m[2]) <= Number(m[1]))
      ctx.addIssue({
        code: 'custom',
        message: `"${value}" ends before it starts`,
        params: { hint: 'Write the earlier year first: 2021-2025.' },
      });
  }),
);

const entityIdSchema = z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'must be an entity id such as policies/louzhangzhi');

export const figureSchema = z.strictObject({
  /** What is measured, the same words for every value of it: 区级税收, 旧住房综合修缮改造面积. */
  metric: z.string().min(2),
  /** What of the metric the value is, when not its level: 增长 (growth), 年均增长率. */
  aspect: z.string().min(2).optional(),
  value: z.union([z.number(), rangeSchema]),
  qualifier: z.enum(Object.keys(qualifierPlacement) as [Qualifier, ...Qualifier[]]).optional(),
  unit: z.string().min(1),
  kind: z.enum(figureKinds),
  /** The years the value is about: 2022, or 2021-2025 for a five-year total. */
  period: periodSchema,
  /** The source's own words for the period, shown instead of the years: 十四五期间, 2021年以来. */
  periodLabel: z.string().min(2).optional(),
  region: canonicalRegionField,
  entities: z.array(entityIdSchema).default([]),
  citation: citationSchema,
});

export const eventSchema = z.strictObject({
  /** As precise as the source: 2019, 2020-04 or 2022-01-13. */
  date: z.preprocess(
    yearAsText,
    z.string().superRefine((value, ctx) => {
      const problem = calendarDateProblem(value);
      if (problem)
        ctx.addIssue({
          code: 'custom',
          message: problem,
          params: { hint: 'Write the date as precisely as the source gives it: 2019, "2020-04" or "2022-01-13".' },
        });
    }),
  ),
  title: z.string().min(4),
  kind: z.enum(eventKinds),
  region: canonicalRegionField,
  entities: z.array(entityIdSchema).default([]),
  citation: citationSchema,
});

/** A number or date of the sources that is deliberately not a figure or an event, and why. */
export const factIgnoreSchema = z.strictObject({
  doc: z.string().regex(SLUG, 'must be a source slug such as changzheng-2022-plan'),
  /** Words around the number or date, as in the source; every paragraph containing them is covered. */
  quote: z.string().min(2),
  why: z.string().min(4),
});

export const figuresFileSchema = z.array(figureSchema);
export const eventsFileSchema = z.array(eventSchema);
export const factIgnoreFileSchema = z.array(factIgnoreSchema);

export type FigureEntry = z.infer<typeof figureSchema>;
export type EventEntry = z.infer<typeof eventSchema>;
export type FactIgnoreEntry = z.infer<typeof factIgnoreSchema>;
export type FactCitation = z.infer<typeof citationSchema>;
