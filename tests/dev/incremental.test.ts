import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileSite } from '../../src/lib/compiler/pipeline.ts';
import { createUrls } from '../../src/lib/urls.ts';
import { useDevProject } from '../support/dev-server.ts';

/**
 * The author's loop in `npm run dev`: a save under content/ rewrites only the generated files whose
 * content changed (so Astro reloads only those entries), and a change every document depends on
 * (a new alias) still reaches every document page. Runs in a copy of the project.
 */
const { work, page, log } = useDevProject('dev-incremental-');
const generated = join(work, '.generated');

/** Modification time of every file under .generated/, by path relative to it. */
function generatedFiles(): Map<string, number> {
  const files = new Map<string, number>();
  for (const f of readdirSync(generated, { recursive: true }) as string[]) {
    const stat = statSync(join(generated, f));
    if (stat.isFile()) files.set(f, stat.mtimeMs);
  }
  return files;
}

/** Waits for the next compile after `mark` (its `.generated:` summary line) and returns that line's counts. */
async function nextCompile(mark: number): Promise<{ written: number; removed: number; unchanged: number }> {
  for (let i = 0; i < 240; i++) {
    const m = log()
      .slice(mark)
      .match(/\.generated: (\d+) files written, (\d+) removed, (\d+) unchanged/);
    if (m) return { written: Number(m[1]), removed: Number(m[2]), unchanged: Number(m[3]) };
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no compile after the edit:\n${log().slice(mark)}`);
}

const edit = (file: string, change: (text: string) => string) =>
  writeFileSync(join(work, file), change(readFileSync(join(work, file), 'utf8')));

describe('npm run dev, incremental', () => {
  it('an edit to an entity page’s body rewrites only the files that show it, and Astro reloads only those', async () => {
    expect(await page('policies/louzhangzhi/')).not.toContain('楼长制的做法在本地测试中补充说明');
    const before = generatedFiles();
    const mark = log().length;
    edit('content/policies/louzhangzhi.md', (t) => t + '\n楼长制的做法在本地测试中补充说明。\n');
    const counts = await nextCompile(mark);

    let after = '';
    for (let i = 0; i < 60 && !after.includes('楼长制的做法在本地测试中补充说明'); i++) {
      await new Promise((r) => setTimeout(r, 500));
      after = await page('policies/louzhangzhi/');
    }
    expect(after).toContain('楼长制的做法在本地测试中补充说明');

    const now = generatedFiles();
    const rewritten = [...now].filter(([f, mtime]) => before.get(f) !== mtime).map(([f]) => f);
    // The entity's own page, and the list of characters the site uses (the sentence may add some).
    const allowed = new Set(['entities/policies/louzhangzhi.json', 'site-characters.txt']);
    expect(rewritten.filter((f) => !allowed.has(f))).toEqual([]);
    expect(rewritten).toContain('entities/policies/louzhangzhi.json');
    expect(counts.written).toBe(rewritten.length);
    expect(counts.removed).toBe(0);
    expect(counts.unchanged).toBe(now.size - rewritten.length);
    // Astro's glob loaders reloaded the changed entry, not every entry of every collection.
    const reloaded =
      log()
        .slice(mark)
        .match(/Reloaded data from/g) ?? [];
    expect(reloaded.length).toBeLessThanOrEqual(rewritten.length);
  }, 90_000);

  it('a new alias in an entity’s frontmatter links it on every document page that mentions it', async () => {
    const linked = /data-entity="policies\/louzhangzhi">营商环境<\/a>/;
    const slugs = readdirSync(join(work, 'content/sources'))
      .filter((f) => f.endsWith('.txt'))
      .map((f) => f.slice(0, -4));
    for (const slug of slugs) expect(await page(`documents/${slug}/`)).not.toMatch(linked);

    const mark = log().length;
    edit('content/policies/louzhangzhi.md', (t) => t.replace('name: "楼长制"\n', 'name: "楼长制"\naliases: ["营商环境"]\n'));
    // Which pages link the alias (first mention per section, the document's region) is the
    // compiler's to decide: a compile of the edited content from scratch says which must change.
    const expected = compileSite(join(work, 'content'), createUrls('/'))
      .documents.filter((d) => linked.test(d.html))
      .map((d) => d.slug);
    expect(expected.length).toBeGreaterThan(1);
    const counts = await nextCompile(mark);
    expect(counts.written).toBeGreaterThanOrEqual(expected.length);

    for (const slug of expected) {
      let html = '';
      for (let i = 0; i < 60 && !linked.test(html); i++) {
        html = await page(`documents/${slug}/`);
        if (!linked.test(html)) await new Promise((r) => setTimeout(r, 500));
      }
      expect(html, slug).toMatch(linked);
    }
  }, 120_000);
});
