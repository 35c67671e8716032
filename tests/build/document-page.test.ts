import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { DIST, readPage } from '../support/site.ts';

/** The built document pages: provenance, downloads, navigation and neighbours, as a reader gets them. */
const SOURCES = join(import.meta.dirname, '../../content/sources');
const slugs = readdirSync(SOURCES)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => f.slice(0, -4));
const page = (slug: string) => readPage(`documents/${slug}/index.html`);
const rows = (slug: string) =>
  Object.fromEntries(
    (selectAll('table.meta-table tr', page(slug)) as Element[]).map((tr) => [toString(select('th', tr)!), toString(select('td', tr)!)]),
  );
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('document pages', () => {
  it('offer the source byte for byte (下载原文) and the cleaned text, linked from the page', () => {
    for (const slug of slugs) {
      const meta = parseYaml(readFileSync(join(SOURCES, `${slug}.meta.yaml`), 'utf8')) as { sha256: string };
      expect(sha256(readFileSync(join(DIST, 'documents', slug, 'source.txt'))), slug).toBe(meta.sha256);
      const text = readFileSync(join(DIST, 'documents', slug, 'text.txt'), 'utf8');
      expect(text.length, slug).toBeGreaterThan(1000);
      expect(text, slug).not.toContain('<<<');
      const links = (selectAll('.document-tools a[download]', page(slug)) as Element[]).map((a) => [toString(a), a.properties.href]);
      expect(links, slug).toEqual([
        ['下载原文', `/documents/${slug}/source.txt`],
        ['下载整理后文本', `/documents/${slug}/text.txt`],
      ]);
    }
  });

  it('give a notice its issuer, 发文字号, dates and 时效', () => {
    const notice = rows('changzheng-2022-plan');
    expect(notice.发文机关).toBe('长征镇人民政府');
    expect(notice.发文字号).toBe('普长府〔2022〕1号');
    expect(notice.成文日期).toBe('2022年1月13日');
    expect(notice.发布日期).toBe('原文未载');
    expect(notice.时效).toMatch(/^(现行|已到期)（实施期2022年；截至\d{4}年\d{1,2}月\d{1,2}日）$/);
    expect(rows('changzheng-14th-five-year-plan').时效).toMatch(/^(现行|已到期)（实施期2021年至2025年；截至/);
    // The format for a reader, never the stored file name; where the text came from in its own row.
    expect(notice.原始文件).toBe('原文文本（TXT）');
    expect(notice.文字来源).toBe('自 PDF 提取的文字');
    expect((select('table.meta-table a', page('changzheng-2022-plan')) as Element).properties.href).toBe(
      '/documents/changzheng-2022-plan/source.txt',
    );
  });

  it('give a news page its newspaper source, reporters and date, and no 时效', () => {
    const news = rows('putuo-grassroots-governance-2025');
    expect(news.来源).toBe('报纸（原文未载报名）');
    expect(news.记者).toBe('张成研、丁婉星');
    expect(news.发布日期).toBe('2025年2月');
    expect(news.时效).toBeUndefined();
    expect(rows('xinhong-hub-party-building').记者).toBe('郭文治、孟航');
  });

  it('render 上接第1版 and captions without pictures as labelled notes', () => {
    const note = select('#document-body .page-note', page('putuo-grassroots-governance-2025'))!;
    expect(note.properties.role).toBe('note');
    expect(toString(note)).toMatch(/^版面提示上接第1版/);
    const caption = select('#document-body .image-caption', page('changzheng-party-building-2023'))!;
    expect(toString(caption)).toMatch(/^图片说明位于长征镇的信泰中心（长征镇供图）/);
    expect(toString(select('#document-body', page('changzheng-14th-five-year-plan'))!)).toContain('蔡家浜—外浜—姚明港');
  });

  it('have breadcrumbs and mark 文件 as the current section of the header', () => {
    const tree = page('changzheng-2022-plan');
    const crumbs = select('nav[aria-label="面包屑"] > ol', tree)!;
    expect((selectAll('li', crumbs) as Element[]).map((li) => toString(li))).toEqual([
      '首页',
      '文件',
      '长征镇人民政府关于印发《长征镇2022年经济与社会发展计划》的通知',
    ]);
    expect(toString(select('header nav a[aria-current]', tree)!)).toBe('文件');
  });

  it('link 上一篇 / 下一篇 by date both ways, and at most five related documents', () => {
    const order = slugs
      .map((slug) => ({ slug, date: (parseYaml(readFileSync(join(SOURCES, `${slug}.meta.yaml`), 'utf8')) as { date: string }).date }))
      .sort((a, b) => a.date.localeCompare(b.date) || a.slug.localeCompare(b.slug))
      .map((d) => d.slug);
    order.forEach((slug, i) => {
      const tree = page(slug);
      const href = (rel: string) => (select(`.prev-next a[rel="${rel}"]`, tree) as Element | undefined)?.properties.href;
      expect(href('prev'), slug).toBe(i > 0 ? `/documents/${order[i - 1]}/` : undefined);
      expect(href('next'), slug).toBe(i < order.length - 1 ? `/documents/${order[i + 1]}/` : undefined);
      const related = selectAll('.document-neighbours section li a', tree) as Element[];
      expect(related.length, slug).toBeLessThanOrEqual(5);
      expect(related.map((a) => a.properties.href)).not.toContain(`/documents/${slug}/`);
    });
    // The two Changzheng plans share the most entities; a related document is there because of the
    // entities both link (the 普陀 article links 第二梯队 where that entity's page cites it, so it has one).
    expect((select('.document-neighbours section li a', page('changzheng-2022-plan')) as Element).properties.href).toBe(
      '/documents/changzheng-14th-five-year-plan/',
    );
    for (const slug of order) {
      for (const li of selectAll('.document-neighbours section li', page(slug)) as Element[]) {
        const other = String((select('a', li) as Element).properties.href).split('/')[2];
        const linked = (s: string) =>
          new Set((selectAll('#document-body a.entity-link', page(s)) as Element[]).map((a) => String(a.properties.dataEntity)));
        const mine = linked(slug);
        expect(
          [...linked(other)].some((id) => mine.has(id)),
          `${slug} → ${other}`,
        ).toBe(true);
      }
    }
  });
});
