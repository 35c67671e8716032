import { z } from 'zod';

const SLUG = /^[a-z][a-z0-9-]*$/;
/** Route segments the site uses for its own pages; a kind must not take one of them. */
const RESERVED_ROUTES = ['documents', 'search', 'search-index', 'offline', 'timeline', 'figures', 'relations', 'icons', 'share', '404'];

const kindSchema = z.strictObject({
  /** Folder under content/, route segment and collection name: `policies` → /policies/. */
  id: z
    .string()
    .regex(SLUG, 'must be a lowercase slug such as "policies"')
    .refine((id) => !RESERVED_ROUTES.includes(id), { message: `must not be one of the site's own routes (${RESERVED_ROUTES.join(', ')})` }),
  /** Heading of the kind's index page and the navigation. */
  label: z.string().min(1),
  /** Short label on cards and search results. */
  badge: z.string().min(1),
  /** One sentence on the home page. */
  blurb: z.string().min(1),
  /** The `kind:` values an entity page of this kind may have. */
  subtypes: z.array(z.string().min(1)).min(1),
});

/** A site-wide view (指标, 大事记, 关系) linked from the home page once its route exists. */
const viewSchema = z.strictObject({
  /** Route segment: `figures` → /figures/ (src/pages/figures.astro or src/pages/figures/index.astro). */
  path: z.string().regex(SLUG, 'must be a lowercase slug such as "figures"'),
  label: z.string().min(1),
  blurb: z.string().min(1),
});

/**
 * A region the site is about: entity links are scoped by it, and badges and filters name it so.
 * Any other administrative division of China is a valid region without being listed here
 * (src/lib/regions.ts); a configured one that is a division is matched to it by its name, aliases
 * and parent. Without `parent` it is the root (全国) or, if it is a division, placed by the dataset.
 */
const regionSchema = z.strictObject({
  name: z.string().min(2),
  parent: z.string().min(2).optional(),
  /** Other spellings used in metadata, e.g. 上海市普陀区长征镇 for 普陀区长征镇. */
  aliases: z.array(z.string().min(2)).default([]),
});

/**
 * A kind of source document (类型 in its metadata): its name as shown, and other spellings a
 * document's metadata may use for it (政府工作报告 for 报告).
 */
const documentKindSchema = z.strictObject({
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  /**
   * A 体裁 of normative text (办法, 细则 …) rather than a 文种 a document is issued as: such a text
   * is usually the attachment of a 通知, so add-document never proposes it from a title alone.
   */
  genre: z.boolean().default(false),
});

export const siteDefinitionSchema = z
  .strictObject({
    name: z.string().min(1),
    description: z.string().min(1),
    intro: z.string().min(1),
    /** The footer's line on where the content comes from and which text is authoritative. */
    attribution: z.string().min(1),
    documentsLabel: z.string().min(1),
    kinds: z.array(kindSchema).min(1),
    themes: z.array(z.string().min(1)).min(1),
    /** Kinds of dated event on the timeline (大事记), in content/events.yaml. */
    eventKinds: z.array(z.string().min(1)).min(1),
    /** Kinds of source document, each spelling (name or alias) used by one kind only. */
    documentKinds: z.array(documentKindSchema).min(1),
    regions: z.array(regionSchema).min(1),
    views: z.array(viewSchema).default([]),
    search: z.strictObject({ placeholder: z.string().min(1), examples: z.array(z.string().min(1)).min(1) }),
    themeColor: z.string().regex(/^#[0-9a-f]{6}$/i, 'must be a colour like #a4161a'),
    /**
     * The link-preview picture (og:image): `page` draws one per document and entity page with its
     * title (src/lib/postbuild/share-images.ts); `site` gives every page the site picture.
     */
    shareImages: z.enum(['page', 'site']).default('page'),
  })
  .superRefine((site, ctx) => {
    const seen = new Set<string>();
    site.kinds.forEach((k, i) => {
      if (seen.has(k.id)) ctx.addIssue({ code: 'custom', path: ['kinds', i, 'id'], message: `kind "${k.id}" is defined twice` });
      seen.add(k.id);
    });
    const kindOf = new Map<string, string>();
    site.documentKinds.forEach((k, i) => {
      [k.name, ...k.aliases].forEach((spelling, j) => {
        const other = kindOf.get(spelling);
        const path = j === 0 ? ['documentKinds', i, 'name'] : ['documentKinds', i, 'aliases', j - 1];
        if (other !== undefined)
          ctx.addIssue({ code: 'custom', path, message: `"${spelling}" is already a spelling of document kind "${other}"` });
        else kindOf.set(spelling, k.name);
      });
    });
    const names = new Set(site.regions.flatMap((r) => [r.name, ...r.aliases]));
    site.regions.forEach((r, i) => {
      if (r.parent && !names.has(r.parent))
        ctx.addIssue({ code: 'custom', path: ['regions', i, 'parent'], message: `unknown parent region "${r.parent}"` });
    });
  });

export type SiteDefinition = z.infer<typeof siteDefinitionSchema>;
export type KindDefinition = SiteDefinition['kinds'][number];
export type DocumentKindDefinition = SiteDefinition['documentKinds'][number];

/** Validates the site definition; a mistake names the field in src/config/site.config.ts. */
export function parseSiteDefinition(input: z.input<typeof siteDefinitionSchema>): SiteDefinition {
  const parsed = siteDefinitionSchema.safeParse(input);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - src/config/site.config.ts, field "${i.path.join('.')}": ${i.message}`);
    throw new Error(`The site configuration has ${lines.length} problem(s):\n${lines.join('\n')}`);
  }
  return parsed.data;
}
