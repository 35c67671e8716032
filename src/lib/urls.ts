/** Every URL the site emits goes through here, so the site works under any base path. */
export function createUrls(base: string) {
  const b = base.endsWith('/') ? base : base + '/';
  return {
    base: b,
    home: () => b,
    document: (slug: string, anchor?: string) => `${b}documents/${slug}/${anchor ? `#${anchor}` : ''}`,
    /** `policies/louzhangzhi` → `/policies/louzhangzhi/`. */
    entity: (entityId: string, anchor?: string) => `${b}${entityId}/${anchor ? `#${anchor}` : ''}`,
    kindIndex: (kind: string) => `${b}${kind}/`,
    search: (query?: string) => `${b}search/${query ? `?q=${encodeURIComponent(query)}` : ''}`,
    asset: (path: string) => b + path.replace(/^\//, ''),
  };
}

export type Urls = ReturnType<typeof createUrls>;
