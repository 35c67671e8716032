/**
 * The picture a link preview shows (WeChat, Weibo, DingTalk, OpenGraph and Twitter cards): drawn at
 * build time from the site's own configuration, never fetched from a third-party service.
 */

/** OpenGraph's recommended size for a large preview (1.91:1). */
export const SHARE_IMAGE = { width: 1200, height: 630 } as const;

/** The header's panel colour in the dark scheme (global.css `--panel`), for the dark `theme-color`. */
export const DARK_PANEL = '#1f2226';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Cuts text into lines of at most `perLine` characters (Chinese has no spaces to break at, so any
 * character boundary is a break, as in the browser), at most `maxLines`, the last ending in … when cut.
 */
export function wrapLines(text: string, perLine: number, maxLines: number): string[] {
  const chars = [...text.trim()];
  const lines: string[] = [];
  for (let i = 0; i < chars.length && lines.length < maxLines; i += perLine) lines.push(chars.slice(i, i + perLine).join(''));
  if (chars.length > perLine * maxLines) lines[maxLines - 1] = [...lines[maxLines - 1]].slice(0, perLine - 1).join('') + '…';
  return lines;
}

export interface ShareImageText {
  name: string;
  description: string;
  /** The site's theme colour (src/config/site.config.ts `themeColor`), for the band and the name. */
  color: string;
}

/** The share image as SVG (rasterised to PNG by the route): a coloured band, the site name, its description. */
export function shareImageSvg({ name, description, color }: ShareImageText): string {
  const { width, height } = SHARE_IMAGE;
  const nameSize = Math.min(96, Math.floor((width - 160) / Math.max(1, [...name].length)));
  const lines = wrapLines(description, 24, 3);
  const font = `'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei','WenQuanYi Micro Hei',sans-serif`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="#fbfaf7"/>`,
    `<rect width="${width}" height="24" fill="${escapeXml(color)}"/>`,
    `<rect x="80" y="${height - 80}" width="${width - 160}" height="4" fill="${escapeXml(color)}"/>`,
    `<text x="80" y="${200 + nameSize / 2}" font-family="${font}" font-size="${nameSize}" font-weight="700" fill="${escapeXml(color)}">${escapeXml(name)}</text>`,
    ...lines.map(
      (line, i) => `<text x="80" y="${340 + i * 56}" font-family="${font}" font-size="40" fill="#1f1f1f">${escapeXml(line)}</text>`,
    ),
    '</svg>',
  ].join('');
}
