import { describe, expect, it } from 'vitest';
import { PASSAGE, densestPassage, impact, passageImpact } from '../../src/lib/search/index-format.ts';
import { pageList } from '../../src/lib/postbuild/generate-service-worker.ts';
import { site } from '../../src/config/site.config.ts';

describe('densest passage', () => {
  it('counts the most occurrences within one passage, wherever the page is long', () => {
    expect(densestPassage([])).toBe(0);
    expect(densestPassage([5])).toBe(1);
    expect(densestPassage([0, PASSAGE - 1, PASSAGE])).toBe(2);
    expect(densestPassage([0, 10_000, 10_050, 10_100, 40_000])).toBe(3);
  });

  it('scores a page by that passage: equal for a short page and a long one with the same paragraph', () => {
    const short = [20, 60];
    const long = [30_000, 30_040];
    expect(passageImpact(short)).toBe(passageImpact(long));
    expect(passageImpact(short)).toBe(impact(2, PASSAGE, PASSAGE));
    expect(passageImpact([1, 2, 3])).toBeGreaterThan(passageImpact([1, 2]));
  });
});

describe('the offline page list', () => {
  it("lists pages by title and kind: documents first, then the site's kinds in order, then other pages", () => {
    const kind = site.kinds[0];
    const list = pageList([
      { file: 'index.html', url: '', title: site.name, bytes: 1 },
      { file: `${kind.id}/b/index.html`, url: `${kind.id}/b/`, title: `乙 · ${site.name}`, bytes: 1 },
      { file: 'documents/x/index.html', url: 'documents/x/', title: `规划 · ${site.name}`, bytes: 1 },
      { file: `${kind.id}/index.html`, url: `${kind.id}/`, title: `${kind.label} · ${site.name}`, bytes: 1 },
      { file: '404.html', url: '404.html', title: '404', bytes: 1 },
      { file: `${kind.id}/a/index.html`, url: `${kind.id}/a/`, title: `甲 · ${site.name}`, bytes: 1 },
    ]);
    expect(list).toEqual([
      ['documents/x/', '规划', site.documentsLabel],
      [`${kind.id}/a/`, '甲', kind.badge],
      [`${kind.id}/b/`, '乙', kind.badge],
      ...[
        ['', site.name, '栏目'],
        [`${kind.id}/`, kind.label, '栏目'],
      ].sort((a, b) => a[1].localeCompare(b[1], 'zh')),
    ]);
  });
});
