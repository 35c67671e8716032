import { z } from 'zod';
import { site } from '../../site.config.ts';

/** Kinds, their labels, sub-types, themes and regions come from the site configuration. */
export const entityKinds: readonly string[] = site.kinds.map((k) => k.id);
/** An entity collection's id, e.g. `policies`: one of `entityKinds`. */
export type EntityKind = string;

export const entityKindLabels: Record<EntityKind, string> = Object.fromEntries(site.kinds.map((k) => [k.id, k.label]));

export const themes = site.themes as [string, ...string[]];

/** Sub-types allowed in each collection. */
export const entitySubtypes: Record<EntityKind, readonly [string, ...string[]]> = Object.fromEntries(
  site.kinds.map((k) => [k.id, k.subtypes as [string, ...string[]]]),
);

/** Every region name an entity may have (aliases are spellings used in source metadata). */
export const regionNames = site.regions.map((r) => r.name) as [string, ...string[]];

export const statuses = ['规划中', '建设中', '已建成', '实施中', '已完成', '持续推进'] as const;

export function entityFrontmatterSchema(kind: EntityKind) {
  return z.strictObject({
    name: z.string().min(2),
    aliases: z.array(z.string().min(2)).default([]),
    kind: z.enum(entitySubtypes[kind]),
    theme: z.enum(themes),
    region: z.enum(regionNames, { message: `must be one of the regions in src/site.config.ts: ${regionNames.join('、')}` }),
    period: z.string().min(2).optional(),
    status: z.enum(statuses).optional(),
    summary: z.string().min(6).max(80),
    figures: z
      .array(z.strictObject({ label: z.string().min(1), value: z.string().min(1) }))
      .default([]),
  });
}

export type EntityFrontmatter = z.infer<ReturnType<typeof entityFrontmatterSchema>>;

/** The identity of an entity across the site: `policies/louzhangzhi`. */
export interface EntityRef {
  id: string;
  kind: EntityKind;
  slug: string;
  name: string;
  aliases: string[];
}
