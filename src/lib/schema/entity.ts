import { z } from 'zod';
import { site } from '../../config/site.config.ts';
import { canonicalRegionField } from './region-field.ts';

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

/**
 * The configured regions' names, in the configuration's order (filters list them first). An
 * entity's region may also be any administrative division of China (see region-field.ts).
 */
export const regionNames = site.regions.map((r) => r.name) as [string, ...string[]];

/**
 * A citation in frontmatter: the document's slug and words that occur in exactly one of its
 * paragraphs, resolved to that paragraph's anchor exactly as body `cite:` links are.
 */
export const factCitationSchema = z.strictObject({
  doc: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be the slug of a document in content/sources (its file name without .txt)'),
  quote: z.string().min(4, 'must quote at least 4 characters of the cited paragraph'),
});
export type FactCitation = z.infer<typeof factCitationSchema>;

/**
 * Typed relations between entity pages, each with the label shown on the page that declares it
 * and the label of its inverse, shown on the target's page. Defined once, here.
 */
export const relationTypes = {
  属于: { label: '属于', inverse: '包含' },
  包含: { label: '包含', inverse: '属于' },
  实施: { label: '实施', inverse: '实施者' },
  前身: { label: '前身', inverse: '后继' },
  同一事物的不同阶段: { label: '同一事物的不同阶段', inverse: '同一事物的不同阶段' },
} as const;
export type RelationType = keyof typeof relationTypes;
const relationTypeNames = Object.keys(relationTypes) as [RelationType, ...RelationType[]];

export function entityFrontmatterSchema(kind: EntityKind) {
  return z.strictObject({
    name: z.string().min(2),
    aliases: z.array(z.string().min(2)).default([]),
    kind: z.enum(entitySubtypes[kind]),
    theme: z.enum(themes),
    /** Read as its canonical name: a configured region's name, else the division's display name. */
    region: canonicalRegionField,
    /** The paragraph that places the entity in its region (checked: the cited document's region must lie within it). */
    regionCite: factCitationSchema.optional(),
    period: z.string().min(2).optional(),
    periodCite: factCitationSchema.optional(),
    /** Each source's own word for the state of things, dated by that source; sources may disagree. */
    status: z.array(factCitationSchema.extend({ value: z.string().min(2).max(16) })).default([]),
    summary: z.string().min(6).max(80),
    figures: z.array(factCitationSchema.extend({ label: z.string().min(1), value: z.string().min(1) })).default([]),
    /** `target` is another page's id, `<kind>/<slug>`; the inverse is shown on the target's page. */
    relations: z
      .array(
        z.strictObject({
          type: z.enum(relationTypeNames, { message: `must be one of ${relationTypeNames.join('、')}` }),
          target: z.string().min(3),
        }),
      )
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
