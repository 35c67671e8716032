import { createHash } from 'node:crypto';
import { formatChineseDate } from '../labels.ts';

/** How many of the latest documents the feed carries: more than the home page's 10, so a reader who checks weekly misses none. */
export const FEED_SIZE = 20;

export interface FeedDocument {
  slug: string;
  meta: { title: string; date: string; published?: string; documentNumber?: string; issuer?: string; kind?: string; summary: string };
}

export interface FeedOptions {
  siteName: string;
  description: string;
  /** The site's public address with its base (`https://host/zhengce/`), or undefined when SITE_URL is unset. */
  siteUrl?: string;
  /** The base path (`/` or `/zhengce/`): links are paths from the host's root without SITE_URL. */
  base: string;
  /** When the feed was built, for a feed with no dated entry. */
  now: Date;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A document's date (`2021`, `2025-02`, `2022-01-13`) as the RFC 3339 time Atom requires: its first day, in Shanghai. */
export function atomDate(date: string): string {
  const [y, m = '01', d = '01'] = date.split('-');
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}T00:00:00+08:00`;
}

/**
 * Atom needs a permanent absolute id for the feed and every entry. With SITE_URL it is the page's
 * address; without it the host is unknown, so it is a name-based UUID of the site and the path,
 * which stays the same from build to build.
 */
function atomId(path: string, options: FeedOptions): string {
  if (options.siteUrl) return new URL(path, options.siteUrl).href;
  const hex = createHash('sha1').update(`${options.siteName}\n${path}`).digest('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A link: absolute with SITE_URL; otherwise the path from the host's root, which a reader resolves against the feed's own address. */
function href(path: string, options: FeedOptions): string {
  return options.siteUrl ? new URL(path, options.siteUrl).href : options.base + path;
}

const issued = (d: FeedDocument) => d.meta.published ?? d.meta.date;

/** The Atom feed (RFC 4287) of the latest documents, newest first: title, 文号, date, issuer, summary and link of each. */
export function atomFeed(documents: readonly FeedDocument[], options: FeedOptions): string {
  const latest = [...documents].sort((a, b) => issued(b).localeCompare(issued(a)) || a.slug.localeCompare(b.slug)).slice(0, FEED_SIZE);
  const updated = latest.length > 0 ? atomDate(issued(latest[0])) : options.now.toISOString();
  const entries = latest.map((d) => {
    const path = `documents/${d.slug}/`;
    const line = [d.meta.documentNumber, formatChineseDate(issued(d)), d.meta.issuer].filter(Boolean).join(' · ');
    return [
      '  <entry>',
      `    <title>${escapeXml(d.meta.title)}</title>`,
      `    <id>${escapeXml(atomId(path, options))}</id>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(href(path, options))}"/>`,
      `    <updated>${atomDate(issued(d))}</updated>`,
      `    <published>${atomDate(issued(d))}</published>`,
      d.meta.issuer ? `    <author><name>${escapeXml(d.meta.issuer)}</name></author>` : '',
      d.meta.kind ? `    <category term="${escapeXml(d.meta.kind)}"/>` : '',
      `    <summary type="text">${escapeXml(`${line}\n${d.meta.summary}`)}</summary>`,
      '  </entry>',
    ]
      .filter(Boolean)
      .join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  <title>${escapeXml(`${options.siteName}：最新文件`)}</title>`,
    `  <subtitle>${escapeXml(options.description)}</subtitle>`,
    `  <id>${escapeXml(atomId('feed.xml', options))}</id>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(href('feed.xml', options))}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(href('', options))}"/>`,
    `  <updated>${updated}</updated>`,
    `  <author><name>${escapeXml(options.siteName)}</name></author>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
