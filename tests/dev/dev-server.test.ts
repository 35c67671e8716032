import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useDevProject } from '../support/dev-server.ts';

/**
 * `npm run dev` runs the same pipeline as the build, and keeps it current: when an entity page
 * changes, the compiler runs again and the pages that show its backlinks change without a restart.
 * Runs in a copy of the project so the real content is never touched.
 */
const { work, page } = useDevProject('dev-server-');

describe('npm run dev', () => {
  it('shows a changed entity page’s new mention on the mentioned page without a restart', async () => {
    const before = await page('policies/hezhangzhi/');
    expect(before).toContain('河长制');
    // 楼长制 appears once among the page's related entities: its 关系 list, the sidebar, or the entity pages mentioning it.
    const listed = /<li[^>]*data-entity="policies\/louzhangzhi"|提及本条目的其他条目[\s\S]*楼长制/;
    expect(before).not.toMatch(listed);

    appendFileSync(
      join(work, 'content/policies/louzhangzhi.md'),
      '\n与河长制类似，楼长制把责任落实到人。[〔2023年报道〕](cite:changzheng-party-building-2023 "累计走访企业近千户次")\n',
    );
    let after = '';
    for (let i = 0; i < 60 && !listed.test(after); i++) {
      await new Promise((r) => setTimeout(r, 500));
      after = await page('policies/hezhangzhi/');
    }
    expect(after).toMatch(listed);
  }, 60_000);
});
