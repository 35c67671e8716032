/**
 * The pictures a link preview shows (WeChat, Weibo, DingTalk, OpenGraph and Twitter cards): drawn at
 * build time from the site's own configuration and the page's title, never fetched from a
 * third-party service. Pure: what a page's picture is and how it looks as SVG; the rasterising and
 * its cache are the post-build step's (src/lib/postbuild/share-images.ts), the site picture's the
 * route's (src/pages/share/site.png.ts).
 */

/** OpenGraph's recommended size for a large preview (1.91:1); every share picture has it. */
export const SHARE_IMAGE = { width: 1200, height: 630 } as const;

/** The folder of the share pictures, under the base; left out of the offline copy and the service worker. */
export const SHARE_DIR = 'share';
/** The site-wide picture: pages without their own (listings, search, 404…) and `shareImages: 'site'`. */
export const SITE_SHARE_IMAGE = `${SHARE_DIR}/site.png`;

/** The header's panel colour in the dark scheme (global.css `--panel`), for the dark `theme-color`. */
export const DARK_PANEL = '#1f2226';

/** Chinese faces first (Debian's fonts-noto-cjk, then other systems' own), so librsvg never picks a Latin face for Chinese. */
export const SHARE_FONT = `'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei','WenQuanYi Micro Hei',sans-serif`;

/** Characters XML 1.0 does not allow at all (C0 controls but tab and line breaks, U+FFFE, U+FFFF): one would make the SVG unreadable. */
const NOT_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/**
 * Text as SVG character data or an attribute value: source text is data, never markup. Characters
 * XML cannot hold (and halves of broken surrogate pairs) are dropped, so no title can stop the build.
 */
