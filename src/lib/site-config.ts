import { z } from 'zod';

const basePath = z
  .string()
  .regex(/^\/([A-Za-z0-9._~-]+\/)*$/, 'BASE_PATH must look like / or /zhengce/ (leading and trailing slash)');

export const siteConfigSchema = z.strictObject({
  base: basePath,
  site: z.string().url().optional(),
});

export type SiteConfig = z.infer<typeof siteConfigSchema>;

/** Reads the deployment settings from the environment, once, validated. */
export function readSiteConfig(env: Record<string, string | undefined> = process.env): SiteConfig {
  let base = env.BASE_PATH?.trim() || '/';
  if (!base.startsWith('/')) base = '/' + base;
  if (!base.endsWith('/')) base += '/';
  const parsed = siteConfigSchema.safeParse({ base, site: env.SITE_URL?.trim() || undefined });
  if (!parsed.success) {
    throw new Error(`Invalid site configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}
