/** The precache list the build put in front of sw.js (src/lib/postbuild/service-worker.ts): `PRECACHE_MANIFEST=[…]`. */
export function precacheManifest(sw: string): Array<{ url: string; revision: string | null }> {
  const list = /^const PRECACHE_MANIFEST=(\[.*?\]),OFFLINE_FALLBACK=/.exec(sw)?.[1];
  if (!list) throw new Error('no precache manifest found in sw.js');
  return JSON.parse(list) as Array<{ url: string; revision: string | null }>;
}
