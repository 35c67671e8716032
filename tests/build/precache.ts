/** The precache manifest Workbox inlined into sw.js: `{url:"…",revision:"…"|null}` entries. */
export function precacheManifest(sw: string): Array<{ url: string; revision: string | null }> {
  const entries = [...sw.matchAll(/\{url:"([^"]+)",revision:(?:"([^"]*)"|null)\}/g)].map((m) => ({ url: m[1], revision: m[2] ?? null }));
  if (entries.length === 0) throw new Error('no precache manifest found in sw.js');
  return entries;
}