export const escapeXml = (s: string) =>
  s
    .toWellFormed()
    .replace(NOT_IN_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

/** A run of Latin letters and digits (`2022`, `COVID-19`) is kept on one line, as a browser would. */
const TOKEN = /[A-Za-z0-9][A-Za-z0-9.%+-]*|[\s\S]/gu;
/** Punctuation that must not begin a line: it stays at the end of the previous one (hangs in the margin). */
const NO_LINE_START = /^[，。、；：？！）》」』”’…—·]$/u;
/** Punctuation that must not end a line: it moves to the next one with what it opens. */
const NO_LINE_END = /^[（《「『“‘]$/u;
/** Width in ems: Latin letters and digits are about half as wide as a Chinese character. */
const widthOf = (token: string) => [...token].reduce((w, ch) => w + (ch.charCodeAt(0) < 0x2000 ? 0.55 : 1), 0);

/**
 * Cuts text into lines about `perLine` Chinese characters wide (Chinese has no spaces to break at,
 * so any character boundary is a break, as in the browser; a run of Latin letters or digits breaks
 * only where it is longer than a line; line-start and line-end punctuation rules as in 标点符号用法),
 * at most `maxLines`, the last ending in … when cut.
 */
export function wrapLines(text: string, perLine: number, maxLines: number): string[] {
  const tokens = (text.trim().match(TOKEN) ?? []).flatMap((t) => (widthOf(t) > perLine ? [...t] : [t]));
  const lines: string[][] = [[]];
  let width = 0;
  for (const token of tokens) {
    const w = widthOf(token);
    const line = lines[lines.length - 1];
    if (width + w > perLine && line.length > 0 && !NO_LINE_START.test(token)) {
      const carried = NO_LINE_END.test(line[line.length - 1]) && line.length > 1 ? [line.pop()!] : [];
      lines.push([...carried, token]);
      width = widthOf(carried.join('')) + w;
    } else {
      line.push(token);
      width += w;
    }
  }
  if (lines.length <= maxLines) return lines.map((l) => l.join('')).filter((l) => l !== '');
  const kept = lines.slice(0, maxLines).map((l) => l.join(''));
  // The last kept line makes room for the …: characters come off its end until it fits.
  const last = [...kept[maxLines - 1]];
  while (last.length > 0 && widthOf(last.join('')) > perLine - 1) last.pop();
  kept[maxLines - 1] = last.join('') + '…';
  return kept;
}

/** The browser tab's title: the page's own, then the site's name (the home page is the name alone). */
export const documentTitle = (title: string, siteName: string) => (title === siteName ? title : `${title} · ${siteName}`);

/** The page's own title back from its browser tab title (`documentTitle`'s inverse), as the post-build step reads it. */
export function pageTitleFrom(tabTitle: string, siteName: string): string {
  const suffix = ` · ${siteName}`;
  return tabTitle.endsWith(suffix) ? tabTitle.slice(0, -suffix.length) : tabTitle;
}

export interface ShareImageText {
  name: string;
  description: string;
  /** The site's theme colour (src/config/site.config.ts `themeColor`), for the band and the name. */
  color: string;
  /** False where no Chinese font is installed: the band and rule only, rather than boxes for text. */
  text?: boolean;
}

/** The site picture as SVG (rasterised to PNG by the route): a coloured band, the site name, its description. */
export function shareImageSvg({ name, description, color, text = true }: ShareImageText): string {
  const { width, height } = SHARE_IMAGE;
  const nameSize = Math.min(96, Math.floor((width - 160) / Math.max(1, [...name].length)));
  const lines = text ? wrapLines(description, 24, 3) : [];
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="#fbfaf7"/>`,
    `<rect width="${width}" height="24" fill="${escapeXml(color)}"/>`,
    `<rect x="80" y="${height - 80}" width="${width - 160}" height="4" fill="${escapeXml(color)}"/>`,
    text
      ? `<text x="80" y="${200 + nameSize / 2}" font-family="${SHARE_FONT}" font-size="${nameSize}" font-weight="700" fill="${escapeXml(color)}">${escapeXml(name)}</text>`
      : '',
    ...lines.map(
      (line, i) => `<text x="80" y="${340 + i * 56}" font-family="${SHARE_FONT}" font-size="40" fill="#1f1f1f">${escapeXml(line)}</text>`,
    ),
    '</svg>',
  ].join('');
}

export interface PageShareText {
  /** The site's name, drawn small above the title. */
  siteName: string;
  /** The page's title (a document's or an entity page's): the picture's subject. */
  title: string;
  /** What the page is (文件, 政策…), drawn as a tag beside the site name. */
  label: string;
  color: string;
}

/** Characters per title line and lines at most: 60 px glyphs across the 1040 px between the margins. */
const TITLE = { size: 60, perLine: 17, maxLines: 4, lineHeight: 84 } as const;

/**
 * A page's picture as SVG: the band and rule of the site picture, the site name and the page's
 * kind on top, its title below in large type (up to four lines; a longer title ends in …).
 */
export function pageShareSvg({ siteName, title, label, color }: PageShareText): string {
  const { width, height } = SHARE_IMAGE;
  const c = escapeXml(color);
  const lines = wrapLines(title, TITLE.perLine, TITLE.maxLines);
  // The title block is centred in the space between the header line (y 150) and the rule.
  const top = 150 + (height - 80 - 150 - lines.length * TITLE.lineHeight) / 2 + TITLE.size;
  // The header line holds at most 22 characters of the name and 8 of the label (each cut with …);
  // widths are estimated at one em a character, exact for Chinese, generous for Latin letters.
  const nameSize = 36;
  const [name] = wrapLines(siteName, 22, 1);
  const [tag] = wrapLines(label, 8, 1);
  const labelX = 80 + [...name].length * nameSize + 28;
  const labelWidth = [...tag].length * 28 + 28;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="#fbfaf7"/>`,
    `<rect width="${width}" height="24" fill="${c}"/>`,
    `<text x="80" y="110" font-family="${SHARE_FONT}" font-size="${nameSize}" font-weight="700" fill="${c}">${escapeXml(name)}</text>`,
    `<rect x="${labelX}" y="78" width="${labelWidth}" height="44" rx="6" fill="none" stroke="${c}" stroke-width="2"/>`,
    `<text x="${labelX + 14}" y="110" font-family="${SHARE_FONT}" font-size="28" fill="${c}">${escapeXml(tag)}</text>`,
    ...lines.map(
      (line, i) =>
        `<text x="80" y="${Math.round(top + i * TITLE.lineHeight)}" font-family="${SHARE_FONT}" font-size="${TITLE.size}" font-weight="700" fill="#1f1f1f">${escapeXml(line)}</text>`,
    ),
    `<rect x="80" y="${height - 80}" width="${width - 160}" height="4" fill="${c}"/>`,
    '</svg>',
  ].join('');
}

/** What the share pictures need of the site definition. */
export interface ShareSite {
  name: string;
  documentsLabel: string;
  kinds: readonly { id: string; badge: string }[];
  themeColor: string;
  shareImages: 'page' | 'site';
}

export interface SharePicture {
  /** The picture's file under the base: `share/documents/x.png`, `share/policies/y.png`. */
  file: string;
  /**
   * Whether this page's title is the picture's (document and entity pages); a mention list
   * (noindex, it repeats its entity's page) shows its entity's picture and draws none.
   */
  own: boolean;
  /** The page's kind as the picture names it: the documents' label or the entity kind's badge. */
  label: string;
}

/**
 * A page's own share picture from its address (without the base: `documents/x/`,
 * `policies/y/mentions/2/`), or undefined for pages that show the site picture. The layout (for
 * og:image) and the post-build step (which draws them) both ask here, so they cannot disagree.
 */
export function sharePictureOf(url: string, site: ShareSite): SharePicture | undefined {
  if (site.shareImages !== 'page') return undefined;
  const m = /^([^/]+)\/([^/]+)\/(mentions\/(?:\d+\/)?)?$/.exec(url);
  if (!m || m[2] === 'page') return undefined;
  const [, section, slug, mentions] = m;
  const kind = site.kinds.find((k) => k.id === section);
  if (section === 'documents' && !mentions) return { file: `${SHARE_DIR}/documents/${slug}.png`, own: true, label: site.documentsLabel };
  if (!kind) return undefined;
  return { file: `${SHARE_DIR}/${kind.id}/${slug}.png`, own: !mentions, label: kind.badge };
}
